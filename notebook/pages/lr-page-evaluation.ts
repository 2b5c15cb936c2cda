/**
 * 绩效评价 — the evaluators' page. Pick an evaluation: Xingning 2022's indicator tree (seed 001:
 * 13 + 22 + 53 = 88 → 良) or Jiangmen 2022's targets against actuals (seed 000: 预算执行率 99.58 %,
 * self-score 98 → 优). The tree is a collapsible table (一级 → 二级 → 三级指标) with weight, score,
 * score rate and each leaf's rule and finding; change any input (实际到位资金, a tranche's date, an
 * unmet-criteria count, a manual score) and the scores, subtotals and grade follow at once. Grades on
 * 财预〔2020〕10号's four grades or the seed's five. Everything is the engine's (evaluateJson,
 * evaluateTargetTable, gradeOn), called directly: an evaluation takes well under a millisecond.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { NotebookPage } from './notebook-page';
import { pageStyles } from '../lib/styles';
import { fileName } from '../lib/export';
import { tx } from '../lib/format';
import { EVALUATIONS, entryOf, isEditKey, scaleOf, type EvaluationEntry } from '../lib/evaluation-view';
import { inputFields, scoreTreeView, treeRows, treeTable, type InputField, type TreeRow, type TreeView } from '../lib/score-tree-view';
import { targetRows, targetTableExport, targetTableView, targetsMet, type TargetRowView, type TargetView } from '../lib/target-table-view';
import { GRADE_SCALES, INDICATOR_LABELS, formatPercent, formatPoints, gradeOn } from '../../engine/evaluation';
import { fenToYuan } from '../../engine/money';
import type { Check } from '../../engine/check';
import type { Table } from '../../engine/presentation/tables';
import type { Kpi } from '../components/lr-kpis';
import '../components/lr-kpis';
import '../components/lr-checks';
import '../components/lr-problems';
import '../components/lr-score-tree';
import '../components/lr-target-table';
import '../components/lr-evaluation-inputs';

export class PageEvaluation extends NotebookPage {
  private entry: EvaluationEntry = EVALUATIONS[0];
  private scaleId = '';
  private tree: TreeView | null = null;
  private targets: TargetView | null = null;
  private rows: TreeRow[] = [];
  private fields: InputField[] = [];
  private targetList: TargetRowView[] = [];
  private table: Table | null = null;
  private kpis: Kpi[] = [];
  private checks: Check[] = [];
  private folded: string[] = [];

  static override styles = [...pageStyles, css`
    ol.bands { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.3rem 0 0; padding: 0; font-size: 0.82rem; }
    ol.bands li { border: 1px solid #e2e2dc; border-radius: 6px; padding: 0.05rem 0.5rem; background: #fff; }
    ol.bands li[aria-current='true'] { background: #1f5f8b; color: #fff; border-color: #1f5f8b; }
    section.inputs { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.6rem 0.8rem; }
    section.inputs h3 { margin: 0 0 0.4rem; font-size: 1rem; }
    label.field input { width: 6rem; }
    details.checks summary { cursor: pointer; font-size: 0.9rem; margin-bottom: 0.4rem; }
  `];

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('params') && !changed.has('lang') && !changed.has('unit')) return;
    const p = this.params;
    this.entry = entryOf(p);
    this.scaleId = scaleOf(p, this.entry);
    this.folded = (p.fold ?? '').split(',').filter(Boolean);
    if (this.entry.kind === 'tree') {
      const view = scoreTreeView(this.entry, p);
      this.tree = view;
      this.targets = null;
      this.rows = treeRows(view, p);
      this.fields = inputFields(this.entry, view, p);
      this.table = treeTable(this.rows, this.lang);
      this.kpis = this.treeKpis(view);
      this.checks = (view.result?.checks ?? []).map((c, i) => this.reportedCheck(i, c.what, c.reported, c.computed, c.ok));
    } else {
      const view = targetTableView(this.entry, p);
      this.targets = view;
      this.tree = null;
      this.targetList = targetRows(view, p);
      this.table = targetTableExport(this.targetList, this.lang);
      this.kpis = this.targetKpis(view, this.targetList);
      this.checks = (view.result?.checks ?? []).map((c, i) => this.reportedCheck(i, c.what, c.reported, c.computed, c.ok));
    }
  }

  private reportedCheck(i: number, what: string, reported: string, computed: string, ok: boolean): Check {
    return { id: `reported.${i}`, ok, severity: 'rule', message: `${what}: the source reports ${reported}, computed ${computed}`, messageZh: `${what}：原文 ${reported}，计算 ${computed}` };
  }

  private gradeKpi(score: Parameters<typeof gradeOn>[1] | null): Kpi {
    const scale = GRADE_SCALES.get(this.scaleId);
    const grade = score === null ? null : gradeOn(this.scaleId, score);
    return { key: 'grade', label: this.T(`评价等级（${scale?.name ?? this.scaleId}）`, `Grade (${scale?.name ?? this.scaleId})`), value: null, text: grade?.grade ?? '—', hint: grade?.range ?? '' };
  }

  private treeKpis(view: TreeView): Kpi[] {
    const r = view.result;
    const ind = r?.indicators ?? null;
    const pct = (name: keyof typeof INDICATOR_LABELS) => {
      const v = ind?.[name] ?? null;
      return { key: name, label: this.T(INDICATOR_LABELS[name].zh, INDICATOR_LABELS[name].en), value: null, text: v === null ? '—' : formatPercent(v, 4) } as Kpi;
    };
    return [
      { key: 'total', label: this.T('总分', 'Total score'), value: null, text: r ? `${formatPoints(r.score)} / ${formatPoints(r.weight)}` : '—' },
      this.gradeKpi(r ? r.score : null),
      { key: 'rate', label: this.T('得分率', 'Score rate'), value: null, text: r ? formatPercent(r.rate, 2) : '—' },
      ...(ind ? [
        { key: 'received', label: this.T('实际到位资金', 'Funds received'), value: fenToYuan(ind.receivedFen) } as Kpi,
        { key: 'planned', label: this.T('计划投入资金', 'Planned funds'), value: fenToYuan(ind.plannedFen) } as Kpi,
        pct('fundsArrivalRate'),
        pct('arrivalTimelinessRate'),
      ] : []),
    ];
  }

  private targetKpis(view: TargetView, rows: TargetRowView[]): Kpi[] {
    const n = targetsMet(rows);
    const budget = rows.find((r) => r.id === 'budgetExecution');
    return [
      { key: 'total', label: this.T('自评得分', 'Self-score'), value: null, text: view.selfScore ? formatPoints(view.selfScore) : '—' },
      this.gradeKpi(view.selfScore),
      { key: 'targetsMet', label: this.T('有目标的指标达成', 'Targets met'), value: null, text: view.result ? `${n.met} / ${n.of}` : '—', tone: view.result ? (n.met === n.of ? 'good' : 'bad') : null },
      ...(budget ? [{ key: 'budgetExecution', label: this.T('支出预算执行率', 'Budget execution'), value: null, text: budget.actual || '—' } as Kpi] : []),
    ];
  }

  private pick(id: string) {
    const change: Record<string, string | null> = { ev: id === EVALUATIONS[0].id ? null : id, fold: null };
    for (const k of Object.keys(this.params)) if (isEditKey(k)) change[k] = null;
    this.setParams(change);
  }

  private resetEdits() {
    const change: Record<string, string | null> = {};
    for (const k of Object.keys(this.params)) if (isEditKey(k)) change[k] = null;
    this.setParams(change);
  }

  override render() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const view = this.tree ?? this.targets;
    const problems = view?.problems ?? [];
    const ignored = view?.edited.ignored ?? [];
    const edits = view?.edited.applied.length ?? 0;
    const scale = GRADE_SCALES.get(this.scaleId);
    const current = this.kpis.find((k) => k.key === 'grade')?.text;
    const id = this.entry.id;
    return html`
      ${this.intro({ zh: '绩效评价：指标体系、评分与等级', en: 'Performance evaluation: indicators, scores and grade' }, {
        zh: '土地储备项目的绩效评价按指标体系打分：一级指标（决策、管理、绩效）分解为二级、三级指标，每个三级指标有分值和评分标准——资金到位率等比率按档扣分，“每项不符合扣 2 分”按项扣分，其余由评价组酌情评分并写明依据。改动任一输入或评价结论，看得分、小计和等级如何变化；江门的自评则逐项对照预期目标与实际完成。',
        en: 'A land reserve project is scored on an indicator tree: level-1 indicators (decision, management, performance) break into level-2 and level-3 indicators, each leaf with a weight and a scoring rule — rates such as funds arrival lose points by steps, “−2 per unmet criterion” deducts per item, the rest are the evaluators’ scores with their justification. Change any input or finding and see the scores, subtotals and grade move; Jiangmen’s self-evaluation sets each target against what was achieved.',
      })}
      <div class="controls" role="group" aria-label=${T('评价与等级标准', 'Evaluation and grade scale')}>
        <div class="group"><span>${T('评价对象', 'Evaluation')}</span>
          <div class="toggle" role="group">${EVALUATIONS.map((e) => html`<button data-ev=${e.id} aria-pressed=${String(e.id === id)} @click=${() => this.pick(e.id)}>${tx(e.title, this.lang)}</button>`)}</div></div>
        <div class="group"><span>${T('等级标准', 'Grade scale')}</span>
          <div class="toggle" role="group">${[...GRADE_SCALES.values()].map((s) => html`<button data-scale=${s.id} aria-pressed=${String(s.id === this.scaleId)}
            @click=${() => this.setParams({ scale: s.id === scaleOf({}, this.entry) ? null : s.id })}>${s.name}</button>`)}</div>
          ${scale ? html`<ol class="bands" aria-label=${T('等级划分', 'Grade bands')}>${scale.grades.map((g) => html`<li aria-current=${String(g.grade === current)}>${g.grade} ${g.range}</li>`)}</ol>` : nothing}
        </div>
        ${this.entry.kind === 'targets' ? html`<label class="field">${T('自评得分', 'Self-score')}
          <input type="number" name="t.selfScore" min="0" max="100" step="0.5" .value=${this.params['t.selfScore'] ?? String(this.entry.json.selfScore ?? '')}
            @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v !== '') this.setParams({ 't.selfScore': v === String(this.entry.json.selfScore) ? null : v }); }}
            @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; this.setParams({ 't.selfScore': v === '' || v === String(this.entry.json.selfScore) ? null : v }); }} /></label>` : nothing}
        <button data-reset-edits ?disabled=${!edits} @click=${() => this.resetEdits()}>${T(`还原原文数值${edits ? `（${edits} 处改动）` : ''}`, `Back to the source${edits ? ` (${edits} edits)` : ''}`)}</button>
      </div>
      <p class="muted">${this.lang === 'en' ? String(this.entry.json.titleEn ?? this.entry.json.title ?? '') : String(this.entry.json.title ?? '')} · ${T('来源', 'Source')}：${String(this.entry.json.source ?? '')}</p>
      ${ignored.length ? html`<p class="note">${ignored.map((i) => html`<span>${this.lang === 'en' ? i.reason.en : i.reason.zh}。</span>`)}</p>` : nothing}
      <lr-kpis .items=${this.kpis} lang=${this.lang} unit=${this.unit}></lr-kpis>
      ${problems.length ? html`<lr-problems .problems=${problems} lang=${this.lang}
          heading=${T(`改动后的输入有 ${problems.length} 处问题，暂不能评分`, `The edited inputs have ${problems.length} problem(s) and cannot be scored`)}></lr-problems>` : nothing}
      ${this.tree ? this.treeBody(id) : this.targetBody(id)}
    `;
  }

  private treeBody(id: string) {
    const T = (zh: string, en: string) => this.T(zh, en);
    return html`<div class="stack">
      <section class="inputs" @input-edit=${(e: CustomEvent<{ key: string; value: string | null }>) => this.setParams({ [e.detail.key]: e.detail.value })}>
        <h3>${T('指标计算的输入（金额带单位，如 4205.07万元；只填数字则沿用原单位）', 'Inputs of the indicator formulas (amounts with their unit, e.g. 4205.07万元; a bare number keeps the unit)')}</h3>
        <lr-evaluation-inputs .fields=${this.fields} lang=${this.lang}></lr-evaluation-inputs>
      </section>
      <lr-score-tree data-table="score-tree" heading=${T('绩效评价指标评分表', 'Score table')} .rows=${this.rows} .folded=${this.folded} .table=${this.table} lang=${this.lang} name=${fileName(id, 'score-tree')}
        @fold-change=${(e: CustomEvent<string[]>) => this.setParams({ fold: e.detail.length ? e.detail.join(',') : null })}
        @leaf-edit=${(e: CustomEvent<{ key: string; value: string | null }>) => this.setParams({ [e.detail.key]: e.detail.value })}></lr-score-tree>
      ${this.checkList()}
    </div>`;
  }

  /** The computed figures against the source's own, folded away while they all agree. */
  private checkList() {
    const T = (zh: string, en: string) => this.T(zh, en);
    const differ = this.checks.filter((c) => !c.ok).length;
    return html`<details class="checks" ?open=${differ > 0} data-differ=${differ}>
      <summary>${T(`与原文核对：${this.checks.length} 项，${differ} 项不一致`, `Against the source: ${this.checks.length} figures, ${differ} differ`)}</summary>
      <lr-checks .checks=${this.checks} lang=${this.lang}></lr-checks>
    </details>`;
  }

  private targetBody(id: string) {
    const T = (zh: string, en: string) => this.T(zh, en);
    return html`<div class="stack">
      <lr-target-table data-table="targets" heading=${T('绩效指标实现程度（目标与实际）', 'Targets against actuals')} .rows=${this.targetList} .table=${this.table} lang=${this.lang} name=${fileName(id, 'targets')}
        @target-edit=${(e: CustomEvent<{ key: string; value: string | null }>) => this.setParams({ [e.detail.key]: e.detail.value })}></lr-target-table>
      ${this.checkList()}
    </div>`;
  }
}

customElements.define('lr-page-evaluation', PageEvaluation);
