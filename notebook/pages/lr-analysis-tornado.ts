/**
 * 龙卷风图 — the tornado tab: each uncertain input (sale price index, cost overrun, sale delay,
 * interest rate shift) at its low and its high, the others at base → the swing of the chosen
 * output, the widest bar on top, as the engine sorts them. Lows and highs can be edited.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { AnalysisPanel, panelStyles } from './analysis-panel';
import { pageStyles } from '../lib/styles';
import { AnalysisController } from '../lib/analysis-controller';
import { labelOf, standardOutputs } from '../lib/analysis-catalog';
import { tornadoSpec, tornadoTable, tornadoViewOf, type TornadoView } from '../lib/tornado-view';
import { tornadoChart } from '../lib/charts/tornado';
import { type ChartSpec } from '../lib/charts/common';
import { figureText } from '../lib/analysis-figures';
import { unitShort } from '../lib/format';
import { fileName } from '../lib/export';
import type { Table } from '../../engine/presentation/tables';
import '../components/lr-path-picker';
import '../components/lr-chart';
import '../components/lr-table';

export class AnalysisTornado extends AnalysisPanel {
  private job = new AnalysisController(this, 'tornado');
  private view: TornadoView | null = null;
  private table: Table | null = null;
  private chart: ChartSpec | null = null;
  private stamp = '';

  static override styles = [...pageStyles, panelStyles, css`
    .ranges { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
    fieldset { border: 1px solid #e2e2dc; border-radius: 6px; padding: 0.2rem 0.6rem 0.4rem; display: flex; gap: 0.4rem; }
    legend { font-size: 0.8rem; color: #55554f; }
    label.field { display: inline-flex; flex-direction: column; font-size: 0.75rem; color: #55554f; }
    label.field input { width: 5rem; padding: 0.1rem 0.3rem; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.changedScenario(changed);
    if (s && this.result) {
      this.view = tornadoViewOf(this.params, standardOutputs(this.result, s));
      const spec = tornadoSpec(this.view);
      this.job.request(`tornado|${this.scenarioKey}|${JSON.stringify(spec)}`, { kind: 'tornado', scenario: s, spec });
    }
    const r = this.job.reply;
    const stamp = `${this.job.currentKey}|${r?.status}|${this.lang}|${this.unit}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.table = null;
    this.chart = null;
    if (r?.status !== 'done' || r.answer.kind !== 'tornado' || !r.answer.outcome.ok) return;
    const res = r.answer.outcome.result;
    const out = { zh: labelOf(this.outputs, res.output.path, 'zh'), en: labelOf(this.outputs, res.output.path, 'en') };
    this.table = tornadoTable(res, this.inputs, out, this.lang);
    this.chart = tornadoChart(res, res.bars.map((b) => labelOf(this.inputs, b.path, this.lang)), this.lang === 'en' ? out.en : out.zh, this.table, this.lang, this.unit);
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const v = this.view;
    if (!v) return this.preparing();
    const outcome = this.job.answer('tornado')?.outcome ?? null;
    const res = outcome?.ok ? outcome.result : null;
    const id = this.fileId;
    const put = (key: string, low: string, high: string, which: 'low' | 'high', value: string) => {
      const next = which === 'low' ? `${value.trim()},${high}` : `${low},${value.trim()}`;
      const dflt = tornadoViewOf({}, []).rows.find((x) => x.key === key)!;
      this.setParams({ [`a.t.${key}`]: next === `${dflt.low},${dflt.high}` ? null : next });
    };
    return html`
      <p class="prose">${T('每个不确定的输入分别取低值和高值（其余保持基准），看所选输出摆动多少；摆幅最大的放在最上面。', 'Each uncertain input at its low and at its high, the others at base: how far the chosen output swings. The widest swing is on top.')}</p>
      <div class="controls">
        <lr-path-picker name="tornado-output" label=${T('输出', 'Output')} .choices=${this.outputs} value=${v.output} lang=${this.lang}
          @path-change=${(e: CustomEvent<{ path: string }>) => this.setParams({ 'a.to': e.detail.path || null })}></lr-path-picker>
        <div class="ranges">
          ${v.rows.map((row) => html`<fieldset data-tornado-input=${row.key}>
            <legend>${labelOf(this.inputs, row.path, this.lang)}</legend>
            <label class="field">${T('低值', 'Low')}<input .value=${row.low} data-low @change=${(e: Event) => put(row.key, row.low, row.high, 'low', (e.target as HTMLInputElement).value)} /></label>
            <label class="field">${T('高值', 'High')}<input .value=${row.high} data-high @change=${(e: Event) => put(row.key, row.low, row.high, 'high', (e.target as HTMLInputElement).value)} /></label>
          </fieldset>`)}
        </div>
      </div>
      ${this.status(this.job, { zh: '', en: '' })}
      ${outcome && !outcome.ok ? html`<lr-problems .problems=${outcome.problems} lang=${this.lang} heading=${T('龙卷风图的设置有问题', 'The tornado’s settings have problems')}></lr-problems>` : nothing}
      ${res ? html`<div class="stack">
        <p data-base>${T('基准值：', 'Base: ')}<strong>${figureText(res.output.kind, res.base.text, this.unit)}</strong>${res.output.kind === 'money' ? ` ${unitShort(this.unit)}` : ''}</p>
        <lr-chart data-chart="tornado" heading=${T('龙卷风图', 'Tornado')} name=${fileName(id, 'tornado')} lang=${this.lang} .height=${200}
          .options=${this.chart?.options ?? null} .legend=${this.chart?.legend ?? []} .table=${this.chart?.table ?? null}></lr-chart>
        <lr-table data-table="tornado" .table=${this.table} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'tornado')}></lr-table>
      </div>` : nothing}
    `;
  }
}

customElements.define('lr-analysis-tornado', AnalysisTornado);
