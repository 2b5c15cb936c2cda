/**
 * A target table (绩效指标实现程度表): each indicator's expected value (预期绩效指标) against what
 * was achieved (实际完成), as in a unit's self-evaluation. Quantitative rows are compared; rows
 * that are only words (经费支出合规) carry the unit's own yes/no.
 *
 * Worked example (seed 000, Jiangmen 2022): 收储 399 亩 vs ≥ 300 亩 → met, 133.00 %; 新增建设用地
 * 报批 64.54 亩 vs ≥ 60 亩 → 107.57 %; 招租 1 418 亩 vs ≥ 1 400 亩 → 101.29 %; 预算执行率 =
 * 30 143.52 / 30 271.4 万元 = 99.58 %; self-score 98 → 优 ("优秀").
 */
import { parseMoneyDecimal, type Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { isObject, path, readArray, readEnum, readMoney, readObject, readPoints, readString, readStrings, type Json } from './fields';
import { budgetExecutionRate, completionRate, costSavingRate, formatPercent, fundsArrivalRate, parseQuantity, ratio, type Quantity } from './indicators';
import { GRADE_SCALES, gradeMatches, gradeOf, DEFAULT_SCALE_ID } from './grade-scale';
import type { EvaluationDocument, GradedResult, GradeResult, ReportedCheck } from './evaluation-spec';

export type TargetOp = '>=' | '<=' | '=' | 'qualitative';

export interface TargetRow {
  readonly id: string;
  readonly group: string;
  readonly name: string;
  readonly targetText: string;
  readonly actualText: string;
  readonly op: TargetOp | null;
  readonly target: Quantity | null;
  readonly actual: Quantity | null;
  /** How the actual was computed, when it was ("预算执行率 = 30143.52万元 / 30271.4万元"). */
  readonly formula: string | null;
  /** The unit's own verdict for qualitative rows. */
  readonly statedMet: boolean | null;
  /** The actual as the document prints it, checked against the computed one ("99.58%"). */
  readonly reportedActual: string | null;
  readonly note: string | null;
}

export interface TargetTable extends EvaluationDocument {
  readonly rows: readonly TargetRow[];
  readonly selfScore: Decimal | null;
  readonly selfGrade: string | null;
  /** Figures the document states twice in different units, which must agree. */
  readonly sameAmounts: readonly { readonly what: string; readonly values: readonly string[] }[];
}

export interface TargetRowResult {
  readonly row: TargetRow;
  /** null for rows with no target. */
  readonly met: boolean | null;
  /** actual / target, for ≥ and = targets. */
  readonly achievement: Decimal | null;
  readonly actualShown: string;
}

export interface TargetTableResult extends GradedResult {
  readonly rows: readonly TargetRowResult[];
}

const FORMULAS = ['budgetExecutionRate', 'fundsArrivalRate', 'costSavingRate', 'completionRate'] as const;
type Formula = (typeof FORMULAS)[number];

export function parseTargetTable(value: unknown): { table: TargetTable | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const obj = readObject(value, '', problems);
  if (!obj) return { table: null, problems };
  const { id, title, source } = readStrings(obj, ['id', 'title', 'source'], '', problems);
  const list = readArray(obj.indicators, 'indicators', problems, 1) ?? [];
  const rows = list.map((r, i) => parseRow(r, path('indicators', i), problems));
  const selfScore = obj.selfScore === undefined ? null : readPoints(obj, 'selfScore', '', problems);
  const selfGrade = obj.selfGrade === undefined ? null : readString(obj, 'selfGrade', '', problems);
  const gradeScaleIds = Array.isArray(obj.gradeScales) ? obj.gradeScales.filter((s): s is string => typeof s === 'string') : [DEFAULT_SCALE_ID];
  gradeScaleIds.forEach((s, i) => {
    if (!GRADE_SCALES.has(s)) problems.push(problem('ref.unknown', path('gradeScales', i), s, { en: `a grade scale id: ${[...GRADE_SCALES.keys()].join(' | ')}`, zh: '评价等级标准编号' }));
  });
  const sameAmounts = (Array.isArray(obj.sameAmounts) ? obj.sameAmounts : []).map((s, i) => {
    const at = path('sameAmounts', i);
    const o = readObject(s, at, problems) ?? {};
    const what = readString(o, 'what', at, problems) ?? '';
    const values = (readArray(o.values, path(at, 'values'), problems, 2) ?? []).map((v, j) => {
      if (typeof v !== 'string' || parseMoneyDecimal(v) === null) problems.push(problem('money.format', path(at, 'values', j), v, { en: 'money with its unit, e.g. "12.14亿元"', zh: '带单位的金额，如 "12.14亿元"' }));
      return String(v);
    });
    return { what, values };
  });
  if (problems.length > 0 || !id || !title || !source) return { table: null, problems };
  return { table: { id, title, source, rows: rows as TargetRow[], selfScore, selfGrade, gradeScaleIds, sameAmounts }, problems };
}

function quantity(obj: Json, key: string, at: string, problems: Problem[]): Quantity | null {
  const v = obj[key];
  const q = typeof v === 'string' ? parseQuantity(v) : null;
  if (!q) problems.push(problem(v === undefined ? 'schema.required' : 'schema.format', path(at, key), v, { en: 'a quantity with its unit, e.g. "300亩", "90%", "3636万元"', zh: '带单位的数量，如 "300亩"、"90%"、"3636万元"' }));
  return q;
}

function parseRow(value: unknown, at: string, problems: Problem[]): TargetRow | null {
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const id = readString(obj, 'id', at, problems) ?? '';
  const group = readString(obj, 'group', at, problems) ?? '';
  const name = readString(obj, 'name', at, problems) ?? '';
  const targetText = typeof obj.targetText === 'string' ? obj.targetText : '';
  const actualText = readString(obj, 'actualText', at, problems) ?? '';
  let op: TargetOp | null = null;
  let target: Quantity | null = null;
  if (obj.target !== undefined) {
    const t = readObject(obj.target, path(at, 'target'), problems) ?? {};
    op = readEnum(t, 'op', path(at, 'target'), ['>=', '<=', '=', 'qualitative'] as const, problems);
    if (op !== null && op !== 'qualitative') target = quantity(t, 'value', path(at, 'target'), problems);
  }
  let actual: Quantity | null = null;
  let formula: string | null = null;
  if (isObject(obj.actual)) {
    const computed = computeFormula(obj.actual, path(at, 'actual'), problems);
    actual = computed?.value ?? null;
    formula = computed?.text ?? null;
  } else if (obj.actual !== undefined) {
    actual = quantity(obj, 'actual', at, problems);
  }
  const statedMet = typeof obj.met === 'boolean' ? obj.met : null;
  if (op === 'qualitative' && statedMet === null) {
    problems.push(problem('schema.required', path(at, 'met'), obj.met, { en: 'true or false: a qualitative target needs the unit\'s verdict', zh: 'true 或 false：定性指标需注明是否达成' }));
  }
  if (target && actual && target.unit !== actual.unit) {
    problems.push(problem('schema.format', path(at, 'actual'), obj.actual, { en: `an actual in the target's unit (${target.unit})`, zh: `与目标值相同单位（${target.unit}）的实际值` }));
  }
  const reportedActual = typeof obj.reportedActual === 'string' ? obj.reportedActual : null;
  const note = typeof obj.note === 'string' ? obj.note : null;
  return { id, group, name, targetText, actualText, op, target, actual, formula, statedMet, reportedActual, note };
}

function computeFormula(obj: Json, at: string, problems: Problem[]): { value: Quantity; text: string } | null {
  const f = readEnum(obj, 'formula', at, FORMULAS, problems) as Formula | null;
  const keys: Record<Formula, [string, string]> = {
    budgetExecutionRate: ['spent', 'received'],
    fundsArrivalRate: ['received', 'planned'],
    costSavingRate: ['plannedCost', 'actualCost'],
    completionRate: ['actual', 'planned'],
  };
  if (!f) return null;
  const [a, b] = keys[f];
  if (f === 'completionRate') {
    const x = quantity(obj, a, at, problems);
    const y = quantity(obj, b, at, problems);
    const v = x && y ? completionRate(x.value, y.value) : null;
    return v ? { value: { value: v, unit: '%' }, text: `${obj[a]} / ${obj[b]}` } : null;
  }
  const x = readMoney(obj, a, at, problems);
  const y = readMoney(obj, b, at, problems);
  if (x === null || y === null) return null;
  const v = f === 'budgetExecutionRate' ? budgetExecutionRate(x, y) : f === 'fundsArrivalRate' ? fundsArrivalRate(x, y) : costSavingRate(x, y);
  if (!v) {
    problems.push(problem('schema.range', path(at, b), obj[b], { en: 'a base above 0', zh: '大于 0 的基数' }));
    return null;
  }
  return { value: { value: v, unit: '%' }, text: f === 'costSavingRate' ? `(${obj[a]} − ${obj[b]}) / ${obj[a]}` : `${obj[a]} / ${obj[b]}` };
}

/** Compares every row, grades the self-score and checks the document's own figures. */
export function evaluateTargetTable(table: TargetTable): TargetTableResult {
  const rows = table.rows.map((row): TargetRowResult => {
    const actualShown = row.actual ? showQuantity(row.actual) : row.actualText;
    if (row.op === 'qualitative') return { row, met: row.statedMet, achievement: null, actualShown };
    if (!row.op || !row.target || !row.actual) return { row, met: null, achievement: null, actualShown };
    const a = row.actual.value;
    const t = row.target.value;
    const met = row.op === '>=' ? a.gte(t) : row.op === '<=' ? a.lte(t) : a.eq(t);
    const achievement = row.op === '<=' ? null : ratio(a, t);
    return { row, met, achievement, actualShown };
  });
  const checks: ReportedCheck[] = [];
  for (const r of rows) {
    if (r.row.reportedActual !== null && r.row.actual) {
      checks.push({ what: r.row.name, reported: r.row.reportedActual, computed: r.actualShown, ok: r.row.reportedActual === r.actualShown });
    }
  }
  for (const s of table.sameAmounts) {
    const fens = s.values.map((v) => parseMoneyDecimal(v)!);
    checks.push({ what: s.what, reported: s.values.join(' = '), computed: fens.map((f) => f.toString() + '元').join(' vs '), ok: fens.every((f) => f.eq(fens[0])) });
  }
  const grades: GradeResult[] = [];
  if (table.selfScore !== null) {
    for (const id of table.gradeScaleIds) {
      const scale = GRADE_SCALES.get(id)!;
      const g = gradeOf(scale, table.selfScore);
      grades.push({ scaleId: id, scaleName: scale.name, grade: g.grade });
      if (table.selfGrade !== null) checks.push({ what: `自评等级 (${scale.name})`, reported: table.selfGrade, computed: g.grade, ok: gradeMatches(g, table.selfGrade) });
    }
  }
  return { id: table.id, title: table.title, rows, grades, checks };
}

/** A quantity for display: rates as "99.58%", areas "399亩", money in 万元, counts with their unit. */
export function showQuantity(q: Quantity): string {
  if (q.unit === '%') return formatPercent(q.value, 2);
  if (q.unit === '元') return q.value.div(10000).toString() + '万元';
  return q.value.toString() + q.unit;
}

export function isTargetTableFile(value: unknown): boolean {
  return isObject(value) && value.indicators !== undefined && value.tree === undefined;
}
