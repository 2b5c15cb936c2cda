import { describe, expect, it } from 'vitest';
import { cashFlowMetrics } from '../engine/cash-flow-metrics';
import { Decimal, parseMoney } from '../engine/money';
import { runFile } from './support/scenarios';

const month = (n: number, at: Record<number, number>) => Array.from({ length: n }, (_, i) => at[i] ?? 0);

describe('NPV, IRR and payback', () => {
  it('−100 now, +110 in twelve months: IRR 10%, NPV at 10% is zero, payback at month 12', () => {
    const flows = month(13, { 0: -10_000, 12: 11_000 });
    const m = cashFlowMetrics(flows, new Decimal('0.1'));
    expect(m.irrAnnual).toBe('0.1000');
    expect(m.irrNote).toBe('ok');
    expect(m.npv).toBe(0);
    expect(m.paybackPeriod).toBe(12);
    // At 0% the NPV is the plain sum of the flows, in fen.
    expect(cashFlowMetrics(flows, new Decimal('0')).npv).toBe(1_000);
  });

  it('two sign changes can give two IRRs, and both are reported', () => {
    // −100, +230 after a year, −132 after two: roots at 10% and 20%.
    const flows = month(25, { 0: -1_000_000, 12: 2_300_000, 24: -1_320_000 });
    const m = cashFlowMetrics(flows, new Decimal('0.05'));
    expect(m.irrNote).toBe('multiple');
    expect(m.irrRoots).toEqual(['0.1000', '0.2000']);
    expect(m.paybackPeriod).toBe(-1);
  });

  it('a flow with no sign change has no IRR: an answer, not a crash', () => {
    const m = cashFlowMetrics(month(12, { 0: 500, 6: 700 }), new Decimal('0.04'));
    expect(m.irrAnnual).toBeNull();
    expect(m.irrNote).toBe('none');
    expect(cashFlowMetrics(month(12, {}), new Decimal('0.04')).paybackPeriod).toBe(-1);
  });

  it('the bond case reports NPV, IRR and payback from its postings', () => {
    const r = runFile('scenarios/hainan-bonds.json');
    expect(r.totals.npv).toMatch(/^-?\d+\.\d{2}$/);
    expect(r.totals.discountRate).toBe('4%');
    expect(r.totals.irrNote).not.toBe('none');
    expect(r.totals.paybackPeriod).not.toBeNull();
    // Recompute the undiscounted flow from the postings: NPV at 0% equals it.
    const flows = new Map<string, number>();
    for (const x of r.postings!) {
      const sign = x.rule === 'sale.receipt' || x.rule === 'lease.income' ? 1
        : ['acquisition.', 'development.', 'holding.', 'sale.businessFee', 'bond.interest', 'bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'].some((k) => x.rule.startsWith(k)) ? -1 : 0;
      if (sign) flows.set(x.period, (flows.get(x.period) ?? 0) + sign * parseMoney(x.amount)!);
    }
    const total = [...flows.values()].reduce((a, b) => a + b, 0);
    const zero = cashFlowMetrics(r.periods.map((p) => flows.get(p.period) ?? 0), new Decimal('0'));
    expect(zero.npv).toBe(total);
    // Discounting at 4% gives less than the plain sum for a flow that pays back late.
    expect(parseMoney(r.totals.npv)!).toBeLessThan(total);
  });
});
