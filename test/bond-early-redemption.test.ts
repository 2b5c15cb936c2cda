/**
 * Early redemption from sale income (B-7, earlyRedemptionFromSales) repays principal before its
 * maturity; the interest that principal earned until it was repaid is still the holders' and is
 * paid on the next coupon date, whether part of the bond was repaid or all of it. Interest is part
 * of the 核定成本 (S-6), so a higher coupon does not raise value added — unless a redemption after
 * a parcel's first receipt leaves the parcels carrying more financing cost than the project paid
 * (the last case: the rule fixes each parcel's share at its first receipt, as then scheduled).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../engine/index';

/** One parcel of a 10 000 元 bond at 3.6% (2020-01, two years) sells in 2020-07 and redeems it all. */
const redeemedInFull = {
  id: 'early-redemption',
  timeline: { start: '2020-01', months: 36 },
  jurisdiction: 'national',
  provisions: [],
  tiers: [{ id: 'city' }],
  split: { ratios: { city: '1' } },
  parcels: [
    {
      id: 'A',
      area: '1亩',
      acquisition: { mode: 'buyback', unitPrice: '0.999万元/亩', payments: [{ date: '2020-01', share: '100%' }] },
      sale: { date: '2020-07', price: '5万元', payments: [{ date: '2020-07', share: '100%' }] },
      verifiedCost: '0.999万元',
    },
  ],
  projects: [{ id: 'PRJ', parcels: ['A'] }],
  bonds: [{ id: 'B1', issueDate: '2020-01', principal: '1万元', couponRate: '3.6%', termYears: 2, project: 'PRJ', earlyRedemptionFromSales: true }],
  funding: { shortfall: 'fiscalTopUp' },
};

describe('a bond redeemed early in full', () => {
  it('pays the interest accrued until the redemption on the next coupon date', () => {
    const b = simulate(redeemedInFull).bonds[0];
    // The sale recovers 9 990 + 720 financing: the whole 10 000 is repaid in 2020-07, after six
    // months' accrual (2020-02 … 2020-07): 10 000 × 3.6% / 12 × 6 = 180.00, due on 2021-01.
    expect(b.earlyRedeemed).toBe('10000.00');
    expect(b.interest).toBe('180.00');
    expect(b.schedule.map((r) => [r.period, r.interest, r.principalRepaid])).toEqual([
      ['2020-07', '0.00', '10000.00'],
      ['2021-01', '180.00', '0.00'],
    ]);
    expect(b.debtService).toBe('10180.00');
  });

  it('a higher coupon never lowers the interest paid, nor raises value added (seed 1678424350)', () => {
    // Found by funding-properties: at 1% the sales of 2021-01 (the maturity month) redeem 9 814.01
    // early and the coupon of 100.00 is paid at maturity; at +186 bp more is held back and the
    // whole principal is redeemed before the coupon — which was then lost (interest 0.00, value
    // added 10 068.55 → 10 148.17). The coupon of 286.00 is due all the same.
    const s = JSON.parse(readFileSync('test/fixtures/coupon-early-redemption.json', 'utf8'));
    const base = simulate(s);
    const higher = simulate({ ...s, adjustments: { rateShiftBp: 186 } });
    expect(base.bonds[0].interest).toBe('100.00');
    expect(higher.bonds[0].earlyRedeemed).toBe('10000.00');
    expect(higher.bonds[0].interest).toBe('286.00');
    expect(base.totals.valueAdded).toBe('10068.55');
    expect(higher.totals.valueAdded).toBe('10068.53');
  });

  it('financing cost is fixed at a parcel\'s first receipt as scheduled: a full redemption after it leaves later parcels less (seed 1286603590)', () => {
    // S-6 as project-debt.ts states it: a parcel takes its share of the interest paid so far and
    // still scheduled to maturity when its first receipt arrives. P2's receipt of 2021-08 takes
    // the bond's interest to 2022-01 on its whole principal, then P2's own settlement redeems it
    // all (B-7): the interest actually paid is less than the parcels took. At +86 bp P2 takes
    // more than the project's whole financing cost, and P0 and P4, sold in 2021-09, take nothing:
    // P4's 2 750.00 of financing cost goes, and its value added rises by 2 253.07.
    const s = JSON.parse(readFileSync('test/fixtures/coupon-over-attribution.json', 'utf8'));
    const base = simulate(s);
    const higher = simulate({ ...s, adjustments: { rateShiftBp: 86 } });
    const financing = (r: typeof base) => Object.fromEntries(r.parcels.map((p) => [p.id, p.financingCost]));
    expect(financing(base)).toEqual({ P0: '10319.74', P1: '0.00', P2: '4930660.33', P3: '104.75', P4: '2750.00' });
    expect(financing(higher)).toEqual({ P0: '0.00', P1: '0.00', P2: '8921602.78', P3: '189.54', P4: '0.00' });
    // The parcels carry the project's whole financing cost at the base rate, 18 032.84 more at +86 bp.
    expect(base.totals.financingCost).toBe('4943834.82');
    expect(higher.totals.financingCost).toBe('8903759.48');
    expect([base.totals.valueAdded, higher.totals.valueAdded]).toEqual(['310049517995.31', '310049520178.91']);
  });
});
