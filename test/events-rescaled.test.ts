/**
 * The event layout rewritten in place for a price factor (eventsRescaled in run-events.ts) is
 * taken only when the parcels differ in their sale amounts alone. Two differences the generated
 * chains in parcel-reuse.test.ts rarely meet are checked here on one small parcel: a sale fee
 * as a rate that rounds to 0 fen under a low price factor (its place in the layout goes), and a
 * sale of no revenue, which has no receipts, moved by a delay (its sale and settlement months move).
 */
import { describe, expect, it } from 'vitest';
import { adjust, adjustFrom, prepareBase } from '../engine/scenario/adjust';
import { eventsOf, eventsRescaled } from '../engine/run-events';
import { report, run } from '../engine/index';
import type { Model } from '../engine/model';

type S = Record<string, unknown>;

function scenario(sale: S, holding: S | undefined = { costPerYear: '3万元' }): S {
  return {
    id: 'one-parcel',
    timeline: { start: '2020-01', months: 42 },
    jurisdiction: 'national',
    asOf: '2022-01-01',
    tiers: [{ id: 't0' }],
    split: { ratios: { t0: '1' } },
    parcels: [
      {
        id: 'P0',
        area: '0.12亩',
        acquisition: { mode: 'buyback', unitPrice: '20万元/亩', payments: [{ date: '2020-02', share: '100%' }] },
        sale,
        ...(holding ? { holding } : {}),
      },
    ],
  };
}

const COLUMNS = ['kind', 'parcel', 'amount', 'target', 'start', 'fund', 'projectAccount', 'developer', 'zone'] as const;

/** The layout of `after` when made from `before`'s (rewritten in place or laid out afresh) against a fresh adjustment's; whether it was rewritten. */
function layoutFrom(s: S, before: S, after: S): boolean {
  const base = prepareBase(s);
  const first = adjustFrom(base, before, null);
  const second = adjustFrom(base, after, first.made);
  const fresh = adjust(base, after);
  if (!first.prepared.ok || !second.prepared.ok || !fresh.ok) throw new Error('refused');
  const prior: Model = first.prepared.model;
  const model = second.prepared.model;
  eventsOf(prior);
  const rewritten = eventsRescaled(prior, model);
  const ev = eventsOf(model);
  const want = eventsOf(fresh.model);
  for (const c of COLUMNS) expect(Array.from(ev[c]), c).toEqual(Array.from(want[c]));
  expect(JSON.stringify(report(run(model)))).toBe(JSON.stringify(report(run(fresh.model))));
  return rewritten;
}

describe('the event layout rewritten for a new price factor', () => {
  // 3,100 元 × 0.0003% = 0.93 fen → 1 fen; at half the price 0.465 fen → 0: the fee is gone.
  const feeSale = { date: '2021-04', price: '0.31万元', businessFee: '0.0003%' };

  it('is rewritten when the fee stays (the rewrite is taken at all)', () => {
    expect(layoutFrom(scenario(feeSale), { salePriceFactor: '1' }, { salePriceFactor: '0.9' })).toBe(true);
  });

  it('is laid out afresh when a rate fee rounds to 0 fen under the new factor, and back', () => {
    expect(layoutFrom(scenario(feeSale), { salePriceFactor: '1' }, { salePriceFactor: '0.5' })).toBe(false);
    expect(layoutFrom(scenario(feeSale), { salePriceFactor: '0.5' }, { salePriceFactor: '1' })).toBe(false);
  });

  it('is laid out afresh when a sale of no revenue is moved by a delay', () => {
    const nothing = { date: '2021-04', price: '0万元' };
    // An adjustment re-makes the holding section with the delay, which alone refuses the rewrite.
    expect(layoutFrom(scenario(nothing, undefined), { saleDelayMonths: 0 }, { saleDelayMonths: 3 })).toBe(false);
    // The sale and settlement months are checked on their own: a model whose parcel keeps every other
    // section but whose receipt-less sale moved (its settlement event moves in the layout).
    const base = prepareBase(scenario(nothing, undefined));
    const prior = adjust(base, { saleDelayMonths: 0 });
    const later = adjust(base, { saleDelayMonths: 3 });
    if (!prior.ok || !later.ok) throw new Error('refused');
    const p = prior.model.parcels[0];
    expect(p.sale!.receipts.length).toBe(0);
    const moved = { ...p, sale: later.model.parcels[0].sale };
    const withParcel = (): Model => Object.defineProperties(Object.create(Object.getPrototypeOf(prior.model)) as Model, { ...Object.getOwnPropertyDescriptors(prior.model), parcels: { value: [moved], enumerable: true } });
    const to = withParcel();
    eventsOf(prior.model);
    expect(eventsRescaled(prior.model, to)).toBe(false);
    const ev = eventsOf(to);
    // The same model as a new object: laid out afresh.
    const want = eventsOf(withParcel());
    for (const c of COLUMNS) expect(Array.from(ev[c]), c).toEqual(Array.from(want[c]));
  });
});
