/**
 * An evaluation file (data/evaluation/xingning-2022.json): the indicator tree, the money and output
 * inputs its formulas need, the grade scales to report, and what the source document itself reports
 * (so every computed figure is checked against the document's).
 *
 * Worked example (seed 001): inputs planned "6205.27万元", received "2000万元" on 2022-09-16 and
 * "4205.07万元" on 2023-01-16 → 资金到位率 99.9968 % → 4 of 4; the tree totals 88 → 良 on both
 * 财预〔2020〕10号 and the seed's five-grade scale, as the document reports.
 */
import { dec, type Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { path, readArray, readDate, readMoney, readObject, readRecord, readPoints, readString, readStrings, type Json } from './fields';
import { indicatorsFromFlows, parseQuantity, type DatedAmount, type FlowInputs, type Indicators } from './indicators';
import { checkTreeAgainstIndicators, parseIndicatorTree, scoreTree, totalWeight, type IndicatorNode, type ScoredNode } from './indicator-tree';
import { GRADE_SCALES, gradeMatches, gradeOf, DEFAULT_SCALE_ID } from './grade-scale';

/** What every evaluation document states about itself: an indicator tree and a target table alike. */
export interface EvaluationDocument {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly gradeScaleIds: readonly string[];
}

export interface EvaluationSpec extends EvaluationDocument {
  readonly inputs: FlowInputs | null;
  readonly tree: readonly IndicatorNode[];
  /** The figures the source document reports, by node id, plus its total and grade. */
  readonly reported: { readonly scores: ReadonlyMap<string, Decimal>; readonly total?: Decimal; readonly grade?: string };
}

export interface GradeResult {
  readonly scaleId: string;
  readonly scaleName: string;
  readonly grade: string;
}

/** A computed figure compared with the one the document reports. */
export interface ReportedCheck {
  readonly what: string;
  readonly reported: string;
  readonly computed: string;
  readonly ok: boolean;
}

/** What every evaluated document reports: its grades and its figures checked against the document's own. */
export interface GradedResult extends Pick<EvaluationDocument, 'id' | 'title'> {
  readonly grades: readonly GradeResult[];
  readonly checks: readonly ReportedCheck[];
}

export interface EvaluationResult extends GradedResult {
  readonly levels: readonly ScoredNode[];
  readonly weight: Decimal;
  readonly score: Decimal;
  readonly rate: Decimal;
  readonly indicators: Indicators | null;
}

/** Reads an evaluation file, collecting every problem. */
export function parseEvaluationSpec(value: unknown): { spec: EvaluationSpec | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const obj = readObject(value, '', problems);
  if (!obj) return { spec: null, problems };
  const { id, title, source } = readStrings(obj, ['id', 'title', 'source'], '', problems);
  const gradeScaleIds = readScaleIds(obj, problems);
  const inputs = obj.inputs === undefined ? null : parseFlowInputs(obj.inputs, 'inputs', problems);
  const tree = parseIndicatorTree(obj.tree, 'tree', problems);
  if (tree) {
    const total = totalWeight(tree);
    if (!total.eq(100)) {
      problems.push(problem('schema.range', 'tree', `weights summing to ${total.toString()}`, { en: 'level-1 weights summing to 100', zh: '一级指标分值合计 100' }));
    }
  }
  const reported = readReported(obj, problems);
  if (problems.length > 0 || !id || !title || !source || !tree || !gradeScaleIds) return { spec: null, problems };
  return { spec: { id, title, source, gradeScaleIds, inputs, tree, reported }, problems };
}

function readScaleIds(obj: Json, problems: Problem[]): string[] | null {
  if (obj.gradeScales === undefined) return [DEFAULT_SCALE_ID];
  const list = readArray(obj.gradeScales, 'gradeScales', problems, 1);
  if (!list) return null;
  const known = [...GRADE_SCALES.keys()].join(' | ');
  const ids: string[] = [];
  list.forEach((s, i) => {
    if (typeof s === 'string' && GRADE_SCALES.has(s)) ids.push(s);
    else problems.push(problem('ref.unknown', path('gradeScales', i), s, { en: `a grade scale id: ${known}`, zh: `评价等级标准编号：${known}` }));
  });
  return ids.length === list.length ? ids : null;
}

function readReported(obj: Json, problems: Problem[]): EvaluationSpec['reported'] {
  const scores = new Map<string, Decimal>();
  if (obj.reported === undefined) return { scores };
  const r = readObject(obj.reported, 'reported', problems);
  if (!r) return { scores };
  const total = r.total === undefined ? undefined : readPoints(r, 'total', 'reported', problems) ?? undefined;
  const grade = r.grade === undefined ? undefined : readString(r, 'grade', 'reported', problems) ?? undefined;
  if (r.scores !== undefined) {
    const s = readObject(r.scores, 'reported.scores', problems);
    for (const key of Object.keys(s ?? {})) {
      const v = readPoints(s as Json, key, 'reported.scores', problems);
      if (v) scores.set(key, v);
    }
  }
  return { scores, total, grade };
}

/** Reads the money and output inputs of the indicator formulas. */
export function parseFlowInputs(value: unknown, at: string, problems: Problem[]): FlowInputs | null {
  return readRecord(value, at, problems, (obj) => {
    const plannedFen = readMoney(obj, 'planned', at, problems);
    const received = readDatedAmounts(obj.received, path(at, 'received'), problems);
    const due = obj.due === undefined ? undefined : readDatedAmounts(obj.due, path(at, 'due'), problems) ?? undefined;
    const spentFen = obj.spent === undefined ? undefined : readMoney(obj, 'spent', at, problems) ?? undefined;
    const asOf = readDate(obj, 'asOf', at, problems, true) ?? undefined;
    const plannedCostFen = obj.plannedCost === undefined ? undefined : readMoney(obj, 'plannedCost', at, problems) ?? undefined;
    const actualCostFen = obj.actualCost === undefined ? undefined : readMoney(obj, 'actualCost', at, problems) ?? undefined;
    const outputs = readOutputs(obj, at, problems);
    if (plannedFen === null || !received) return null;
    return { plannedFen, received, due, spentFen, asOf, plannedCostFen, actualCostFen, ...outputs };
  });
}

function readDatedAmounts(value: unknown, at: string, problems: Problem[]): DatedAmount[] | null {
  const list = readArray(value, at, problems);
  if (!list) return null;
  const out: DatedAmount[] = [];
  list.forEach((x, i) => {
    const o = readObject(x, path(at, i), problems);
    if (!o) return;
    const date = readDate(o, 'date', path(at, i), problems);
    const amountFen = readMoney(o, 'amount', path(at, i), problems);
    if (amountFen !== null && amountFen < 0) {
      problems.push(problem('schema.range', path(at, i, 'amount'), o.amount, { en: 'an amount ≥ 0', zh: '不小于 0 的金额' }));
    } else if (date !== null && amountFen !== null) out.push({ date, amountFen });
  });
  return out.length === list.length ? out : null;
}

function readOutputs(obj: Json, at: string, problems: Problem[]): Pick<FlowInputs, 'plannedOutput' | 'actualOutput' | 'qualifiedOutput'> {
  const keys = ['plannedOutput', 'actualOutput', 'qualifiedOutput'] as const;
  const out: { plannedOutput?: Decimal; actualOutput?: Decimal; qualifiedOutput?: Decimal } = {};
  let unit: string | null = null;
  for (const key of keys) {
    const v = obj[key];
    if (v === undefined) continue;
    const q = typeof v === 'string' ? parseQuantity(v) : null;
    if (!q) {
      problems.push(problem('schema.format', path(at, key), v, { en: 'a quantity with its unit, e.g. "34.9928亩" or "146户"', zh: '带单位的数量，如 "34.9928亩" 或 "146户"' }));
      continue;
    }
    if (unit !== null && q.unit !== unit) {
      problems.push(problem('schema.format', path(at, key), v, { en: `a quantity in the same unit as the other outputs (${unit})`, zh: `与其他产出相同单位（${unit}）的数量` }));
      continue;
    }
    unit = q.unit;
    out[key] = q.value;
  }
  return out;
}

/** Scores an evaluation: indicators from the inputs, the tree, the grades, and the checks against the document. */
export function evaluateSpec(spec: EvaluationSpec): { result: EvaluationResult | null; problems: Problem[] } {
  const indicators = spec.inputs ? indicatorsFromFlows(spec.inputs) : null;
  const problems = checkTreeAgainstIndicators(spec.tree, indicators, 'tree');
  if (problems.length > 0) return { result: null, problems };
  const levels = scoreTree(spec.tree, indicators);
  const weight = totalWeight(spec.tree);
  const score = levels.reduce((s, n) => s.plus(n.score), dec('0'));
  const grades = spec.gradeScaleIds.map((id) => {
    const scale = GRADE_SCALES.get(id);
    if (!scale) throw new Error(`grade scale ${id} vanished after validation`);
    return { scaleId: id, scaleName: scale.name, grade: gradeOf(scale, score).grade };
  });
  const checks: ReportedCheck[] = [];
  const walk = (nodes: readonly ScoredNode[]) =>
    nodes.forEach((n) => {
      const r = spec.reported.scores.get(n.id);
      if (r !== undefined) checks.push({ what: n.name, reported: r.toString(), computed: n.score.toString(), ok: r.eq(n.score) });
      walk(n.children);
    });
  walk(levels);
  if (spec.reported.total !== undefined) {
    checks.push({ what: '合计 total', reported: spec.reported.total.toString(), computed: score.toString(), ok: spec.reported.total.eq(score) });
  }
  const reportedGrade = spec.reported.grade;
  if (reportedGrade !== undefined) {
    for (const g of grades) {
      const grade = gradeOf(GRADE_SCALES.get(g.scaleId)!, score);
      checks.push({ what: `评价等级 grade (${g.scaleName})`, reported: reportedGrade, computed: g.grade, ok: gradeMatches(grade, reportedGrade) });
    }
  }
  const rate = weight.isZero() ? dec('0') : score.div(weight);
  return { result: { id: spec.id, title: spec.title, levels, weight, score, rate, grades, indicators, checks }, problems: [] };
}

/** Parse then evaluate, for callers holding JSON. */
export function evaluateJson(value: unknown): { result: EvaluationResult | null; problems: Problem[] } {
  const { spec, problems } = parseEvaluationSpec(value);
  if (!spec) return { result: null, problems };
  return evaluateSpec(spec);
}

