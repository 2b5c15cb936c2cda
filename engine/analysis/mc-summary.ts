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
import { quantileSorted, quickselect } from 'simple-statistics';
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

/** The values that are not NaN (refused runs), sorted: NaN sorts last, so it is cut off after the sort. */
function sortedFinite(a: Float64Array): Float64Array {
  const sorted = a.slice().sort();
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  return sorted.subarray(0, n);
}

/**
 * The positions of a sorted column that percentileOf reads for these percentiles: the floor and
 * ceiling of (n − 1)·p/100, both as Decimal computes it (money) and as floating point does
 * (simple-statistics, other outputs), and the ends.
 */
function positionsRead(n: number, pcts: readonly number[]): number[] {
  const at = new Set<number>([0, n - 1]);
  for (const p of pcts) {
    const exact = dec(String(n - 1)).times(p).div(100);
    const float = (n - 1) * (p / 100);
    for (const i of [exact.floor().toNumber(), exact.ceil().toNumber(), Math.floor(float), Math.ceil(float)]) at.add(Math.min(n - 1, Math.max(0, i)));
  }
  return [...at].sort((a, b) => a - b);
}

/**
 * `column` (finite values only) rearranged so that each of `positions` (ascending) holds the value
 * a sort would put there — selection instead of a sort: a fan needs five percentiles of each of
 * its periods, not every period's runs in order.
 */
function selectPositions(column: Float64Array, positions: readonly number[]): void {
  let left = 0;
  for (const k of positions) {
    if (left < column.length - 1) quickselect(column as unknown as number[], k, left, column.length - 1);
    left = k + 1;
  }
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
    const columns = byPeriod(ordered, s, runs, nP);
    const bands = pcts.map((p) => ({ p, texts: [] as (string | null)[], values: [] as number[] }));
    const positions = new Map<number, number[]>();
    for (let period = 0; period < nP; period++) {
      const column = finiteOf(columns.subarray(period * runs, (period + 1) * runs));
      if (column.length && !positions.has(column.length)) positions.set(column.length, positionsRead(column.length, pcts));
      if (column.length) selectPositions(column, positions.get(column.length)!);
      pcts.forEach((p, i) => {
        const q = column.length ? percentileOf(column, p, o.kind) : null;
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

/**
 * Series `s` of every run, period-major (out[period * runs + run]), from the chunks in run order.
 * A chunk is run-major; it is turned over 64 runs at a time so that reads and writes stay in cache.
 */
function byPeriod(ordered: readonly ChunkResult[], s: number, runs: number, nP: number): Float64Array {
  const out = new Float64Array(nP * runs);
  let r0 = 0;
  for (const ch of ordered) {
    const a = ch.series[s];
    const n = ch.to - ch.from;
    for (let b = 0; b < n; b += 64) {
      const end = Math.min(n, b + 64);
      for (let p = 0; p < nP; p++) {
        const row = p * runs + r0;
        for (let k = b; k < end; k++) out[row + k] = a[k * nP + p];
      }
    }
    r0 += n;
  }
  return out;
}

/** The values of a column that are not NaN, in place at its start (the column is scratch). */
function finiteOf(column: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) column[n++] = column[i];
  return column.subarray(0, n);
}
