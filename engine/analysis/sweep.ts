/**
 * Sweeps (data tables): one or two scenario inputs over a range → any outputs, one engine run per
 * point — what Excel's Data Table does, exact to the fen.
 *
 *   sweep(hainan, {
 *     axes: [{ path: 'split.ratios.province', values: ['5', '6', '7'] },
 *            { path: 'adjustments.salePriceFactor', from: '0.8', to: '1.2', steps: 5 }],
 *     outputs: ['totals.shares.province', 'totals.shares.city'],
 *   })
 *   → 15 cells, x outer and y inner; a point the engine refuses carries its problems instead.
 *
 * An axis is a list of values written as the field writes them, or a range from/to/steps
 * interpolated with Decimal in the field's own unit ("120000万元" … "180000万元").
 */
import { type Decimal, problem, type Problem } from '../index';
import { applyInputs, formatInput, linearRange, parseInputValue, resolveInput, type ResolvedInput } from './input';
import { evaluator, parseOutputs, variantEvaluator } from './evaluate';
import type { OutputRef } from './output';
import { SWEEP_SPEC, shapeProblems } from './spec-shape';

export type SweepAxis =
  | { readonly path: string; readonly label?: string; readonly values: readonly (string | number)[] }
  | { readonly path: string; readonly label?: string; readonly from: string | number; readonly to: string | number; readonly steps: number };

export interface SweepSpec {
  readonly axes: readonly [SweepAxis] | readonly [SweepAxis, SweepAxis];
  readonly outputs: readonly string[];
}

export interface SweepCell {
  /** Index of the value on each axis. */
  readonly at: readonly number[];
  /** The values set, in the scenario's form. */
  readonly inputs: readonly (string | number)[];
  readonly ok: boolean;
  /** Output figures as the Result writes them (null where absent). */
  readonly texts: readonly (string | null)[];
  /** Whole fen for money outputs, numbers otherwise (NaN where absent). */
  readonly values: readonly number[];
  readonly problems: readonly Problem[];
}

export interface SweepResult {
  readonly axes: readonly { path: string; label: string; values: readonly (string | number)[] }[];
  readonly outputs: readonly OutputRef[];
  /** x outer, y inner: cell (i, j) is cells[i * ny + j]. */
  readonly cells: readonly SweepCell[];
}

/** Resolves an axis to its input and the values it takes, or the problems that stop it. */
export function axisValues(scenario: unknown, axis: SweepAxis, where: string): { ok: true; input: ResolvedInput; xs: Decimal[] } | { ok: false; problems: Problem[] } {
  const r = resolveInput(scenario, axis.path, axis.label);
  if (!r.ok) return r;
  const input = r.input;
  const problems: Problem[] = [];
  const parse = (raw: unknown): Decimal | null => {
    const v = parseInputValue(input, raw);
    if (!v.ok) problems.push(v.problem);
    return v.ok ? v.value : null;
  };
  let xs: Decimal[] = [];
  if ('values' in axis) {
    if (axis.values.length === 0) problems.push(problem('schema.range', `${where}.values`, axis.values, { en: 'at least one value', zh: '至少一个取值' }));
    xs = axis.values.map(parse).filter((x): x is Decimal => x !== null);
  } else {
    const from = parse(axis.from);
    const to = parse(axis.to);
    if (!Number.isInteger(axis.steps) || axis.steps < 1 || axis.steps > 10_000) {
      problems.push(problem('schema.range', `${where}.steps`, axis.steps, { en: 'a whole number of points from 1 to 10000', zh: '1 至 10000 的整数点数' }));
    } else if (from && to) {
      xs = linearRange(from, to, axis.steps);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, input, xs };
}

/** A data table's cells: 100 × 100. Each is a whole run held in memory until the table is drawn. */
export const MAX_SWEEP_CELLS = 10_000;

export function sweep(scenario: unknown, spec: SweepSpec): { ok: true; result: SweepResult } | { ok: false; problems: Problem[] } {
  const shape = shapeProblems(spec, SWEEP_SPEC);
  if (shape.length > 0) return { ok: false, problems: shape };
  const problems: Problem[] = [];
  const axes = spec.axes.map((a, i) => axisValues(scenario, a, `axes[${i}]`));
  for (const a of axes) if (!a.ok) problems.push(...a.problems);
  const outs = parseOutputs(spec.outputs);
  if (!outs.ok) problems.push(...outs.problems);
  if (spec.outputs.length === 0) problems.push(problem('schema.required', 'outputs', undefined, { en: 'at least one output path, e.g. totals.valueAdded', zh: '至少一个输出路径，如 totals.valueAdded' }));
  if (problems.length || !outs.ok) return { ok: false, problems };
  const resolved = axes.map((a) => (a as { ok: true; input: ResolvedInput; xs: Decimal[] }));
  const cellCount = resolved.reduce((n, a) => n * a.xs.length, 1);
  if (cellCount > MAX_SWEEP_CELLS) {
    return { ok: false, problems: [problem('schema.range', 'axes', `${resolved.map((a) => a.xs.length).join(' × ')} = ${cellCount} cells`, { en: `at most ${MAX_SWEEP_CELLS} cells (e.g. 100 × 100): each cell is a whole run kept for the table`, zh: `不超过 ${MAX_SWEEP_CELLS} 个格点（如 100 × 100）：每个格点是一次完整测算` })] };
  }
  const evaluate = variantEvaluator(evaluator(outs.outputs), scenario, resolved.map((a) => a.input));
  const points = grid(resolved.map((a) => a.xs.length));
  const cells: SweepCell[] = points.map((at) => {
    const xs = at.map((k, d) => resolved[d].xs[k]);
    const inputs = resolved.map((a, d) => formatInput(a.input, xs[d]));
    const e = evaluate(applyInputs(scenario, resolved.map((a) => a.input), xs));
    return e.ok
      ? { at, inputs, ok: true, texts: e.texts, values: e.values, problems: [] }
      : { at, inputs, ok: false, texts: outs.outputs.map(() => null), values: outs.outputs.map(() => NaN), problems: e.problems };
  });
  return {
    ok: true,
    result: {
      axes: resolved.map((a) => ({ path: a.input.path, label: a.input.label, values: a.xs.map((x) => formatInput(a.input, x)) })),
      outputs: outs.outputs,
      cells,
    },
  };
}

/** Every combination of indices, the first axis outermost. */
function grid(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((prefix) => Array.from({ length: n }, (_, k) => [...prefix, k]));
  return out;
}

/** One row per point: the inputs, then each output's text (empty where the point was refused). */
export function sweepRows(result: SweepResult): { header: string[]; rows: string[][] } {
  const header = [...result.axes.map((a) => a.path), ...result.outputs.map((o) => o.path), 'problems'];
  const rows = result.cells.map((c) => [...c.inputs.map(String), ...c.texts.map((t) => t ?? ''), c.problems.map((p) => p.message.en).join('; ')]);
  return { header, rows };
}

/** A two-axis sweep as a matrix for one output: rows are the second axis's values, columns the first's. */
export function sweepMatrix(result: SweepResult, output = 0): { rows: (string | number)[]; columns: (string | number)[]; texts: (string | null)[][]; values: number[][] } {
  const [xa, ya] = result.axes;
  const ny = ya ? ya.values.length : 1;
  const rows = ya ? [...ya.values] : [result.outputs[output].path];
  const texts = rows.map((_, j) => xa.values.map((_, i) => result.cells[i * ny + j].texts[output]));
  const values = rows.map((_, j) => xa.values.map((_, i) => result.cells[i * ny + j].values[output]));
  return { rows, columns: [...xa.values], texts, values };
}
