import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run, simulate, type Result } from '../engine/index';
import { LAZY_VIEWS } from '../engine/report-lazy';
import { composed, scenarioFiles } from './support/scenarios';
import { fundedArb, scenarioArb } from './support/arbitrary-scenario';
import { portfolio } from '../bench/portfolio';

/** The whole Result made at once, as report() makes it without `lazy`. */
function eager(scenario: unknown): Result {
  const p = prepare(scenario);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return report(run(p.model));
}

describe('simulate() makes its largest views when first read (report-lazy.ts)', () => {
  it('gives the bytes, the keys in order and the values of the Result made at once, for every scenario file', () => {
    for (const file of scenarioFiles()) {
      const s = composed(file);
      const lazy = simulate(s);
      const whole = eager(s);
      expect(Object.keys(lazy), file).toEqual(Object.keys(whole));
      expect(JSON.stringify(lazy), file).toBe(JSON.stringify(whole));
    }
  });

  it('is the same whichever view is read first, over generated scenarios', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb, fundedArb), fc.shuffledSubarray([...LAZY_VIEWS]), (scenario, order) => {
        const lazy = simulate(scenario) as unknown as Record<string, unknown>;
        const whole = eager(scenario) as unknown as Record<string, unknown>;
        for (const v of order) expect(JSON.stringify(lazy[v])).toBe(JSON.stringify(whole[v]));
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('reads once, spreads, clones and takes an assigned view as a plain object does', () => {
    const s = portfolio({ parcels: 30, months: 60, seed: 3, bond: true });
    const lazy = simulate(s);
    expect(lazy.parcels).toBe(lazy.parcels);
    expect(lazy.checks).toBe(lazy.checks);
    const whole = eager(s);
    expect(JSON.stringify({ ...simulate(s) })).toBe(JSON.stringify(whole));
    expect(structuredClone(simulate(s))).toEqual(whole);
    const edited = simulate(s);
    edited.parcels = edited.parcels.slice(0, 1);
    delete (edited as Partial<Result>).zones;
    expect(edited.parcels).toHaveLength(1);
    expect('zones' in edited).toBe(false);
    expect(JSON.stringify(edited)).toBe(JSON.stringify({ ...whole, parcels: whole.parcels.slice(0, 1), zones: undefined }));
  });

  it('with views asked for, makes lazily only those: the partial Result is the one made at once', () => {
    const VIEWS_ASKED = ['totals', 'periods', 'parcels', 'zones', 'bonds', 'projects', 'pool', 'accounts', 'checks'] as const;
    fc.assert(
      fc.property(fc.oneof(scenarioArb, fundedArb), fc.subarray([...VIEWS_ASKED]), (scenario, views) => {
        const p = prepare(scenario);
        if (!p.ok) return;
        const out = run(p.model);
        const lazy = report(out, { views, lazy: true }) as unknown as Record<string, unknown>;
        const whole = report(out, { views }) as unknown as Record<string, unknown>;
        expect(Object.keys(lazy)).toEqual(Object.keys(whole));
        for (const v of LAZY_VIEWS) {
          const d = Object.getOwnPropertyDescriptor(lazy, v);
          // A lazy view asked for is a getter until read; one not asked for is not there at all.
          expect(d === undefined ? 'absent' : d.get ? 'getter' : 'value', v).toBe((views as readonly string[]).includes(v) ? 'getter' : 'absent');
        }
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
