import { describe, expect, it } from 'vitest';
import { managementFeeCap } from '../engine/management-fee';
import { resolveParameters } from '../engine/parameters';
import { saleWaterfall, type ProvisionRate } from '../engine/sale-waterfall';
import { provisionDefinition } from '../engine/provision-catalogue';
import { splitRatios, splitValueAdded, type SplitRemainder } from '../engine/revenue-split';
import { parseMoney, parseRate, fenToWan } from '../engine/money';

const W = (s: string) => parseMoney(s)!;

describe('财建〔2016〕504号 management fee cap (M-1)', () => {
  const { set } = resolveParameters('2022-01-01', 'hainan', {});
  const table = set.table('managementFee.table');
  const cases: [string, string][] = [['500', '10.00'], ['1000', '20.00'], ['3000', '50.00'], ['5000', '80.00'], ['10000', '140.00'], ['20000', '240.00'], ['50000', '540.00'], ['100000', '940.00'], ['200000', '1340.00']];
  for (const [base, fee] of cases) {
    it(`${base} 万元 → ${fee} 万元`, () => expect(fenToWan(managementFeeCap(W(`${base}万元`), table))).toBe(fee));
  }
  it('before 2016-09-01 the superseded 394号 table applies (M-4)', () => {
    const old = resolveParameters('2010-01-01', 'hainan', {}).set.table('managementFee.table');
    expect(fenToWan(managementFeeCap(W('1000万元'), old))).toBe('15.00');
    expect(fenToWan(managementFeeCap(W('100000万元'), old))).toBe('683.00');
  });
});

describe('dated parameters', () => {
  it('housing provision is 5% before 2007-08-07 and 10% after', () => {
    expect(resolveParameters('2007-01-01', 'national', {}).set.rate('provisions.housing.rate').text).toBe('5%');
    expect(resolveParameters('2022-01-01', 'national', {}).set.rate('provisions.housing.rate').text).toBe('10%');
  });
  it('a jurisdiction has its own values (Guangdong agri fund 20%)', () => {
    expect(resolveParameters('2022-01-01', 'guangdong', {}).set.rate('provisions.agriDev.rate').text).toBe('20%');
    expect(resolveParameters('2022-01-01', 'henan', {}).set.rate('provisions.agriDev.rate').text).toBe('15%');
  });
  it('a scenario override wins and is marked; a bad override is a problem', () => {
    const { set, problems } = resolveParameters('2022-01-01', 'hainan', { 'provisions.education.rate': '12%', 'no.such': '1', 'lease.maxMonths': 'two years' });
    expect(set.rate('provisions.education.rate').text).toBe('12%');
    expect(set.resolved.get('provisions.education.rate')!.overridden).toBe(true);
    expect(problems.map((p) => p.code).sort()).toEqual(['parameter.unknown', 'parameter.value']);
  });
  it('H-3: a first instalment due after the balance is refused at the override that makes it so', () => {
    expect(resolveParameters('2022-01-01', 'hainan', { 'sale.firstInstalmentMonths': '12' }).problems).toEqual([]);
    const late = resolveParameters('2022-01-01', 'hainan', { 'sale.firstInstalmentMonths': '13' }).problems;
    expect(late.map((p) => [p.code, p.path])).toEqual([['parameter.value', 'parameters["sale.firstInstalmentMonths"]']]);
    expect(late[0].message.en).toContain('(13) no more than the months to pay the balance (12)');
    const short = resolveParameters('2022-01-01', 'hainan', { 'sale.balanceMonths': '0' }).problems;
    expect(short.map((p) => p.path)).toEqual(['parameters["sale.balanceMonths"]']);
    // A malformed first-instalment override is its own problem, not also an order one blamed on the balance.
    const bad = resolveParameters('2022-01-01', 'hainan', { 'sale.firstInstalmentMonths': 'soon', 'sale.balanceMonths': '0' }).problems;
    expect(bad.map((p) => p.path)).toEqual(['parameters["sale.firstInstalmentMonths"]']);
  });
});

describe('sale waterfall and split', () => {
  const kind = (id: string, rate: string): ProvisionRate => ({ def: provisionDefinition(id), rate: parseRate(rate)! });
  const zero = { socialSecurity: 0, agriDevArea: 0 };

  it('DOMAIN X-6: R 10 000, 核定成本 6 000, F2 100 → education 390, water 390 (same base)', () => {
    const w = saleWaterfall({ ...zero, income: W('10000元'), reserveCost: W('6000元'), agriDevArea: W('100元') },
      [kind('agriDev', '100%'), kind('education', '10%'), kind('water', '10%')]);
    expect(w.provisions.agriDev).toBe(W('100元'));
    expect(w.bases.education).toBe(W('3900元'));
    expect(w.provisions.education).toBe(W('390元'));
    expect(w.provisions.water).toBe(W('390元'));
  });

  it('S-5: a parcel given only its verified cost pays education on income − that cost, not on gross income', () => {
    // R = 42 000 万元, 核定成本 16 000 万元 (Jiangmen JM-S1): base 26 000 → 2 600 each, not 4 200.
    const w = saleWaterfall({ ...zero, income: W('42000万元'), reserveCost: W('16000万元') }, [kind('education', '10%'), kind('water', '10%'), kind('housing', '10%')]);
    expect(w.provisions.education).toBe(W('2600万元'));
    expect(w.provisions.housing).toBe(W('2600万元'));
    // value added = 42 000 − 3 × 2 600 − 16 000 = 18 200
    expect(w.valueAdded).toBe(W('18200万元'));
  });

  it('P-4: the housing base does not deduct social security for farmers; P-3 does', () => {
    // R 10 000, 核定成本 6 000 of which social security 1 000: education on 4 000 = 400, housing on 5 000 = 500.
    const w = saleWaterfall({ income: W('10000元'), reserveCost: W('6000元'), socialSecurity: W('1000元'), agriDevArea: 0 }, [kind('education', '10%'), kind('housing', '10%')]);
    expect(w.provisions.education).toBe(W('400元'));
    expect(w.provisions.housing).toBe(W('500元'));
  });

  it('DOMAIN S-1: R 10 000 万, provisions 1 500, verified cost 5 000 → 3 500 → 2 100 : 1 400; paid recovery 3 500 : 0', () => {
    const w = saleWaterfall({ ...zero, income: W('10000万元'), reserveCost: W('5000万元') }, [kind('landIncomeFund', '15%')]);
    expect(w.provisionsTotal).toBe(W('1500万元'));
    expect(w.valueAdded).toBe(W('3500万元'));
    expect(splitValueAdded(w.valueAdded, splitRatios(['province', 'city'], { province: '6', city: '4' }))).toEqual([W('2100万元'), W('1400万元')]);
    expect(splitValueAdded(w.valueAdded, splitRatios(['province', 'city'], { province: '1', city: '0' }))).toEqual([W('3500万元'), 0]);
  });

  it('when sale money after provisions does not cover the verified cost, nothing is split', () => {
    const w = saleWaterfall({ ...zero, income: W('1000万元'), reserveCost: W('5000万元') }, [kind('landIncomeFund', '15%')]);
    expect(w.costRecovered).toBe(W('850万元'));
    expect(w.unrecoveredCost).toBe(W('4150万元'));
    expect(w.valueAdded).toBe(0);
  });
});

describe('split remainder rules (S-7)', () => {
  const tiers = ['province', 'city', 'county'];
  const r = (rem: SplitRemainder) => splitRatios(tiers, { province: '1', city: '1', county: '1' }, rem);
  it('last: each tier but the last rounded half-up, the last takes the rest (倒挤)', () => {
    // 100.00 元 = 10 000 fen at 1:1:1 → 3 333.33… → 3 333, 3 333, and the county 3 334.
    expect(splitValueAdded(10_000, r('last'))).toEqual([3333, 3333, 3334]);
    // 2 fen: 0.67 → 1, 0.67 → 1, the last 0.
    expect(splitValueAdded(2, r('last'))).toEqual([1, 1, 0]);
  });
  it('first: floors, the leftover fen from the first tier on', () => {
    expect(splitValueAdded(10_000, r('first'))).toEqual([3334, 3333, 3333]);
  });
  it('largestRemainder: floors, the leftover fen to the largest fractions', () => {
    // 5 : 3 : 2 of 7 fen: 3.5, 2.1, 1.4 → floors 3, 2, 1 and the one fen left to the 0.5.
    expect(splitValueAdded(7, splitRatios(tiers, { province: '5', city: '3', county: '2' }, 'largestRemainder'))).toEqual([4, 2, 1]);
  });
  it('last never gives a negative share: 1 fen at 1:1:0.0001 falls back to largest remainder', () => {
    const parts = splitValueAdded(1, splitRatios(tiers, { province: '1', city: '1', county: '0.0001' }, 'last'));
    expect(parts.every((x) => x >= 0)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
