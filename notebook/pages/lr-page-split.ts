/**
 * 收益分配 — the policymakers' page. The split between any number of tiers (two: the first's
 * share from 5:5 to 8:2; three or more: a weight per tier, as province : city : district), the
 * exception for stock land recovered for payment tier by tier, and which provisions are deducted
 * before the split → a waterfall from sale revenue through provisions and cost to value added and
 * each tier's share, each tier's share year by year, and what each government receives.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { RunPage } from './run-page';
import { pageStyles } from '../lib/styles';
import { hasPaidRecovery, movedExclusion, splitControls } from '../lib/controls';
import { ratioSliders } from '../lib/ratio-sliders';
import { sharesByYearChart } from '../lib/charts/shares';
import { waterfallChart, waterfallSteps } from '../lib/charts/waterfall';
import { type ChartSpec } from '../lib/charts/common';
import { earmarkChart } from '../lib/charts/earmark';
import { fileName } from '../lib/export';
import { tx } from '../lib/format';
import { metricDef, PROVISION_KINDS, PROVISION_NAMES } from '../lib/metrics';
import { parcelColumns, type Column, type Table } from '../../engine/presentation/tables';
import type { Kpi } from '../components/lr-kpis';
import type { ParcelRow, PartialResult, View } from '../../engine/report';
import type { TraceOf } from '../components/lr-table';
import '../components/lr-slider';
import '../components/lr-kpis';
import '../components/lr-chart';
import '../components/lr-table';


/** The views the page draws (and the trace's account names): the worker reports only these. */
const SPLIT_VIEWS = ['totals', 'years', 'parcels', 'ruralEarmark', 'checks', 'accounts'] as const satisfies readonly View[];
type SplitResult = PartialResult<(typeof SPLIT_VIEWS)[number]>;

export class PageSplit extends RunPage<(typeof SPLIT_VIEWS)[number]> {
  protected override views() {
    return SPLIT_VIEWS;
  }

  private waterfall: ChartSpec | null = null;
  private byYear: ChartSpec | null = null;
  private parcels: Table | null = null;
  private governments: Table | null = null;
  private earmark: ChartSpec | null = null;
  private kpis: Kpi[] = [];

  static override styles = [...pageStyles, css`
    .checks label { display: inline-flex; gap: 0.25rem; margin-right: 0.8rem; font-size: 0.88rem; align-items: center; }
  `];

  private enabledProvisions(): string[] {
    const p = this.params.prov;
    if (p !== undefined) return p === 'none' ? [] : p.split(',');
    const own = this.loaded?.ok ? this.loaded.scenario.provisions : undefined;
    return Array.isArray(own) ? (own as string[]) : [...PROVISION_KINDS];
  }

  override willUpdate(changed: PropertyValues<this>) {
    const r = this.freshResult(changed, this.params.parcel ?? '');
    if (r) {
      const parcel = r.parcels.find((p) => p.id === this.params.parcel) ?? null;
      const w = parcel
        ? { saleRevenue: parcel.sale?.revenue ?? '0.00', provisionsByKind: parcel.provisionsByKind, costRecovered: parcel.costRecovered, unrecoveredCost: parcel.unrecoveredCost, valueAdded: parcel.valueAdded, shares: parcel.shares }
        : { saleRevenue: r.totals.saleRevenue, provisionsByKind: r.totals.provisionsByKind, costRecovered: r.totals.costRecovered, unrecoveredCost: r.totals.unrecoveredCost, valueAdded: r.totals.valueAdded, shares: r.totals.shares };
      this.waterfall = waterfallChart(waterfallSteps(w, r, this.enabledProvisions()), this.lang, this.unit);
      this.byYear = sharesByYearChart(r, this.lang, this.unit);
      this.parcels = { name: 'parcels', zh: '宗地损益', en: 'Parcels', columns: parcelColumns(r) as Column<unknown>[], rows: r.parcels };
      this.governments = this.governmentTable(r);
      this.earmark = r.ruralEarmark.length ? earmarkChart(r, this.lang) : null;
      this.kpis = [
        { key: 'saleRevenue', label: this.T('出让收入', 'Sale revenue'), value: r.totals.saleRevenue, trace: { metric: 'saleRevenue' } },
        { key: 'provisions', label: this.T('计提各项基金', 'Provisions'), value: r.totals.provisions, trace: { metric: 'provisions' } },
        { key: 'costRecovered', label: this.T('核定成本返还', 'Cost recovered'), value: r.totals.costRecovered, trace: { metric: 'costRecovered' } },
        { key: 'valueAdded', label: this.T('增值收益', 'Value added'), value: r.totals.valueAdded, trace: { metric: 'valueAdded' } },
        ...r.tiers.map((t) => ({ key: `shares.${t.id}`, label: this.T(`${t.name.zh}分成`, `${t.name.en} share`), value: r.totals.shares[t.id], trace: { metric: `shares.${t.id}` } })),
      ];
    }
  }

  /** Each government's value-added shares and its part of every provision (S-1, P-6…P-10). */
  private governmentTable(r: SplitResult): Table {
    const rows = Object.entries(r.totals.receiptsByGovernment).map(([entity, g]) => ({ entity, ...g }));
    type G = (typeof rows)[number];
    return {
      name: 'governments', zh: '各级政府所得', en: 'What each government receives', rows,
      columns: [
        { key: 'entity', zh: '政府', en: 'Government', kind: 'text', get: (g) => (g as G).entity },
        { key: 'valueAdded', zh: '增值收益分成', en: 'Share of value added', kind: 'money', get: (g) => (g as G).valueAdded },
        ...PROVISION_KINDS.map((k) => ({ key: `provisions.${k}`, zh: PROVISION_NAMES[k].zh, en: PROVISION_NAMES[k].en, kind: 'money', get: (g: unknown) => (g as G).provisionsByKind[k] ?? '0.00' })),
        { key: 'total', zh: '合计', en: 'Total', kind: 'money', get: (g) => (g as G).total },
      ] as Column<unknown>[],
    };
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    return html`
      <h1>${T('收益分配：增值收益在各级政府之间怎么分', 'Revenue share: how value added is split between governments')}</h1>
      <p class="prose">${T(
        '土地出让收入先计提国有土地收益基金、农业土地开发、教育、农田水利和保障性安居工程等各项资金（教育、农田水利、保障房按全年土地出让收入减当年核定成本计提），再返还核定的土地储备成本（含专项债券利息等融资成本），余下的增值收益按比例在省与市县之间分配（海南为 6:4，琼府〔2021〕7号）；有偿收回的市县存量建设用地，市县原则上不参与分成。移动比例、切换例外与计提项目，看每一级政府拿到多少增值收益和计提资金、哪一年拿到。',
        'Sale income first funds the provisions (state land income fund, agricultural development, education, water conservancy, housing security — the last three on the year\'s income less the year\'s verified cost), then repays the verified reserve cost (financing cost such as bond interest included); the value added left is split between province and city (6:4 in Hainan, 琼府〔2021〕7号), except that a city takes no share of its stock land recovered for payment. Move the ratio, switch the exception and the provisions, and see what each government receives of value added and provisions, and when.',
      )}</p>
      ${this.runState(() => this.controls(), (r, runId) => this.body(r, runId))}
    `;
  }

  private controls() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const s = this.loaded!.ok ? this.loaded!.scenario : {};
    const tiers = splitControls(s, this.params);
    const enabled = this.enabledProvisions();
    const paid = hasPaidRecovery(s);
    const toggle = (k: string, on: boolean) => {
      const next = PROVISION_KINDS.filter((x) => (x === k ? on : enabled.includes(x)));
      this.setParams({ prov: next.length === PROVISION_KINDS.length ? null : next.length ? next.join(',') : 'none' });
    };
    const r = this.runner.reply?.ok ? this.runner.reply.result : null;
    return html`<div class="controls">
      ${ratioSliders(tiers, { name: 'ratio', T: (zh, en) => this.T(zh, en), onRatio: (ratio) => this.setParams({ ratio }) })}
      <fieldset>
        <legend>${T('有偿收回存量土地的例外：不参与分成的层级', 'Paid stock-land recovery: tiers that take no share')}</legend>
        ${tiers.map((t) => html`<label><input type="checkbox" name=${`exc-${t.id}`} ?checked=${t.excluded} ?disabled=${!paid}
          @change=${(e: Event) => this.setParams({ exc: movedExclusion(s, tiers, t.id, (e.target as HTMLInputElement).checked) })} />
          ${T(`${t.name.zh}不参与分成`, `${t.name.en} takes no share`)}</label>`)}
        <div class="muted">${paid ? T('琼府〔2021〕7号：有偿收回市县存量建设用地，市县原则上不参与分成。', '琼府〔2021〕7号: a city/county takes no share of its stock land recovered for payment.') : T('本情景没有有偿收回的宗地。', 'No parcel here is a paid recovery.')}</div>
      </fieldset>
      <fieldset class="checks">
        <legend>${T('先行计提的资金（在分成之前扣除）', 'Provisions deducted before the split')}</legend>
        ${PROVISION_KINDS.map((k) => html`<label><input type="checkbox" name="prov-${k}" ?checked=${enabled.includes(k)} @change=${(e: Event) => toggle(k, (e.target as HTMLInputElement).checked)} />${T(PROVISION_NAMES[k].zh, PROVISION_NAMES[k].en)}</label>`)}
      </fieldset>
      <label class="field">${T('瀑布图范围', 'Waterfall of')}
        <select name="parcel" @change=${(e: Event) => this.setParams({ parcel: (e.target as HTMLSelectElement).value || null })}>
          <option value="">${T('全部宗地合计', 'All parcels')}</option>
          ${(r?.parcels ?? []).map((p) => html`<option value=${p.id} ?selected=${p.id === this.params.parcel}>${p.id} ${tx(p.name, this.lang)}</option>`)}
        </select></label>
    </div>`;
  }

  private body(r: SplitResult, runId: number) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const id = r.scenario.id;
    const traceOf: TraceOf = (row, col) => {
      const key = col.key;
      const def = metricDef(key);
      return def?.traced ? { metric: key, parcel: (row as ParcelRow).id } : null;
    };
    return html`<div @trace=${(e: Event) => this.forwardTrace(e, runId, r)} class="stack">
      <lr-kpis .items=${this.kpis} lang=${this.lang} unit=${this.unit}></lr-kpis>
      <div class="grid2">
        <lr-chart data-chart="waterfall" heading=${T('出让收入分配瀑布', 'Where the sale revenue goes')} name=${fileName(id, 'waterfall')} lang=${this.lang} height="340"
          .options=${this.waterfall?.options ?? null} .legend=${this.waterfall?.legend ?? []} .table=${this.waterfall?.table ?? null}></lr-chart>
        <lr-chart data-chart="shares-by-year" heading=${T('各级分成（逐年）', 'Each tier’s share, year by year')} name=${fileName(id, 'shares-by-year')} lang=${this.lang} height="340"
          .options=${this.byYear?.options ?? null} .legend=${this.byYear?.legend ?? []} .table=${this.byYear?.table ?? null}></lr-chart>
      </div>
      <div class="grid2">
        <lr-table data-table="shares-by-year" .table=${this.byYear?.table ?? null} .traceOf=${((row: unknown, col: Column<unknown>) => (col.kind === 'money' ? { metric: col.key, year: (row as { year: number }).year } : null)) as TraceOf} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'shares-by-year')}></lr-table>
        <lr-table data-table="governments" .table=${this.governments} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'governments')}></lr-table>
      </div>
      ${this.earmark ? html`<h3>${T('土地出让收入用于农业农村（中办国办 2020 年意见）', 'Land income for agriculture and rural areas (2020 opinion)')}</h3>
      <p class="prose">${T('按年度核算：土地出让收益（收入减当年核定成本）中用于农业农村的比例，逐年对照本省目标；农业土地开发资金、农田水利建设资金全额计入，教育资金按用于农村教育的比例计入，另可在情景中填写其他用于农业农村的土地出让收入（ruralSpending）。',
        'Counted year by year: the share of net land income (income less the year\'s verified cost) spent on agriculture and rural areas, against the province\'s target; the agricultural and water funds count in full, the education fund as far as it goes to rural schools, plus other land income the scenario lists under ruralSpending.')}</p>
      <div class="grid2">
        <lr-chart data-chart="rural-earmark" heading=${T('用于农业农村比例与目标', 'Rural share against the target')} name=${fileName(id, 'rural-earmark')} lang=${this.lang} height="300"
          .options=${this.earmark.options} .legend=${this.earmark.legend} .table=${this.earmark.table}></lr-chart>
        <lr-table data-table="rural-earmark" .table=${this.earmark.table} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'rural-earmark')}></lr-table>
      </div>` : nothing}
      <lr-table data-table="parcels" .table=${this.parcels} .traceOf=${traceOf} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'parcels')}></lr-table>
    </div>`;
  }
}

customElements.define('lr-page-split', PageSplit);
