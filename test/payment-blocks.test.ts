/**
 * A run given an earlier run of the same payments (a sale price factor rewrites only the sale
 * amounts) copies the months of payments it proves unchanged (payment-blocks.ts). For generated
 * funded scenarios — every shortfall policy, pooled and closed zones, bonds with and without a
 * project, pre-allocations, provisions on the parcel or the year — and chains of price factors,
 * the run that copies is the run that pays every month again: the same postings in the same
 * order, the same balances, and the same Result byte for byte. Both ways are met: months copied,
 * and months that must be paid again because a fund holds less than the copy would need.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { report, run, type RunOutput } from '../engine/index';
import { paymentBlocksOf } from '../engine/run';
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import { eventsOf, eventsRescaled } from '../engine/run-events';
import type { MadeParcels } from '../engine/scenario/parcel-reuse';
import type { Model } from '../engine/model';
import { couponScenarioArb } from './support/coupon-scenario';
import { fundedArb } from './support/arbitrary-scenario';
import { portfolio } from '../bench/portfolio';

const SEED = 20261127;
const FACTORS = ['1', '0.9', '0.5', '1.3', '0.2', '2.5', '0.95'];

function sameLedger(a: RunOutput, b: RunOutput): void {
  const [x, y] = [a.ledger, b.ledger];
  expect(x.length).toBe(y.length);
  for (const column of ['period', 'from', 'to', 'amount', 'rule', 'parcel', 'zone'] as const) {
    expect(Array.from(x[column].subarray(0, x.length))).toEqual(Array.from(y[column].subarray(0, y.length)));
  }
  expect(Array.from(x.balances)).toEqual(Array.from(y.balances));
}

let copied = 0;
let paidAgain = 0;

/** Runs `scenario` under each factor in turn, each run given the one before; every one checked against a run of its own. */
function chain(scenario: unknown, factors: readonly string[]): void {
  const base = prepareBase(scenario);
  let made: MadeParcels | null = null;
  let prior: { model: Model; out: RunOutput } | null = null;
  for (const factor of factors) {
    const r = adjustFrom(base, { salePriceFactor: factor }, made);
    if (!r.prepared.ok) return;
    made = r.made;
    const model = r.prepared.model;
    const rescaled = prior !== null && eventsRescaled(prior.model, model);
    if (!rescaled) eventsOf(model);
    const lent = run(model, rescaled ? prior!.out : undefined);
    const own = run(model);
    sameLedger(lent, own);
    expect(JSON.stringify(report(lent))).toBe(JSON.stringify(report(own)));
    expect(lent.delays).toEqual(own.delays);
    const blocks = paymentBlocksOf(lent)!;
    if (rescaled && model.shortfall !== 'wait') {
      copied += blocks.copied;
      paidAgain += model.timeline.months - blocks.copied;
    }
    prior = { model, out: lent };
  }
}

describe('payment blocks copied from an earlier run', () => {
  it('a run copying the months it proves unchanged is the run paying them all again: coupon scenarios', () => {
    fc.assert(fc.property(couponScenarioArb, fc.shuffledSubarray(FACTORS, { minLength: 2 }), (s, factors) => chain(s, factors)), { numRuns: 60, seed: SEED });
  });

  it('… funded scenarios with a project bond, pre-allocations and every shortfall policy', () => {
    fc.assert(fc.property(fundedArb, fc.shuffledSubarray(FACTORS, { minLength: 2 }), (s, factors) => chain(s, factors)), { numRuns: 40, seed: SEED });
  });

  it('… a bench portfolio whose budget tops funds up, with sale fees at a rate (a payment the price moves)', () => {
    chain(portfolio({ parcels: 60, months: 72, seed: 5, bond: true, headroomMonths: 6 }), ['1', '0.6', '1.8', '0.3', '1']);
    const feeAtRate = portfolio({ parcels: 60, months: 72, seed: 7, headroomMonths: 6 });
    const parcels = (feeAtRate.parcels as Record<string, unknown>[]).map((p) => (p.sale ? { ...p, sale: { ...(p.sale as object), businessFee: '1.5%' } } : p));
    chain({ ...feeAtRate, parcels }, ['1', '0.7', '1.4']);
    chain({ ...portfolio({ parcels: 60, months: 72, seed: 6, bond: true, headroomMonths: 6 }), funding: { shortfall: 'negative' } }, ['1', '0.4', '2']);
  });

  it('met both ways: months copied and months paid again', () => {
    expect(copied).toBeGreaterThan(0);
    expect(paidAgain).toBeGreaterThan(0);
  });
});
