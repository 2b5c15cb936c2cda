/**
 * The event layout (run-events.ts) is a stable sort of a model's events by (period, phase) in the
 * order they are met. It is laid out in two visits that write each event straight to its place,
 * with even spreads written month by month from their first month and clipped to the timeline;
 * here it is compared, column by column, with the plainest layout there is — every event listed
 * in the order met, those outside the timeline dropped, then a stable sort — over every scenario
 * file, generated funded scenarios, and spreads that start before the timeline or run past it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare } from '../engine/index';
import { eventsOf, Kind, PHASES, PAYMENT_RULE, type Events } from '../engine/run-events';
import { ruleIndex } from '../engine/rules';
import { NONE } from '../engine/ledger';
import { amountAt, evenSpread, periodAt, single, type Flows } from '../engine/flows';
import type { Model, ParcelModel } from '../engine/model';
import { composed, scenarioFiles } from './support/scenarios';
import { fundedArb } from './support/arbitrary-scenario';

const PHASE: Record<Kind, number> = {
  [Kind.Appropriation]: 0, [Kind.PoolCapital]: 0, [Kind.PoolInflow]: 0, [Kind.PreAllocation]: 0, [Kind.Lease]: 0, [Kind.Receipt]: 0,
  [Kind.Settle]: 1,
  [Kind.Acquisition]: 2, [Kind.ServiceFee]: 2, [Kind.Works]: 2, [Kind.ManagementFee]: 2, [Kind.Holding]: 2, [Kind.SaleFee]: 2,
};

interface Met {
  kind: Kind;
  parcel: number;
  target: number;
  period: number;
  amount: number;
}

/** Every event in the order the layout meets them (its documented order), then a stable sort. */
function plainLayout(model: Model): { met: number; events: Met[]; start: number[] } {
  const met: Met[] = [];
  const add = (kind: Kind, parcel: number, target: number, period: number, amount: number) => met.push({ kind, parcel, target, period, amount });
  const many = (kind: Kind, parcel: number, f: Flows, rule: number) => {
    for (let k = 0; k < f.length; k++) add(kind, parcel, rule, periodAt(f, k), amountAt(f, k));
  };
  for (const a of model.poolCapital) add(Kind.PoolCapital, NONE, a.fund, a.period, a.amount);
  for (const a of model.appropriations) add(Kind.Appropriation, NONE, a.fund, a.period, a.amount);
  for (const a of model.poolInflows) add(Kind.PoolInflow, NONE, a.fund, a.period, a.amount);
  model.preAllocations.forEach((a, i) => add(Kind.PreAllocation, NONE, i, a.period, a.amount));
  const order = model.parcels.map((p) => p.index).sort((a, b) => model.parcels[a].priority - model.parcels[b].priority || a - b);
  for (const i of order) {
    const p = model.parcels[i];
    many(Kind.Lease, i, p.leases, NONE);
    many(Kind.Acquisition, i, p.acquisitionPayments, p.acquisitionRule ? ruleIndex(p.acquisitionRule) : NONE);
    many(Kind.ServiceFee, i, p.serviceFeePayments, ruleIndex(PAYMENT_RULE[Kind.ServiceFee]!));
    many(Kind.Works, i, p.works, ruleIndex(PAYMENT_RULE[Kind.Works]!));
    many(Kind.ManagementFee, i, p.managementFeePayments, ruleIndex(PAYMENT_RULE[Kind.ManagementFee]!));
    many(Kind.Holding, i, p.holding, ruleIndex(PAYMENT_RULE[Kind.Holding]!));
    if (p.sale) {
      many(Kind.Receipt, i, p.sale.receipts, NONE);
      add(Kind.Settle, i, NONE, p.sale.settlementPeriod, 0);
      if (p.sale.businessFee > 0) add(Kind.SaleFee, i, ruleIndex(PAYMENT_RULE[Kind.SaleFee]!), p.sale.period, p.sale.businessFee);
    }
  }
  const months = model.timeline.months;
  const key = (e: Met) => e.period * PHASES + PHASE[e.kind];
  const inside = met.filter((e) => e.period >= 0 && e.period < months);
  const events = inside.map((e, i) => ({ e, i })).sort((x, y) => key(x.e) - key(y.e) || x.i - y.i).map((x) => x.e);
  const start = Array.from({ length: months * PHASES + 1 }, (_, k) => events.filter((e) => key(e) < k).length);
  return { met: met.length, events, start };
}

function expectPlain(model: Model): void {
  const ev: Events = eventsOf(model);
  const want = plainLayout(model);
  const n = want.events.length;
  expect(ev.kind.length, 'one slot per event met').toBe(want.met);
  expect(Array.from(ev.start)).toEqual(want.start);
  expect(Array.from(ev.kind.subarray(0, n))).toEqual(want.events.map((e) => e.kind));
  expect(Array.from(ev.parcel.subarray(0, n))).toEqual(want.events.map((e) => e.parcel));
  expect(Array.from(ev.target.subarray(0, n))).toEqual(want.events.map((e) => e.target));
  // Object.is: a −0 fen would differ from 0 in a Float64Array.
  want.events.forEach((e, i) => expect(Object.is(ev.amount[i], e.amount), `amount ${i}: ${ev.amount[i]} vs ${e.amount}`).toBe(true));
  // The slots of events outside the timeline stay empty, at the end.
  expect(Array.from(ev.amount.subarray(n)).every((x) => x === 0)).toBe(true);
  model.parcels.forEach((p, i) => {
    expect(ev.fund[i]).toBe(p.fund);
    expect(ev.zone[i]).toBe(p.zone);
    expect(ev.developer[i]).toBe(p.developer);
  });
}

function prepared(s: unknown): Model {
  const p = prepare(s);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return p.model;
}

/** The model with some parcels' fields replaced (a layout is laid out for each new model). */
function withParcels(model: Model, change: (p: ParcelModel) => Partial<ParcelModel>): Model {
  const parcels = model.parcels.map((p) => ({ ...p, ...change(p) }) as ParcelModel);
  return Object.defineProperties(Object.create(Object.getPrototypeOf(model)) as Model, { ...Object.getOwnPropertyDescriptors(model), parcels: { value: parcels, enumerable: true } });
}

describe('the event layout is the stable sort of the events met', () => {
  it.each(scenarioFiles())('%s', (file) => {
    expectPlain(prepared(composed(file)));
  });

  it('generated funded scenarios', () => {
    fc.assert(
      fc.property(fundedArb, (s) => {
        const p = prepare(s);
        if (p.ok) expectPlain(p.model);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('spreads clipped to the timeline: starting before it, running past it, negative amounts, one-month payments', () => {
    const model = prepared(composed('scenarios/xingning-buyback.json'));
    const months = model.timeline.months;
    const cases: [string, (p: ParcelModel) => Partial<ParcelModel>][] = [
      ['starts before', () => ({ holding: evenSpread(1_000_003, -4, 9) })],
      ['runs past', () => ({ holding: evenSpread(777_777, months - 3, 8) })],
      ['both', () => ({ holding: evenSpread(-50_001, -2, months + 5) })],
      ['wholly outside', () => ({ holding: evenSpread(12_345, months + 1, 3), works: single(-1, 500) })],
      ['fewer fen than months', () => ({ holding: evenSpread(-3, 1, 7) })],
    ];
    for (const [name, change] of cases) {
      const edited = withParcels(model, change);
      expect(edited.parcels[0].holding, name).not.toBe(model.parcels[0].holding);
      expectPlain(edited);
    }
  });
});
