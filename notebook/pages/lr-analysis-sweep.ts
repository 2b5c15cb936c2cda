/**
 * 数据表 — the sweep tab: one or two inputs (picked by label or typed as a JSON path) over a range
 * and number of steps → every standard output at every point, run in the analysis worker. One
 * input draws the chosen output as a line, two as a heat map; the table downloads as CSV or XLSX
 * (exact 元), the chart as PNG, SVG or CSV. Picking another output redraws without rerunning.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { AnalysisPanel, panelStyles } from './analysis-panel';
import { pageStyles } from '../lib/styles';
import { AnalysisController } from '../lib/analysis-controller';
import { defaultRange, labelOf, rangeText, standardOutputs, type Range } from '../lib/analysis-catalog';
import { MAX_STEPS, outputIndex, sweepSpec, sweepTable, sweepViewOf, type SweepView } from '../lib/sweep-view';
import { sweepHeatChart, sweepLineChart } from '../lib/charts/sweep';
import { type ChartSpec } from '../lib/charts/common';
import { fileName } from '../lib/export';
import type { Table } from '../../engine/presentation/tables';
import '../components/lr-path-picker';
import '../components/lr-chart';
import '../components/lr-table';

export class AnalysisSweep extends AnalysisPanel {
  private job = new AnalysisController(this, 'sweep');
  private view: SweepView | null = null;
  private table: Table | null = null;
  private chart: ChartSpec | null = null;
  private missing = false;
  private stamp = '';

  static override styles = [...pageStyles, panelStyles, css`
    .axis { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: end; }
    label.field input { width: 8.5rem; padding: 0.1rem 0.3rem; }
    label.field input.steps { width: 4rem; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.changedScenario(changed);
    if (s && this.result) {
      const std = standardOutputs(this.result, s);
      this.view = sweepViewOf(this.params, s, std);
      const spec = sweepSpec(this.view, std);
      this.job.request(`sweep|${this.scenarioKey}|${JSON.stringify(spec)}`, { kind: 'sweep', scenario: s, spec });
    }
    const r = this.job.reply;
    const stamp = `${this.job.currentKey}|${r?.status}|${this.lang}|${this.unit}|${this.view?.output}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.table = null;
    this.chart = null;
    this.missing = false;
    if (r?.status !== 'done' || r.answer.kind !== 'sweep' || !r.answer.outcome.ok || !this.view) return;
    const res = r.answer.outcome.result;
    const k = outputIndex(res, this.view.output);
    if (k < 0) { this.missing = true; return; }
    this.table = sweepTable(res, k, this.inputs, this.outputs, this.lang);
    const labels = {
      x: labelOf(this.inputs, res.axes[0].path, this.lang),
      y: res.axes[1] ? labelOf(this.inputs, res.axes[1].path, this.lang) : '',
      output: labelOf(this.outputs, res.outputs[k].path, this.lang),
    };
    this.chart = res.axes.length === 2 ? sweepHeatChart(res, k, labels, this.table, this.lang, this.unit) : sweepLineChart(res, k, labels, this.table, this.lang, this.unit);
  }

  private axis(which: 'x' | 'y', path: string | null, range: Range | null) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const key = `a.${which}r`;
    const put = (part: keyof Range, value: string) => {
      if (!range) return;
      const next = { ...range, [part]: part === 'steps' ? Math.max(1, Math.min(MAX_STEPS, Math.round(Number(value)) || 1)) : value.trim() };
      const d = this.scenario && path ? defaultRange(this.scenario, path) : null;
      this.setParams({ [key]: d && rangeText(d) === rangeText(next) ? null : rangeText(next) });
    };
    return html`<div class="axis" role="group" aria-label=${which === 'x' ? T('第一个输入', 'First input') : T('第二个输入', 'Second input')}>
      <lr-path-picker name=${which} label=${which === 'x' ? T('输入（横轴）', 'Input (across)') : T('第二个输入（纵轴，可选）', 'Second input (down, optional)')}
        .choices=${this.inputs} value=${path ?? ''} lang=${this.lang} ?optional=${which === 'y'}
        @path-change=${(e: CustomEvent<{ path: string }>) => this.setParams({ [`a.${which}`]: e.detail.path === (which === 'x' ? 'adjustments.salePriceFactor' : '') ? null : e.detail.path || null, [key]: null })}></lr-path-picker>
      ${range ? html`
        <label class="field">${T('从', 'From')}<input data-range=${`${which}-from`} .value=${range.from} @change=${(e: Event) => put('from', (e.target as HTMLInputElement).value)} /></label>
        <label class="field">${T('到', 'To')}<input data-range=${`${which}-to`} .value=${range.to} @change=${(e: Event) => put('to', (e.target as HTMLInputElement).value)} /></label>
        <label class="field">${T('点数', 'Points')}<input class="steps" type="number" min="1" max=${MAX_STEPS} data-range=${`${which}-steps`} .value=${String(range.steps)} @change=${(e: Event) => put('steps', (e.target as HTMLInputElement).value)} /></label>` : nothing}
    </div>`;
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const v = this.view;
    if (!v) return this.preparing();
    const outcome = this.job.answer('sweep')?.outcome ?? null;
    const points = v.xr.steps * (v.yr?.steps ?? 1);
    const id = this.fileId;
    return html`
      <p class="prose">${T('选一个或两个输入（也可直接输入情景中任一字段的 JSON 路径），给出区间和点数：每个点都由引擎完整运行一次，得到各项输出——与 Excel 的“模拟运算表”相同，但精确到分。一个输入画折线，两个输入画热力图。', 'Pick one or two inputs (or type the JSON path of any scenario field), a range and a number of points: the engine runs every point in full and reads every output — Excel’s data table, exact to the fen. One input draws a line; two draw a heat map.')}</p>
      <div class="controls">
        ${this.axis('x', v.x, v.xr)}
        ${this.axis('y', v.y, v.yr)}
        <lr-path-picker name="output" label=${T('输出', 'Output')} .choices=${this.outputs} value=${v.output} lang=${this.lang}
          @path-change=${(e: CustomEvent<{ path: string }>) => this.setParams({ 'a.o': e.detail.path || null })}></lr-path-picker>
      </div>
      ${this.status(this.job, { zh: `个点（共 ${points} 个）`, en: `points (${points} in all)` })}
      ${outcome && !outcome.ok ? html`<lr-problems .problems=${outcome.problems} lang=${this.lang} heading=${T('数据表的设置有问题', 'The data table’s settings have problems')}></lr-problems>` : nothing}
      ${this.missing ? html`<p class="note">${T('所选输出不在本次计算中，正在重算…', 'The chosen output was not computed; recomputing…')}</p>` : nothing}
      ${this.table ? html`<div class="stack">
        <lr-chart data-chart=${v.y ? 'sweep-heat' : 'sweep-line'} heading=${v.y ? T('热力图', 'Heat map') : T('折线图', 'Line chart')} name=${fileName(id, v.y ? 'sweep-heat-map' : 'sweep-line')} lang=${this.lang}
          .options=${this.chart?.options ?? null} .legend=${this.chart?.legend ?? []} .table=${this.chart?.table ?? null}></lr-chart>
        <lr-table data-table="sweep" .table=${this.table} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'sweep')} limit="60"></lr-table>
      </div>` : nothing}
    `;
  }
}

customElements.define('lr-analysis-sweep', AnalysisSweep);
