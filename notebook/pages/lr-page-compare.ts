/**
 * 情景对比 — two scenarios, or a scenario and a variant of it, side by side: every headline figure
 * for A and B with the difference B − A (exact, in fen, computed in the worker), a chosen figure
 * year by year, and the two runs overlaid on the same axes. A is the current view (the scenario
 * and controls in the header); B is chosen here, with its own price, delay and split controls.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { NotebookPage } from './notebook-page';
import { pageStyles } from '../lib/styles';
import { identity } from '../lib/run-controller';
import { engine } from '../lib/engine-client';
import { applyControls, controlsKey, splitControls } from '../lib/controls';
import { ratioSliders } from '../lib/ratio-sliders';
import { libraryEntries, loadScenario, type Loaded } from '../lib/library';
import { diffYears, type DiffRow, type YearDiffRow } from '../lib/compare';
import { overlayChart } from '../lib/charts/overlay';
import { type ChartSpec } from '../lib/charts/common';
import { fileName } from '../lib/export';
import { tx } from '../lib/format';
import type { RunReply } from '../lib/protocol';
import type { Column, Table } from '../../engine/presentation/tables';
import type { TraceOf } from '../components/lr-table';
import type { TraceQuery } from '../lib/trace';
import '../components/lr-slider';
import '../components/lr-chart';
import '../components/lr-table';

const B_KEYS = ['b', 'b.price', 'b.delay', 'b.ratio', 'b.exc', 'b.prov', 'b.cost'];
const METRICS = [
  { key: 'saleRevenue', zh: '出让收入', en: 'Sale revenue' },
  { key: 'fiscalTopUp', zh: '财政补足', en: 'Fiscal top-up' },
  { key: 'valueAdded', zh: '增值收益', en: 'Value added' },
  { key: 'reserveFundBalance', zh: '储备资金余额', en: 'Reserve fund balance' },
];

export class PageCompare extends NotebookPage {
  static override properties = { ...NotebookPage.properties, _reply: { state: true }, _pending: { state: true } };
  _reply: { a: RunReply; b: RunReply; diff: DiffRow[] } | null = null;
  _pending: boolean = false;
  private key = '';
  private loadedB: Loaded | null = null;
  private totals: Table | null = null;
  private years: Table | null = null;
  private cash: ChartSpec | null = null;
  private metricChart: ChartSpec | null = null;
  private stamp = '';
  private readonly cashLabel = { zh: '累计净现金流', en: 'Cumulative net cash' };

  static override styles = [...pageStyles, css`
    .side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 1rem; }
    .card { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.5rem 0.8rem; }
    .card h3 { margin: 0 0 0.3rem; }
    .a { border-top: 4px solid #1f5f8b; }
    .b { border-top: 4px solid #d9822b; }
  `];

  /** B's controls, defaulting to "A's scenario with sale prices 10% lower" when nothing is set. */
  private bParams(): Record<string, string> {
    const anyB = B_KEYS.some((k) => this.params[k] !== undefined);
    return anyB ? { ...this.params } : { ...this.params, 'b.price': '90' };
  }

  override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('loaded') || changed.has('params') || changed.has('user')) && this.loaded?.ok) {
      const bp = this.bParams();
      const bRef = bp.b ?? this.loaded.ref;
      this.loadedB = bRef === this.loaded.ref ? this.loaded : loadScenario(bRef, this.user);
      const key = `${identity(this.loaded)}|${this.loadedB.ok ? identity(this.loadedB) : bRef}|${controlsKey(this.params)}|${B_KEYS.map((k) => bp[k] ?? '').join('|')}`;
      if (key !== this.key && this.loadedB.ok) {
        this.key = key;
        this._pending = true;
        const a = applyControls(this.loaded.scenario, this.params).scenario;
        const b = applyControls(this.loadedB.scenario, bp, 'b.').scenario;
        void engine().compare('compare', a, b).then((reply) => {
          if (!reply) return;
          this._reply = reply;
          this._pending = false;
        });
      }
    }
    const rep = this._reply;
    const metric = this.params.metric ?? 'saleRevenue';
    const stamp = `${rep?.a.ok ? rep.a.runId : 0}|${rep?.b.ok ? rep.b.runId : 0}|${this.lang}|${this.unit}|${metric}`;
    if (rep && rep.a.ok && rep.b.ok && stamp !== this.stamp) {
      this.stamp = stamp;
      const [na, nb] = this.names();
      const money = (key: string, zh: string, en: string, get: (r: DiffRow) => string | null): Column<unknown> => ({ key, zh, en, kind: 'money', get: (r) => get(r as DiffRow) ?? '' });
      this.totals = {
        name: 'compare-totals', zh: '主要指标对比', en: 'Headline figures compared', rows: rep.diff,
        columns: [
          { key: 'item', zh: '项目', en: 'Item', kind: 'text', get: (r) => (this.lang === 'en' ? (r as DiffRow).en : (r as DiffRow).zh) },
          money('a', `A：${na}`, `A: ${na}`, (r) => r.a),
          money('b', `B：${nb}`, `B: ${nb}`, (r) => r.b),
          money('diff', '差额（B − A）', 'Difference (B − A)', (r) => r.diff),
        ],
      };
      const label = this.metricLabel(metric, rep.a.result.tiers);
      const rows = diffYears(rep.a.result, rep.b.result, metric);
      this.years = {
        name: `compare-${metric}-by-year`, zh: `${label.zh}（逐年）`, en: `${label.en} by year`, rows,
        columns: [
          { key: 'year', zh: '年度', en: 'Year', kind: 'text', get: (r) => String((r as YearDiffRow).year) },
          { key: 'a', zh: 'A', en: 'A', kind: 'money', get: (r) => (r as YearDiffRow).a ?? '0.00' },
          { key: 'b', zh: 'B', en: 'B', kind: 'money', get: (r) => (r as YearDiffRow).b ?? '0.00' },
          { key: 'diff', zh: '差额（B − A）', en: 'Difference (B − A)', kind: 'money', get: (r) => (r as YearDiffRow).diff ?? '' },
        ],
      };
      this.cash = overlayChart(rep.a.result, rep.b.result, 'cumulativeNet', this.cashLabel, [`A ${na}`, `B ${nb}`], this.lang, this.unit);
      this.metricChart = overlayChart(rep.a.result, rep.b.result, metric, label, [`A ${na}`, `B ${nb}`], this.lang, this.unit);
    }
  }

  private metricLabel(metric: string, tiers: { id: string; name: { zh: string; en: string } }[]) {
    const m = METRICS.find((x) => x.key === metric);
    if (m) return m;
    const t = tiers.find((x) => `shares.${x.id}` === metric);
    return t ? { zh: `${t.name.zh}分成`, en: `${t.name.en} share` } : { zh: metric, en: metric };
  }

  private names(): [string, string] {
    const rep = this._reply;
    const a = rep?.a.ok ? tx(rep.a.result.scenario.name, this.lang) : 'A';
    const b = rep?.b.ok ? tx(rep.b.result.scenario.name, this.lang) : 'B';
    const aAdj = this.loaded?.ok ? applyControls(this.loaded.scenario, this.params).applied : [];
    const bAdj = this.loadedB?.ok ? applyControls(this.loadedB.scenario, this.bParams(), 'b.').applied : [];
    const adj = (list: typeof aAdj) => (list.length ? `（${[...new Set(list.map((x) => (this.lang === 'en' ? x.label.en : x.label.zh)))].slice(0, 3).join('，')}）` : '');
    return [`${a}${adj(aAdj)}`, `${b}${adj(bAdj)}`];
  }

  private onTrace(e: Event) {
    e.stopPropagation();
    const q = (e as CustomEvent<TraceQuery>).detail;
    const rep = this._reply;
    const side = q.side === 'b' ? rep?.b : rep?.a;
    if (!side?.ok) return;
    this.dispatchEvent(new CustomEvent('open-trace', { bubbles: true, composed: true, detail: { runId: side.runId, query: q, result: side.result } }));
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const rep = this._reply;
    return html`
      ${this.intro({ zh: '情景对比：两个情景并排，差额逐项列出', en: 'Compare: two scenarios side by side, with the differences' },
        { zh: 'A 是页首选定的情景及当前调整；B 在下面选择，可以是另一个情景，也可以是同一情景的变体（调整价格、出让时间或分成比例）。差额按“分”精确计算。', en: 'A is the scenario and adjustments chosen in the header; B is chosen below — another scenario, or a variant of the same one (other prices, timing or split). Differences are exact to the fen.' })}
      ${this.loadProblems()}
      ${this.loaded?.ok ? this.controls() : nothing}
      ${this.loadedB && !this.loadedB.ok ? html`<lr-problems .problems=${this.loadedB.problems} lang=${this.lang} heading=${T('情景 B 无法载入', 'Scenario B cannot be loaded')}></lr-problems>` : nothing}
      ${rep && !rep.a.ok ? html`<lr-problems .problems=${rep.a.problems} .error=${rep.a.error ?? ''} lang=${this.lang} heading=${T('情景 A 未能运行', 'Scenario A did not run')}></lr-problems>` : nothing}
      ${rep && !rep.b.ok ? html`<lr-problems .problems=${rep.b.problems} .error=${rep.b.error ?? ''} lang=${this.lang} heading=${T('情景 B 未能运行', 'Scenario B did not run')}></lr-problems>` : nothing}
      <div class="status muted" data-status>${this._pending ? T('计算中…', 'Computing…') : ''}</div>
      ${rep?.a.ok && rep.b.ok ? this.body(rep.a.result.scenario.id, rep.b.result.scenario.id) : nothing}
    `;
  }

  private controls() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const bp = this.bParams();
    const entries = libraryEntries(this.user);
    const bRef = bp.b ?? this.loaded!.ref;
    const price = Number(bp['b.price'] ?? '100');
    const delay = Number(bp['b.delay'] ?? '0');
    const bScenario = this.loadedB?.ok ? this.loadedB.scenario : {};
    const tiers = splitControls(bScenario, bp, 'b.');
    // Every B change writes all B keys, so "nothing set" (the default B) is never reached by accident.
    const setB = (change: Record<string, string | null>) => {
      const base: Record<string, string | null> = {};
      for (const k of B_KEYS) base[k] = bp[k] ?? null;
      this.setParams({ ...base, b: base.b ?? bRef, ...change });
    };
    return html`<div class="controls">
      <label class="field">${T('情景 B', 'Scenario B')}
        <select data-b-picker @change=${(e: Event) => setB({ b: (e.target as HTMLSelectElement).value })}>
          ${entries.map((x) => html`<option value=${x.ref} ?selected=${x.ref === bRef}>${tx(x.name, this.lang)}${x.ref === this.loaded!.ref ? T('（同 A）', ' (same as A)') : ''}</option>`)}
        </select></label>
      <lr-slider name="b.price" label=${T('B 出让价格系数', 'B sale price factor')} min="50" max="150" step="5" .value=${price} value-text=${`× ${(price / 100).toFixed(2)}`}
        @value-input=${(e: CustomEvent) => setB({ 'b.price': e.detail.value })}></lr-slider>
      <lr-slider name="b.delay" label=${T('B 出让推迟（月）', 'B sale delay (months)')} min="0" max="24" step="1" .value=${delay} value-text=${T(`${delay} 个月`, `${delay} months`)}
        @value-input=${(e: CustomEvent) => setB({ 'b.delay': e.detail.value === '0' ? null : e.detail.value })}></lr-slider>
      ${ratioSliders(tiers, { name: 'b.ratio', T, labelPrefix: { zh: 'B ', en: 'B ' }, onRatio: (ratio) => setB({ 'b.ratio': ratio }) })}
      <label class="field">${T('逐年对比的指标', 'Figure by year')}
        <select name="metric" @change=${(e: Event) => this.setParams({ metric: (e.target as HTMLSelectElement).value === 'saleRevenue' ? null : (e.target as HTMLSelectElement).value })}>
          ${METRICS.filter((m) => m.key !== 'reserveFundBalance').map((m) => html`<option value=${m.key} ?selected=${(this.params.metric ?? 'saleRevenue') === m.key}>${T(m.zh, m.en)}</option>`)}
          ${(this._reply?.a.ok ? this._reply.a.result.tiers : []).map((t) => html`<option value=${`shares.${t.id}`} ?selected=${this.params.metric === `shares.${t.id}`}>${T(`${t.name.zh}分成`, `${t.name.en} share`)}</option>`)}
        </select></label>
      <button class="linklike" @click=${() => { const c: Record<string, null> = {}; for (const k of B_KEYS) c[k] = null; this.setParams(c); }}>${T('B 还原为默认（价格 ×0.90）', 'reset B (prices × 0.90)')}</button>
    </div>`;
  }

  private body(idA: string, idB: string) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const name = fileName('compare', idA, idB === idA ? 'variant' : idB);
    const traceOf: TraceOf = (row, col) => {
      if (col.key !== 'a' && col.key !== 'b') return null;
      const key = (row as DiffRow).key;
      if (key === 'peakFundingNeed' || key === 'unrecoveredCost') return null;
      return { metric: key, side: col.key };
    };
    return html`<div class="stack" @trace=${(e: Event) => this.onTrace(e)}>
      ${this.tableView('compare-totals', this.totals, `${name}-totals`, { traceOf, highlight: ['diff'] })}
      <div class="side">
        ${this.chartView('compare-cash', this.cash, T(`${this.cashLabel.zh}：A 与 B`, `${this.cashLabel.en}: A and B`), `${name}-cash`)}
        ${this.chartView('compare-metric', this.metricChart, this.years ? (this.lang === 'en' ? this.years.en : this.years.zh).replace(/（逐年）| by year/, '') + T('：A 与 B（逐月）', ': A and B (monthly)') : '', `${name}-metric`)}
      </div>
      ${this.tableView('compare-years', this.years, `${name}-years`, { highlight: ['diff'] })}
    </div>`;
  }
}

customElements.define('lr-page-compare', PageCompare);
