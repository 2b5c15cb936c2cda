/**
 * Early redemption from sale income (B-7, earlyRedemptionFromSales) repays principal before its
 * maturity; the interest that principal earned until it was repaid is still the holders' and is
 * paid on the next coupon date, whether part of the bond was repaid or all of it. Interest is part
 * of the 核定成本 (S-6), so a higher coupon does not raise value added; of a bond that sales may
 * redeem early a parcel's first receipt counts only the interest paid and accrued, so the parcels
 * never carry more financing cost than the project paid (P-5: no inflated cost).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { money, simulate } from '../engine/index';

const fen = (y: string) => money.parseMoney(y)!;

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
    // The sale recovers 9 990 + 180 financing (what has accrued, project-debt.ts): the whole
    // 10 000 is repaid in 2020-07, after six months' accrual (2020-02 … 2020-07):
    // 10 000 × 3.6% / 12 × 6 = 180.00, due on 2021-01 — which the 180 recovered pays.
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

  it('the parcels never carry more financing cost than the project paid (seed 1286603590)', () => {
    // Found by funding-properties: P2's first receipt (2021-08) took the bond's interest scheduled
    // to 2022-01 on its whole principal, then P2's settlement redeemed it all (B-7); at +86 bp the
    // parcels carried 8 921 792.32 against 8 903 759.48 paid, and P4's value added rose. Now, a
    // bond that sales may redeem early counts only what is paid and accrued (project-debt.ts,
    // P-5). Base rate 1.02% on 290 800 000: 247 180 a month. By P2's receipt the project had paid
    // the 2021-01 coupon 2 966 160, the issue fee 232 640 and the redemption fee on the coupon
    // 148.31, and 7 months had accrued, 1 730 260; P2's settlement adds the fee on the principal
    // redeemed, 14 540. That is every fen the parcels can carry: all but the fee on the 2022-01
    // coupon of 1 730 260, 86.51 — which falls due after the last parcel's first receipt.
    const s = JSON.parse(readFileSync('test/fixtures/coupon-over-attribution.json', 'utf8'));
    const base = simulate(s);
    const higher = simulate({ ...s, adjustments: { rateShiftBp: 86 } });
    const carried = (r: typeof base) => r.parcels.reduce((a, p) => a + fen(p.financingCost), 0);
    expect(base.totals.financingCost).toBe('4943834.82');
    expect(carried(base)).toBe(fen('4943834.82') - fen('86.51'));
    // At 1.88%: 455 586.67 a month (to the fen); the 2022-01 coupon of 7 months, 3 189 106.67,
    // of which 3 189 106.66 (whole fen) had accrued at the receipt, and its fee of 159.46.
    expect(higher.totals.financingCost).toBe('8903759.48');
    expect(carried(higher)).toBe(fen('8903759.48') - fen('159.46') - fen('0.01'));
    const financing = (r: typeof base) => Object.fromEntries(r.parcels.map((p) => [p.id, p.financingCost]));
    expect(financing(base)).toEqual({ P0: '798125.52', P1: '0.05', P2: '3932862.96', P3: '75.17', P4: '212684.61' });
    expect(financing(higher)).toEqual({ P0: '1430072.32', P1: '0.09', P2: '7092306.49', P3: '135.23', P4: '381085.88' });
    // And the higher coupon no longer raises value added (it was 310 049 517 995.31 → 310 049 520 178.91).
    expect([base.totals.valueAdded, higher.totals.valueAdded]).toEqual(['310049346020.08', '310049207999.68']);
  });
});

describe('a bond with an option to repay early (含权)', () => {
  it('a parcel sold before the option date carries the interest to that date, not to maturity', () => {
    // The same bond with an option to repay after one year, always taken, and no redemption
    // from sales; A's verified cost is its 9 990. A's receipt of 2020-07 takes the interest to the
    // option date, 10 000 × 3.6% = 360, not the 720 to the 2022-01 maturity (project-debt.ts):
    // 9 990 + 360 = 10 350 recovered into the project account (10 360 there), value added
    // 50 000 − 10 350 = 39 650. The debt as scheduled to maturity, 10 720, less the 10 360 held
    // keeps 360 of it back; 2021-01 the option is taken, 10 360 paid, and the 360 left with no
    // debt is released: 39 650 in all = 50 000 + 10 000 − 9 990 − 10 360. (Before, A carried 720,
    // the city had 39 290, and 360 of cost over-recovered stayed in the account.)
    const s = {
      ...redeemedInFull,
      parcels: [{ ...redeemedInFull.parcels[0], verifiedCost: '0.999万元' }],
      bonds: [{ ...redeemedInFull.bonds[0], earlyRedemptionFromSales: false, earlyRepaymentOption: { afterYears: 1, exercise: 'always' } }],
    };
    const r = simulate(s);
    const a = r.parcels[0];
    expect([a.financingCost, a.costRecovered]).toEqual(['360.00', '10350.00']);
    expect(r.bonds[0].schedule.map((x) => [x.period, x.interest, x.principalRepaid])).toEqual([['2021-01', '360.00', '10000.00']]);
    expect(r.totals.financingCost).toBe('360.00');
    expect([a.valueAdded, a.valueAddedHeldBack]).toEqual(['39650.00', '0.00']);
  });
});
