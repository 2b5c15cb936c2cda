import { describe, expect, it } from 'vitest';
import { managementFeeCap } from '../engine/management-fee';
import { resolveParameters } from '../engine/parameters';
import { saleWaterfall } from '../engine/sale-waterfall';
import { splitRatios, splitValueAdded } from '../engine/revenue-split';
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
});

describe('sale waterfall and split', () => {
  const rates = { enabled: [] as never[], landIncomeFund: parseRate('15%')!, agriDev: parseRate('15%')!, education: parseRate('10%')!, water: parseRate('10%')!, housing: parseRate('10%')! };
  const zero = { acquisition: 0, socialSecurity: 0, serviceFee: 0, development: 0, managementFee: 0, saleBusinessFee: 0, agriDevBase: 0 };

  it('DOMAIN X-6: R 10 000, cost 6 000, F2 100 → education 390, water 390 (same base)', () => {
    const w = saleWaterfall({ ...zero, revenue: W('10000元'), acquisition: W('6000元'), verifiedCost: W('6000元'), agriDevBase: W('100元') },
      { ...rates, enabled: ['agriDev', 'education', 'water'], agriDev: parseRate('100%')! });
    expect(w.provisions.agriDev).toBe(W('100元'));
    expect(w.educationBase).toBe(W('3900元'));
    expect(w.provisions.education).toBe(W('390元'));
    expect(w.provisions.water).toBe(W('390元'));
  });

  it('DOMAIN S-1: R 10 000 万, provisions 1 500, verified cost 5 000 → 3 500 → 2 100 : 1 400; paid recovery 3 500 : 0', () => {
    const w = saleWaterfall({ ...zero, revenue: W('10000万元'), verifiedCost: W('5000万元') }, { ...rates, enabled: ['landIncomeFund'] });
    expect(w.provisionsTotal).toBe(W('1500万元'));
    expect(w.valueAdded).toBe(W('3500万元'));
    expect(splitValueAdded(w.valueAdded, splitRatios(['province', 'city'], { province: '6', city: '4' }))).toEqual([W('2100万元'), W('1400万元')]);
    expect(splitValueAdded(w.valueAdded, splitRatios(['province', 'city'], { province: '1', city: '0' }))).toEqual([W('3500万元'), 0]);
  });

  it('when sale money after provisions does not cover the verified cost, nothing is split', () => {
    const w = saleWaterfall({ ...zero, revenue: W('1000万元'), verifiedCost: W('5000万元') }, { ...rates, enabled: ['landIncomeFund'] });
    expect(w.costRecovered).toBe(W('850万元'));
    expect(w.unrecoveredCost).toBe(W('4150万元'));
    expect(w.valueAdded).toBe(0);
  });
});
