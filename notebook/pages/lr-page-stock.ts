/**
 * 存量盘活 — the stock-land page (seed 004, Qinzhou). The inventory by county and category (批而未供,
 * 涉嫌闲置, 城镇低效: 3 100.6712 公顷 = 46 510.068 亩), the year's disposal plan (批而未供 18 %, idle
 * 25 %, due 15 / 40 / 75 / 100 % by quarter) at an assumed achievement — for all counties or one by
 * one — and its pace → each county's cumulative progress against its quarterly targets, which
 * county meets which target, and next year's quota (+10 % / −20 %); the seed's checks of 4.65 万亩
 * and 70 % by 2022. All figures are the engine's (simulateDisposalYear and friends), called directly.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { NotebookPage } from './notebook-page';
import { pageStyles } from '../lib/styles';
import { fileName } from '../lib/export';
import { inventoryChart, progressChart } from '../lib/charts/stock';
import { type ChartSpec } from '../lib/charts/common';
import { PACES, countyTable, inventoryTable, outlookTable, progressRows, progressTable, seedChecks, stockView, type Pace, type StockView } from '../lib/stock-view';
import { fenToYuan, groupThousands } from '../../engine/money';
import { IDLE_AS_OF_KEY, IDLE_DEFAULT_AS_OF, idleLandTable, idleLandView, type IdleLandView } from '../lib/idle-land-view';
import { fixed, grandTotalHa, haToMu, muToWanMu } from '../../engine/stock-land';
import type { Check } from '../../engine/check';
import type { Problem } from '../../engine/problem';
import type { Table } from '../../engine/presentation/tables';
import type { Kpi } from '../components/lr-kpis';
import '../components/lr-slider';
import '../components/lr-kpis';
import '../components/lr-chart';
import '../components/lr-table';
import '../components/lr-checks';
import '../components/lr-problems';

export class PageStock extends NotebookPage {
  private view: StockView | null = null;
  private problems: Problem[] = [];
  private inventory: ChartSpec | null = null;
  private progress: ChartSpec | null = null;
  private counties: Table | null = null;
  private outlook: Table | null = null;
  private checks: Check[] = [];
  private kpis: Kpi[] = [];
  private idle: IdleLandView | null = null;
  private idleTable: Table | null = null;
  private idleKpis: Kpi[] = [];

  static override styles = [...pageStyles, css`
    details.counties { flex-basis: 100%; }
    details.counties summary { cursor: pointer; font-size: 0.88rem; }
    table.county-controls { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.4rem; }
    table.county-controls td, table.county-controls th { padding: 0.15rem 0.6rem; text-align: left; border-bottom: 1px solid #f1f1ec; }
    table.county-controls input { width: 6.5rem; }
    .met { color: #216e39; font-weight: 600; }
    .missed { color: #a8201a; font-weight: 700; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('params') && !changed.has('lang')) return;
    this.drawIdle();
    const v = stockView(this.params);
    if ('problems' in v) {
      this.view = null;
      this.problems = v.problems;
      return;
    }
    this.view = v;
    this.problems = [];
    const rows = progressRows(v.year, v.plan);
    this.inventory = inventoryChart(v.inventory, inventoryTable(v.inventory, this.lang), this.lang);
    this.progress = progressChart(rows, progressTable(rows, this.lang), this.lang);
    this.counties = countyTable(v, this.lang);
    this.outlook = outlookTable(v);
    this.checks = seedChecks(v);
    const met = v.year.counties.filter((c) => c.linkageMet).length;
    const totalHa = grandTotalHa(v.inventory);
    this.kpis = [
      { key: 'stock', label: this.T('2020 年末存量', 'Stock at end-2020'), value: null, text: `${groupThousands(fixed(totalHa, 4))} ${this.T('公顷', 'ha')}`, hint: `= ${groupThousands(haToMu(totalHa).toString())} 亩 ≈ ${fixed(muToWanMu(haToMu(totalHa)), 2)} 万亩` },
      { key: 'disposed', label: this.T(`${v.year.year} 年处置（批而未供 + 闲置）`, `Disposed in ${v.year.year} (approved-unsupplied + idle)`), value: null, text: `${groupThousands(fixed(v.year.disposedHa, 4))} ${this.T('公顷', 'ha')}`, hint: `= ${groupThousands(fixed(v.year.disposedMu, 3))} 亩` },
      { key: 'countiesMet', label: this.T('完成增存挂钩任务的县区', 'Counties meeting the 增存挂钩 task'), value: null, text: `${met} / ${v.year.counties.length}`, tone: met === v.year.counties.length ? 'good' : 'bad' },
    ];
  }

  /** Idle land on the chosen date: the engine's assessment of each case, the fee due and the recoveries. */
  private drawIdle() {
    const v = idleLandView(this.params);
    this.idle = v;
    this.idleTable = idleLandTable(v, this.lang);
    this.idleKpis = [
      { key: 'idleParcels', label: this.T(`闲置宗地（${v.asOf}）`, `Idle parcels (${v.asOf})`), value: null, text: `${v.idle} / ${v.rows.length}`, tone: v.idle ? 'bad' : 'good' },
      { key: 'idleFee', label: this.T('应征土地闲置费', 'Idle fee due'), value: fenToYuan(v.feeDueFen) },
      { key: 'idleRecovered', label: this.T('可无偿收回的宗地', 'Recoverable without compensation'), value: null, text: String(v.recovered) },
    ];
  }

  private put(key: string, value: string | null, fallback: string) {
    this.setParams({ [key]: value === null || value === '' || value === fallback ? null : value });
  }

  override render() {
    const v = this.view;
    return html`
      ${this.intro({ zh: '存量盘活：批而未供与闲置土地的处置进度', en: 'Stock land: disposing of approved-unsupplied and idle land' }, {
        zh: '钦州市 2020 年末有存量建设用地 3,100.6712 公顷（4.65 万亩）。三年行动要求“增存挂钩”：批而未供土地每年处置 18% 以上、闲置土地 25% 以上，按季度累计完成 15%、40%、75%、100%；完成年度任务的县区奖励 10% 新增建设用地计划指标，未完成的核减 20%。移动完成度（全市或逐个县区）和推进节奏，看哪个县区在哪个季度达标、下年指标如何变化。',
        en: 'Qinzhou had 3,100.6712 ha (4.65 万亩) of stock construction land at the end of 2020. The three-year plan links new quota to stock (增存挂钩): dispose of at least 18% of approved-unsupplied land and 25% of idle land a year, 15%, 40%, 75% and 100% of it by the end of each quarter; a county that meets its task gets 10% more new construction-land quota, one that misses loses 20%. Move the achievement (for all or county by county) and the pace, and see which county meets which quarter’s target and what happens to its quota.',
      })}
      ${this.problems.length ? html`<lr-problems .problems=${this.problems} lang=${this.lang}></lr-problems>` : nothing}
      ${v ? this.controls(v) : nothing}
      ${v?.ignored.length ? html`<p class="note">${v.ignored.map((i) => html`<span>${this.lang === 'en' ? i.reason.en : i.reason.zh}。</span>`)}</p>` : nothing}
      ${v ? this.body(v) : nothing}
    `;
  }

  private controls(v: StockView) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const global = v.globalAchievement;
    return html`<div class="controls" role="group" aria-label=${T('处置假设', 'Disposal assumptions')}>
      <lr-slider name="ach" label=${T('全市处置完成度（占年度任务）', 'Achievement, all counties (of the annual task)')} min="0" max="150" step="5" .value=${Number(global)} value-text=${`${global}%`}
        @value-input=${(e: CustomEvent) => this.put('ach', e.detail.value, '100')}></lr-slider>
      <div class="group"><span>${T('推进节奏（各季度累计完成全年处置量的比例）', 'Pace (share of the year’s disposal done by each quarter)')}</span>
        <div class="toggle" role="group">${(Object.keys(PACES) as Pace[]).map((p) => html`<button data-pace=${p} aria-pressed=${String(p === v.pace)}
          @click=${() => this.put('pace', p, 'plan')}>${T(PACES[p].zh, PACES[p].en)}</button>`)}</div></div>
      <details class="counties" ?open=${v.inventory.counties.some((c) => this.params[`ach.${c.id}`] !== undefined || this.params[`quota.${c.id}`] !== undefined)}>
        <summary>${T('逐个县区：完成度与本年新增建设用地指标', 'County by county: achievement and this year’s quota')}</summary>
        <table class="county-controls">
          <thead><tr><th>${T('县区', 'County')}</th><th>${T('完成度', 'Achievement')}</th><th>${T('本年指标（亩，选填）', 'This year’s quota (mu, optional)')}</th><th>${T('增存挂钩', '增存挂钩')}</th><th>${T('下年指标', 'Next year')}</th></tr></thead>
          <tbody>${v.year.counties.map((c) => html`<tr data-county=${c.countyId}>
            <td>${c.name}</td>
            <td><lr-slider name=${`ach.${c.countyId}`} label=${T(`${c.name}完成度`, `${c.name}: achievement`)} min="0" max="150" step="5" .value=${Number(v.achievement[c.countyId])} value-text=${`${v.achievement[c.countyId]}%`}
              @value-input=${(e: CustomEvent) => this.put(`ach.${c.countyId}`, e.detail.value, global)}></lr-slider></td>
            <td><input type="number" min="0" step="1" name=${`quota.${c.countyId}`} aria-label=${T(`${c.name}本年指标（亩）`, `${c.name}: this year’s quota (mu)`)} .value=${this.params[`quota.${c.countyId}`] ?? ''}
              @change=${(e: Event) => this.put(`quota.${c.countyId}`, (e.target as HTMLInputElement).value, '')} /></td>
            <td class=${c.linkageMet ? 'met' : 'missed'} data-linkage=${String(c.linkageMet)}>${c.linkageMet ? T('✓ 完成', '✓ met') : T('✗ 未完成', '✗ missed')}</td>
            <td data-quota>${c.quota.change}${c.quota.nextMu ? ` → ${c.quota.nextMu.toString()} 亩` : ''}</td>
          </tr>`)}</tbody>
        </table>
      </details>
    </div>`;
  }

  private body(v: StockView) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const id = v.inventory.id;
    return html`<div class="stack">
      <lr-kpis .items=${this.kpis} lang=${this.lang} unit=${this.unit}></lr-kpis>
      <div class="grid2">
        ${this.chartView('stock-inventory', this.inventory, T('各县区存量土地（按类别）', 'Stock land by county and category'), fileName(id, 'inventory'), { height: 320 })}
        ${this.tableView('stock-inventory', this.inventory?.table ?? null, fileName(id, 'inventory'))}
      </div>
      ${this.chartView('stock-progress', this.progress, T(`${v.year.year} 年各县区季度累计进度与目标（批而未供 + 闲置）`, `${v.year.year}: each county’s cumulative progress against its quarterly targets (approved-unsupplied + idle)`), fileName(id, 'progress'), { height: 320 })}
      ${this.tableView('stock-counties', this.counties, fileName(id, 'counties'))}
      ${this.tableView('stock-progress', this.progress?.table ?? null, fileName(id, 'progress'), { limit: 24 })}
      <h3>${T('三年行动目标：4.65 万亩，2022 年底前完成 70%', 'The three-year target: 4.65 万亩, 70% by the end of 2022')}</h3>
      <p class="prose">${T('按上面的完成度逐年推演 2021—2023 年（每年任务按当年年初存量计）。即使全部按计划完成，18%/25% 的年度处置率也远不足以在 2022 年底前盘活 3.255 万亩。', 'The same achievement year after year, 2021–2023 (each year’s task on that year’s opening stock). Even fully on plan, disposing of 18% / 25% a year comes nowhere near 3.255 万亩 by the end of 2022.')}</p>
      <div class="grid2">
        <lr-checks .checks=${this.checks} lang=${this.lang}></lr-checks>
        ${this.tableView('stock-outlook', this.outlook, fileName(id, 'outlook'))}
      </div>
      ${this.idleSection(id)}
    </div>`;
  }

  private idleSection(id: string) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const v = this.idle;
    if (!v) return nothing;
    return html`<section data-idle-land class="stack">
      <h2>${T('闲置土地：认定、闲置费与无偿收回', 'Idle land: which parcels, the fee due, when they are recovered')}</h2>
      <p class="prose">${T('按《闲置土地处置办法》（国土资源部令第53号）：超过约定动工日期满一年未动工，或已动工但开发面积不足三分之一、投资不足百分之二十五且中止开发满一年的，为闲置土地；因土地使用者原因闲置满一年的，按出让价款的 20% 征收土地闲置费，满两年的无偿收回；因政府原因闲置的，协商处置。下列宗地为示例（种子文件只给出各县区的闲置面积），改动评估日期看认定与处置如何变化。',
        'Under MLR Order No. 53: land not started a year after the agreed start date, or started but under a third developed or a quarter invested and suspended for a year, is idle; idle a year by the holder’s fault it pays an idle fee of 20% of the land price, two years and it is recovered without compensation; idle by the government’s doing it is negotiated. The parcels below are worked cases (the seed gives idle land by county only); move the assessment date and see what follows.')}</p>
      <label class="field">${T('评估日期', 'Assessment date')}
        <input type="date" name=${IDLE_AS_OF_KEY} .value=${v.asOf} @change=${(e: Event) => this.put(IDLE_AS_OF_KEY, (e.target as HTMLInputElement).value, IDLE_DEFAULT_AS_OF)} /></label>
      ${v.ignored.length ? html`<p class="note">${v.ignored.map((i) => html`<span>${this.lang === 'en' ? i.reason.en : i.reason.zh}。</span>`)}</p>` : nothing}
      ${v.problems.length ? html`<lr-problems .problems=${v.problems} lang=${this.lang}></lr-problems>` : nothing}
      <lr-kpis .items=${this.idleKpis} lang=${this.lang} unit=${this.unit}></lr-kpis>
      ${this.tableView('idle-land', this.idleTable, fileName(id, 'idle-land'), { highlight: ['action', 'fee'] })}
    </section>`;
  }
}

customElements.define('lr-page-stock', PageStock);
