/**
 * 压力测试 — the stress tab: the base case and the funding rules' stress presets (sale price −10 %
 * and −20 %, sales 6 and 12 months late, coupons +100 bp, costs +10 %) side by side in one table,
 * every standard output across — the engine's stressOutputs, run in the analysis worker.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { AnalysisPanel, panelStyles } from './analysis-panel';
import { pageStyles } from '../lib/styles';
import { AnalysisController } from '../lib/analysis-controller';
import { outputChoices, standardOutputs } from '../lib/analysis-catalog';
import { stressTable } from '../lib/solve-view';
import { fileName } from '../lib/export';
import type { Table } from '../../engine/presentation/tables';
import '../components/lr-table';

export class AnalysisStress extends AnalysisPanel {
  private job = new AnalysisController(this, 'stress');
  private table: Table | null = null;
  private stamp = '';

  static override styles = [...pageStyles, panelStyles];

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.scenario;
    if ((changed.has('scenario') || changed.has('result')) && s && this.result) {
      const outputs = standardOutputs(this.result, s);
      this.job.request(`stress|${this.scenarioKey}|${outputs.join(',')}`, { kind: 'stress', scenario: s, outputs });
    }
    const r = this.job.reply;
    const stamp = `${this.job.currentKey}|${r?.status}|${this.lang}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.table = r?.status === 'done' && r.answer.kind === 'stress' && r.answer.outcome.ok && this.scenario
      ? stressTable(r.answer.outcome.result.outputs, r.answer.outcome.result.rows, outputChoices(this.result, this.scenario), this.lang)
      : null;
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const outcome = this.job.answer('stress')?.outcome ?? null;
    const id = this.fileId;
    return html`
      <p class="prose">${T('资金平衡规则中的标准压力情景：出让价格下降 10% 与 20%、出让推迟 6 与 12 个月、利率上升 100 个基点、成本上升 10%，与基准情景并列。', 'The funding rules’ standard stress cases — sale prices −10 % and −20 %, sales 6 and 12 months late, coupons +100 bp, costs +10 % — beside the base case.')}</p>
      ${this.status(this.job, { zh: '', en: '' })}
      ${outcome && !outcome.ok ? html`<lr-problems .problems=${outcome.problems} lang=${this.lang}></lr-problems>` : nothing}
      ${this.table ? html`<lr-table data-table="stress" .table=${this.table} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'stress')}></lr-table>` : nothing}
    `;
  }
}

customElements.define('lr-analysis-stress', AnalysisStress);
