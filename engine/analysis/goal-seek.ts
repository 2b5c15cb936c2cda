/**
 * Solve-for (goal seek): the largest or smallest value of one input, within a range, for which an
 * output still meets a condition — bracketed and exact to the input's resolution.
 *
 *   seek(hainan, { input: { path: 'parcels[0].sale.price', from: '50000万元', to: '150000万元' },
 *                  output: 'totals.unrecoveredCost', op: '<=', threshold: '0', find: 'min' })
 *   → the lowest sale price (to the fen: step 0.000001 万元) at which Sanya's parcel recovers its cost;
 *     the value one step lower does not. "No solution in range" is an answer, not an exception.
 *
 * Method: the input runs over a grid from + k·step (step defaults to one fen for money, one for
 * whole numbers, 0.0001 otherwise). A coarse scan of the range brackets the boundary, bisection
 * narrows it to two neighbouring grid points, one meeting the condition and one not. A point the
 * engine refuses counts as not meeting it, and the answer says so. If the scan sees the condition
 * switch more than once, the answer is still the boundary asked for, flagged `monotone: false`.
 */
import { dec, Decimal, problem, type Problem } from '../index';
import { applyInput, formatInput, parseInputValue, resolveInput, type ResolvedInput } from './input';
import { evaluator, parseOutputs, variantEvaluator } from './evaluate';
import type { OutputRef } from './output';
import { SEEK_SPEC, shapeProblems } from './spec-shape';

export type Comparison = '<' | '<=' | '>' | '>=';

export interface SeekSpec {
  readonly input: { readonly path: string; readonly from: string | number; readonly to: string | number; readonly step?: string | number; readonly label?: string };
  readonly output: string;
  readonly op: Comparison;
  /** In the output's unit: 元 for money, a plain number for ratios. */
  readonly threshold: string;
  /** The largest or the smallest input value that meets the condition. */
  readonly find: 'max' | 'min';
  /** Points of the bracketing scan, ends included. Default 9. */
  readonly scanPoints?: number;
}

export interface SeekPoint {
  readonly input: string | number;
  readonly output: string | null;
  readonly meets: boolean;
  readonly problems: readonly Problem[];
}

export type SeekResult =
  | { readonly status: 'solved'; readonly value: string | number; readonly at: SeekPoint; readonly beyond: SeekPoint; readonly monotone: boolean; readonly evaluations: number }
  | { readonly status: 'wholeRange'; readonly value: string | number; readonly at: SeekPoint; readonly monotone: boolean; readonly evaluations: number }
  | { readonly status: 'noSolution'; readonly scanned: readonly SeekPoint[]; readonly evaluations: number };

const MONEY_FEN: Record<string, string> = { '元': '0.01', yuan: '0.01', '万元': '0.000001', '亿元': '0.0000000001' };

/** One fen in the field's money unit, 1 for whole numbers, 0.01 % for percentages, 0.0001 otherwise. */
export function defaultStep(input: ResolvedInput): Decimal {
  if (input.shape.kind === 'number') return dec(input.shape.integer ? '1' : '0.0001');
  const money = input.shape.unit.split('/')[0].trim();
  if (MONEY_FEN[money]) return dec(MONEY_FEN[money]);
  if (input.shape.unit === '%') return dec('0.01');
  return dec('0.0001');
}

export function compare(a: Decimal, op: Comparison, b: Decimal): boolean {
  switch (op) {
    case '<': return a.lt(b);
    case '<=': return a.lte(b);
    case '>': return a.gt(b);
    case '>=': return a.gte(b);
  }
}

/** `resolved` replaces the path's own field with an input that sets more than one (solve presets). */
export function seek(scenario: unknown, spec: SeekSpec, resolved?: ResolvedInput): { ok: true; result: SeekResult } | { ok: false; problems: Problem[] } {
  const shape = shapeProblems(spec, SEEK_SPEC);
  if (shape.length > 0) return { ok: false, problems: shape };
  const problems: Problem[] = [];
  const r = resolved ? { ok: true as const, input: resolved } : resolveInput(scenario, spec.input.path, spec.input.label);
  if (!r.ok) return r;
  const input = r.input;
  const val = (raw: unknown, where: string): Decimal | null => {
    const v = parseInputValue(input, raw);
    if (!v.ok) problems.push({ ...v.problem, path: `${where} (${input.path})` });
    return v.ok ? v.value : null;
  };
  const from = val(spec.input.from, 'input.from');
  const to = val(spec.input.to, 'input.to');
  const step = spec.input.step === undefined ? defaultStep(input) : val(spec.input.step, 'input.step');
  if (from && to && from.gt(to)) problems.push(problem('schema.range', 'input.to', spec.input.to, { en: `a value not below input.from (${spec.input.from})`, zh: `不小于 input.from（${spec.input.from}）的值` }));
  if (step && !step.gt(0)) problems.push(problem('schema.range', 'input.step', spec.input.step, { en: 'a step above zero', zh: '大于零的步长' }));
  if (!['<', '<=', '>', '>='].includes(spec.op)) problems.push(problem('schema.enum', 'op', spec.op, { en: 'one of <, <=, >, >=', zh: '<、<=、>、>= 之一' }));
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(String(spec.threshold))) problems.push(problem('schema.format', 'threshold', spec.threshold, { en: 'a decimal number as a string, e.g. "0" or "1.2"', zh: '小数字符串，如 "0" 或 "1.2"' }));
  if (spec.find !== 'max' && spec.find !== 'min') problems.push(problem('schema.enum', 'find', spec.find, { en: '"max" or "min"', zh: '"max" 或 "min"' }));
  const outs = parseOutputs([spec.output]);
  if (!outs.ok) problems.push(...outs.problems);
  if (problems.length || !outs.ok || !from || !to || !step) return { ok: false, problems };
  return { ok: true, result: search(scenario, input, outs.outputs[0], spec, from, step, to.minus(from).div(step).floor().toNumber()) };
}

function search(scenario: unknown, input: ResolvedInput, output: OutputRef, spec: SeekSpec, from: Decimal, step: Decimal, K: number): SeekResult {
  // Each step is an edit of one prepared model where the input allows it (evaluate.ts).
  const evaluate = variantEvaluator(evaluator([output]), scenario, [input]);
  const threshold = dec(spec.threshold);
  const cache = new Map<number, SeekPoint>();
  const at = (k: number): SeekPoint => {
    let p = cache.get(k);
    if (!p) {
      const x = from.plus(step.times(k));
      const e = evaluate(applyInput(scenario, input, x));
      const text = e.ok ? e.texts[0] : null;
      p = { input: formatInput(input, x), output: text, meets: text !== null && compare(dec(text), spec.op, threshold), problems: e.ok ? [] : e.problems };
      cache.set(k, p);
    }
    return p;
  };
  const n = Math.max(2, Math.min(K + 1, spec.scanPoints ?? 9));
  const grid = [...new Set(Array.from({ length: n }, (_, i) => Math.round((K * i) / (n - 1))))];
  const scan = grid.map(at);
  const switches = scan.slice(1).filter((p, i) => p.meets !== scan[i].meets).length;
  const monotone = switches <= 1;
  const meeting = grid.filter((_, i) => scan[i].meets);
  if (meeting.length === 0) return { status: 'noSolution', scanned: scan, evaluations: cache.size };
  if (spec.find === 'max') {
    const g = grid.indexOf(meeting[meeting.length - 1]);
    if (g === grid.length - 1) return { status: 'wholeRange', value: scan[g].input, at: scan[g], monotone, evaluations: cache.size };
    let [lo, hi] = [grid[g], grid[g + 1]]; // lo meets, hi does not
    while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (at(mid).meets) lo = mid; else hi = mid; }
    return { status: 'solved', value: at(lo).input, at: at(lo), beyond: at(hi), monotone, evaluations: cache.size };
  }
  const g = grid.indexOf(meeting[0]);
  if (g === 0) return { status: 'wholeRange', value: scan[0].input, at: scan[0], monotone, evaluations: cache.size };
  let [lo, hi] = [grid[g - 1], grid[g]]; // lo does not meet, hi meets
  while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (at(mid).meets) hi = mid; else lo = mid; }
  return { status: 'solved', value: at(hi).input, at: at(hi), beyond: at(lo), monotone, evaluations: cache.size };
}
