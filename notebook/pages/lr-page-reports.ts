/**
 * 报表 Reports — the documents a bureau files, built by the engine (in the worker) from the loaded
 * scenario's run and ledger: 收益与融资平衡方案, 专项债券信息披露表, 项目信息卡, 债券资金使用情况,
 * 土地储备资金收支预算（决算）表. Shown on screen, printed on A4 (the app's print stylesheet keeps
 * only the report), downloaded as XLSX with live formulas (the workbook library loads on first
 * download) or as CSV in exact 元. The kind and year live in the URL (`?p=reports&k=disclosure`).
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { NotebookPage } from './notebook-page';
import { pageStyles } from '../lib/styles';
import { engine } from '../lib/engine-client';
import { identity } from '../lib/run-controller';
import { downloadBlob, downloadText, fileName } from '../lib/export';
import { REPORT_KINDS } from '../../engine/reports/index';
import { reportCsv } from '../../engine/reports/report-text';
import { UNIT_TEXT, type Report, type ReportKind } from '../../engine/reports/report-table';
import type { ReportReply } from '../lib/protocol';
import '../components/lr-report-table';

export class PageReports extends NotebookPage {
  static override properties = { ...NotebookPage.properties, _reply: { state: true }, _pending: { state: true } };
  _reply: ReportReply | null = null;
  _pending: boolean = false;
  private key = '';

  static override styles = [...pageStyles, css`
    .kinds { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.5rem 0; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0 0.8rem; }
    .doc { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.8rem 1rem; }
    .doc h3 { margin-top: 0; }
    @media print {
      .kinds, .toolbar, .prose, h1 { display: none; }
      .doc { border: none; padding: 0; }
    }
  `];

  private get kind(): ReportKind {
    const k = this.params.k as ReportKind;
    return REPORT_KINDS.some((x) => x.kind === k) ? k : 'balance';
  }

  private get year(): number | undefined {
    return /^\d{4}$/.test(this.params.y ?? '') ? Number(this.params.y) : undefined;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('loaded') && !changed.has('params')) return;
    const l = this.loaded;
    if (!l?.ok) return;
    const key = `${identity(l.scenario)}|${this.kind}|${this.year ?? ''}`;
    if (key === this.key) return;
    this.key = key;
    this._pending = true;
    void engine().report('reports', l.scenario, this.kind, this.year).then((reply) => {
      if (reply === null) return;
      this._reply = reply;
      this._pending = false;
    });
  }

  private async downloadXlsx(report: Report) {
    const [{ reportWorkbook }, { XLSX_MIME }] = await Promise.all([import('../../engine/reports/report-workbook'), import('../../engine/presentation/sheet-writer')]);
    const bytes = await reportWorkbook(report);
    downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), `${fileName(String(this.loaded?.ok ? this.loaded.scenario.id : 'scenario'), report.kind)}.xlsx`);
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const reply = this._reply;
    const report = reply?.ok ? reply.report : null;
    const years = this.loaded?.ok ? this.yearsOf() : [];
    return html`
      ${this.intro({ zh: '报表：平衡方案、信息披露、项目信息卡、资金使用与收支预算', en: 'Reports: balance plan, disclosure, project card, use of proceeds and budget' }, {
        zh: '每张报表都由引擎根据本情景的测算结果和账簿分录生成，不另行录入；下载的 XLSX 中合计、小计、结转余额与覆盖倍数均为公式，修改年度数字后自动重算。打印时只保留报表（A4 横向）。',
        en: 'Each report is built by the engine from this scenario’s result and ledger postings, never retyped; in the XLSX download every total, subtotal, balance carried forward and coverage ratio is a formula that recalculates when a year’s figure is changed. Printing keeps only the report (A4 landscape).',
      })}
      ${this.loadProblems()}
      <div class="kinds" role="group" aria-label=${T('报表种类', 'Report')}>
        ${REPORT_KINDS.map((k) => html`<button aria-pressed=${String(k.kind === this.kind)} data-kind=${k.kind} @click=${() => this.setParams({ k: k.kind === 'balance' ? null : k.kind })}>${T(k.zh, k.en)}</button>`)}
      </div>
      <div class="toolbar">
        ${this.kind === 'budget' || this.kind === 'bond-use' ? html`<label>${T('年度', 'Year')}
          <select data-year @change=${(e: Event) => this.setParams({ y: (e.target as HTMLSelectElement).value || null })}>
            <option value="" ?selected=${this.year === undefined}>${T('全部年度', 'all years')}</option>
            ${years.map((y) => html`<option value=${y} ?selected=${this.year === y}>${y}</option>`)}
          </select></label>` : nothing}
        <button data-export="report-xlsx" ?disabled=${!report?.sections.length} @click=${() => report && this.downloadXlsx(report)}>${T('下载 XLSX（含公式）', 'Download XLSX (with formulas)')}</button>
        <button data-export="report-csv" ?disabled=${!report?.sections.length} @click=${() => report && downloadText(reportCsv(report, this.lang), `${fileName(String(this.loaded?.ok ? this.loaded.scenario.id : 'scenario'), report.kind)}.csv`, 'text/csv;charset=utf-8')}>CSV</button>
        <button data-print ?disabled=${!report?.sections.length} @click=${() => window.print()}>${T('打印', 'Print')}</button>
        ${this._pending ? html`<span class="muted">${T('计算中…', 'computing…')}</span>` : nothing}
      </div>
      ${reply && !reply.ok ? this.replyProblems({ ok: false, problems: reply.problems, ms: reply.ms, error: reply.error }) : nothing}
      ${report ? html`<article class="doc" data-report=${report.kind}>
        <h3>${this.lang === 'en' ? report.title.en : report.title.zh}</h3>
        <p class="muted">${this.lang === 'en' ? report.subtitle.en : report.subtitle.zh} · ${T(`单位：${UNIT_TEXT[report.unit].zh}`, `Unit: ${UNIT_TEXT[report.unit].en}`)}</p>
        ${report.notes.map((n) => html`<p class="note" data-report-note>${this.lang === 'en' ? n.en : n.zh}</p>`)}
        ${report.sections.map((s) => html`<lr-report-table .section=${s} unit=${report.unit} lang=${this.lang}></lr-report-table>`)}
      </article>` : nothing}
    `;
  }

  private yearsOf(): number[] {
    const l = this.loaded;
    if (!l?.ok) return [];
    const t = l.scenario.timeline as { start?: string; months?: number } | undefined;
    if (!t?.start || !t.months) return [];
    const first = Number(t.start.slice(0, 4));
    const last = first + Math.floor((Number(t.start.slice(5, 7)) - 1 + t.months - 1) / 12);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
}

customElements.define('lr-page-reports', PageReports);
