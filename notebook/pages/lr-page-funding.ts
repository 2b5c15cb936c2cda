/**
 * 资金平衡 — the finance bureau's page. How much bond to issue and when, at what rate and term;
 * what if sale prices fall or sales slip; what pool balance to open with → the cumulative cash
 * balance, sources and uses by month, debt service against the revenue available to pay it with
 * the coverage floor drawn, the peak need, and every check of the run.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { RunPage } from './run-page';
import { pageStyles } from '../lib/styles';
import { controlDefaults } from '../lib/controls';
import { bondTable, coverageChart, coverageFloor, debtServiceChart } from '../lib/charts/bonds';
import { cashBalanceChart, sourcesUsesChart } from '../lib/charts/cash-flow';
import { type ChartSpec } from '../lib/charts/common';
import { downloadResultXlsx, fileName } from '../lib/export';
import { engine } from '../lib/engine-client';
import { periodColumns, type Column, type Table } from '../../engine/presentation/tables';
import type { Kpi } from '../components/lr-kpis';
import type { PartialResult, PeriodRow, View } from '../../engine/report';
import type { TraceOf } from '../components/lr-table';
import '../components/lr-slider';
import '../components/lr-kpis';
import '../components/lr-chart';
import '../components/lr-table';
import '../components/lr-checks';
import '../components/lr-problems';


/** The views the page draws (and the trace's account names): the worker reports only these. */
const FUNDING_VIEWS = ['totals', 'periods', 'bonds', 'pool', 'parameters', 'checks', 'accounts'] as const satisfies readonly View[];
type FundingResult = PartialResult<(typeof FUNDING_VIEWS)[number]>;

export class PageFunding extends RunPage<(typeof FUNDING_VIEWS)[number]> {
  protected override views() {
    return FUNDING_VIEWS;
  }

  /** What the last result draws: the charts by name, the tables and the headline figures. */
  private charts: Partial<Record<'cash' | 'flows' | 'service' | 'coverage', ChartSpec>> = {};
  private tables: { periods: Table | null; bonds: Table | null } = { periods: null, bonds: null };
  private kpis: Kpi[] = [];

  static override styles = [...pageStyles, css`
    fieldset { border: 1px solid #e2e2dc; border-radius: 6px; padding: 0.3rem 0.7rem 0.5rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: end; }
    label.field { display: flex; flex-direction: column; font-size: 0.85rem; color: #3b3b37; }
    label.field input { width: 9rem; padding: 0.15rem 0.3rem; }
    section { margin: 1rem 0; }
    .status { font-size: 0.8rem; color: #6b6b66; min-height: 1.2em; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    const r = this.freshResult(changed);
    if (r) {
      const bonds = r.bonds.length > 0;
      this.charts = {
        cash: cashBalanceChart(r, this.lang, this.unit),
        flows: sourcesUsesChart(r, this.lang, this.unit),
        service: bonds ? debtServiceChart(r.bonds, this.lang, this.unit) : undefined,
        coverage: bonds ? coverageChart(r.bonds, coverageFloor(r), this.lang) : undefined,
      };
      this.tables = { periods: { name: 'periods', zh: '分期现金流', en: 'Cash flow by month', columns: periodColumns(r) as Column<unknown>[], rows: r.periods }, bonds: bondTable(r, this.lang) };
      this.kpis = this.kpisOf(r);
    }
  }

  /** The workbook has every view: the page's run has only those it draws, so the workbook asks for a whole Result. */
  private async downloadWorkbook(name: string): Promise<void> {
    if (!this.controlled) return;
    const reply = await engine().run(`${this.localName}-workbook`, this.controlled.scenario);
    if (reply?.ok) downloadResultXlsx(reply.result, name);
  }

  private kpisOf(r: FundingResult): Kpi[] {
    const floor = coverageFloor(r);
    const cov = r.bonds[0]?.coverageRatio ?? null;
    const pool = r.pool;
    return [
      { key: 'saleRevenue', label: this.T('出让收入', 'Sale revenue'), value: r.totals.saleRevenue, trace: { metric: 'saleRevenue' } },
      { key: 'spending', label: this.T('土地储备成本', 'Reserve cost'), value: r.totals.spending, trace: { metric: 'spending' } },
      { key: 'fiscalTopUp', label: this.T('财政补足（资金缺口）', 'Fiscal top-up (gap)'), value: r.totals.fiscalTopUp, trace: { metric: 'fiscalTopUp' }, tone: r.totals.fiscalTopUp !== '0.00' ? 'bad' : null },
      { key: 'peakFundingNeed', label: this.T('峰值资金需求', 'Peak funding need'), value: r.totals.peakFundingNeed },
      { key: 'financingCost', label: this.T('融资成本', 'Financing cost'), value: r.totals.financingCost, trace: { metric: 'financingCost' } },
      { key: 'coverage', label: this.T(`本息覆盖倍数（下限 ${floor}）`, `Debt service coverage (floor ${floor})`), value: null, text: cov ?? '—', tone: cov === null ? null : Number(cov) >= Number(floor) ? 'good' : 'bad' },
      { key: 'poolMin', label: this.T(`资金池最低余额${pool.minPeriod ? `（${pool.minPeriod}）` : ''}`, `Pool low point${pool.minPeriod ? ` (${pool.minPeriod})` : ''}`), value: pool.minBalance,
        // The pool is the reserve fund when zones are pooled; closed zones' funds are several accounts.
        trace: pool.fund === 'reserveFund' ? { metric: 'poolBalance', period: pool.minPeriod } : null },
      ...(r.bonds.length > 0
        ? [{ key: 'fiscalDebtSupportOutstanding', label: this.T('财政最终负担的偿债资金', 'Debt service the budget bears'), value: r.totals.fiscalDebtSupportOutstanding,
            hint: r.totals.fiscalDebtSupport !== '0.00' ? this.T(`垫付 ${r.totals.fiscalDebtSupport} 元，已由出让收入归还 ${r.totals.fiscalDebtSupportReturned} 元`, `advanced ${r.totals.fiscalDebtSupport} yuan, ${r.totals.fiscalDebtSupportReturned} returned from sale income`) : undefined,
            tone: r.totals.fiscalDebtSupportOutstanding !== '0.00' ? 'bad' : null } as Kpi,
          { key: 'financingCostInVerifiedCost', label: this.T('计入核定成本的融资成本', 'Financing cost in the verified cost'), value: r.totals.financingCostInVerifiedCost } as Kpi]
        : []),
      { key: 'valueAdded', label: this.T('增值收益', 'Value added'), value: r.totals.valueAdded, trace: { metric: 'valueAdded' } },
      { key: 'npv', label: this.T(`净现值（折现率 ${r.totals.discountRate}）`, `NPV at ${r.totals.discountRate}`), value: r.totals.npv, tone: r.totals.npv.startsWith('-') ? 'bad' : null },
      { key: 'irr', label: this.T('内部收益率', 'IRR'), value: null, text: irrText(r, this.T('无（现金流未变号）', 'none (no sign change)'), this.T('多个解', 'several roots')) },
      { key: 'payback', label: this.T('回收期（累计转正）', 'Payback (cumulative ≥ 0)'), value: null, text: r.totals.paybackPeriod ?? this.T('测算期内未回收', 'not within the timeline') },
    ];
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const reply = this.runner.reply;
    return html`
      ${this.intro({ zh: '资金平衡：发多少债、何时发，出让收入能否覆盖本息', en: 'Funding: how much bond, when, and will sales cover it' }, {
        zh: '储备土地的收储与前期开发先花钱，出让收入要到成交后分期缴入国库。本页把债券规模、发行时间、利率与期限，出让价格与出让时间，以及资金池期初余额放在一起：移动任一输入，下方每张图都会重算。点击任一数字可查看它背后的分录、规则与参数来源。',
        en: 'Acquiring and preparing reserve land costs money first; sale income arrives in instalments after the auction. This page puts bond size, issue date, rate and term, sale prices and timing, and the pool’s opening balance together: move any input and every chart below recomputes. Click any figure to see the postings, rule and parameter sources behind it.',
      })}
      ${this.runState(() => this.controls(), (r, runId) => this.body(r, runId),
        html`<div class="status" data-status>${this.runner.pending ? T('计算中…', 'Computing…') : reply ? T(`引擎用时 ${reply.ms.toFixed(1)} 毫秒`, `engine ${reply.ms.toFixed(1)} ms`) : ''}</div>`)}
    `;
  }

  private controls() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const s = this.loaded?.ok ? this.loaded.scenario : {};
    const d = controlDefaults(s);
    const v = (k: string) => this.params[k] ?? d[k] ?? '';
    const put = (k: string, value: string) => this.setParams({ [k]: value === '' || value === d[k] ? null : value });
    const price = Number(v('price'));
    const delay = Number(v('delay'));
    const start = (s.timeline as { start?: string } | undefined)?.start ?? '2022-01';
    const rate = v('rate') || '3';
    const term = v('term') || '5';
    return html`<div class="controls" role="group" aria-label=${T('输入', 'Inputs')}>
      <lr-slider name="price" label=${T('出让价格系数', 'Sale price factor')} min="50" max="150" step="5" .value=${price} value-text=${`× ${(price / 100).toFixed(2)}`}
        @value-input=${(e: CustomEvent) => put('price', e.detail.value)}></lr-slider>
      <lr-slider name="delay" label=${T('出让推迟（月）', 'Sale delay (months)')} min="0" max="24" step="1" .value=${delay} value-text=${T(`${delay} 个月`, `${delay} months`)}
        @value-input=${(e: CustomEvent) => put('delay', e.detail.value)}></lr-slider>
      <fieldset>
        <legend>${T('土地储备专项债券', 'Land reserve special bond')}${d.bond ? '' : T('（本情景未发债，填写规模即发行一期）', ' (none in this scenario: enter a size to issue one)')}</legend>
        <label class="field">${T('发行规模（万元）', 'Size (万元)')}
          <input type="number" min="0" step="1000" name="bond" .value=${v('bond')} placeholder="50000" @change=${(e: Event) => put('bond', (e.target as HTMLInputElement).value)} /></label>
        <label class="field">${T('发行时间', 'Issue month')}
          <input type="month" name="issue" .value=${v('issue')} placeholder=${start} @change=${(e: Event) => put('issue', (e.target as HTMLInputElement).value)} /></label>
        <lr-slider name="rate" label=${T('票面利率（%）', 'Coupon (%)')} min="1" max="6" step="0.05" .value=${Number(rate)} value-text=${`${Number(rate).toFixed(2)}%`}
          @value-input=${(e: CustomEvent) => put('rate', e.detail.value)}></lr-slider>
        <lr-slider name="shift" label=${T('利率上浮（基点）', 'Rate shift (bp)')} min="-100" max="300" step="25" .value=${Number(v('shift') || '0')} value-text=${`${Number(v('shift') || '0') > 0 ? '+' : ''}${v('shift') || '0'} bp`}
          @value-input=${(e: CustomEvent) => put('shift', e.detail.value)}></lr-slider>
        <lr-slider name="term" label=${T('期限（年）', 'Term (years)')} min="1" max="15" step="1" .value=${Number(term)} value-text=${T(`${term} 年`, `${term} years`)}
          @value-input=${(e: CustomEvent) => put('term', e.detail.value)}></lr-slider>
      </fieldset>
      <fieldset>
        <legend>${T('资金池', 'Fund pool')}</legend>
        <label class="field">${T('期初余额（万元）', 'Opening balance (万元)')}
          <input type="number" min="0" step="1000" name="pool" .value=${v('pool')} placeholder="0" @change=${(e: Event) => put('pool', (e.target as HTMLInputElement).value)} /></label>
      </fieldset>
    </div>`;
  }

  private body(r: FundingResult, runId: number) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const id = r.scenario.id;
    const noBond = r.bonds.length ? '' : T('本情景没有发行债券：在上方输入发行规模。', 'No bond in this scenario: enter a size above.');
    const byPeriod: TraceOf = (row, col) => (col.kind === 'money' ? { metric: col.key, period: (row as PeriodRow).period } : null);
    const byBond: TraceOf = (_row, col) => (col.key === 'interest' ? { metric: 'interest' } : col.key === 'bondFees' ? { metric: 'bondFees' } : null);
    return html`<div @trace=${(e: Event) => this.forwardTrace(e, runId, r)}>
      <lr-kpis .items=${this.kpis} lang=${this.lang} unit=${this.unit}></lr-kpis>
      <div class="grid2">
        ${this.chartView('cash', this.charts.cash ?? null, T('累计资金余额', 'Cumulative cash balance'), fileName(id, 'cash-balance'))}
        ${this.chartView('flows', this.charts.flows ?? null, T('分期资金来源与运用', 'Sources and uses by month'), fileName(id, 'sources-uses'))}
      </div>
      <h3>${T('偿债能力', 'Debt service')}</h3>
      <p class="prose">${T('每年可用于偿债的收入与当年还本付息之比即本息覆盖倍数；虚线为下限（参数 bond.coverageFloor，默认 1.2）。', 'Each year’s revenue available for debt service over that year’s principal and interest is the coverage ratio; the dashed line is the floor (parameter bond.coverageFloor, 1.2 by default).')}</p>
      <div class="grid2">
        ${this.chartView('debt-service', this.charts.service ?? null, T('可用收入与还本付息', 'Available revenue and debt service'), fileName(id, 'debt-service'), { note: noBond })}
        ${this.chartView('coverage', this.charts.coverage ?? null, T('本息覆盖倍数', 'Coverage ratio'), fileName(id, 'coverage'), { note: noBond })}
      </div>
      ${this.tables.bonds ? this.tableView('bonds', this.tables.bonds, fileName(id, 'bonds'), { highlight: ['coverageRatio'], traceOf: byBond }) : nothing}
      <section class="stack">
        <lr-checks .checks=${r.checks} lang=${this.lang}></lr-checks>
        ${this.tableView('periods', this.tables.periods, fileName(id, 'periods'), { traceOf: byPeriod, limit: 24 })}
        <p><button data-export="workbook" @click=${() => this.downloadWorkbook(fileName(id, 'workbook'))}>${T('下载完整工作簿（XLSX）', 'Download the full workbook (XLSX)')}</button></p>
      </section>
    </div>`;
  }
}

customElements.define('lr-page-funding', PageFunding);

/** IRR as the engine states it (a decimal string), shown as a percentage; several roots are all listed. */
function irrText(r: FundingResult, none: string, several: string): string {
  const roots = r.totals.irrRoots;
  if (!roots.length) return none;
  const pct = (x: string) => `${x.startsWith('-') ? '-' : ''}${percentOf(x.replace('-', ''))}%`;
  return roots.length === 1 ? pct(roots[0]) : `${several}：${roots.map(pct).join(' / ')}`;
}

/** "0.4134" → "41.34", by moving the decimal point (no float arithmetic). */
function percentOf(decimal: string): string {
  const [int, frac = ''] = decimal.split('.');
  const digits = (int + frac.padEnd(4, '0')).replace(/^0+(?=\d{3})/, '');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
  return `${whole}.${digits.slice(-2)}`;
}
