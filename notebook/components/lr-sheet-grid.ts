/**
 * <lr-sheet-grid>: an uploaded worksheet drawn as it is, with each problem at its cell — the cell
 * outlined and numbered, the numbered messages beneath — so a parcel list can be fixed where it
 * is wrong. Problems carry their place as `file!sheet!D7` (a cell) or `file!sheet!1:1` (a row).
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { L } from '../lib/format';
import { cellAddress } from '../../engine/xlsx/cell-address';
import type { SheetGrid } from '../../engine/xlsx/sheet-grid';
import type { Problem } from '../../engine/problem';

const MAX_ROWS = 60;

export class LrSheetGrid extends LangElement {
  static override properties = { grid: { attribute: false }, problems: { attribute: false } };
  grid: SheetGrid | null = null;
  problems: readonly Problem[] = [];

  static override styles = [base, css`
    .wrap { overflow: auto; max-height: 24rem; border: 1px solid #ddd; }
    table { border-collapse: collapse; font-size: 0.8rem; }
    th, td { border: 1px solid #e2e2dc; padding: 0.1rem 0.35rem; white-space: nowrap; }
    th { background: #f3f3ee; color: #6b6b66; font-weight: 400; }
    td.bad { outline: 2px solid #c0392b; background: #fff0ee; }
    sup { color: #a8201a; font-weight: 600; }
    ol { font-size: 0.85rem; }
  `];

  /** The cell or row a problem names, or null for the whole sheet. */
  private place(p: Problem): { row: number; col: number | null } | null {
    const last = p.path.split('!').pop() ?? '';
    const cell = /^([A-Z]+)(\d+)$/.exec(last);
    if (cell) return { row: Number(cell[2]) - 1, col: [...cell[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
    const row = /^(\d+):\d+$/.exec(last);
    return row ? { row: Number(row[1]) - 1, col: null } : null;
  }

  override render() {
    const g = this.grid;
    if (!g) return nothing;
    const T = (zh: string, en: string) => L(this.lang, zh, en);
    const marks = new Map<string, number[]>();
    this.problems.forEach((p, i) => {
      const at = this.place(p);
      if (!at) return;
      const cols = at.col === null ? Array.from({ length: Math.max(1, g.rows[at.row]?.length ?? 1) }, (_, c) => c) : [at.col];
      for (const c of cols) marks.set(`${at.row}:${c}`, [...(marks.get(`${at.row}:${c}`) ?? []), i + 1]);
    });
    const width = Math.max(1, ...g.rows.slice(0, MAX_ROWS).map((r) => r.length));
    return html`
      <div class="wrap"><table data-sheet=${g.sheet}>
        <tr><th></th>${Array.from({ length: width }, (_, c) => html`<th>${cellAddress(0, c).replace(/\d+$/, '')}</th>`)}</tr>
        ${g.rows.slice(0, MAX_ROWS).map((row, r) => html`<tr><th>${r + 1}</th>${Array.from({ length: width }, (_, c) => {
          const m = marks.get(`${r}:${c}`);
          return html`<td class=${m ? 'bad' : ''} data-cell=${cellAddress(r, c)} title=${m ? m.map((n) => this.message(this.problems[n - 1])).join('\n') : ''}>${row[c]?.text ?? ''}${m ? html`<sup>${m.join(',')}</sup>` : nothing}</td>`;
        })}</tr>`)}
      </table></div>
      ${g.rows.length > MAX_ROWS ? html`<p class="muted">${T(`仅显示前 ${MAX_ROWS} 行`, `first ${MAX_ROWS} rows shown`)}</p>` : nothing}
      ${this.problems.length ? html`<ol data-sheet-problems>${this.problems.map((p) => html`<li data-problem-path=${p.path}><code>${p.path}</code> ${this.message(p)}</li>`)}</ol>` : nothing}
    `;
  }

  private message(p: Problem): string {
    return this.lang === 'en' ? p.message.en : p.message.zh;
  }
}

customElements.define('lr-sheet-grid', LrSheetGrid);
