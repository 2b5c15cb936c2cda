/**
 * A target table (绩效指标实现程度) as rows for <lr-target-table> and as a table for the exports:
 * each indicator's target as written and as the engine reads it, the actual with an input to
 * change it, the engine's achievement rate and verdict, and the problems at the row.
 *
 *   targetRows(targetTableView(jiangmen, {'t.leasedArea': '1350'}), …) → 招租 1350亩 vs ≥ 1400亩: missed, 96.43 %
 */
import { evaluateTargetTable, formatPercent, parseTargetTable, showQuantity, type TargetTableResult } from '../../engine/evaluation';
import type { Problem } from '../../engine/problem';
import type { Decimal } from '../../engine/money';
import type { Column, Table } from '../../engine/presentation/tables';
import { editTargets, type Edited, type EvaluationEntry, type Json } from './evaluation-view';
import { L, type Lang } from './format';
import type { Params } from './url-state';

const txt = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'text', get });

export interface TargetView {
  edited: Edited;
  result: TargetTableResult | null;
  /** The unit's self-score as read by the engine. */
  selfScore: Decimal | null;
  problems: Problem[];
}

export function targetTableView(entry: EvaluationEntry, params: Params): TargetView {
  const edited = editTargets(entry.json, params);
  const { table, problems } = parseTargetTable(edited.json);
  return { edited, result: table ? evaluateTargetTable(table) : null, selfScore: table?.selfScore ?? null, problems };
}

/** How many rows with a target are met. */
export function targetsMet(rows: readonly TargetRowView[]): { met: number; of: number } {
  const withTarget = rows.filter((r) => r.met !== null);
  return { met: withTarget.filter((r) => r.met).length, of: withTarget.length };
}

export type TargetEditor =
  | { kind: 'actual'; key: string; value: string; original: string }
  | { kind: 'formula'; fields: { key: string; name: string; value: string; original: string }[] }
  | { kind: 'met'; key: string; value: boolean; original: boolean };

export interface TargetRowView {
  id: string;
  path: string;
  group: string;
  name: string;
  targetText: string;
  target: string;
  actualText: string;
  actual: string;
  met: boolean | null;
  achievement: string | null;
  formula: string | null;
  note: string;
  editor: TargetEditor | null;
  edited: boolean;
  problems: Problem[];
}

const OPS: Record<string, string> = { '>=': '≥ ', '<=': '≤ ', '=': '= ' };
const FORMULA_FIELDS: Record<string, string> = { spent: '实际支出', received: '实际到位', planned: '计划', plannedCost: '计划成本', actualCost: '实际成本', actual: '实际', };

export function targetRows(view: TargetView, params: Params): TargetRowView[] {
  const list = (Array.isArray(view.edited.json.indicators) ? view.edited.json.indicators : []) as Json[];
  const baseList = (Array.isArray(view.edited.base.indicators) ? view.edited.base.indicators : []) as Json[];
  const editedKeys = view.edited.applied.map((a) => a.key);
  return list.map((r, i) => {
    const path = `indicators[${i}]`;
    const res = view.result?.rows[i];
    const id = String(r.id ?? i);
    const o = baseList[i] ?? {};
    let editor: TargetEditor | null = null;
    if (typeof o.met === 'boolean') editor = { kind: 'met', key: `t.${id}.met`, value: r.met === true, original: o.met };
    else if (typeof o.actual === 'string') editor = { kind: 'actual', key: `t.${id}`, value: params[`t.${id}`] ?? o.actual, original: o.actual };
    else if (o.actual && typeof o.actual === 'object') editor = { kind: 'formula', fields: Object.entries(o.actual as Json).filter(([k]) => k !== 'formula').map(([k, v]) => ({ key: `t.${id}.${k}`, name: FORMULA_FIELDS[k] ?? k, value: params[`t.${id}.${k}`] ?? String(v), original: String(v) })) };
    const t = res?.row;
    return {
      id, path, group: String(r.group ?? ''), name: String(r.name ?? ''), targetText: String(r.targetText ?? ''),
      target: t?.op === 'qualitative' ? '（定性）' : t?.op && t.target ? `${OPS[t.op] ?? ''}${showQuantity(t.target)}` : '',
      actualText: String(r.actualText ?? ''), actual: res ? res.actualShown : '',
      met: res ? res.met : null, achievement: res?.achievement ? formatPercent(res.achievement, 2) : null,
      formula: t?.formula ?? null, note: String(r.note ?? ''), editor,
      edited: editedKeys.some((k) => k === `t.${id}` || k.startsWith(`t.${id}.`)),
      problems: view.problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`)),
    };
  });
}

export function targetTableExport(rows: readonly TargetRowView[], lang: Lang): Table {
  const verdict = (m: boolean | null) => (m === null ? '—' : m ? L(lang, '达成', 'met') : L(lang, '未达成', 'missed'));
  return {
    name: 'targets', zh: '绩效指标实现程度', en: 'Targets against actuals', rows,
    columns: [
      txt('group', '指标类别', 'Group', (r: TargetRowView) => r.group),
      txt('name', '绩效指标', 'Indicator', (r: TargetRowView) => r.name),
      txt('targetText', '预期绩效指标', 'Target as written', (r: TargetRowView) => r.targetText),
      txt('target', '目标值', 'Target', (r: TargetRowView) => r.target),
      txt('actualText', '实际完成情况', 'Actual as written', (r: TargetRowView) => r.actualText),
      txt('actual', '实际值', 'Actual', (r: TargetRowView) => r.actual),
      txt('achievement', '完成率', 'Achievement', (r: TargetRowView) => r.achievement ?? ''),
      txt('met', '是否达成', 'Met', (r: TargetRowView) => verdict(r.met)),
      txt('formula', '计算', 'Formula', (r: TargetRowView) => r.formula ?? ''),
    ],
  };
}
