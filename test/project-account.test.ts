/**
 * A bond project's account once its bonds are repaid (project-account.ts, project-account-close.ts):
 * it secures nothing more, so it keeps nothing. Debt service a fund paid for the bonds is repaid
 * first — the project's debt comes before its value added (S-1, S-6, B-13) — then value added still
 * held back goes to its tiers, and what is left, proceeds and recovered cost the debt did not
 * need, goes back to the reserve fund behind the bonds (B-4, F-1).
 *
 * Both cases: one bond of 10 000 元 at 3.6% issued 2020-01 (coupons each January, no fees), one
 * tier, provisions none, parcel basis; the bond's fund is the reserve fund.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, type Result } from '../engine/index';
import { bondProject, fen, projectBalance, withPostings } from './support/bond-project';
import { BondBook } from '../engine/bond';
import { ProjectAccounts } from '../engine/project-account';
import { Ledger } from '../engine/ledger';

const parcel = (id: string, price: string, verifiedCost: string, sale: { date: string; price: string } | null) => ({
  id,
  area: '1亩',
  acquisition: { mode: 'buyback', unitPrice: price, payments: [{ date: '2020-01', share: '100%' }] },
  ...(sale ? { sale: { date: sale.date, price: sale.price, payments: [{ date: sale.date, share: '100%' }] } } : {}),
  verifiedCost,
});

const scenario = (parcels: Record<string, unknown>[], bond: Record<string, unknown>) => bondProject('project-account', 48, parcels, bond);

const byRule = (r: Result, rule: string) => r.postings!.filter((x) => x.rule === rule).map((x) => [x.period, x.from, x.to, x.amount]);

describe('a project account once its bonds are repaid', () => {
  it('returns the proceeds and recovered cost the debt did not need to the reserve fund', () => {
    // Two years, redeemed early from sales (B-7). A's acquisition of 1 000 leaves 9 000 of the
    // proceeds in the account. A sells in 2020-07 for 1 720: its cost to recover is its verified
    // 1 540 + the 180 accrued (10 000 × 0.3% × 6), all of it, no value added. The debt as
    // scheduled, 10 720, less the 9 000 held needs 1 720: it goes into the account and redeems
    // 1 720 at once (8 280 outstanding). Then 2021-01: 180 + 8 280 × 0.3% × 6 = 329.04; 2022-01:
    // 8 280 × 3.6% = 298.08 and 8 280. The account paid 1 720 + 329.04 + 8 578.08 = 10 627.12 of
    // the 10 720 it held; the 92.88 left — the interest the redemption saved, 1 720 × 0.3% × 18 —
    // is recovered cost and proceeds, not value added, and goes back to the reserve fund in 2022-01.
    // (Before, it stayed in the project account for good.)
    const r = withPostings(scenario([parcel('A', '0.1万元/亩', '0.154万元', { date: '2020-07', price: '0.172万元' })], { termYears: 2, earlyRedemptionFromSales: true }));
    const a = r.parcels[0];
    expect([a.financingCost, a.costRecovered, a.valueAdded, a.valueAddedHeldBack]).toEqual(['180.00', '1720.00', '0.00', '0.00']);
    expect(r.bonds[0].schedule.map((x) => [x.period, x.interest, x.principalRepaid])).toEqual([['2020-07', '0.00', '1720.00'], ['2021-01', '329.04', '0.00'], ['2022-01', '298.08', '8280.00']]);
    expect(byRule(r, 'bond.accountReturned')).toEqual([['2022-01', 'project:PRJ', 'reserveFund', '92.88']]);
    expect(fen('92.88')).toBe(fen('10720') - fen('1720') - fen('329.04') - fen('298.08') - fen('8280'));
    expect(byRule(r, 'split.share').filter((x) => x[1] === 'project:PRJ')).toEqual([]);
    expect(projectBalance(r)).toBe(0);
  });

  it('repays debt service the fund paid before value added goes to the tiers', () => {
    // Three years, an option to repay after two, always taken. X (acquisition 9 999.99, verified
    // cost 9 999) and Y (0.01, verified cost 1) take all the proceeds. 2021-01: coupon 360, the
    // account is empty, so the reserve fund pays it with the budget's advance (owed back: 360).
    // 2021-07: X sells for nothing; Y sells for 50 000. The financing cost to the option date,
    // 360 paid + 360 to come, is shared by verified cost: X 719.93, Y 0.07. Y's 1.07 recovered
    // goes to the fund for the coupon it paid (and back to the budget): 358.93 still owed, which
    // Y's value added, 49 998.93, repays next (and the fund returns to the budget); then the debt
    // as scheduled, 10 000 + 360 + 360 = 10 720, is held back and 49 998.93 − 358.93 − 10 720 =
    // 38 920 goes to the city. 2022-01: the option is taken, 10 360 paid from the account, and the
    // 360 of value added left goes to the city (released against Y's two holds, oldest first:
    // 358.93 + 1.07): Y's value added 39 280 = 50 000 − 10 000 − 720, the project's income less
    // its cost and its debt service. (Before, the budget's 358.93 was never returned and the city
    // had 39 638.93.)
    const r = withPostings(scenario([
      parcel('X', '0.999999万元/亩', '0.9999万元', { date: '2021-07', price: '0万元' }),
      parcel('Y', '0.000001万元/亩', '0.0001万元', { date: '2021-07', price: '5万元' }),
    ], { termYears: 3, earlyRepaymentOption: { afterYears: 2, exercise: 'always' } }));
    const [x, y] = r.parcels;
    expect([x.financingCost, y.financingCost]).toEqual(['719.93', '0.07']);
    expect(byRule(r, 'bond.fiscalSupport')).toEqual([['2021-01', 'fiscal', 'reserveFund', '360.00']]);
    expect(byRule(r, 'bond.fundRepaid')).toEqual([['2021-07', 'treasury', 'reserveFund', '358.93']]);
    expect(byRule(r, 'bond.fiscalSupportReturn').map((p) => [p[0], p[3]])).toEqual([['2021-07', '1.07'], ['2021-07', '358.93']]);
    expect(byRule(r, 'bond.setAside').map((p) => [p[0], p[3]])).toEqual([['2021-07', '10720.00']]);
    expect(byRule(r, 'split.share').map((p) => [p[0], p[1], p[3]])).toEqual([['2021-07', 'treasury', '38920.00'], ['2022-01', 'project:PRJ', '358.93'], ['2022-01', 'project:PRJ', '1.07']]);
    expect([y.valueAdded, y.valueAddedHeldBack]).toEqual(['39280.00', '10718.93']);
    expect(fen(y.valueAdded)).toBe(fen('50000') - fen('10000') - fen('720'));
    expect(r.totals.fiscalDebtSupportOutstanding).toBe('0.00');
    expect(projectBalance(r)).toBe(0);
  });
});

describe('a project account in closed operation', () => {
  it('repays its bond\'s zone fund what it paid when the bonds are repaid, before the tiers', () => {
    // The previous case with the zones closed (Z-1): the bond belongs to zone Z2, X and Y to Z1.
    // 2021-01: Z2's fund pays the coupon of 360 with the budget's advance. 2021-07: Y's 1.07
    // recovered may not cross into Z2's fund, nor may its value added: the 1.07 goes into the
    // project account for the debt, and of the 49 998.93 of value added 10 720 − 1.07 = 10 718.93
    // is held back, 39 280 to the city. 2022-01: the option is taken, 10 360 paid from the account
    // (the 1.07 first, then 10 358.93 of value added); 360 of value added is left, and the bond is
    // repaid. The account is the project's, outside the zones: it repays Z2's fund the 360 it paid
    // (returned to the budget), and nothing is left for the city. (Before, the 360 went to the
    // city, 39 640, and the budget's 360 was never returned.)
    const base = scenario([
      { ...parcel('X', '0.999999万元/亩', '0.9999万元', { date: '2021-07', price: '0万元' }), zone: 'Z1' },
      { ...parcel('Y', '0.000001万元/亩', '0.0001万元', { date: '2021-07', price: '5万元' }), zone: 'Z1' },
    ], { termYears: 3, earlyRepaymentOption: { afterYears: 2, exercise: 'always' }, zone: 'Z2' });
    const r = withPostings({ ...base, zoneMode: 'closed', zones: [{ id: 'Z1' }, { id: 'Z2' }] });
    const y = r.parcels[1];
    expect(byRule(r, 'bond.fiscalSupport')).toEqual([['2021-01', 'fiscal', 'zoneFund:Z2', '360.00']]);
    expect(byRule(r, 'bond.setAside').map((p) => [p[0], p[3]])).toEqual([['2021-07', '10718.93']]);
    expect(byRule(r, 'bond.fundRepaid')).toEqual([['2022-01', 'project:PRJ', 'zoneFund:Z2', '360.00']]);
    expect(byRule(r, 'bond.fiscalSupportReturn').map((p) => [p[0], p[1], p[3]])).toEqual([['2022-01', 'zoneFund:Z2', '360.00']]);
    expect(byRule(r, 'split.share').map((p) => [p[0], p[1], p[3]])).toEqual([['2021-07', 'treasury', '39280.00']]);
    expect([y.valueAdded, y.valueAddedHeldBack]).toEqual(['39280.00', '10718.93']);
    expect(r.totals.fiscalDebtSupportOutstanding).toBe('0.00');
    expect(projectBalance(r)).toBe(0);
  });
});

describe('a project account with bonds of two zones\' funds', () => {
  it('returns what the debt did not need to each bond\'s fund, pro rata to principal', () => {
    // Closed zones; B1 (zone Z1, 10 000) and B2 (zone Z2, 5 000), both redeemed early from sales,
    // two years at 3.6%. A (Z1) costs 1 000 from the proceeds (14 000 left) and sells in 2020-07
    // for 2 080: its verified cost 1 810 + the 180 + 90 accrued, no value added. The debts as
    // scheduled, 10 720 + 5 360, less the 14 000 held need 2 080: it goes into the account and
    // redeems 2 080 of B1 (the first bond). Then B1: 180 + 7 920 × 0.3% × 6 = 322.56 and 7 920 ×
    // 3.6% = 285.12 + 7 920; B2: 180, then 180 + 5 000 — 13 887.68 of the 14 000. The 112.32 left
    // (2 080 × 0.3% × 18, the interest the redemption saved) goes back 2 : 1 by principal: 74.88 to
    // Z1's fund, 37.44 to Z2's.
    const a = { ...parcel('A', '0.1万元/亩', '0.181万元', { date: '2020-07', price: '0.208万元' }), zone: 'Z1' };
    const base = scenario([a], { termYears: 2, earlyRedemptionFromSales: true, zone: 'Z1' });
    const b2 = { ...base.bonds[0], id: 'B2', principal: '0.5万元', zone: 'Z2' };
    const r = withPostings({ ...base, bonds: [...base.bonds, b2], zoneMode: 'closed', zones: [{ id: 'Z1' }, { id: 'Z2' }] });
    expect([r.parcels[0].costRecovered, r.parcels[0].valueAdded]).toEqual(['2080.00', '0.00']);
    expect(r.bonds.map((b) => [b.id, b.earlyRedeemed, b.interest])).toEqual([['B1', '2080.00', '607.68'], ['B2', '0.00', '360.00']]);
    expect(byRule(r, 'bond.accountReturned')).toEqual([['2022-01', 'project:PRJ', 'zoneFund:Z1', '74.88'], ['2022-01', 'project:PRJ', 'zoneFund:Z2', '37.44']]);
    expect(fen('74.88') + fen('37.44')).toBe(fen('14000') - fen('13887.68'));
    expect(projectBalance(r)).toBe(0);
  });
});

describe('BondBook.paidOff', () => {
  it('is what remaining() would find: issued, nothing outstanding, nothing more to pay', () => {
    const p = prepare(scenario([parcel('A', '0.1万元/亩', '0.1万元', null)], { termYears: 2, earlyRedemptionFromSales: true }));
    if (!p.ok) throw new Error('refused');
    const ledger = new Ledger(p.model.accounts.list.length, 16);
    const book = new BondBook(p.model, ledger, new ProjectAccounts(ledger.balances));
    const s = book.states[0];
    const den = BigInt(s.bond.rate.den) * 12n;
    fc.assert(fc.property(fc.boolean(), fc.constantFrom(0, 1, 500_000), fc.bigInt({ min: -den, max: 5n * den }), fc.integer({ min: 0, max: 30 }), (issued, outstanding, accrued, period) => {
      Object.assign(s, { issued, outstanding, accrued });
      const r = book.remaining(s, period);
      expect(book.paidOff(s, period)).toBe(issued && outstanding === 0 && r.principal + r.interest + r.fees === 0);
    }), { numRuns: 2000, seed: 20261127 });
  });
});
