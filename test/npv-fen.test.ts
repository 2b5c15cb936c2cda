import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cashFlowMetrics } from '../engine/cash-flow-metrics';
import { Decimal, roundFen } from '../engine/money';

/** The decimal.js NPV, as cash-flow-metrics defines it: Σ flow_m / (1 + r)^(m/12), rounded to fen once. */
function npvRef(flows: number[], annual: Decimal): number {
  const monthly = annual.plus(1).pow(new Decimal(1).div(12));
  let factor = new Decimal(1);
  let sum = new Decimal(0);
  for (const f of flows) {
    if (f !== 0) sum = sum.plus(new Decimal(f).div(factor));
    factor = factor.times(monthly);
  }
  return roundFen(sum.div(100));
}

describe('the NPV in fen is the decimal.js one', () => {
  const rates = ['0', '0.04', '0.035', '0.1', '0.0725', '1.5', '-0.5'].map((r) => new Decimal(r));

  it('on random monthly flows of every size and sign', () => {
    const flow = fc.oneof(fc.constant(0), fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: -(10 ** 13), max: 10 ** 13 }));
    fc.assert(fc.property(fc.array(flow, { maxLength: 240 }), fc.constantFrom(...rates), (flows, rate) => {
      expect(cashFlowMetrics(flows, rate).npv).toBe(npvRef(flows, rate));
    }), { numRuns: 3000 });
  });

  it('on flows whose NPV is a half fen, which decimal.js decides', () => {
    // At 4 095 a year the monthly factor is 2: 1 fen a month from now is worth half a fen.
    const rate = new Decimal(4095);
    for (const flows of [[0, 1], [0, 3], [0, -1], [1, 1], [0, 0, 2], [5, 0, 2], [-(10 ** 12), 10 ** 12 + 1]]) {
      expect(cashFlowMetrics(flows, rate).npv, flows.join(',')).toBe(npvRef(flows, rate));
    }
  });
});
