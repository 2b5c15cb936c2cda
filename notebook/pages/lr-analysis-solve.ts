/**
 * 目标反推 — the solve-for tab: the four presets of the funding rules, each a bracketed goal seek
 * in the analysis worker — the highest acquisition price that keeps coverage at the floor, the
 * lowest sale price that balances a zone, the largest bond the sales carry, the smallest
 * pre-allocation that avoids any shortfall. Each shows its answer and the value one step beyond,
 * or "no solution in range", or why it does not apply to this scenario.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { AnalysisPanel, panelStyles } from './analysis-panel';
import { pageStyles } from '../lib/styles';
import { AnalysisController } from '../lib/analysis-controller';
import { PRESET_NAMES, SOLVE_PRESETS, STATUS_NAMES, fieldValue, solveTable, statusOf } from '../lib/solve-view';
import { kindOf } from '../lib/analysis-catalog';
import { figureText } from '../lib/analysis-figures';
import { unitShort } from '../lib/format';
import { fileName } from '../lib/export';
import type { SolveAnswer } from '../lib/analysis-protocol';
import type { Table } from '../../engine/presentation/tables';
import '../components/lr-table';

export class AnalysisSolve extends AnalysisPanel {
  private job = new AnalysisController(this, 'solve');
  private answers: readonly SolveAnswer[] = [];
  private table: Table | null = null;
  private stamp = '';

  static override styles = [...pageStyles, panelStyles, css`
    ol.presets { list-style: none; padding: 0; margin: 0.6rem 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 0.8rem; }
    ol.presets > li { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.6rem 0.8rem; }
    h3 { margin: 0 0 0.3rem; font-size: 1rem; }
    .q { color: #55554f; font-size: 0.85rem; margin: 0 0 0.4rem; }
    .answer { font-size: 1.25rem; font-weight: 650; font-variant-numeric: tabular-nums; }
    .answer .exact { font-size: 0.8rem; font-weight: 400; }
    .badge { display: inline-block; border-radius: 999px; padding: 0 0.55rem; font-size: 0.78rem; margin-left: 0.4rem; border: 1px solid; }
    .solved { color: #216e39; border-color: #9fd1ae; background: #eef8f1; }
    .wholeRange, .noSolution { color: #8a5a00; border-color: #e6c77f; background: #fff8e6; }
    .notApplicable { color: #6b6b66; border-color: #d6d6d0; background: #f5f5f2; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.4rem 0 0; font-size: 0.85rem; }
    dt { color: #6b6b66; }
    dd { margin: 0; word-break: break-word; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.scenario;
    if ((changed.has('scenario') || changed.has('result')) && s && this.result) {
      this.job.request(`solve|${this.scenarioKey}`, { kind: 'solve', scenario: s, presets: SOLVE_PRESETS });
    }
    const r = this.job.reply;
    const stamp = `${this.job.currentKey}|${r?.status}|${this.lang}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.answers = r?.status === 'done' && r.answer.kind === 'solve' ? r.answer.answers : [];
    this.table = this.answers.length ? solveTable(this.answers, this.lang) : null;
  }

  private card(a: SolveAnswer) {
    const T = (zh: string, en: string) => this.T(zh, en);
    const pick = (t: { zh: string; en: string }) => (this.lang === 'en' ? t.en : t.zh);
    const status = statusOf(a);
    const out = (text: string | null) => {
      if (!a.ok) return '—';
      const k = kindOf(a.spec.output);
      // Money also in exact 元: one step beyond an answer is often a fen, which 万元 would round away.
      return text === null ? T('无法运行', 'refused') : k === 'money' ? `${figureText(k, text, this.unit)} ${unitShort(this.unit)}（${text} 元）` : figureText(k, text, this.unit);
    };
    return html`<li data-preset=${a.preset} data-status=${status}>
      <h3>${pick(PRESET_NAMES[a.preset])}<span class="badge ${status}">${pick(STATUS_NAMES[status])}</span></h3>
      ${a.ok ? html`<p class="q">${pick(a.question)}</p>` : nothing}
      ${a.ok && a.result.status !== 'noSolution' ? html`<div class="answer" data-answer title=${String(a.result.value)}>${fieldValue(a.result.value, this.unit)} <span class="muted exact">${String(a.result.value)}</span></div>` : nothing}
      ${a.ok && a.result.status === 'noSolution' ? html`<div class="answer" data-answer>${T('区间内无解', 'No solution in range')}</div>` : nothing}
      ${a.ok ? html`<dl>
        <dt>${T('求解字段', 'Field')}</dt><dd><code>${a.spec.input.path}</code></dd>
        <dt>${T('搜索区间', 'Range')}</dt><dd>${fieldValue(a.spec.input.from, this.unit)} – ${fieldValue(a.spec.input.to, this.unit)}</dd>
        <dt>${T('条件', 'Condition')}</dt><dd><code>${a.spec.output} ${a.spec.op} ${a.spec.threshold}</code></dd>
        ${a.result.status !== 'noSolution' ? html`<dt>${T('答案处的输出', 'Output there')}</dt><dd>${out(a.result.at.output)}</dd>` : nothing}
        ${a.result.status === 'solved' ? html`<dt>${T('再进一步', 'One step further')}</dt><dd>${String(a.result.beyond.input)} → ${out(a.result.beyond.output)}${a.result.beyond.problems[0] ? html`<br /><span class="muted">${pick(a.result.beyond.problems[0].message)}</span>` : nothing}</dd>` : nothing}
        ${a.result.status === 'solved' && !a.result.monotone ? html`<dt>${T('提示', 'Note')}</dt><dd>${T('条件在区间内不止一次变化，答案为离所求端最近的边界。', 'The condition changes more than once in the range; this is the boundary nearest the end asked for.')}</dd>` : nothing}
        ${a.result.status === 'noSolution' ? html`<dt>${T('扫描点', 'Scanned')}</dt><dd>${a.result.scanned.map((p) => `${fieldValue(p.input, this.unit)} → ${out(p.output)}`).join('；')}</dd>` : nothing}
        <dt>${T('引擎运行', 'Engine runs')}</dt><dd>${a.result.evaluations}</dd>
      </dl>` : html`<p class="muted" data-why>${a.problems.map((p) => pick(p.message)).join('；')}</p>`}
    </li>`;
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const id = this.fileId;
    return html`
      <p class="prose">${T('四个常用问题的反推：在给定区间内先粗扫、再二分，精确到字段的最小单位（金额为 1 分）。“区间内无解”也是一个答案。', 'Four common questions solved backwards: a coarse scan of the range, then bisection to the field’s resolution (one fen for money). “No solution in range” is an answer too.')}</p>
      ${this.status(this.job, { zh: '个预设', en: 'presets' })}
      ${this.answers.length ? html`<ol class="presets">${this.answers.map((a) => this.card(a))}</ol>
        <lr-table data-table="solve" .table=${this.table} lang=${this.lang} unit=${this.unit} name=${fileName(id, 'solve-presets')}></lr-table>` : nothing}
    `;
  }
}

customElements.define('lr-analysis-solve', AnalysisSolve);
