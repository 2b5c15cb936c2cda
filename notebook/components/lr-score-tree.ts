/**
 * <lr-score-tree>: an indicator tree (一级 → 二级 → 三级指标) as a collapsible table — weight, the
 * engine's score and score rate, the source's own score beside it, and for each leaf its rule,
 * how the score came about and the evaluator's finding, with an input to change that finding.
 * It only draws: rows come in as a property, a fold goes out as `fold-change` (the new list of
 * folded ids) and an edit as `leaf-edit` ({key, value}; value null to go back to the file's).
 * Downloads the whole tree (folded or not) as CSV and XLSX.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { LangElement } from './lang-element';
import { base, cardStyles, cardTableStyles } from '../lib/styles';
import { L } from '../lib/format';
import { downloadCsv, downloadTableXlsx } from '../lib/export';
import { RULE_NAMES, type Editor, type TreeRow } from '../lib/score-tree-view';
import type { Table } from '../../engine/presentation/tables';

export class LrScoreTree extends LangElement {
  static override properties = { rows: { attribute: false }, folded: { attribute: false }, table: { attribute: false }, name: {}, heading: {} };
  rows: readonly TreeRow[] = [];
  folded: readonly string[] = [];
  table: Table | null = null;
  name = 'score-tree';
  heading = '';
  private visible: readonly TreeRow[] = [];

  static override styles = [
    base,
    cardStyles,
    cardTableStyles,
    css`
      th.n { text-align: right; }
      tr.l1 td { background: #eef3f8; font-weight: 620; }
      tr.l2 td { background: #f8fafc; font-weight: 560; }
      td.name { white-space: nowrap; }
      td.name button { border: none; background: none; padding: 0 0.2rem 0 0; font: inherit; cursor: pointer; color: #1f5f8b; width: 1.3rem; text-align: left; }
      .pad2 { padding-left: 1.4rem; }
      .pad3 { padding-left: 2.8rem; }
      td.differs { background: #fff4e0; }
      .rule { font-size: 0.78rem; color: #55554f; }
      .trace { font-size: 0.8rem; font-family: ui-monospace, monospace; color: #2c2c2a; }
      .why { font-size: 0.8rem; color: #3b3b37; max-width: 48ch; }
      details summary { cursor: pointer; font-size: 0.78rem; color: #55554f; }
      details p { font-size: 0.78rem; margin: 0.2rem 0; max-width: 60ch; }
      input[type='number'] { width: 4.5rem; padding: 0.1rem 0.25rem; }
      input.edited, select.edited { outline: 2px solid #d9a52b; }
      .err { color: #a8201a; font-size: 0.78rem; max-width: 28ch; }
      .edit label { font-size: 0.75rem; color: #55554f; display: block; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('rows') || changed.has('folded')) {
      const folded = new Set(this.folded);
      this.visible = this.rows.filter((r) => !r.ancestors.some((a) => folded.has(a)));
    }
  }

  private emitFold(next: string[]) {
    this.dispatchEvent(new CustomEvent('fold-change', { bubbles: true, composed: true, detail: next }));
  }

  private emitEdit(key: string, value: string | null) {
    this.dispatchEvent(new CustomEvent('leaf-edit', { bubbles: true, composed: true, detail: { key, value } }));
  }

  override render() {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const t = this.table;
    const parents = this.rows.filter((r) => r.hasChildren).map((r) => r.id);
    return html`
      <header>
        <h3>${this.heading}</h3>
        <div class="tools">
          <button data-fold="none" @click=${() => this.emitFold([])}>${T('全部展开', 'Expand all')}</button>
          <button data-fold="all" @click=${() => this.emitFold(this.rows.filter((r) => r.level === 1).map((r) => r.id))}>${T('只看一级', 'Level 1 only')}</button>
          <button data-fold="leaves" @click=${() => this.emitFold(this.rows.filter((r) => r.level === 2 && r.hasChildren).map((r) => r.id))}>${T('到二级', 'To level 2')}</button>
          <button ?disabled=${!t} data-export="csv" @click=${() => t && downloadCsv(t, this.lang, this.name)} title=${T('下载 CSV', 'Download CSV')}>CSV</button>
          <button ?disabled=${!t} data-export="xlsx" @click=${() => t && downloadTableXlsx(t, this.name)} title=${T('下载 XLSX', 'Download XLSX')}>XLSX</button>
        </div>
      </header>
      <div class="scroll">
        <table>
          <thead><tr>
            <th scope="col">${T('指标', 'Indicator')}</th>
            <th scope="col" class="n">${T('分值', 'Weight')}</th>
            <th scope="col" class="n">${T('得分', 'Score')}</th>
            <th scope="col" class="n">${T('得分率', 'Rate')}</th>
            <th scope="col" class="n">${T('原文得分', 'Reported')}</th>
            <th scope="col">${T('评价输入', 'Finding')}</th>
            <th scope="col">${T('评分方法与计算', 'Rule and how')}</th>
            <th scope="col">${T('评价依据', 'Justification')}</th>
          </tr></thead>
          <tbody>${this.visible.map((r) => this.row(r, parents.includes(r.id) && this.folded.includes(r.id)))}</tbody>
        </table>
      </div>
    `;
  }

  private row(r: TreeRow, isFolded: boolean) {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const toggle = () => this.emitFold(isFolded ? this.folded.filter((x) => x !== r.id) : [...this.folded, r.id]);
    const differs = r.differs;
    return html`<tr class="l${r.level}" data-node=${r.id} data-level=${r.level}>
      <td class="name ${r.level === 2 ? 'pad2' : r.level === 3 ? 'pad3' : ''}">
        ${r.hasChildren
          ? html`<button aria-expanded=${String(!isFolded)} data-toggle=${r.id} title=${isFolded ? T('展开', 'Expand') : T('折叠', 'Collapse')} @click=${toggle}>${isFolded ? '▸' : '▾'}</button>`
          : nothing}${r.name}
      </td>
      <td class="num">${r.weight}</td>
      <td class="num" data-score>${r.score ?? '—'}</td>
      <td class="num" data-rate>${r.rate ?? '—'}</td>
      <td class="num ${differs ? 'differs' : ''}" title=${differs ? T('与原文不同', 'differs from the source') : ''}>${r.reported ?? ''}</td>
      <td class="edit">${r.leaf?.editor ? this.editor(r.leaf.key, r.leaf.editor, r.leaf.edited) : nothing}
        ${r.problems.map((p) => html`<div class="err" data-problem=${p.path}>${this.lang === 'en' ? p.message.en : p.message.zh}</div>`)}</td>
      <td>${r.leaf ? html`<div class="rule">${L(this.lang, RULE_NAMES[r.leaf.kind]?.zh ?? r.leaf.kind, RULE_NAMES[r.leaf.kind]?.en ?? r.leaf.kind)}</div>
          ${r.leaf.trace ? html`<div class="trace">${r.leaf.trace}</div>` : nothing}
          ${r.leaf.ruleText ? html`<details><summary>${T('评分标准（原文）', 'Scoring standard (source)')}</summary><p>${r.leaf.ruleText}</p></details>` : nothing}` : nothing}</td>
      <td class="why">${r.leaf?.justification ?? ''}</td>
    </tr>`;
  }

  private editor(key: string, e: Editor, edited: boolean) {
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const cls = edited ? 'edited' : '';
    if (e.kind === 'met') {
      return html`<select name=${key} class=${cls} aria-label=${T('是否符合', 'Met?')} @change=${(ev: Event) => { const v = (ev.target as HTMLSelectElement).value; this.emitEdit(key, (v === '1') === e.original ? null : v); }}>
        <option value="1" ?selected=${e.value}>${T('符合', 'met')}</option>
        <option value="0" ?selected=${!e.value}>${T('不符合', 'not met')}</option>
      </select>`;
    }
    const number = (label: string, max: string, step: string) => html`<label>${label}</label>
      <input type="number" name=${key} class=${cls} min="0" max=${max} step=${step} .value=${e.value} aria-label=${label}
        @input=${(ev: Event) => { const v = (ev.target as HTMLInputElement).value; if (v !== '') this.emitEdit(key, v === e.original ? null : v); }}
        @change=${(ev: Event) => { const v = (ev.target as HTMLInputElement).value; this.emitEdit(key, v === '' || v === e.original ? null : v); }} />`;
    if (e.kind === 'count') return number(T('不符合项数', 'Items unmet'), String(e.max), '1');
    return number(e.optional ? T('未达标时得分', 'Score if missed') : T('评价得分', 'Score given'), e.max, '0.5');
  }
}

customElements.define('lr-score-tree', LrScoreTree);

declare global {
  interface HTMLElementTagNameMap { 'lr-score-tree': LrScoreTree }
}
