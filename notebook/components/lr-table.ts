/**
 * <lr-table>: a result table with the engine's columns (Chinese or English headers), money shown
 * in 万元 or 亿元 but exported exactly in 元 as CSV and XLSX. A money cell is a button: clicking
 * it (or Enter on it) asks for its trace with a `trace` event, if the page gave a `traceOf`.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base, cardStyles } from '../lib/styles';
import { formatMoney, L, unitShort, type MoneyUnit } from '../lib/format';
import { downloadCsv, downloadTableXlsx } from '../lib/export';
import type { Column, Table } from '../../engine/presentation/tables';
import type { TraceQuery } from '../lib/trace';

export type TraceOf = (row: unknown, column: Column<unknown>) => TraceQuery | null;

export class LrTable extends LangElement {
  static override properties = { table: { attribute: false }, traceOf: { attribute: false }, unit: {}, name: {}, heading: {}, limit: { type: Number }, highlight: { attribute: false }, _all: { state: true } };

  table: Table | null = null;
  traceOf: TraceOf | null = null;
  unit: MoneyUnit = 'wan';
  name = 'table';
  heading = '';
  limit = 40;
  /** Column keys to emphasise (a difference column, say). */
  highlight: string[] = [];
  _all = false;

  static override styles = [
    base,
    cardStyles,
    css`
      /* A table out of view is laid out and painted only when scrolled to: a moved control refills it at once, but the charts above paint first. */
      :host { content-visibility: auto; contain-intrinsic-size: auto 20rem; }
      .scroll { overflow: auto; max-height: 28rem; margin-top: 0.4rem; }
      .scroll:focus-visible { outline: 2px solid #d9822b; outline-offset: 1px; }
      table { border-collapse: collapse; font-size: 0.85rem; width: max-content; min-width: 100%; }
      th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee; }
      th { position: sticky; top: 0; background: #fafaf7; text-align: left; font-weight: 600; z-index: 1; white-space: nowrap; }
      th.money { text-align: right; }
      td.text { white-space: nowrap; max-width: 22rem; overflow: hidden; text-overflow: ellipsis; }
      td.hl, th.hl { background: #fff4e0; }
      td button.cell { border: none; background: none; padding: 0; font: inherit; color: inherit; cursor: pointer; text-decoration: underline dotted #9ab; }
      td button.cell:hover { color: #1f5f8b; }
      .neg { color: #a8201a; }
    `,
  ];

  override render() {
    const t = this.table;
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    if (!t) return nothing;
    const rows = this._all ? t.rows : t.rows.slice(0, this.limit);
    const hasMoney = t.columns.some((c) => c.kind === 'money');
    return html`
      <header>
        <h3>${this.heading || (this.lang === 'en' ? t.en : t.zh)}</h3>
        <div class="tools">
          ${hasMoney ? html`<span class="muted">${T('金额单位', 'Amounts in')} ${unitShort(this.unit)}${T('；导出为元', '; exports in 元')}</span>` : nothing}
          <button @click=${() => downloadCsv(t, this.lang, this.name)} data-export="csv" title=${T('下载 CSV（元，精确到分）', 'Download CSV (元, exact to the fen)')}>CSV</button>
          <button @click=${() => downloadTableXlsx(t, this.name)} data-export="xlsx" title=${T('下载 XLSX', 'Download XLSX')}>XLSX</button>
        </div>
      </header>
      <div class="scroll" tabindex="0" role="region" aria-label=${this.heading || (this.lang === 'en' ? t.en : t.zh)}>
        <table>
          <thead>
            <tr>${t.columns.map((c) => html`<th scope="col" class="${c.kind === 'money' ? 'money' : ''} ${this.highlight.includes(c.key) ? 'hl' : ''}">${this.lang === 'en' ? c.en : c.zh}</th>`)}</tr>
          </thead>
          <tbody>
            ${rows.map((r) => html`<tr>${t.columns.map((c) => this.cell(r, c))}</tr>`)}
          </tbody>
        </table>
      </div>
      ${t.rows.length > this.limit
        ? html`<p class="muted">${T(`共 ${t.rows.length} 行`, `${t.rows.length} rows`)}
            <button class="linklike" @click=${() => (this._all = !this._all)}>${this._all ? T('收起', 'Show fewer') : T('显示全部', 'Show all')}</button></p>`
        : nothing}
    `;
  }

  private cell(row: unknown, c: Column<unknown>) {
    const v = c.get(row);
    const hl = this.highlight.includes(c.key) ? 'hl' : '';
    if (c.kind !== 'money') return html`<td class="${c.kind === 'number' ? 'num' : 'text'} ${hl}" title=${v}>${v}</td>`;
    const shown = formatMoney(v, this.unit);
    const neg = v.startsWith('-') ? 'neg' : '';
    const q = this.traceOf?.(row, c) ?? null;
    if (!q) return html`<td class="num ${hl} ${neg}" title="${v} 元">${shown}</td>`;
    return html`<td class="num ${hl} ${neg}"><button class="cell" title="${v} 元 · ${L(this.lang, '点击查看来源', 'click for its trace')}" data-metric=${q.metric}
      @click=${() => this.dispatchEvent(new CustomEvent('trace', { bubbles: true, composed: true, detail: { ...q, value: v } }))}>${shown}</button></td>`;
  }
}

customElements.define('lr-table', LrTable);

declare global {
  interface HTMLElementTagNameMap { 'lr-table': LrTable }
}
