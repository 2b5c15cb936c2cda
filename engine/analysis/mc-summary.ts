/**
 * A Monte Carlo's chunks merged into its answer: percentiles of each output (P5/P10/P50/P90/P95 by
 * default, as simple-statistics defines them), the probability of each event, a fan chart per
 * series (the percentiles period by period) and the spread of the inputs drawn.
 *
 *   summarize(plan, chunks) → { outputs: [{ path: 'totals.valueAdded', percentiles: [{ p: 5, text: '461795840.12' }, …] }],
 *                               events: [{ label: 'P(coverage < 1.2)', probability: 0.031 }], series: [...] }
 * Money is summarised in whole fen: a percentile between two runs is interpolated with Decimal and
 * rounded half-up to the fen, a mean is a BigInt sum divided once — never float yuan.
 */
import { quantileSorted } from 'simple-statistics';
import { dec, Decimal } from '../index';
import { measureText, numberText, type OutputRef } from './output';
import { DEFAULT_PERCENTILES, type ChunkResult, type CompiledPlan } from './monte-carlo';

export interface Percentile {
  readonly p: number;
  /** Exact text: money in 元 to the fen, other outputs as numbers. */
  readonly text: string;
  readonly value: number;
}

export interface McOutputSummary {
  readonly path: string;
  readonly kind: 'money' | 'number';
  readonly n: number;
  readonly mean: string;
  /** The mean in whole fen (money, rounded half-up) or as a number. */
  readonly meanValue: number;
  readonly min: string;
  readonly max: string;
  readonly percentiles: readonly Percentile[];
}

export interface McResult {
  readonly runs: number;
  readonly seed: number;
  readonly failed: number;
  readonly failures: ChunkResult['failures'];
  readonly inputs: readonly { path: string; label: string; percentiles: readonly Percentile[] }[];
  readonly outputs: readonly McOutputSummary[];
  readonly events: readonly { label: string; output: string; op: string; threshold: string; count: number; n: number; probability: number }[];
  readonly series: readonly { path: string; periods: readonly string[]; bands: readonly { p: number; texts: readonly (string | null)[]; values: readonly number[] }[] }[];
}

/**
 * The p-th percentile as simple-statistics defines it (linear, numpy's default: index (n−1)·p/100).
 * Money is interpolated with Decimal on whole fen and rounded half-up to the fen, never in float.
 */
export function percentileOf(sorted: ArrayLike<number>, p: number, kind: 'money' | 'number'): { text: string; value: number } {
  if (kind === 'number') {
    const v = quantileSorted(Array.from(sorted), p / 100);
    return { text: numberText(v), value: v };
  }
  const n = sorted.length;
  const idx = dec(String(n - 1)).times(p).div(100);
  const lo = idx.floor().toNumber();
  const hi = Math.min(n - 1, idx.ceil().toNumber());
  const frac = idx.minus(lo);
  const fen = dec(String(sorted[lo])).plus(frac.times(sorted[hi] - sorted[lo])).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return { text: fen.div(100).toFixed(2), value: fen.toNumber() };
}

function sortedFinite(a: Float64Array): Float64Array {
  return a.filter((v) => !Number.isNaN(v)).sort();
}

function meanOf(sorted: Float64Array, kind: 'money' | 'number'): { text: string; value: number } {
  if (sorted.length === 0) return { text: '', value: NaN };
  if (kind === 'number') { const m = sorted.reduce((s, v) => s + v, 0) / sorted.length; return { text: numberText(m), value: m }; }
  let sum = 0n;
  for (const v of sorted) sum += BigInt(v);
  const fen = dec(sum.toString()).div(sorted.length).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return { text: fen.div(100).toFixed(2), value: fen.toNumber() };
}

/** Merges chunks (any order, any split) into the summary. */
export function summarize(c: CompiledPlan, chunks: readonly ChunkResult[]): McResult {
  const ordered = [...chunks].sort((a, b) => a.from - b.from);
  const runs = ordered.reduce((s, ch) => s + (ch.to - ch.from), 0);
  const join = (pick: (ch: ChunkResult) => Float64Array) => {
    const out = new Float64Array(ordered.reduce((s, ch) => s + pick(ch).length, 0));
    let at = 0;
    for (const ch of ordered) { out.set(pick(ch), at); at += pick(ch).length; }
    return out;
  };
  const pcts = c.plan.percentiles ?? DEFAULT_PERCENTILES;
  const text = (o: OutputRef, v: number) => (Number.isFinite(v) ? measureText(o, v) : '');
  const measures = c.measures.map((_, m) => join((ch) => ch.values[m]));
  const outputs: McOutputSummary[] = c.plan.outputs.map((path) => {
    const m = c.measures.findIndex((o) => o.path === path.trim());
    const o = c.measures[m];
    const sorted = sortedFinite(measures[m]);
    const mean = meanOf(sorted, o.kind);
    return {
      path: o.path,
      kind: o.kind,
      n: sorted.length,
      mean: mean.text,
      meanValue: mean.value,
      min: sorted.length ? text(o, sorted[0]) : '',
      max: sorted.length ? text(o, sorted[sorted.length - 1]) : '',
      percentiles: sorted.length ? pcts.map((p) => ({ p, ...percentileOf(sorted, p, o.kind) })) : [],
    };
  });
  const events = (c.plan.events ?? []).map((e) => {
    const m = c.measures.findIndex((o) => o.path === e.output.trim());
    const o = c.measures[m];
    const t = o.kind === 'money' ? dec(e.threshold).times(100).toNumber() : Number(e.threshold);
    const test = { '<': (v: number) => v < t, '<=': (v: number) => v <= t, '>': (v: number) => v > t, '>=': (v: number) => v >= t }[e.op];
    let count = 0;
    let n = 0;
    for (const v of measures[m]) if (!Number.isNaN(v)) { n++; if (test(v)) count++; }
    return { label: e.label ?? `P(${e.output} ${e.op} ${e.threshold})`, output: e.output, op: e.op, threshold: e.threshold, count, n, probability: n ? count / n : NaN };
  });
  const nP = c.periods.length;
  const series = c.series.map((o, s) => {
    const all = join((ch) => ch.series[s]);
    const bands = pcts.map((p) => ({ p, texts: [] as (string | null)[], values: [] as number[] }));
    const column = new Float64Array(runs);
    for (let period = 0; period < nP; period++) {
      for (let r = 0; r < runs; r++) column[r] = all[r * nP + period];
      const sorted = sortedFinite(column);
      pcts.forEach((p, i) => {
        const q = sorted.length ? percentileOf(sorted, p, o.kind) : null;
        bands[i].texts.push(q ? q.text : null);
        bands[i].values.push(q ? q.value : NaN);
      });
    }
    return { path: o.path, periods: c.periods, bands };
  });
  const inputs = c.inputs.map((inp, i) => {
    const sorted = sortedFinite(join((ch) => ch.draws[i]));
    return { path: inp.input.path, label: inp.input.label, percentiles: sorted.length ? pcts.map((p) => ({ p, ...percentileOf(sorted, p, 'number') })) : [] };
  });
  return {
    runs,
    seed: c.plan.seed,
    failed: ordered.reduce((s, ch) => s + ch.failed, 0),
    failures: ordered.flatMap((ch) => ch.failures).slice(0, 5),
    inputs,
    outputs,
    events,
    series,
  };
}
