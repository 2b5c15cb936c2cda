/**
 * Properties of the disposal simulation over generated disposals and plans: disposal never exceeds
 * the inventory, stock is conserved, cumulative progress and targets never fall, and the quota
 * follows the 增存挂钩 verdict.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dec, type Decimal } from '../engine/money';
import {
  STOCK_CATEGORIES,
  assumeDisposals,
  countyTotalHa,
  parseDisposalPlan,
  parseStockInventory,
  simulateDisposalYear,
  type DisposalPlan,
  type Disposals,
  type Quarterly,
  type StockCategory,
} from '../engine/stock-land';
import qinzhou from '../data/qinzhou-stock-2020.json';

const inventory = parseStockInventory(qinzhou).inventory!;
const seedPlan = parseDisposalPlan(qinzhou.plan, inventory, null, 'plan').input!.plan;

/** Hectares with 4 decimals, from 0 to 1 500 (more than any cell, so capping is exercised). */
const haArb = fc.integer({ min: 0, max: 15_000_000 }).map((n) => dec(String(n)).div(10000));
const quarterArb: fc.Arbitrary<Quarterly<Decimal>> = fc.tuple(haArb, haArb, haArb, haArb);
const rowArb = fc.record(
  Object.fromEntries(STOCK_CATEGORIES.map((k) => [k, quarterArb])) as Record<StockCategory, fc.Arbitrary<Quarterly<Decimal>>>,
  { requiredKeys: [] },
);
const disposalsArb: fc.Arbitrary<Disposals> = fc
  .record(Object.fromEntries(inventory.counties.map((c) => [c.id, rowArb])), { requiredKeys: [] })
  .map((d) => Object.fromEntries(Object.entries(d).filter((e): e is [string, Partial<Record<StockCategory, Quarterly<Decimal>>>] => e[1] !== undefined)));

/** Non-decreasing quarterly shares ending at 100 %, in whole percent. */
const sharesArb = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map((xs) => [...xs.sort((a, b) => a - b), 100].map((n) => dec(String(n)).div(100)) as unknown as Quarterly<Decimal>);
const rateArb = fc.integer({ min: 0, max: 100 }).map((n) => dec(String(n)).div(100));
const planArb: fc.Arbitrary<DisposalPlan> = fc.record({ shares: sharesArb, a: rateArb, b: rateArb }).map(({ shares, a, b }) => ({
  ...seedPlan,
  quarterlyCumulative: shares,
  annualRates: { approvedUnsupplied: a, suspectedIdle: b },
}));

describe('disposal simulation properties', () => {
  it('disposal never exceeds the inventory, and opening = closing + disposed, cell by cell', () => {
    fc.assert(
      fc.property(planArb, disposalsArb, (plan, disposals) => {
        const r = simulateDisposalYear(inventory, plan, disposals);
        return r.counties.every((c, i) =>
          c.categories.every((k) => {
            const opening = inventory.counties[i].areaHa[k.category];
            const asked = (disposals[c.countyId]?.[k.category] ?? [dec('0'), dec('0'), dec('0'), dec('0')]).reduce((s, x) => s.plus(x), dec('0'));
            return (
              k.cumulativeHa[3].lte(opening) &&
              !k.closingHa.isNegative() &&
              k.closingHa.plus(k.cumulativeHa[3]).eq(opening) &&
              k.cumulativeHa[3].plus(k.excessHa).eq(asked) &&
              r.closing.counties[i].areaHa[k.category].eq(k.closingHa)
            );
          }) && countyTotalHa(r.closing.counties[i]).plus(c.disposedHa).eq(countyTotalHa(inventory.counties[i])),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('quarterly cumulative progress and targets never fall', () => {
    const rising = (xs: readonly Decimal[]) => xs.every((x, q) => q === 0 || x.gte(xs[q - 1]));
    fc.assert(
      fc.property(planArb, disposalsArb, (plan, disposals) => {
        const r = simulateDisposalYear(inventory, plan, disposals);
        return r.counties.every((c) => rising(c.progressHa) && rising(c.targetCumulativeHa) && c.categories.every((k) => rising(k.cumulativeHa) && (k.targetCumulativeHa === null || rising(k.targetCumulativeHa))));
      }),
      { numRuns: 150 },
    );
  });

  it('the quota is +10 % exactly when every rated task is met, −20 % otherwise', () => {
    fc.assert(
      fc.property(planArb, disposalsArb, (plan, disposals) => {
        const r = simulateDisposalYear(inventory, plan, disposals);
        return r.counties.every((c) => {
          const met = c.categories.every((k) => k.taskHa === null || k.cumulativeHa[3].gte(k.taskHa));
          return c.linkageMet === met && c.quota.factor.eq(met ? '1.1' : '0.8');
        });
      }),
      { numRuns: 150 },
    );
  });

  it('on-plan or better meets every target; below plan misses the task of every county that has one', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 300 }), (plan, pct) => {
        const a = dec(String(pct)).div(100);
        const r = simulateDisposalYear(inventory, plan, assumeDisposals(inventory, plan, a));
        return r.counties.every((c) => (a.gte(1) ? c.linkageMet && c.quarterMet.every(Boolean) : c.taskHa.isZero() ? c.linkageMet : !c.linkageMet));
      }),
      { numRuns: 150 },
    );
  });

  it('a plan whose quarterly targets fall somewhere is refused at that quarter', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 })), (xs) => {
        const texts = [...xs.map((n) => `${n}%`), '100%'];
        const firstFall = xs.findIndex((x, q) => q > 0 && x < xs[q - 1]);
        const { input, problems } = parseDisposalPlan({ quarterlyCumulative: texts }, inventory, seedPlan);
        if (firstFall === -1) return input !== null && problems.length === 0;
        return input === null && problems[0].path === `quarterlyCumulative[${firstFall}]`;
      }),
      { numRuns: 200 },
    );
  });

  it('the simulation does not touch its inputs', () => {
    const before = JSON.stringify(qinzhou);
    const disposals = assumeDisposals(inventory, seedPlan, dec('2'));
    const snapshot = JSON.stringify(disposals);
    simulateDisposalYear(inventory, seedPlan, disposals);
    expect(JSON.stringify(disposals)).toBe(snapshot);
    expect(JSON.stringify(qinzhou)).toBe(before);
    expect(inventory.counties[0].areaHa.approvedUnsupplied.toString()).toBe('921.6116');
  });
});
