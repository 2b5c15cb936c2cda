/**
 * An analysis spec of any shape is answered with problems at its JSON paths, never a TypeError: a
 * Monte Carlo plan, a sweep, a tornado and a goal seek, each with one of its fields (to two levels
 * deep) replaced by arbitrary JSON, is run or refused; monteCarlo() refuses a plan of the wrong
 * shape before it starts a worker (engine/analysis/spec-shape.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePlan, monteCarlo, type McPlan } from '../engine/analysis/index';
import { sweep } from '../engine/analysis/sweep';
import { tornado } from '../engine/analysis/tornado';
import { seek } from '../engine/analysis/goal-seek';
import type { Problem } from '../engine/problem';
import { composed } from './support/scenarios';

const scenario = composed('scenarios/xingning-buyback.json');
const base = {
  scenario,
  runs: 5,
  seed: 1,
  inputs: [{ path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' }, { path: 'adjustments.costFactor', distribution: { kind: 'uniform', min: 0.9, max: 1.1 } }],
  correlations: [{ a: 'adjustments.salePriceFactor', b: 'adjustments.costFactor', rho: 0.3 }],
  outputs: ['totals.valueAdded'],
  series: ['periods[*].treasuryBalance'],
  events: [{ output: 'totals.valueAdded', op: '<', threshold: '0' }],
  percentiles: [5, 50, 95],
};

/** Paths into the plan, two levels deep, the scenario itself left whole. */
function pathsOf(x: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (x === scenario || at.length >= 3 || x === null || typeof x !== 'object') return out;
  for (const [k, v] of Object.entries(x)) {
    const seg = Array.isArray(x) ? Number(k) : k;
    out.push([...at, seg]);
    pathsOf(v, [...at, seg], out);
  }
  return out;
}

function replaced(x: unknown, path: readonly (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = (Array.isArray(x) ? [...x] : { ...(x as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), v);
  return copy;
}

describe('a Monte Carlo plan of any shape', () => {
  it('the bench plan compiles as it is', () => {
    expect(compilePlan(base as McPlan).ok).toBe(true);
  });

  it('with a field replaced by any JSON is compiled or refused with problems, never thrown at', () => {
    const paths = pathsOf(base);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (k, v) => {
        const c = compilePlan(replaced(base, paths[k], v) as McPlan);
        if (!c.ok) for (const p of c.problems) {
          expect(typeof p.path).toBe('string');
          expect(p.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('of the wrong shape is refused by monteCarlo() at its path, before any worker starts', async () => {
    let spawned = 0;
    const spawn = () => { spawned++; throw new Error('no worker should start'); };
    const bad = { ...base, inputs: { path: 'adjustments.salePriceFactor' } } as unknown as McPlan;
    const outcome = await monteCarlo(bad, { threads: 2, spawn });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems?.map((p) => p.path)).toEqual(['inputs']);
    expect(spawned).toBe(0);
    const items = await monteCarlo({ ...base, events: [{ output: 3, op: '<' }] } as unknown as McPlan);
    expect(!items.ok && items.problems?.map((p) => p.path)).toEqual(['events[0].output', 'events[0].threshold']);
    const none = await monteCarlo(null as unknown as McPlan);
    expect(!none.ok && none.problems?.[0].path).toBe('');
  });
});

describe('a sweep, a tornado and a goal seek of any shape', () => {
  const SPECS: [string, (spec: never) => { ok: boolean; problems?: Problem[] }, object][] = [
    ['sweep', (spec) => sweep(scenario, spec), { axes: [{ path: 'adjustments.salePriceFactor', from: '0.9', to: '1.1', steps: 3 }, { path: 'adjustments.saleDelayMonths', values: [0, 6] }], outputs: ['totals.valueAdded'] }],
    ['tornado', (spec) => tornado(scenario, spec), { inputs: [{ path: 'adjustments.salePriceFactor', low: '0.9', high: '1.1' }, { path: 'adjustments.costFactor', scale: ['0.9', '1.1'] }], output: 'totals.valueAdded' }],
    ['seek', (spec) => seek(scenario, spec), { input: { path: 'adjustments.salePriceFactor', from: '0.5', to: '1.5' }, output: 'totals.valueAdded', op: '>=', threshold: '0', find: 'min' }],
  ];
  for (const [name, analyse, spec] of SPECS) {
    it(`${name}: as written it runs; with a field replaced by any JSON it runs or is refused, never thrown at`, () => {
      expect(analyse(spec as never).ok).toBe(true);
      const paths = pathsOf(spec);
      fc.assert(
        fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (k, v) => {
          const r = analyse(replaced(spec, paths[k], v) as never);
          if (!r.ok) for (const p of r.problems ?? []) expect(typeof p.path).toBe('string');
        }),
        { numRuns: 150, seed: 3 },
      );
    });
  }

  it('names the field: an axis with no steps, a tornado input that is a number', () => {
    const noSteps = sweep(scenario, { axes: [{ path: 'adjustments.salePriceFactor', from: '0.9', to: '1.1' }], outputs: ['totals.valueAdded'] } as never);
    expect(!noSteps.ok && noSteps.problems.map((p) => p.path)).toEqual(['axes[0].steps']);
    const numberInput = tornado(scenario, { inputs: [7], output: 'totals.valueAdded' } as never);
    expect(!numberInput.ok && numberInput.problems.map((p) => p.path)).toEqual(['inputs[0]']);
  });
});
