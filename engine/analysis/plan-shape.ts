/**
 * The shape of a Monte Carlo plan, checked before anything reads it: a plan comes from the command
 * line, the notebook, a worker message or a JavaScript caller, and a field of the wrong kind (an
 * object where the inputs' list goes, a number where a path goes) is a problem at its JSON path,
 * not a TypeError from deep inside the compiler. What the fields say (a path that resolves, a
 * distribution that parses, runs in range) is compilePlan's to judge.
 *
 *   planShapeProblems({ scenario: s, inputs: {}, outputs: [], runs: 10, seed: 1 })
 *   → [{ code: 'schema.type', path: 'inputs', … expected: 'a list of inputs' }]
 */
import { problem, type Problem } from '../problem';

type Kind = 'string' | 'number' | 'boolean' | 'distribution';

/** The fields of each list's items, and whether an item must have each. */
const ITEMS: Record<string, { fields: Record<string, [Kind, boolean]>; en: string; zh: string }> = {
  inputs: { fields: { path: ['string', true], distribution: ['distribution', true], scale: ['boolean', false], places: ['number', false], label: ['string', false] }, en: 'an input: {path, distribution}', zh: '输入：{path, distribution}' },
  correlations: { fields: { a: ['string', true], b: ['string', true], rho: ['number', true] }, en: 'a correlation: {a, b, rho}', zh: '相关系数：{a, b, rho}' },
  events: { fields: { output: ['string', true], op: ['string', true], threshold: ['string', true], label: ['string', false] }, en: 'an event: {output, op, threshold}', zh: '事件：{output, op, threshold}' },
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function kindOk(v: unknown, kind: Kind): boolean {
  if (kind === 'distribution') return typeof v === 'string' || (isRecord(v) && typeof v.kind === 'string');
  return typeof v === kind;
}

export function planShapeProblems(plan: unknown): Problem[] {
  if (!isRecord(plan)) return [problem('schema.type', '', plan, { en: 'a Monte Carlo plan: {scenario, inputs, outputs, runs, seed}', zh: '蒙特卡洛方案：{scenario, inputs, outputs, runs, seed}' })];
  const problems: Problem[] = [];
  if (plan.scenario === undefined) problems.push(problem('schema.required', 'scenario', undefined, { en: 'the scenario the draws edit', zh: '各次抽样所修改的情景' }));
  for (const key of ['runs', 'seed'] as const) {
    if (typeof plan[key] !== 'number') problems.push(problem('schema.type', key, plan[key], { en: 'a whole number', zh: '整数' }));
  }
  for (const key of ['inputs', 'outputs', 'series', 'correlations', 'events', 'percentiles'] as const) {
    const list = plan[key];
    const required = key === 'inputs' || key === 'outputs';
    if (list === undefined && !required) continue;
    if (!Array.isArray(list)) {
      problems.push(problem('schema.type', key, list, { en: `a list of ${key}`, zh: `${key} 列表` }));
      continue;
    }
    list.forEach((item, i) => {
      const at = `${key}[${i}]`;
      if (key === 'outputs' || key === 'series') {
        if (typeof item !== 'string') problems.push(problem('schema.type', at, item, { en: 'a result path such as totals.valueAdded', zh: '结果路径，如 totals.valueAdded' }));
        return;
      }
      if (key === 'percentiles') {
        if (typeof item !== 'number') problems.push(problem('schema.type', at, item, { en: 'a percentile from 0 to 100', zh: '0 至 100 的百分位' }));
        return;
      }
      const spec = ITEMS[key];
      if (!isRecord(item)) return void problems.push(problem('schema.type', at, item, { en: spec.en, zh: spec.zh }));
      for (const [field, [kind, must]] of Object.entries(spec.fields)) {
        const v = item[field];
        if (v === undefined ? must : !kindOk(v, kind)) problems.push(problem(v === undefined ? 'schema.required' : 'schema.type', `${at}.${field}`, v, { en: `${spec.en}, its ${field} a ${kind}`, zh: `${spec.zh}，其 ${field} 为 ${kind}` }));
      }
    });
  }
  return problems;
}
