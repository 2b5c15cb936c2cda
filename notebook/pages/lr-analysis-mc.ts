/**
 * 蒙特卡洛 — the Monte Carlo tab: distributions (uniform, triangular, normal, lognormal) on the
 * sale price index, cost overrun, sale delay and interest rate shift, optionally two of them
 * correlated; runs and a seed → P5/P10/P50/P90/P95 of every standard output, a fan chart of a
 * per-period series, and the probabilities of coverage below its floor, a pool shortfall, a zone
 * deficit. The runs go to Web Workers (the engine's browser pool, driven from the analysis
 * worker), with a progress bar and Cancel; the same seed gives the CLI's numbers.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { AnalysisPanel, panelStyles } from './analysis-panel';
import { pageStyles } from '../lib/styles';
import { AnalysisController } from '../lib/analysis-controller';
import type { McPlan, McResult } from '../../engine/analysis/index';
import { labelOf, standardEvents, standardOutputs } from '../lib/analysis-catalog';
import { MAX_RUNS, MC_INPUTS, MC_SERIES, drawsTable, eventsTable, mcCommand, mcPlan, mcThreads, mcViewOf, percentileTable, type McView } from '../lib/mc-view';
import { fanChart } from '../lib/charts/fan';
import { type ChartSpec } from '../lib/charts/common';
import { downloadText, fileName } from '../lib/export';
import type { Table } from '../../engine/presentation/tables';
import '../components/lr-distribution';
import '../components/lr-chart';
import '../components/lr-table';

export class AnalysisMonteCarlo extends AnalysisPanel {
  private job = new AnalysisController(this, 'mc');
  private view: McView | null = null;
  private plan: McPlan | null = null;
  private mc: McResult | null = null;
  private threads = 1;
  private percentiles: Table | null = null;
  private events: Table | null = null;
  private draws: Table | null = null;
  private fan: ChartSpec | null = null;
  private stamp = '';

  static override styles = [...pageStyles, panelStyles, css`
    .dists { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.3rem 0.8rem; margin: 0.6rem 0; }
    label.field input { width: 7rem; padding: 0.1rem 0.3rem; }
    label.field select { padding: 0.1rem; }
    .corr { display: inline-flex; gap: 0.4rem; align-items: end; }
    code.cli { display: block; white-space: pre-wrap; word-break: break-all; font-size: 0.75rem; background: #f0f0ea; padding: 0.3rem 0.5rem; border-radius: 4px; max-width: 100%; }
    .summary { font-size: 0.9rem; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.changedScenario(changed);
    if (s && this.result) {
      this.view = mcViewOf(this.params);
      this.plan = mcPlan(this.view, s, standardOutputs(this.result, s), standardEvents(s));
      if (this.plan) {
        const { scenario: _omit, ...rest } = this.plan;
        this.threads = mcThreads(this.plan.runs);
        this.job.request(`mc|${this.scenarioKey}|${JSON.stringify(rest)}`, { kind: 'mc', plan: this.plan, threads: this.threads });
      }
    }
    const r = this.job.reply;
    const stamp = `${this.job.currentKey}|${r?.status}|${this.lang}|${this.unit}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.mc = null;
    this.percentiles = this.events = this.draws = null;
    this.fan = null;
    if (r?.status !== 'done' || r.answer.kind !== 'mc' || !r.answer.outcome.ok) return;
    const res = r.answer.outcome.result;
    this.mc = res;
    this.threads = r.answer.threads;
    this.percentiles = percentileTable(res, this.outputs, this.lang);
    this.events = eventsTable(res, this.lang);
    this.draws = drawsTable(res, this.inputs, this.lang);
    const series = res.series[0];
    const def = MC_SERIES.find((x) => series && `periods[*].${x.key}` === series.path);
    this.fan = series ? fanChart(series, def ?? { zh: series.path, en: series.path }, this.lang, this.unit) : null;
  }

  private put(key: string, value: string | null) {
    this.setParams({ [key]: value });
  }

  private controls(v: McView) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const corr = v.corr;
    const setCorr = (a: string, b: string, rho: string) => this.put('a.corr', a && b && a !== b && rho.trim() !== '' ? `${a},${b},${rho.trim()}` : null);
    const label = (key: string) => labelOf(this.inputs, MC_INPUTS.find((i) => i.key === key)!.path, this.lang);
    return html`
      <div class="dists" role="group" aria-label=${T('输入分布', 'Input distributions')}
        @distribution-change=${(e: CustomEvent<{ name: string; text: string }>) => this.put(`a.d.${e.detail.name}`, e.detail.text === MC_INPUTS.find((i) => i.key === e.detail.name)?.dist ? null : e.detail.text)}>
        ${v.inputs.map((i) => html`<lr-distribution name=${i.key} label=${labelOf(this.inputs, i.path, this.lang)} text=${i.text} ?on=${i.on} ?integer=${i.integer} .error=${i.error} lang=${this.lang}></lr-distribution>`)}
      </div>
      <div class="controls">
        <label class="field">${T('运行次数', 'Runs')}<input type="number" min="1" max=${MAX_RUNS} data-mc="runs" .value=${String(v.runs)}
          @change=${(e: Event) => { const n = (e.target as HTMLInputElement).value.trim(); this.put('a.n', n === '1000' ? null : n); }} /></label>
        <label class="field">${T('随机种子', 'Seed')}<input type="number" min="0" data-mc="seed" .value=${String(v.seed)}
          @change=${(e: Event) => { const n = (e.target as HTMLInputElement).value.trim(); this.put('a.seed', n === '1' ? null : n); }} /></label>
        <span class="corr" role="group" aria-label=${T('相关性', 'Correlation')}>
          <label class="field">${T('相关：输入 A', 'Correlate A')}<select data-mc="corr-a" @change=${(e: Event) => setCorr((e.target as HTMLSelectElement).value, corr?.b ?? (MC_INPUTS.find((i) => i.key !== (e.target as HTMLSelectElement).value)?.key ?? ''), String(corr?.rho ?? -0.4))}>
            <option value="" ?selected=${!corr}>${T('（不相关）', '(independent)')}</option>
            ${MC_INPUTS.map((i) => html`<option value=${i.key} ?selected=${corr?.a === i.key}>${label(i.key)}</option>`)}
          </select></label>
          ${corr ? html`
            <label class="field">${T('输入 B', 'with B')}<select data-mc="corr-b" @change=${(e: Event) => setCorr(corr.a, (e.target as HTMLSelectElement).value, String(corr.rho))}>
              ${MC_INPUTS.filter((i) => i.key !== corr.a).map((i) => html`<option value=${i.key} ?selected=${corr.b === i.key}>${label(i.key)}</option>`)}
            </select></label>
            <label class="field">${T('相关系数 ρ', 'rho')}<input type="number" min="-1" max="1" step="0.1" data-mc="rho" .value=${String(corr.rho)} @change=${(e: Event) => setCorr(corr.a, corr.b, (e.target as HTMLInputElement).value)} /></label>` : nothing}
        </span>
        <label class="field">${T('扇形图序列', 'Fan chart series')}<select data-mc="series" @change=${(e: Event) => { const k = (e.target as HTMLSelectElement).value; this.put('a.f', k === 'cumulativeNet' ? null : k); }}>
          ${MC_SERIES.filter((x) => !this.result || this.result.periods[0]?.[x.key as 'cumulativeNet'] !== undefined).map((x) => html`<option value=${x.key} ?selected=${v.series === x.key}>${T(x.zh, x.en)}</option>`)}
        </select></label>
      </div>`;
  }

  override render() {
    const v = this.view;
    if (!v) return this.preparing();
    const T = (zh: string, en: string) => this.T(zh, en);
    const outcome = this.job.answer('mc')?.outcome ?? null;
    const res = this.mc;
    const id = this.fileId;
    return html`
      <p class="prose">${T('为四个标准输入设定概率分布（可关闭、可改参数、可设上下限），给定运行次数与随机种子：每次抽样都由引擎完整运行。同一种子在任意线程数下结果相同，也与命令行 lrsim montecarlo 相同。', 'Give the four standard inputs distributions (switch any off, change parameters, set a floor or cap), a number of runs and a seed: the engine runs each draw in full. The same seed gives the same numbers on any number of threads, and the same as lrsim montecarlo.')}</p>
      ${this.controls(v)}
      ${this.plan ? nothing : html`<p class="note">${T('请先修正上面标红的分布。', 'Fix the distribution marked in red above first.')}</p>`}
      ${this.status(this.job, { zh: '次运行', en: 'runs' })}
      ${outcome && !outcome.ok && !outcome.cancelled ? html`<lr-problems .problems=${outcome.problems} lang=${this.lang} heading=${T('蒙特卡洛方案有问题', 'The Monte Carlo plan has problems')}></lr-problems>` : nothing}
      ${res ? html`<div class="stack">
        <p class="summary" data-mc-summary>${T(`${res.runs} 次运行，随机种子 ${res.seed}，${this.threads} 个工作线程`, `${res.runs} runs, seed ${res.seed}, ${this.threads} worker thread(s)`)}${res.failed ? T(`；${res.failed} 次无法运行（首例：${res.failures[0]?.message ?? ''}）`, `; ${res.failed} refused (first: ${res.failures[0]?.message ?? ''})`) : ''}
          <button class="linklike" data-export="plan" @click=${() => this.plan && downloadText(JSON.stringify(this.plan, null, 2) + '\n', `${fileName(id, 'monte-carlo-plan')}.json`, 'application/json')}>${T('下载方案（JSON）', 'Download the plan (JSON)')}</button></p>
        <lr-table data-table="mc-percentiles" .table=${this.percentiles} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'monte-carlo-percentiles')}></lr-table>
        <lr-table data-table="mc-events" .table=${this.events} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'monte-carlo-events')}></lr-table>
        <lr-chart data-chart="mc-fan" heading=${T('扇形图：逐月分位数', 'Fan chart: percentiles by month')} name=${fileName(id, 'monte-carlo-fan')} lang=${this.lang}
          .options=${this.fan?.options ?? null} .legend=${this.fan?.legend ?? []} .table=${this.fan?.table ?? null}></lr-chart>
        <lr-table data-table="mc-draws" .table=${this.draws} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'monte-carlo-draws')}></lr-table>
      </div>` : nothing}
      ${this.cliRef ? html`<p class="muted">${T('命令行等价命令：', 'The same run from the command line:')}<code class="cli" data-cli>${mcCommand(this.cliRef, v)}</code></p>` : nothing}
    `;
  }
}

customElements.define('lr-analysis-mc', AnalysisMonteCarlo);
