/**
 * The score tree as rows for <lr-score-tree> and as a table for the exports: every node of the
 * (edited) indicator tree in table order with the engine's score and score rate, the source's own
 * score, and for each leaf its rule, how the score came about and an input for its finding; and
 * the inputs of the indicator formulas as fields for <lr-evaluation-inputs>. The engine's problems
 * are attached to the node or field they name.
 *
 *   treeRows(scoreTreeView(xingning, {'in.received.1': '3000'}), …) → 资金到位率 4 → 2, 项目管理 22 → 17
 */
import { evaluateJson, formatPercent, formatPoints, type EvaluationResult, type ScoredNode } from '../../engine/evaluation';
import type { Problem } from '../../engine/problem';
import type { Column, Table } from '../../engine/presentation/tables';
import { editTree, leafPaths, type Edited, type EvaluationEntry, type Json } from './evaluation-view';
import { L, type Lang, type Text } from './format';
import type { Params } from './url-state';

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
  passFail: { zh: '符合得满分', en: 'pass / fail' }, thresholdSteps: { zh: '按比率分档扣分', en: 'threshold steps' },
  deductPerItem: { zh: '每项不符合扣分', en: 'deduction per unmet item' }, proportional: { zh: '按比例计分', en: 'proportional' },
  targetMet: { zh: '达标得满分', en: 'full marks when met' }, manual: { zh: '评价组酌情评分', en: 'evaluator’s score' },
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

