/**
 * Value added held back for a bond project's debt (B-1, S-6, project-debt.ts) is the tiers' (S-1:
 * 琼府〔2021〕7号 "扣除核定后的土地储备成本，增值部分的收益按照省与市县6:4的比例进行分配"): it secures
 * the debt and nothing else. So no parcel's cost is paid from it (F-1, 财综〔2018〕8号: sale income
 * pays acquisition and development as recovered cost, not as value added), and what the account
 * still holds of it once the project's bonds are repaid goes to the tiers.
 *
 * Both cases: one bond of 10 000 元 at 3.6% (2020-01, two years, coupons each January, no fees);
 * parcel A's acquisition of 9 990 is paid from the proceeds in the project account (10 left);
 * A, verified cost 5 000, sells for 50 000 in one receipt in 2020-07; provisions none, one tier,
 * parcel basis.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../engine/index';
import { bondProject, fen, projectBalance, withPostings } from './support/bond-project';

const parcelA = {
  id: 'A',
  area: '1亩',
  acquisition: { mode: 'buyback', unitPrice: '0.999万元/亩', payments: [{ date: '2020-01', share: '100%' }] },
  sale: { date: '2020-07', price: '5万元', payments: [{ date: '2020-07', share: '100%' }] },
  verifiedCost: '0.5万元',
};

const scenario = (early: boolean, extra: Record<string, unknown>[] = []) => bondProject('held-back', 36, [parcelA, ...extra], { termYears: 2, earlyRedemptionFromSales: early });

describe('value added held back for a project\'s debt', () => {
  it('what the account still holds of it once the bond is repaid goes to the tiers', () => {
    // With early redemption from sales (B-7), A's first receipt takes the interest accrued so far,
    // 10 000 × 3.6% / 12 × 6 = 180 (project-debt.ts), not the 720 scheduled: its cost to recover
    // is 5 180 and its value added 44 820. 2020-07: the 5 180 goes into the project account (the
    // debt, 10 000 + 720 less the 10 held, needs 10 710) and redeems 5 180; 4 820 is outstanding.
    // Still owed as scheduled: 4 820, the 2021-01 coupon 180 + 4 820 × 0.3% × 6 = 266.76 and the
    // 2022-01 one 4 820 × 0.3% × 12 = 173.52, 5 260.28 in all, less the 10 held: 5 250.28 of A's
    // value added is held back and redeems the 4 820 at once (440.28 left in the account);
    // 44 820 − 5 250.28 = 39 569.72 goes to the city. So the bond pays only the 180 accrued, on
    // 2021-01; 440.28 − 180 = 260.28 of value added held back is left with no debt to secure, and
    // goes to the city in 2021-01: 39 830.00 = 50 000 + 10 000 of proceeds − 9 990 − 10 000 − 180.
    // (Before, it stayed held back in the account for good.) Held back for good: 4 990, the
    // acquisition's 9 990 less the verified cost of 5 000, which the debt took.
    const r = withPostings(scenario(true));
    const b = r.bonds[0];
    expect([b.earlyRedeemed, b.interest]).toEqual(['10000.00', '180.00']);
    const a = r.parcels.find((p) => p.id === 'A')!;
    expect([a.financingCost, a.costRecovered]).toEqual(['180.00', '5180.00']);
    expect(r.postings!.filter((x) => x.rule === 'bond.setAside').map((x) => [x.period, x.amount])).toEqual([['2020-07', '5250.28']]);
    const released = r.postings!.filter((x) => x.rule === 'split.share' && x.from === 'project:PRJ').map((x) => [x.period, x.amount]);
    expect(released).toEqual([['2021-01', '260.28']]);
    expect([a.valueAdded, a.valueAddedHeldBack]).toEqual(['39830.00', '4990.00']);
    expect(r.totals.valueAdded).toBe('39830.00');
    expect(projectBalance(r)).toBe(0);
  });

  it('is not spent on another parcel\'s cost, nor is the cost recovered for the debt: the account pays that only from its proceeds', () => {
    // No early redemption: A's first receipt takes the interest scheduled to maturity, 360 + 360 =
    // 720, so its cost to recover is 5 720 and its value added 50 000 − 5 720 = 44 280. 2020-07: the
    // 5 720 recovered goes into the account for the debt (5 730 there); the debt, 10 720, less that
    // leaves 4 990 of A's value added held back (10 720 in the account), 39 290 to the city.
    // 2020-09: parcel B's acquisition of 8 000 takes only the 10 of proceeds: the 5 720 is A's land
    // income, ring-fenced for the bond it repays (B-1), and the 4 990 is the tiers'; the reserve
    // fund, empty, pays 7 990 with a fiscal top-up. 2021-01: coupon 360 from the recovered cost
    // (5 360 of it left); 2022-01: 10 360 due, the account's 10 350 (the 5 360, then the 4 990 of
    // value added) and 10 from the budget. (Before, B took the 5 720 as well, and the budget then
    // paid 5 730 of the bond: A's land income had paid B's cost, the debt left to the budget.)
    const parcelB = { id: 'B', area: '1亩', acquisition: { mode: 'buyback', unitPrice: '0.8万元/亩', payments: [{ date: '2020-09', share: '100%' }] } };
    const r = withPostings(scenario(false, [parcelB]));
    const paidB = r.postings!.filter((x) => x.rule === 'acquisition.buyback' && x.parcel === 'B').map((x) => [x.from, x.amount]);
    expect(paidB).toEqual([['project:PRJ', '10.00'], ['reserveFund', '7990.00']]);
    expect(r.totals.fiscalTopUp).toBe('7990.00');
    const support = r.postings!.filter((x) => x.rule === 'bond.fiscalSupport').map((x) => [x.period, x.amount]);
    expect(support).toEqual([['2022-01', '10.00']]);
    const a = r.parcels.find((p) => p.id === 'A')!;
    expect([a.valueAdded, a.valueAddedHeldBack]).toEqual(['39290.00', '4990.00']);
    expect(projectBalance(r)).toBe(0);
  });

  it('value added set aside that redeems at once is spent last: the proceeds it leaves in the account stay for the debt', () => {
    // Early redemption on; A's acquisition is 1 000, so 9 000 of the proceeds stay in the account.
    // A's sale in 2020-07: its cost to recover is 500 + the 180 accrued (10 000 × 0.3% × 6), and the
    // 680 redeems at once; 9 320 outstanding owes 9 320 + 347.76 (2021-01: 180 + 9 320 × 0.3% × 6)
    // + 335.52 (2022-01: 9 320 × 3.6%) = 10 003.28 as scheduled, the account holds 9 000, so
    // 1 003.28 of value added is set aside and redeems at once (8 316.72 outstanding). Debt service
    // spends the account's other money before value added (project-account.ts), so 1 003.28 of
    // the 9 000 stays fenced for the debt: B's 8 500 in 2020-09 takes 7 996.72 and the budget tops
    // up 503.28. 2021-01: 180 + 8 316.72 × 0.3% × 6 = 329.70 from the account (673.58 left);
    // 2022-01: 8 316.72 × 3.6% = 299.40 and 8 316.72, 8 616.12: 673.58 from the account, 7 942.54
    // from the budget. The budget pays 503.28 + 7 942.54 = 8 445.82 = the debt after 2020-07
    // (329.70 + 299.40 + 8 316.72) less the 500 of proceeds no cost took — what it paid when the
    // set-aside counted as spent at once, then all as debt support; the tiers' result is the same.
    const small = { ...parcelA, acquisition: { ...parcelA.acquisition, unitPrice: '0.1万元/亩' }, verifiedCost: '0.05万元' };
    const parcelB = { id: 'B', area: '1亩', acquisition: { mode: 'buyback', unitPrice: '0.85万元/亩', payments: [{ date: '2020-09', share: '100%' }] } };
    const r = withPostings({ ...scenario(true, [parcelB]), parcels: [small, parcelB] });
    const redeemed = r.postings!.filter((x) => x.rule === 'bond.earlyRedemption').map((x) => x.amount);
    expect(redeemed).toEqual(['680.00', '1003.28']);
    const paidB = r.postings!.filter((x) => x.rule === 'acquisition.buyback' && x.parcel === 'B').map((x) => [x.from, x.amount]);
    expect(paidB).toEqual([['project:PRJ', '7996.72'], ['reserveFund', '503.28']]);
    expect([r.totals.fiscalTopUp, r.totals.fiscalDebtSupport]).toEqual(['503.28', '7942.54']);
    expect(fen(r.totals.fiscalTopUp) + fen(r.totals.fiscalDebtSupport)).toBe(fen('329.70') + fen('299.40') + fen('8316.72') - fen('500.00'));
    expect(projectBalance(r)).toBe(0);
  });

  it('a higher coupon never raises value added in the case that found it (seed 644715154, +275 bp)', () => {
    // Found by funding-properties' coupon property: at the base rate the value added held back
    // paid parcels' costs from the project account, the maturity then needed a rollover of
    // 310 712 747.05, and 435 552 436.81 of value added stayed held back; at +275 bp less of it
    // paid costs (270 771 133.53 stayed held back) and value added rose by 121 367 838.91.
    const base = simulate(counterexample);
    const higher = simulate({ ...counterexample, adjustments: { rateShiftBp: 275 } });
    // Now the held-back value added waits in the account for the 2022-01 maturity, which it
    // meets with no rollover, and what is left of it then goes to the tiers.
    expect(base.bonds.map((b) => [b.id, b.rolledOver])).toEqual([['B1', '0.00']]);
    expect([base.totals.valueAddedHeldBack, higher.totals.valueAddedHeldBack]).toEqual(['0.00', '0.00']);
    expect([base.totals.valueAdded, higher.totals.valueAdded]).toEqual(['464432430423.10', '464386042495.42']);
    expect(fen(higher.totals.valueAdded)).toBeLessThanOrEqual(fen(base.totals.valueAdded));
  });
});

const counterexample = JSON.parse(readFileSync('test/fixtures/coupon-held-back.json', 'utf8')) as Record<string, unknown>;
