/**
 * 片区平衡 — the planners' page. Each development zone run closed and self-balancing (封闭运行、
 * 区域平衡) or all zones in one city-wide pool; the 做地 developer's compensation fee as a share of
 * the zone's sales → each zone's balance on a chart and in a table, its cumulative cash month by
 * month, and the developer's result across fee rates, where it breaks even.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { RunPage } from './run-page';
import { pageStyles } from '../lib/styles';
import { identity } from '../lib/run-controller';
import { applyControls, controlsKey, controlDefaults } from '../lib/controls';
import { engine } from '../lib/engine-client';
import { breakEvenChart, breakEvenRates, zoneBalanceChart, zoneCumulativeChart, zonesOf, type SweepPoint } from '../lib/charts/zones';
import { type ChartSpec } from '../lib/charts/common';
import { fileName } from '../lib/export';
import { tx } from '../lib/format';
import { parcelColumns, type Column, type Table } from '../../engine/presentation/tables';
import type { PartialResult, View, ZoneReport } from '../../engine/index';
import type { TraceOf } from '../components/lr-table';
import '../components/lr-slider';
import '../components/lr-chart';
import '../components/lr-table';
import '../components/lr-checks';

const SWEEP = ['0', '2.5', '5', '7.5', '10', '12.5', '15', '17.5', '20', '25'];

/** The views the page draws (and the trace's account names): the worker reports only these. */
const ZONES_VIEWS = ['zones', 'parcels', 'checks', 'accounts'] as const satisfies readonly View[];
type ZonesResult = PartialResult<(typeof ZONES_VIEWS)[number]>;

export class PageZones extends RunPage<(typeof ZONES_VIEWS)[number]> {
  protected override views() {
    return ZONES_VIEWS;
  }

  static override properties = { ...RunPage.properties, _sweep: { state: true } };
  _sweep: SweepPoint[] | null = null;
  private balance: ChartSpec | null = null;
  private cumulative: ChartSpec | null = null;
  private breakEven: ChartSpec | null = null;
  private parcels: Table | null = null;
  private sweepKey = '';

  static override styles = [...pageStyles, css`
    ul.be { margin: 0.2rem 0; }
  `];

  private scenarioMode(): 'closed' | 'pooled' {
    return this.loaded?.ok && this.loaded.scenario.zoneMode === 'closed' ? 'closed' : 'pooled';
  }

  private currentFee(): string {
    return this.params.fee ?? (this.loaded?.ok ? controlDefaults(this.loaded.scenario).fee : undefined) ?? '3';
  }

  override willUpdate(changed: PropertyValues<this>) {
    const r = this.freshResult(changed);
    if (r) {
      const zones = zonesOf(r);
      this.balance = zones ? zoneBalanceChart(zones, this.lang, this.unit) : null;
      this.cumulative = zones ? zoneCumulativeChart(zones, this.lang, this.unit) : null;
      const cols = parcelColumns(r) as Column<unknown>[];
      this.parcels = { name: 'parcels-by-zone', zh: '各片区宗地', en: 'Parcels by zone', columns: cols, rows: [...r.parcels].sort((a, b) => (a.zone ?? '').localeCompare(b.zone ?? '')) };
      if (zones?.some((z) => z.developer)) this.requestSweep();
    }
    if ((changed.has('_sweep') || changed.has('lang') || changed.has('unit') || changed.has('params')) && this._sweep) {
      this.breakEven = breakEvenChart(this._sweep, this.currentFee(), this.lang, this.unit);
    }
  }

  /** The developer's result across fee rates: the same scenario run once per rate in the worker. */
  private requestSweep() {
    if (!this.loaded?.ok) return;
    const key = `${identity(this.loaded)}|${controlsKey(this.params, '', ['fee'])}`;
    if (key === this.sweepKey) return;
    this.sweepKey = key;
    const scenarios = SWEEP.map((fee) => applyControls(this.loaded!.ok ? this.loaded!.scenario : {}, { ...this.params, fee }).scenario);
    // The break-even curve reads each zone's result only: no period, parcel or check rows are made.
    void engine().sweep('zones-sweep', scenarios, ['zones']).then((replies) => {
      if (!replies) return;
      const points: SweepPoint[] = [];
      replies.forEach((rep, i) => { const z = rep.ok ? zonesOf(rep.result) : null; if (z) points.push({ rate: SWEEP[i], zones: z }); });
      this._sweep = points.length ? points : null;
    });
  }

  override render() {
    return html`
      ${this.intro({ zh: '片区平衡：各片区封闭运行还是全市统筹', en: 'Regional balance: each zone on its own, or one city-wide pool' }, {
        zh: '封闭运行时，每个片区的出让收入只用于本片区的收储与开发，片区自求平衡；全市统筹时，各片区资金在一个资金池里调剂。做地主体承担片区前期开发，按片区出让总额的一定比例取得开发补偿费。切换运行方式、移动费率，看各片区的收支差额、资金峰值需求，以及做地主体在什么费率上不亏。',
        en: 'Run closed, a zone’s sale income pays only for its own acquisition and development, and the zone must balance itself; pooled, all zones share one city-wide fund. The 做地 developer carries a zone’s pre-development and is paid a compensation fee as a share of the zone’s sales. Switch the mode, move the rate, and see each zone’s balance, its peak funding need, and the fee at which the developer stops losing money.',
      })}
      ${this.runState(() => this.controls(), (r, runId) => this.body(r, runId))}
    `;
  }

  private controls() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const mode = (this.params.mode as 'closed' | 'pooled' | undefined) ?? this.scenarioMode();
    const fee = this.currentFee();
    const setMode = (m: 'closed' | 'pooled') => this.setParams({ mode: m === this.scenarioMode() ? null : m });
    return html`<div class="controls">
      <div class="group" role="group" aria-label=${T('运行方式', 'Operation')}>
        <span>${T('运行方式', 'Operation')}</span>
        <div class="toggle">
          <button data-mode="closed" aria-pressed=${String(mode === 'closed')} @click=${() => setMode('closed')}>${T('片区封闭运行', 'Zones closed')}</button>
          <button data-mode="pooled" aria-pressed=${String(mode === 'pooled')} @click=${() => setMode('pooled')}>${T('全市统筹', 'City-wide pool')}</button>
        </div>
      </div>
      <lr-slider name="fee" label=${T('做地补偿费率（占片区出让总额）', 'Developer fee (share of zone sales)')} min="0" max="25" step="0.5" .value=${Number(fee)} value-text=${`${fee}%`}
        @value-input=${(e: CustomEvent) => this.setParams({ fee: this.loaded?.ok && controlDefaults(this.loaded.scenario).fee === e.detail.value ? null : e.detail.value })}></lr-slider>
    </div>`;
  }

  private body(r: ZonesResult, runId: number) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const id = r.scenario.id;
    const zones = r.zones;
    const zoneTrace: TraceOf = (row, col) => {
      const zone = (row as ZoneReport).id;
      const m: Record<string, string> = { revenue: 'saleRevenue', provisions: 'provisions', developerCompensation: 'developerCompensation' };
      return m[col.key] ? { metric: m[col.key], zone } : null;
    };
    const be = this._sweep ? breakEvenRates(this._sweep) : null;
    if (r.zones.length === 0) {
      return html`<p class="note" data-no-zones>${T('本情景没有划分片区（宗地没有 zone 字段）。在“情景编辑”页为宗地指定片区，或上传一个分片区的情景。', 'This scenario has no zones (no parcel has a zone). Give parcels a zone on the Scenario page, or upload a scenario with zones.')}</p>
        ${this.tableView('parcels', this.parcels, fileName(id, 'parcels'))}`;
    }
    return html`<div class="stack" @trace=${(e: Event) => this.forwardTrace(e, runId, r)}>
      <div class="grid2">
        ${this.chartView('zone-balance', this.balance, T('各片区收支', 'Each zone’s revenue, cost and balance'), fileName(id, 'zone-balance'))}
        ${this.chartView('zone-cumulative', this.cumulative, T('各片区累计净现金流', 'Each zone’s cumulative net cash'), fileName(id, 'zone-cumulative'))}
      </div>
      ${this.tableView('zones', this.balance?.table ?? null, fileName(id, 'zones'), { traceOf: zoneTrace, highlight: ['balance', 'developerResult'] })}
      ${this.chartView('break-even', this.breakEven, T('做地主体盈亏与补偿费率', 'Developer result against the fee rate'), fileName(id, 'developer-break-even'),
        { note: zones.some((z) => z.developer) ? (this._sweep ? '' : T('正在按各费率重算…', 'Running each rate…')) : T('本情景的片区没有做地主体（zones[].developer）。', 'No zone here has a 做地 developer (zones[].developer).') })}
      ${be ? html`<ul class="be" data-break-even>${[...be.entries()].map(([z, rate]) => html`<li>${tx(zones.find((x) => x.id === z)?.name ?? z, this.lang) || z}：${rate.at === null ? T(`费率到 ${SWEEP[SWEEP.length - 1]}% 仍亏损`, `still loses at ${SWEEP[SWEEP.length - 1]}%`) : rate.below === null ? T(`费率为 ${rate.at}% 时已不亏损`, `no loss even at ${rate.at}%`) : T(`盈亏平衡费率在 ${rate.below}% 与 ${rate.at}% 之间`, `breaks even between ${rate.below}% and ${rate.at}%`)}</li>`)}</ul>` : nothing}
      <lr-checks .checks=${r.checks.filter((c) => c.id.startsWith('zone'))} lang=${this.lang}></lr-checks>
      ${this.tableView('parcels', this.parcels, fileName(id, 'parcels-by-zone'))}
    </div>`;
  }
}

customElements.define('lr-page-zones', PageZones);
