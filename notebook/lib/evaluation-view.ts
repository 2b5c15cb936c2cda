/**
 * The evaluation page's files and edits: the bundled evaluation files, the grade scale on show, and
 * the URL's what-if edits applied to a file (never in place, with the engine's setAt). Scores,
 * rates, grades and indicators all come from the engine (score-tree-view.ts, target-table-view.ts
 * arrange its answers for the page); nothing here computes a figure.
 *
 *   ev=xingning-2022&in.received.1=3000   the second tranche received is 3000 万元 (not 4205.07)
 *                                         → 资金到位率 80.58 % → 2 of 4; total 88 → 83
 *   x.goalReasonableness=0                 no criterion unmet → 6 of 6
 *   x.economic=10                          the evaluator's score 10 of 10
 *   ev=jiangmen-2022&t.leasedArea=1350     招租 1350 亩 against ≥ 1400 亩 → missed, 96.43 %
 *   scale=xingning-5                       grades on the seed's five-grade scale
 */
import xingning from '../../data/evaluation/xingning-2022.json';
import jiangmen from '../../data/evaluation/jiangmen-2022.json';
import { DEFAULT_SCALE_ID, GRADE_SCALES } from '../../engine/evaluation';
import { parsePath, setAt } from '../../engine/scenario/json-path';
import type { Text } from './format';
import type { Params } from './url-state';

export type Json = Record<string, any>;

export interface EvaluationEntry { id: string; kind: 'tree' | 'targets'; json: Json; title: Text }

export const EVALUATIONS: readonly EvaluationEntry[] = [
  { id: 'xingning-2022', kind: 'tree', json: xingning as Json, title: { zh: '兴宁 2022 留用地回购（评分表）', en: 'Xingning 2022 buy-back (score tree)' } },
  { id: 'jiangmen-2022', kind: 'targets', json: jiangmen as Json, title: { zh: '江门 2022 部门整体支出（目标与实际）', en: 'Jiangmen 2022 department spending (targets vs actuals)' } },
];

/** URL keys that edit an evaluation: x.<leaf id>, in.<input>, t.<target row>. */
export const EDIT_PREFIXES = ['x.', 'in.', 't.'] as const;
export const isEditKey = (k: string) => EDIT_PREFIXES.some((p) => k.startsWith(p));

export function entryOf(params: Params): EvaluationEntry {
  return EVALUATIONS.find((e) => e.id === params.ev) ?? EVALUATIONS[0];
}

/** The grade scale on show: the URL's, else the file's first. */
export function scaleOf(params: Params, entry: EvaluationEntry): string {
  if (params.scale && GRADE_SCALES.has(params.scale)) return params.scale;
  const own = Array.isArray(entry.json.gradeScales) ? entry.json.gradeScales[0] : undefined;
  return typeof own === 'string' && GRADE_SCALES.has(own) ? own : DEFAULT_SCALE_ID;
}

export interface Edited {
  json: Json;
  /** The file as bundled. */
  base: Json;
  /** The URL keys that changed something, with the JSON path they set. */
  applied: { key: string; path: string }[];
  ignored: { key: string; reason: Text }[];
}

/** "3000" keeps the unit of the value it replaces ("4205.07万元" → "3000万元"); anything else is passed as typed. */
export function withUnitOf(typed: string, original: unknown): string {
  const t = typed.trim();
  if (!/^\d+(\.\d+)?$/.test(t) || typeof original !== 'string') return t;
  const unit = original.replace(/^[\s\d.,]+/, '');
  return unit ? t + unit : t;
}

function put(e: Edited, key: string, path: string, value: unknown): void {
  e.json = setAt(e.json, parsePath(path)!, value);
  e.applied.push({ key, path });
}

function ignore(e: Edited, key: string, zh: string, en: string): void {
  e.ignored.push({ key, reason: { zh, en } });
}

/** JSON paths of the tree's leaves by id ("fundsArrival" → "tree[1].children[0].children[0]"). */
export function leafPaths(json: Json): Map<string, { path: string; node: Json }> {
  const out = new Map<string, { path: string; node: Json }>();
  const walk = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((n: Json, i) => {
      const here = `${at}[${i}]`;
      if (Array.isArray(n?.children)) walk(n.children, `${here}.children`);
      else if (typeof n?.id === 'string') out.set(n.id, { path: here, node: n });
    });
  };
  walk(json.tree, 'tree');
  return out;
}

/** The score tree's file with the URL's edits: inputs (in.*) and each leaf's findings (x.*). */
export function editTree(json: Json, params: Params): Edited {
  const e: Edited = { json, base: json, applied: [], ignored: [] };
  const inputs = (json.inputs ?? {}) as Json;
  const leaves = leafPaths(json);
  for (const [key, raw] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (key.startsWith('in.')) {
      const [field, index, sub] = key.slice(3).split('.');
      const cur = inputs[field];
      if (index === undefined && typeof cur === 'string') put(e, key, `inputs.${field}`, withUnitOf(raw, cur));
      else if (index !== undefined && /^\d+$/.test(index) && Array.isArray(cur) && cur[Number(index)]) {
        const item = cur[Number(index)] as Json;
        if (sub === 'date') put(e, key, `inputs.${field}[${index}].date`, raw.trim());
        else if (sub === undefined) put(e, key, `inputs.${field}[${index}].amount`, withUnitOf(raw, item.amount));
        else ignore(e, key, `未知的输入 ${key}`, `unknown input ${key}`);
      } else ignore(e, key, `本评价没有输入 ${key}`, `this evaluation has no input ${key}`);
    } else if (key.startsWith('x.')) {
      const leaf = leaves.get(key.slice(2));
      if (!leaf) { ignore(e, key, `本评价没有三级指标 ${key.slice(2)}`, `this evaluation has no leaf ${key.slice(2)}`); continue; }
      const kind = leaf.node.rule?.kind;
      const at = `${leaf.path}.assessment`;
      if (kind === 'passFail') put(e, key, `${at}.met`, raw === '1' ? true : raw === '0' ? false : raw);
      else if (kind === 'deductPerItem') put(e, key, `${at}.failedCount`, /^\d+$/.test(raw) ? Number(raw) : raw);
      else if (kind === 'manual' || kind === 'targetMet') put(e, key, `${at}.score`, raw.trim());
      else ignore(e, key, `${leaf.node.name}由输入计算，不能直接改分`, `${leaf.node.name} is computed from the inputs: change them instead`);
    }
  }
  return e;
}

/** The target table's file with the URL's edits (t.<row>, t.<row>.met, t.<row>.<formula field>, t.selfScore). */
export function editTargets(json: Json, params: Params): Edited {
  const e: Edited = { json, base: json, applied: [], ignored: [] };
  const rows = (Array.isArray(json.indicators) ? json.indicators : []) as Json[];
  for (const [key, raw] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (!key.startsWith('t.')) continue;
    if (key === 't.selfScore') { put(e, key, 'selfScore', raw.trim()); continue; }
    const [id, sub] = key.slice(2).split('.');
    const i = rows.findIndex((r) => r.id === id);
    if (i < 0) { ignore(e, key, `本表没有指标 ${id}`, `this table has no row ${id}`); continue; }
    const row = rows[i];
    if (sub === 'met' && typeof row.met === 'boolean') put(e, key, `indicators[${i}].met`, raw === '1' ? true : raw === '0' ? false : raw);
    else if (sub !== undefined && row.actual && typeof row.actual === 'object' && typeof row.actual[sub] === 'string' && sub !== 'formula') put(e, key, `indicators[${i}].actual.${sub}`, withUnitOf(raw, row.actual[sub]));
    else if (sub === undefined && typeof row.actual === 'string') put(e, key, `indicators[${i}].actual`, withUnitOf(raw, row.actual));
    else ignore(e, key, `指标 ${id} 不能这样修改（${key}）`, `row ${id} cannot take ${key}`);
  }
  return e;
}

