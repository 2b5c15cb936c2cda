/**
 * Tornado: each uncertain input at its low and its high, the others at base → the swing of one
 * output, the widest bar first.
 *
 *   tornado(hainan, { output: 'totals.shares.city', inputs: [
 *     { path: 'adjustments.salePriceFactor', low: '0.8', high: '1.2' },
 *     { path: 'adjustments.saleDelayMonths', low: 0, high: 12 },
 *     { path: 'parcels[0].sale.price', scale: ['0.9', '1.1'] },   // ±10 % of "150000万元"
 *   ]})
 *   → base 288118000.00; bars sorted by |output(high) − output(low)|, exact to the fen.
 *
 * A point the engine refuses (a delay that pushes a sale off the timeline) keeps its problems
 * and sorts last; it is never silently dropped.
 */
import { dec, type Decimal, problem, type Problem, SCENARIO_SCHEMA } from '../index';
import { applyInput, formatInput, parseInputValue, resolveInput, type ResolvedInput } from './input';
import { evaluator, parseOutputs, variantEvaluator, type Evaluation } from './evaluate';
import { measureText, type OutputRef } from './output';
import { TORNADO_SPEC, shapeProblems } from './spec-shape';

export type TornadoInput =
  | { readonly path: string; readonly label?: string; readonly low: string | number; readonly high: string | number }
  | { readonly path: string; readonly label?: string; readonly scale: readonly [string, string] };

export interface TornadoSpec {
  readonly inputs: readonly TornadoInput[];
  readonly output: string;
}

export interface TornadoPoint {
  readonly input: string | number;
  readonly text: string | null;
  readonly value: number;
  readonly problems: readonly Problem[];
}

export interface TornadoBar {
  readonly path: string;
  readonly label: string;
  readonly low: TornadoPoint;
  readonly high: TornadoPoint;
  /** |output(high) − output(low)|: whole fen for money, NaN where a side was refused. */
  readonly swing: number;
  readonly swingText: string | null;
}

export interface TornadoResult {
  readonly output: OutputRef;
  readonly base: TornadoPoint;
  readonly bars: readonly TornadoBar[];
}

/** Uncertain inputs every scenario has: the stress adjustments at plausible lows and highs. */
export function defaultTornadoInputs(): TornadoInput[] {
  const known = Object.keys((SCENARIO_SCHEMA as { properties: { adjustments?: { properties?: object } } }).properties.adjustments?.properties ?? {});
  const all: TornadoInput[] = [
    { path: 'adjustments.salePriceFactor', low: '0.8', high: '1.2' },
    { path: 'adjustments.costFactor', low: '0.9', high: '1.2' },
    { path: 'adjustments.saleDelayMonths', low: 0, high: 12 },
    { path: 'adjustments.rateShiftBp', low: -100, high: 100 },
  ];
  return all.filter((i) => known.includes(i.path.split('.')[1]));
}

function point(input: ResolvedInput, x: Decimal, e: Evaluation): TornadoPoint {
  return e.ok
    ? { input: formatInput(input, x), text: e.texts[0], value: e.values[0], problems: [] }
    : { input: formatInput(input, x), text: null, value: NaN, problems: e.problems };
}

export function tornado(scenario: unknown, spec: TornadoSpec): { ok: true; result: TornadoResult } | { ok: false; problems: Problem[] } {
  const shape = shapeProblems(spec, TORNADO_SPEC);
  if (shape.length > 0) return { ok: false, problems: shape };
  const problems: Problem[] = [];
  const outs = parseOutputs([spec.output]);
  if (!outs.ok) problems.push(...outs.problems);
  if (spec.inputs.length === 0) problems.push(problem('schema.required', 'inputs', undefined, { en: 'at least one input with its low and high', zh: '至少一个输入及其低值、高值' }));
  const resolved: { input: ResolvedInput; low: Decimal; high: Decimal }[] = [];
  spec.inputs.forEach((ti, i) => {
    const r = resolveInput(scenario, ti.path, ti.label);
    if (!r.ok) return void problems.push(...r.problems);
    const input = r.input;
    if ('scale' in ti) {
      const [lo, hi] = ti.scale.map((f) => (/^\s*\d+(\.\d+)?\s*$/.test(String(f)) ? dec(String(f)) : null));
      if (!lo || !hi) return void problems.push(problem('schema.format', `inputs[${i}].scale`, ti.scale, { en: 'two factors as decimal strings, e.g. ["0.9", "1.1"]', zh: '两个小数字符串系数，如 ["0.9", "1.1"]' }));
      resolved.push({ input, low: input.base.times(lo), high: input.base.times(hi) });
    } else {
      const lo = parseInputValue(input, ti.low);
      const hi = parseInputValue(input, ti.high);
      if (!lo.ok) problems.push(lo.problem);
      if (!hi.ok) problems.push(hi.problem);
      if (lo.ok && hi.ok) resolved.push({ input, low: lo.value, high: hi.value });
    }
  });
  if (problems.length || !outs.ok) return { ok: false, problems };
  const output = outs.outputs[0];
  const evaluate = evaluator([output]);
  const baseEval = evaluate(scenario);
  const base: TornadoPoint = baseEval.ok
    ? { input: '', text: baseEval.texts[0], value: baseEval.values[0], problems: [] }
    : { input: '', text: null, value: NaN, problems: baseEval.problems };
  const bars: TornadoBar[] = resolved.map(({ input, low, high }) => {
    const variant = variantEvaluator(evaluate, scenario, [input]);
    const lo = point(input, low, variant(applyInput(scenario, input, low)));
    const hi = point(input, high, variant(applyInput(scenario, input, high)));
    const swing = Math.abs(hi.value - lo.value);
    // Money swings are whole fen already; a ratio's swing is taken from the exact texts, not the floats.
    const exact = output.kind !== 'money' && lo.text !== null && hi.text !== null ? dec(hi.text).minus(dec(lo.text)).abs().toFixed(Math.max(decimalsOf(lo.text), decimalsOf(hi.text))) : null;
    return { path: input.path, label: input.label, low: lo, high: hi, swing, swingText: exact ?? (Number.isFinite(swing) ? measureText(output, swing) : null) };
  });
  bars.sort((a, b) => (Number.isNaN(a.swing) ? 1 : Number.isNaN(b.swing) ? -1 : b.swing - a.swing));
  return { ok: true, result: { output, base, bars } };
}

/** Decimals a figure was written with, so a swing prints as its ends do ("0.0000", not "0"). */
function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
