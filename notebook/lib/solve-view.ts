/**
 * The solve-for presets and the stress table as tables. A preset's answer is the engine's goal
 * seek (engine/analysis/goal-seek.ts): the value found and the output there, the value one step
 * further that no longer meets the condition, or "no solution in range" — an answer, not an error.
 * A preset that does not fit the scenario (no bond, no zone) says why, in the engine's words.
 *
 *   max-bond on hainan-bonds → 100000万元 (coverage 1.3442); one step further, 100000.000001万元,
 *   is refused: the 2021 quota is 100000 万元.
 */
import { SOLVE_PRESETS, type OutputRef, type SolvePresetName, type StressOutputRow } from '../../engine/analysis/index';
import { parseMoney, fenToYuan } from '../../engine/money';
import type { Column, Table } from '../../engine/presentation/tables';
import { labelOf, type Choice } from './analysis-catalog';
import { formatMoney, unitShort, type Lang, type MoneyUnit, type Text } from './format';
import type { SolveAnswer } from './analysis-protocol';

export const PRESET_NAMES: Record<SolvePresetName, Text> = {
  'max-acquisition-price': { zh: '保持覆盖倍数不低于下限的最高收储价格', en: 'Highest acquisition price that keeps coverage at the floor' },
  'min-sale-price': { zh: '使片区收支平衡的最低出让价格', en: 'Lowest sale price that balances a zone' },
  'max-bond': { zh: '出让收入能够覆盖的最大债券规模', en: 'Largest bond the project’s sales can carry' },
  'min-pre-allocation': { zh: '避免任何资金缺口的最小财政预拨', en: 'Smallest pre-allocation that avoids any shortfall' },
};

export { SOLVE_PRESETS };

/** A value as a field writes it: money ("52000万元") shown in the display unit, anything else as written. */
export function fieldValue(value: string | number | null | undefined, unit: MoneyUnit): string {
  if (value === null || value === undefined) return '—';
  const text = String(value);
  if (!/(万元|亿元|元)\s*$/.test(text)) return text;
  const fen = parseMoney(text);
  return fen === null ? text : `${formatMoney(fenToYuan(fen), unit)} ${unitShort(unit)}`;
}

export type SolveStatus = 'solved' | 'wholeRange' | 'noSolution' | 'notApplicable';

export function statusOf(a: SolveAnswer): SolveStatus {
  return a.ok ? a.result.status : 'notApplicable';
}

export const STATUS_NAMES: Record<SolveStatus, Text> = {
  solved: { zh: '已求得', en: 'solved' },
  wholeRange: { zh: '整个区间都满足（请扩大区间）', en: 'holds over the whole range (widen it)' },
  noSolution: { zh: '区间内无解', en: 'no solution in range' },
  notApplicable: { zh: '本情景不适用', en: 'does not apply here' },
};

const col = (key: string, zh: string, en: string, kind: Column<unknown>['kind'], get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind, get });

/** One row per preset, for the CSV and XLSX downloads (values as the fields write them, exact). */
export function solveTable(answers: readonly SolveAnswer[], lang: Lang): Table {
  const pick = (t: Text) => (lang === 'en' ? t.en : t.zh);
  return {
    name: 'solve-presets', zh: '求解（目标反推）', en: 'Solve-for presets', rows: answers,
    columns: [
      col('preset', '预设', 'Preset', 'text', (a: SolveAnswer) => a.preset),
      col('question', '问题', 'Question', 'text', (a: SolveAnswer) => (a.ok ? pick(a.question) : pick(PRESET_NAMES[a.preset]))),
      col('status', '结果', 'Status', 'text', (a: SolveAnswer) => pick(STATUS_NAMES[statusOf(a)])),
      col('input', '求解字段', 'Field', 'text', (a: SolveAnswer) => (a.ok ? a.spec.input.path : '')),
      col('range', '搜索区间', 'Range', 'text', (a: SolveAnswer) => (a.ok ? `[${a.spec.input.from}, ${a.spec.input.to}]` : '')),
      col('value', '答案', 'Answer', 'text', (a: SolveAnswer) => (a.ok && a.result.status !== 'noSolution' ? String(a.result.value) : '')),
      col('condition', '条件', 'Condition', 'text', (a: SolveAnswer) => (a.ok ? `${a.spec.output} ${a.spec.op} ${a.spec.threshold}` : '')),
      col('output', '答案处的输出', 'Output there', 'text', (a: SolveAnswer) => (a.ok && a.result.status !== 'noSolution' ? a.result.at.output ?? '' : '')),
      col('beyond', '再进一步', 'One step further', 'text', (a: SolveAnswer) => (a.ok && a.result.status === 'solved' ? `${a.result.beyond.input} → ${a.result.beyond.output ?? (lang === 'en' ? 'refused' : '无法运行')}` : '')),
      col('runs', '引擎运行次数', 'Engine runs', 'number', (a: SolveAnswer) => (a.ok ? String(a.result.evaluations) : '')),
      col('why', '说明', 'Note', 'text', (a: SolveAnswer) => (a.ok ? (a.result.status === 'solved' && a.result.beyond.problems[0] ? pick(a.result.beyond.problems[0].message) : '') : a.problems.map((p) => pick(p.message)).join('; '))),
    ],
  };
}

/** The base case and every stress preset, one row each, the outputs across. */
export function stressTable(outputs: readonly OutputRef[], rows: readonly StressOutputRow[], choices: readonly Choice[], lang: Lang): Table {
  const adj = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => `${k} = ${v}`).join(', ');
  return {
    name: 'stress', zh: '压力测试', en: 'Stress presets', rows,
    columns: [
      col('preset', '情景', 'Preset', 'text', (r: StressOutputRow) => (lang === 'en' ? r.name.en : r.name.zh)),
      col('adjustments', '调整', 'Adjustments', 'text', (r: StressOutputRow) => adj(r.adjustments)),
      ...outputs.map((o, k) => col(`out${k}`, labelOf(choices, o.path, 'zh'), labelOf(choices, o.path, 'en'), o.kind, (r: StressOutputRow) => r.texts[k] ?? '')),
      col('problems', '无法运行的原因', 'Why refused', 'text', (r: StressOutputRow) => r.problems.map((p) => (lang === 'en' ? p.message.en : p.message.zh)).join('; ')),
    ],
  };
}
