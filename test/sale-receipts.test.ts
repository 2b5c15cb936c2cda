/**
 * A sale's receipts as the settlement meets them (engine/sale-receipts.ts): in arrival order, each
 * taking a part of the parcel's cost and quantities by its amount, whole fen, none lost; on the
 * year basis a receipt takes no more provisions than the income received so far.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columns, periodsOf, amountsOf } from '../engine/flows';
import { inArrivalOrder, receiptPlan, receiptProvisions, receiptWeights, spread } from '../engine/sale-receipts';
import type { ParcelModel } from '../engine/model';

describe('sale receipts', () => {
  it('spread a cost by their amounts, the odd fen to the first (the file\'s example)', () => {
    // 1 001 fen over 30 : 70 (3 : 7 once divided by 10): floors 300 and 700, 1 fen left to the first.
    expect(spread(1001, receiptWeights(columns([4, 8], [3000, 7000])), 2)).toEqual([301, 700]);
    // No receipt above zero: the last takes it all; one receipt: it takes it all.
    expect(receiptWeights(columns([4, 8], [0, 0]))).toBeNull();
    expect(spread(1001, null, 2)).toEqual([0, 1001]);
    expect(spread(1001, receiptWeights(columns([4], [3000])), 1)).toEqual([1001]);
  });

  it('come in month order, as listed within a month', () => {
    const r = inArrivalOrder(columns([8, 4, 4], [70, 20, 10]));
    expect([periodsOf(r), amountsOf(r)]).toEqual([[4, 4, 8], [20, 10, 70]]);
    const ordered = columns([4, 8], [1, 2]);
    expect(inArrivalOrder(ordered)).toBe(ordered);
  });

  it('spread any total exactly, whatever the amounts', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 6 }), (total, amounts) => {
      const parts = spread(total, receiptWeights(columns(amounts.map((_, i) => i), amounts)), amounts.length);
      expect(parts).toHaveLength(amounts.length);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }), { numRuns: 500, seed: 20261128 });
  });

  it('take no more provisions than the income received so far; the rest waits for the next receipt', () => {
    // A provision of 100 spread 1 : 1 over two receipts wants 50 of each; a first receipt of only
    // 30 can take 30 and carries 20, which the second, of 70, takes with its own 50.
    const parcel = { socialSecurity: 0, agriDevBase: 0 } as ParcelModel;
    const plan = receiptPlan(parcel, { amounts: { k: 100 }, bases: {}, capped: 0 }, ['k'], [1, 1], 2);
    expect(plan.parcelKinds.k).toEqual([50, 50]);
    expect(receiptProvisions(plan, 0, 30, ['k'])).toEqual({ k: 30 });
    expect(plan.carry.k).toBe(20);
    expect(receiptProvisions(plan, 1, 70, ['k'])).toEqual({ k: 70 });
    expect(plan.carry.k).toBe(0);
  });
});
