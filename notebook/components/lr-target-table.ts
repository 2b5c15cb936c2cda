/**
 * <lr-target-table>: a target table (绩效指标实现程度) — each indicator's target as written and
 * as read, the actual (editable: a quantity with its unit, the inputs of a formula, or the unit's
 * yes/no for a qualitative target), the engine's achievement rate and verdict. It only draws;
 * edits go out as `target-edit` ({key, value}; value null to go back to the file's). Downloads
 * as CSV and XLSX.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base, cardStyles, cardTableStyles } from '../lib/styles';
import { L } from '../lib/format';
import { downloadCsv, downloadTableXlsx } from '../lib/export';
import type { TargetEditor, TargetRowView } from '../lib/target-table-view';
import type { Table } from '../../engine/presentation/tables';

export class LrTargetTable extends LangElement {
  static override properties = { rows: { attribute: false }, table: { attribute: false }, name: {}, heading: {} };
  rows: readonly TargetRowView[] = [];
  table: Table | null = null;
  name = 'targets';
  heading = '';

  static override styles = [
    base,
    cardStyles,
    cardTableStyles,
    css`
      td.group { color: #55554f; white-space: nowrap; }
      .src { font-size: 0.75rem; color: #8a8a82; max-width: 30ch; }
      .met { color: #216e39; font-weight: 600; }
      .missed { color: #a8201a; font-weight: 700; }
      input[type='text'] { width: 8.5rem; padding: 0.1rem 0.25rem; }
      input.edited, select.edited { outline: 2px solid #d9a52b; }
      .formula { font-size: 0.75rem; font-family: ui-monospace, monospace; color: #55554f; }
      .err { color: #a8201a; font-size: 0.75rem; }
      .edit label { display: block; font-size: 0.75rem; color: #55554f; }
    `,
  ];

  private emit(key: string, value: string | null) {
    this.dispatchEvent(new CustomEvent('target-edit', { bubbles: true, composed: true, detail: { key, value } }));
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const t = this.table;
    return html`
      <header>
        <h3>${this.heading}</h3>
        <div class="tools">
          <button ?disabled=${!t} data-export="csv" @click=${() => t && downloadCsv(t, this.lang, this.name)}>CSV</button>
          <button ?disabled=${!t} data-export="xlsx" @click=${() => t && downloadTableXlsx(t, this.name)}>XLSX</button>
        </div>
      </header>
      <div class="scroll"><table>
        <thead><tr>
          <th scope="col">${T('类别', 'Group')}</th><th scope="col">${T('绩效指标', 'Indicator')}</th><th scope="col">${T('目标', 'Target')}</th>
          <th scope="col">${T('实际（可修改）', 'Actual (editable)')}</th><th scope="col" class="n">${T('完成率', 'Achievement')}</th><th scope="col">${T('是否达成', 'Met')}</th>
        </tr></thead>
        <tbody>${this.rows.map((r) => html`<tr data-row=${r.id}>
          <td class="group">${r.group}</td>
          <td>${r.name}${r.note ? html`<div class="src" title=${r.note}>${T('注', 'Note')}：${r.note}</div>` : nothing}</td>
          <td>${r.target || '—'}<div class="src">${r.targetText}</div></td>
          <td class="edit">${r.editor ? this.editor(r.editor, r.edited) : html`<span>${r.actual}</span>`}
            ${r.actual && r.actual !== r.actualText && r.editor?.kind !== 'actual' ? html`<div data-actual>${r.actual}</div>` : nothing}
            ${r.formula ? html`<div class="formula">${r.formula}</div>` : nothing}
            <div class="src">${r.actualText}</div>
            ${r.problems.map((p) => html`<div class="err" data-problem=${p.path}>${this.lang === 'en' ? p.message.en : p.message.zh}</div>`)}</td>
          <td class="num" data-achievement>${r.achievement ?? '—'}</td>
          <td data-met=${r.met === null ? '' : String(r.met)} class=${r.met === null ? '' : r.met ? 'met' : 'missed'}>${r.met === null ? T('未设目标', 'no target') : r.met ? T('✓ 达成', '✓ met') : T('✗ 未达成', '✗ missed')}</td>
        </tr>`)}</tbody>
      </table></div>
    `;
  }

  private editor(e: TargetEditor, edited: boolean) {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const cls = edited ? 'edited' : '';
    const text = (key: string, value: string, original: string, label: string) => html`<label>${label}</label><input type="text" name=${key} class=${cls} .value=${value} aria-label=${label}
      @input=${(ev: Event) => { const v = (ev.target as HTMLInputElement).value; if (v !== '') this.emit(key, v === original ? null : v); }}
      @change=${(ev: Event) => { const v = (ev.target as HTMLInputElement).value; this.emit(key, v === '' || v === original ? null : v); }} />`;
    if (e.kind === 'met') {
      return html`<select name=${e.key} class=${cls} @change=${(ev: Event) => { const v = (ev.target as HTMLSelectElement).value; this.emit(e.key, (v === '1') === e.original ? null : v); }}>
        <option value="1" ?selected=${e.value}>${T('是（达成）', 'yes (met)')}</option><option value="0" ?selected=${!e.value}>${T('否', 'no')}</option></select>`;
    }
    if (e.kind === 'actual') return text(e.key, e.value, e.original, T('实际值', 'Actual'));
    return html`${e.fields.map((f) => text(f.key, f.value, f.original, f.name))}`;
  }
}

customElements.define('lr-target-table', LrTargetTable);

declare global {
  interface HTMLElementTagNameMap { 'lr-target-table': LrTargetTable }
}
