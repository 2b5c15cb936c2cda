/**
 * The evaluation page's view: the bundled evaluation files, the URL's what-if edits applied to a
 * file (never in place, with the engine's setAt), the engine's answer, and the rows and tables the
 * page draws and exports. Scores, rates, grades and indicators all come from the engine
 * (evaluateJson, parseTargetTable/evaluateTargetTable, gradeOn); this module only arranges them.
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
import {
  DEFAULT_SCALE_ID, GRADE_SCALES, evaluateJson, evaluateTargetTable, formatPercent, formatPoints, parseTargetTable, showQuantity,
  type EvaluationResult, type ScoredNode, type TargetTableResult,
} from '../../engine/evaluation';
import { parsePath, setAt } from '../../engine/scenario/json-path';
import type { Problem } from '../../engine/problem';
import type { Decimal } from '../../engine/money';
import type { Column, Table } from '../../engine/tables';
import { L, type Lang, type Text } from './format';
import type { Params } from './url-state';

type Json = Record<string, any>;

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

// ---- The score tree ----

export interface TreeView {
  edited: Edited;
  result: EvaluationResult | null;
  problems: Problem[];
}

export function scoreTreeView(entry: EvaluationEntry, params: Params): TreeView {
  const edited = editTree(entry.json, params);
  const { result, problems } = evaluateJson(edited.json);
  return { edited, result, problems };
}

/** A leaf's finding as an input: its value now and in the file (an edit back to the file's value is no edit). */
export type Editor =
  | { kind: 'met'; value: boolean; original: boolean }
  | { kind: 'count'; value: string; original: string; max: number }
  | { kind: 'score'; value: string; original: string; max: string; optional: boolean };

export interface TreeRow {
  id: string;
  /** JSON path of the node in the file. */
  path: string;
  level: number;
  name: string;
  /** Ids of the nodes above, nearest last. */
  ancestors: string[];
  hasChildren: boolean;
  weight: string;
  /** From the engine; null when the file as edited does not evaluate. */
  score: string | null;
  rate: string | null;
  /** What the source document reports for this node. */
  reported: string | null;
  /** The engine's score differs from the reported one (after an edit, say). */
  differs: boolean;
  leaf: null | {
    key: string;
    kind: string;
    ruleText: string;
    justification: string;
    trace: string;
    editor: Editor | null;
    edited: boolean;
  };
  problems: Problem[];
}

/** Every node of the (edited) tree in table order, with the engine's scores and the problems at its fields. */
export function treeRows(view: TreeView, params: Params): TreeRow[] {
  const json = view.edited.json;
  const scored = new Map<string, ScoredNode>();
  const index = (nodes: readonly ScoredNode[]) => nodes.forEach((n) => { scored.set(n.id, n); index(n.children); });
  if (view.result) index(view.result.levels);
  const reported = (json.reported?.scores ?? {}) as Record<string, unknown>;
  const editedKeys = new Set(view.edited.applied.map((a) => a.key));
  const baseLeaves = leafPaths(view.edited.base);
  const out: TreeRow[] = [];
  const walk = (list: unknown, at: string, level: number, ancestors: string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((n: Json, i) => {
      const path = `${at}[${i}]`;
      const id = String(n?.id ?? path);
      const s = scored.get(id);
      const hasChildren = Array.isArray(n?.children);
      const row: TreeRow = {
        id, path, level, name: String(n?.name ?? ''), ancestors, hasChildren, weight: String(n?.weight ?? ''),
        score: s ? formatPoints(s.score) : null, rate: s ? formatPercent(s.rate, 2) : null,
        reported: reported[id] === undefined ? null : String(reported[id]),
        differs: false,
        leaf: hasChildren ? null : leafOf(n, baseLeaves.get(id)?.node ?? n, id, s, editedKeys.has(`x.${id}`), params[`x.${id}`]),
        problems: [],
      };
      row.differs = row.reported !== null && row.score !== null && row.reported !== row.score;
      out.push(row);
      if (hasChildren) walk(n.children, `${path}.children`, level + 1, [...ancestors, id]);
    });
  };
  walk(json.tree, 'tree', 1, []);
  // Each problem goes to the deepest node whose path it starts with.
  const byDepth = [...out].sort((a, b) => b.path.length - a.path.length);
  for (const p of view.problems) {
    const row = byDepth.find((r) => p.path === r.path || p.path.startsWith(`${r.path}.`));
    if (row) row.problems.push(p);
  }
  return out;
}

function leafOf(n: Json, orig: Json, id: string, s: ScoredNode | undefined, edited: boolean, typed: string | undefined): TreeRow['leaf'] {
  const kind = String(n?.rule?.kind ?? '');
  const a = (n?.assessment ?? {}) as Json;
  const o = (orig?.assessment ?? {}) as Json;
  const str = (v: unknown) => (v === undefined ? '' : String(v));
  let editor: Editor | null = null;
  if (kind === 'passFail') editor = { kind: 'met', value: a.met === true, original: o.met === true };
  else if (kind === 'deductPerItem') editor = { kind: 'count', value: typed ?? str(a.failedCount), original: str(o.failedCount), max: Array.isArray(n.rule.criteria) && n.rule.criteria.length ? n.rule.criteria.length : Number(n.weight) || 0 };
  else if (kind === 'manual' || kind === 'targetMet') editor = { kind: 'score', value: typed ?? str(a.score), original: str(o.score), max: String(n.weight), optional: kind === 'targetMet' };
  return { key: `x.${id}`, kind, ruleText: String(n?.ruleText ?? ''), justification: String(a.justification ?? ''), trace: s?.trace ?? '', editor, edited };
}

export const RULE_NAMES: Record<string, Text> = {
  passFail: { zh: '符合得满分', en: 'pass / fail' },
  thresholdSteps: { zh: '按比率分档扣分', en: 'threshold steps' },
  deductPerItem: { zh: '每项不符合扣分', en: 'deduction per unmet item' },
  proportional: { zh: '按比例计分', en: 'proportional' },
  targetMet: { zh: '达标得满分', en: 'full marks when met' },
  manual: { zh: '评价组酌情评分', en: 'evaluator’s score' },
};

const num = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'number', get });
const txt = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'text', get });

/** The score tree as a flat table: level 1 → 2 → 3 names, weight, score, rate, the source's score, the rule and the finding. */
export function treeTable(rows: readonly TreeRow[], lang: Lang): Table {
  const names = (r: TreeRow, level: number) => {
    const chain = [...r.ancestors.map((id) => rows.find((x) => x.id === id)?.name ?? id), r.name];
    return chain[level - 1] ?? '';
  };
  return {
    name: 'score-tree', zh: '绩效评价指标评分表', en: 'Performance evaluation score table', rows,
    columns: [
      txt('id', '编号', 'Id', (r: TreeRow) => r.id),
      num('level', '层级', 'Level', (r: TreeRow) => String(r.level)),
      txt('level1', '一级指标', 'Level 1', (r: TreeRow) => names(r, 1)),
      txt('level2', '二级指标', 'Level 2', (r: TreeRow) => (r.level >= 2 ? names(r, 2) : '')),
      txt('level3', '三级指标', 'Level 3', (r: TreeRow) => (r.level >= 3 ? names(r, 3) : '')),
      num('weight', '分值', 'Weight', (r: TreeRow) => r.weight),
      num('score', '得分', 'Score', (r: TreeRow) => r.score ?? ''),
      txt('rate', '得分率', 'Score rate', (r: TreeRow) => r.rate ?? ''),
      num('reported', '原文得分', 'Reported score', (r: TreeRow) => r.reported ?? ''),
      txt('rule', '评分方法', 'Rule', (r: TreeRow) => (r.leaf ? L(lang, RULE_NAMES[r.leaf.kind]?.zh ?? r.leaf.kind, RULE_NAMES[r.leaf.kind]?.en ?? r.leaf.kind) : '')),
      txt('trace', '计算过程', 'How', (r: TreeRow) => r.leaf?.trace ?? ''),
      txt('ruleText', '评分标准', 'Scoring standard', (r: TreeRow) => r.leaf?.ruleText ?? ''),
      txt('justification', '评价依据', 'Justification', (r: TreeRow) => r.leaf?.justification ?? ''),
    ],
  };
}

// ---- The inputs of the indicator formulas ----

export const INPUT_LABELS: Record<string, Text> = {
  planned: { zh: '计划投入资金', en: 'Planned funds' },
  received: { zh: '实际到位资金', en: 'Funds received' },
  due: { zh: '应到位资金', en: 'Funds due' },
  spent: { zh: '实际支出', en: 'Spent' },
  asOf: { zh: '统计截止日', en: 'As of' },
  plannedOutput: { zh: '计划产出', en: 'Planned output' },
  actualOutput: { zh: '实际产出', en: 'Actual output' },
  qualifiedOutput: { zh: '质量达标产出', en: 'Qualified output' },
  plannedCost: { zh: '计划成本', en: 'Planned cost' },
  actualCost: { zh: '实际成本', en: 'Actual cost' },
};

export interface InputField {
  key: string;
  path: string;
  label: Text;
  /** Which tranche, for dated lists ("第 2 笔"). */
  part: Text | null;
  type: 'text' | 'date';
  value: string;
  original: string;
  edited: boolean;
  problems: Problem[];
}

/** The inputs as fields: each string input, and each dated amount (its amount and its date). */
export function inputFields(entry: EvaluationEntry, view: TreeView, params: Params): InputField[] {
  const orig = (entry.json.inputs ?? {}) as Json;
  const editedKeys = new Set(view.edited.applied.map((a) => a.key));
  const out: InputField[] = [];
  // A field shows what was typed (the URL's value), not the value with its unit added.
  const add = (key: string, path: string, label: Text, part: Text | null, type: 'text' | 'date', original: unknown) =>
    out.push({ key, path, label, part, type, value: params[key] ?? String(original ?? ''), original: String(original ?? ''), edited: editedKeys.has(key), problems: view.problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`)) });
  for (const [field, v] of Object.entries(orig)) {
    const label = INPUT_LABELS[field] ?? { zh: field, en: field };
    if (typeof v === 'string') add(`in.${field}`, `inputs.${field}`, label, null, field === 'asOf' ? 'date' : 'text', v);
    else if (Array.isArray(v)) v.forEach((item: Json, i) => {
      const part = { zh: `第 ${i + 1} 笔`, en: `#${i + 1}` };
      add(`in.${field}.${i}`, `inputs.${field}[${i}].amount`, label, part, 'text', item.amount);
      add(`in.${field}.${i}.date`, `inputs.${field}[${i}].date`, label, part, 'date', item.date);
    });
  }
  return out;
}

// ---- The target table ----

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
