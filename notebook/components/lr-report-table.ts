/**
 * <lr-report-table>: one section of a filed report (engine/reports) as a table — labels, the
 * column headings, money in the report's unit. A cell that the workbook writes as a formula is
 * marked (data-formula) so a reader knows which figures are totals of the others. Draws only.
 */
import { html, css, nothing } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { cellText } from '../../engine/reports/report-text';
import type { ReportSection, ReportUnit } from '../../engine/reports/report-table';

export class LrReportTable extends LangElement {
  static override properties = { section: { attribute: false }, unit: {} };
  section: ReportSection | null = null;
  unit: ReportUnit = 'wan';

  static override styles = [base, css`
    :host { margin: 0.4rem 0 1.2rem; break-inside: avoid; }
    .wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; background: #fff; }
    caption { text-align: left; font-weight: 620; padding: 0.2rem 0; }
    th, td { border: 1px solid #e2e2dc; padding: 0.15rem 0.5rem; }
    thead th { background: #f3f3ee; font-weight: 600; white-space: nowrap; }
    th[scope='row'] { text-align: left; font-weight: 400; white-space: nowrap; }
    th.sub { padding-left: 1.4rem; }
    td[data-formula] { font-weight: 650; }
    .note { font-size: 0.8rem; color: #55554f; margin: 0.2rem 0; max-width: none; border: none; background: none; padding: 0; }
    @media print {
      .wrap { overflow: visible; }
      table { font-size: 7pt; width: 100%; }
      th, td { padding: 0.05rem 0.2rem; }
    }
  `];

  override render() {
    const s = this.section;
    if (!s) return nothing;
    const L = (t: { zh: string; en: string }) => (this.lang === 'en' ? t.en : t.zh);
    return html`
      <div class="wrap"><table data-section=${s.key}>
        <caption>${L(s.title)}</caption>
        <thead><tr><th>${this.lang === 'en' ? 'Item' : '项目'}</th>${s.head.map((h) => html`<th>${L(h)}</th>`)}</tr></thead>
        <tbody>${s.rows.map((r) => html`<tr data-row=${r.key}>
          <th scope="row" class=${r.level ? 'sub' : ''}>${L(r.label)}</th>
          ${r.cells.map((c) => html`<td class=${c.t === 'text' ? '' : 'num'} ?data-formula=${(c.t === 'money' || c.t === 'ratio') && !!c.f}>${cellText(c, this.unit)}</td>`)}
        </tr>`)}</tbody>
      </table></div>
      ${s.note ? html`<p class="note">${L(s.note)}</p>` : nothing}
    `;
  }
}

customElements.define('lr-report-table', LrReportTable);
