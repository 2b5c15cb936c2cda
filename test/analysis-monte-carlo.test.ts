/**
 * Monte Carlo: the same seed gives identical results on 1 and 2 threads (and any chunking);
 * percentiles of known distributions fall within their confidence bands; correlation holds;
 * money percentiles are exact; plans with mistakes are refused with every problem; cancel works.
 */
import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import {
  applyInputs, compilePlan, monteCarlo, runChunk, normalQuantile, parseDistribution, percentileOf, quantile, sample, standardNormal, streamFor, cholesky, drawInputs,
  type Distribution, type McPlan,
} from '../engine/analysis/index';
import { nodeSpawner } from '../cli/analysis-worker';
import { simulate } from '../engine/index';
import { composed } from './support/scenarios';

const hainan = composed('scenarios/hainan-provincial.json');
const bonds = composed('scenarios/hainan-bonds.json');

/** The exact p-quantiles bounding a sample quantile: p ± z·√(p(1−p)/n) (order statistics). */
function band(d: Distribution, p: number, n: number, z = 4): [number, number] {
  const h = z * Math.sqrt((p * (1 - p)) / n);
  return [quantile(d, Math.max(1e-9, p - h)), quantile(d, Math.min(1 - 1e-9, p + h))];
}

describe('seeded streams', () => {
  it('a run’s stream depends only on (seed, run index)', () => {
    const a = streamFor(42, 7);
    const b = streamFor(42, 7);
    const xs = Array.from({ length: 5 }, () => a.float());
    expect(Array.from({ length: 5 }, () => b.float())).toEqual(xs);
    expect(streamFor(42, 8).float()).not.toBe(xs[0]);
    expect(streamFor(43, 7).float()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('distributions: sample percentiles fall within their confidence bands', () => {
  const n = 20000;
  const cases: [string, Distribution][] = [
    ['uniform(0.8, 1.2)', parseDistribution('uniform(0.8, 1.2)')!],
    ['triangular(0.8, 1, 1.1)', parseDistribution('triangular(0.8, 1, 1.1)')!],
    ['normal(3, 3)', parseDistribution('normal(3, 3)')!],
    ['lognormal(1, 0.1)', parseDistribution('lognormal(1, 0.1)')!],
  ];
  for (const [name, d] of cases) {
    it(name, () => {
      const xs = Float64Array.from({ length: n }, (_, i) => sample(d, streamFor(2024, i))).sort();
      for (const p of [0.05, 0.1, 0.5, 0.9, 0.95]) {
        const q = quantileSorted(Array.from(xs), p);
        const [lo, hi] = band(d, p, n);
        expect(q, `P${p * 100}`).toBeGreaterThanOrEqual(lo);
        expect(q, `P${p * 100}`).toBeLessThanOrEqual(hi);
      }
    });
  }

  it('the normal quantile inverts the CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 12);
  });

  it('clamp and integer: a sale delay is a whole number of months within its bounds', () => {
    const d = parseDistribution('normal(3, 3) clamp(0, 12) integer')!;
    const xs = Array.from({ length: 2000 }, (_, i) => sample(d, streamFor(1, i)));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 12)).toBe(true);
  });

  it('a correlation of 0.8 between two inputs shows in the draws', () => {
    const L = cholesky([[1, 0.8], [0.8, 1]])!;
    const n2 = 20000;
    const pairs = Array.from({ length: n2 }, (_, i) => {
      const r = streamFor(9, i);
      const z = [standardNormal(r), standardNormal(r)];
      return [L[0][0] * z[0], L[1][0] * z[0] + L[1][1] * z[1]];
    });
    const mean = (k: number) => pairs.reduce((s, p) => s + p[k], 0) / n2;
    const [ma, mb] = [mean(0), mean(1)];
    const cov = pairs.reduce((s, p) => s + (p[0] - ma) * (p[1] - mb), 0) / n2;
    const sd = (k: number, m: number) => Math.sqrt(pairs.reduce((s, p) => s + (p[k] - m) ** 2, 0) / n2);
    expect(cov / (sd(0, ma) * sd(1, mb))).toBeCloseTo(0.8, 1);
    expect(cholesky([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]])).toBeNull();
  });

  it('money percentiles are exact to the fen and agree with simple-statistics', () => {
    const fen = Float64Array.from([100, 101, 250, 999, 1001, 123456789]);
    for (const p of [5, 10, 50, 90, 95]) {
      const exact = percentileOf(fen, p, 'money');
      expect(Number.isInteger(exact.value)).toBe(true);
      expect(Math.abs(exact.value - quantileSorted(Array.from(fen), p / 100))).toBeLessThanOrEqual(0.5);
      expect(exact.text).toBe((exact.value / 100).toFixed(2));
    }
  });
});

function plan(runs: number): McPlan {
  return {
    scenario: bonds,
    runs,
    seed: 7,
    inputs: [
      { path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
      { path: 'adjustments.saleDelayMonths', distribution: 'uniform(0, 10) integer' },
      { path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) integer' },
      { path: 'parcels[1].sale.unitPrice', distribution: 'normal(1, 0.05)', scale: true },
    ],
    correlations: [{ a: 'adjustments.salePriceFactor', b: 'adjustments.saleDelayMonths', rho: -0.4 }],
    outputs: ['totals.valueAdded', 'min(bonds[*].coverageRatio)', 'totals.peakFundingNeed'],
    series: ['periods[*].treasuryBalance'],
    events: [{ output: 'min(bonds[*].coverageRatio)', op: '<', threshold: '1.6' }, { output: 'totals.fiscalTopUp', op: '>', threshold: '214000000' }],
  };
}

describe('Monte Carlo runs', () => {
  it('the same seed gives identical percentiles on 1 thread, 2 threads and any chunking', async () => {
    const runs = 240;
    const inline = await monteCarlo(plan(runs), { threads: 1 });
    const two = await monteCarlo(plan(runs), { threads: 2, spawn: nodeSpawner(), chunkSize: 17 });
    const one = await monteCarlo(plan(runs), { threads: 1, chunkSize: 50 });
    if (!inline.ok || !two.ok || !one.ok) throw new Error('refused');
    expect(two.threads).toBe(2);
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(inline.result));
    expect(JSON.stringify(one.result)).toBe(JSON.stringify(inline.result));
    const r = inline.result;
    expect(r.runs).toBe(runs);
    expect(r.outputs.map((o) => o.kind)).toEqual(['money', 'number', 'money']);
    expect(r.outputs[0].percentiles.map((p) => p.p)).toEqual([5, 10, 50, 90, 95]);
    expect(r.series[0].bands[2].texts).toHaveLength(84);
    expect(r.events[0].n + r.failed).toBe(runs);
  }, 60_000);

  it('a run is what simulate() gives for its draws', () => {
    const c = compilePlan(plan(4));
    if (!c.ok) throw new Error('refused');
    const chunk = runChunk(c.compiled, 0, 4);
    for (let k = 0; k < 4; k++) {
      const xs = drawInputs(c.compiled, k);
      const scenario = applyInputs(bonds, c.compiled.inputs.map((i) => i.input), xs);
      let direct;
      try { direct = simulate(scenario); } catch { expect(chunk.values[0][k]).toBeNaN(); continue; }
      expect(chunk.values[0][k]).toBe(Math.round(Number(direct.totals.valueAdded) * 100));
      expect(chunk.values[1][k]).toBe(Math.min(...direct.bonds.filter((b) => b.coverageRatio !== null).map((b) => Number(b.coverageRatio))));
      expect(chunk.values[2][k]).toBe(Math.round(Number(direct.totals.peakFundingNeed) * 100));
    }
  });

  it('percentiles of a known input distribution come through the engine within their band', async () => {
    // Revenue of Haikou's parcel = 8500 元/m² × 53 333.33 m² × factor; factor ~ uniform(0.8, 1.2).
    const runs = 1500;
    const d = parseDistribution('uniform(0.8, 1.2)')!;
    const r = await monteCarlo({ scenario: hainan, runs, seed: 11, inputs: [{ path: 'adjustments.salePriceFactor', distribution: d }], outputs: ['parcels["HN-HK-02"].sale.revenue'] }, { threads: 1 });
    if (!r.ok) throw new Error('refused');
    const base = 453333333.33; // 元 at factor 1
    for (const q of r.result.outputs[0].percentiles) {
      const [lo, hi] = band(d, q.p / 100, runs);
      expect(Number(q.text)).toBeGreaterThanOrEqual(base * lo - 1000);
      expect(Number(q.text)).toBeLessThanOrEqual(base * hi + 1000);
    }
  }, 60_000);

  it('a plan with mistakes is refused with every problem, by its path', async () => {
    const r = await monteCarlo({
      scenario: hainan, runs: 0, seed: 1.5,
      inputs: [{ path: 'adjustments.salePriceFactor', distribution: 'gauss(1, 2)' }, { path: 'parcels[9].sale.price', distribution: 'uniform(1, 2)' }],
      correlations: [{ a: 'adjustments.salePriceFactor', b: 'nowhere', rho: 2 }],
      outputs: ['totals.'],
      events: [{ output: 'totals.valueAdded', op: '≈' as never, threshold: 'x' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok && !r.cancelled) {
      const paths = r.problems.map((p) => p.path);
      for (const p of ['runs', 'seed', 'inputs[0].distribution', 'parcels[9].sale.price', 'correlations[0]', 'totals.', 'events[0].op', 'events[0].threshold']) expect(paths).toContain(p);
    }
  });

  it('a plan whose runs would keep more numbers than the memory budget is refused before a run, by its runs', async () => {
    // 84 months: 2 000 000 runs × (3 outputs + 1 event output + 4 inputs + 1 series × 84) = 184 000 000 numbers.
    for (const threads of [1, 2]) {
      let progressed = 0;
      const r = await monteCarlo(plan(2_000_000), { threads, spawn: nodeSpawner(), onProgress: () => { progressed++; } });
      expect(r.ok).toBe(false);
      if (!r.ok && !r.cancelled) {
        expect(r.problems.map((p) => p.path)).toEqual(['runs']);
        expect(r.problems[0].message.en).toContain('184000000');
      }
      expect(progressed).toBe(0);
    }
    // Without the series a run keeps 8 numbers: 4 000 000 runs are 32 000 000, the most; one more run is refused.
    expect(compilePlan({ ...plan(4_000_000), series: [] }, { forRuns: false }).ok).toBe(true);
    const over = compilePlan({ ...plan(4_000_001), series: [] }, { forRuns: false });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems[0].message.en).toContain('32000008');
  });

  it('cancel stops a run, inline and on workers', async () => {
    for (const threads of [1, 2]) {
      const controller = new AbortController();
      const r = await monteCarlo(plan(2000), { threads, spawn: nodeSpawner(), chunkSize: 20, signal: controller.signal, onProgress: (done) => { if (done >= 20) controller.abort(); } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.cancelled).toBe(true);
    }
  }, 60_000);
});
