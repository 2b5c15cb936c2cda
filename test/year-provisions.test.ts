/**
 * Provisions on the jurisdiction's year (year-provisions.ts) accrue in the year as the money
 * arrives: kinds timed "receipt" in the month, "quarterly" ones at the quarter's end. Together
 * they never hold more than the year's income left after the parcel-level provisions — the
 * treasury never lends them money — and a kind earlier in the catalogue keeps its place when it
 * accrues after a later one.
 */
import { describe, expect, it } from 'vitest';
import { money, simulate } from '../engine/index';

const fen = (y: string) => money.parseMoney(y)!;

/**
 * One parcel on cheap land: 117.04 亩 sold for 4.01 万元, verified cost 0. The land income fund
 * takes 9.98% (4 001.98 元) and the agricultural fund 78 026.67 m² × 3 元/m² × 15% (35 112.00 元),
 * leaving 986.02 元; housing (timed "receipt") and water (quarterly) each want 10% of
 * 40 100 − 35 112 = 498.80 元, together 997.60 — 11.58 元 more than is left.
 */
function cheapLand(saleMonth: string) {
  return {
    id: 'cheap-land',
    timeline: { start: '2020-01', months: 36 },
    jurisdiction: 'national',
    parameters: { 'provisions.landIncomeFund.rate': '9.98%', 'provisions.agriDev.netYieldStandard': '3元/m²' },
    provisions: ['landIncomeFund', 'agriDev', 'water', 'housing'],
    tiers: [{ id: 'city' }],
    split: { ratios: { city: '1' } },
    parcels: [
      {
        id: 'P',
        area: '117.04亩',
        acquisition: { mode: 'buyback', unitPrice: '0.01万元/亩', payments: [{ date: '2020-01', share: '100%' }] },
        sale: { date: saleMonth, price: '4.01万元', payments: [{ date: saleMonth, amount: '4.01万元' }] },
        verifiedCost: '0.00万元',
      },
    ],
    funding: { shortfall: 'fiscalTopUp' },
  };
}

describe('provisions on the year', () => {
  for (const month of ['2021-01', '2021-04', '2021-12']) {
    it(`never take more than the year's income, in any month (sale ${month})`, () => {
      const r = simulate(cheapLand(month));
      for (const p of r.periods) expect(fen(p.treasuryBalance), p.period).toBeGreaterThanOrEqual(0);
      const k = r.totals.provisionsByKind;
      expect(k.landIncomeFund).toBe('4001.98');
      expect(k.agriDev).toBe('35112.00');
      // Water comes before housing in the catalogue: served in full, housing takes what is left.
      expect(k.water).toBe('498.80');
      expect(k.housing).toBe('487.22');
    });
  }
});
