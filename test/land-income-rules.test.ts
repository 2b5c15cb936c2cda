/**
 * The rules a finance bureau signs for, on hand-computed cases (DOMAIN S-5, S-6, P-3…P-11, B-6,
 * B-14, S-7). Every expected figure is worked out in the comment above it from the scenario's
 * inputs, not read back from the engine.
 */
import { describe, expect, it } from 'vitest';
import { mergeDeep, money, prepare, simulate, type Result } from '../engine/index';
import { composed, runFile } from './support/scenarios';

const { parseMoney, fenToWan } = money;
const fen = (y: string) => parseMoney(y)!;
const wan = (y: string) => fenToWan(fen(y));
const withChanges = (file: string, patch: Record<string, unknown>): Result => simulate(mergeDeep(composed(file), patch));

describe('a parcel given only its verified cost (S-5): Jiangmen 2022', () => {
  const r = runFile('scenarios/jiangmen-2022.json');
  it('education, water and housing are 10% of income less the 核定成本, not of gross income', () => {
    // 2022: income 121 400 万元, verified costs 16 000 + 12 500 + 13 000 + 6 000 = 47 500; Guangdong's
    // agricultural fund standard is 0 → year base 73 900 → 7 390 each (on gross income: 12 140).
    expect(wan(r.totals.provisionsByKind.education)).toBe('7390.00');
    expect(wan(r.totals.provisionsByKind.water)).toBe('7390.00');
    expect(wan(r.totals.provisionsByKind.housing)).toBe('7390.00');
    // Land income fund 3.17% × 121 400 = 3 848.38; value added 121 400 − 3 848.38 − 3 × 7 390 − 47 500.
    expect(wan(r.totals.valueAdded)).toBe('47881.62');
  });
});

describe('two sales in one year, one below cost, on the year base (P-3): Haikou 2023', () => {
  const r = runFile('scenarios/hainan-year-base.json');
  const c1 = r.parcels.find((p) => p.id === 'HK-C1')!;
  const i1 = r.parcels.find((p) => p.id === 'HK-I1')!;
  it('the industrial loss lowers the commercial parcel\'s education fund', () => {
    // HK-C1: 50 000 − 20 000 = +30 000; HK-I1: 5 000 − 8 000 = −3 000 → 2023 base 27 000 → 2 700
    // each, all attributed to HK-C1 (the only positive base); HK-I1 pays none.
    expect(wan(c1.provisionsByKind.education)).toBe('2700.00');
    expect(wan(c1.provisionsByKind.water)).toBe('2700.00');
    expect(wan(i1.provisionsByKind.education)).toBe('0.00');
    // HK-C1: 50 000 − 1 585 (3.17%) − 8 100 − 20 000 = 20 315 → 6:4 = 12 189 : 8 126.
    expect(wan(c1.valueAdded)).toBe('20315.00');
    expect(wan(c1.shares.province)).toBe('12189.00');
    expect(wan(c1.shares.city)).toBe('8126.00');
    // HK-I1: 5 000 − 158.50 leaves 4 841.50 of its 8 000 cost: 3 158.50 unrecovered, nothing to split.
    expect(wan(i1.costRecovered)).toBe('4841.50');
    expect(wan(i1.unrecoveredCost)).toBe('3158.50');
  });
  it('parcel by parcel, the commercial sale would pay 3 000 (the basis is a setting)', () => {
    const p = withChanges('scenarios/hainan-year-base.json', { parameters: { 'provisions.basePeriod': 'parcel' } });
    expect(wan(p.parcels.find((x) => x.id === 'HK-C1')!.provisionsByKind.education)).toBe('3000.00');
  });
  it('per-parcel provisions add up to the year\'s, kind by kind', () => {
    for (const k of Object.keys(r.totals.provisionsByKind)) {
      const sum = r.parcels.reduce((a, p) => a + fen(p.provisionsByKind[k]), 0);
      expect(sum, k).toBe(fen(r.totals.provisionsByKind[k]));
    }
  });
});

describe('bond interest inside the verified cost before a 6:4 split (S-6): HK-B1', () => {
  const r = runFile('scenarios/hainan-year-base.json');
  const b1 = r.parcels.find((p) => p.id === 'HK-B1')!;
  it('the interest is recovered with the cost and both tiers\' shares fall', () => {
    // 30 000 万元 at 3%, five annual coupons of 900 = 4 500 万元 of financing cost.
    expect(wan(b1.financingCost)).toBe('4500.00');
    expect(wan(b1.costToRecover)).toBe('34500.00');
    // 2024 base 60 000 − 34 500 = 25 500 → 2 550 × 3; land income fund 1 902;
    // value added 60 000 − 1 902 − 7 650 − 34 500 = 15 948 → 9 568.80 : 6 379.20.
    expect(wan(b1.valueAdded)).toBe('15948.00');
    expect(wan(b1.shares.province)).toBe('9568.80');
    expect(wan(b1.shares.city)).toBe('6379.20');
    // Interest-free, the parcel would split 60 000 − 1 902 − 9 000 − 30 000 = 19 098 → 11 458.80 : 7 639.20.
    const free = withChanges('scenarios/hainan-year-base.json', { bonds: [{ ...(composed('scenarios/hainan-year-base.json') as { bonds: object[] }).bonds[0], couponRate: '0%' }] });
    const x = free.parcels.find((p) => p.id === 'HK-B1')!;
    expect(wan(x.shares.province)).toBe('11458.80');
    expect(wan(x.shares.city)).toBe('7639.20');
  });
  it('the coupon due before the sale is a budget advance, returned from the sale; the maturity is met from the project account', () => {
    // 2023-02's coupon (900) falls before any sale money: the budget advances it and gets it back.
    expect(wan(r.totals.fiscalDebtSupport)).toBe('900.00');
    expect(wan(r.totals.fiscalDebtSupportReturned)).toBe('900.00');
    expect(r.checks.find((c) => c.id === 'bond.fiscalSupport')!.ok).toBe(true);
    const maturity = r.bonds[0].schedule.find((row) => row.period === '2027-02')!;
    expect(wan(maturity.principalRepaid)).toBe('30000.00');
    expect(maturity.fiscalDebtSupport).toBe('0.00');
  });
  it('raising the coupon lowers value added', () => {
    const hi = withChanges('scenarios/hainan-year-base.json', { adjustments: { rateShiftBp: 100 } });
    expect(fen(hi.totals.valueAdded)).toBeLessThan(fen(r.totals.valueAdded));
  });
});

describe('the 2020 rural earmark for a year (P-11)', () => {
  const r = runFile('scenarios/hainan-year-base.json');
  it('Hainan 2023: 40% of net income, at least 8% of income', () => {
    // income 55 000, cost recognised 28 000 → net 27 000; 40% → 10 800 (8% of 55 000 is only 4 400).
    // rural uses: the water fund 2 700 + 8 000 of farmland spending = 10 700 → short by 100.
    const y = r.ruralEarmark.find((e) => e.year === 2023)!;
    expect(wan(y.netIncome)).toBe('27000.00');
    expect(wan(y.required)).toBe('10800.00');
    expect(wan(y.ruralUses)).toBe('10700.00');
    expect(y.met).toBe(false);
    expect(wan(y.shortBy)).toBe('100.00');
    expect(y.shareOfNetIncomePercent).toBe('39.63');
    const failing = r.checks.filter((c) => c.id === 'earmark.rural' && !c.ok).map((c) => c.message);
    expect(failing.some((m) => m.startsWith('2023') && m.includes('short by 1000000.00'))).toBe(true);
  });
  it('a what-if target is a parameter: at 30% the year is met', () => {
    const low = withChanges('scenarios/hainan-year-base.json', { parameters: { 'earmark.rural.shareOfNetIncome': '30%' } });
    expect(low.ruralEarmark.find((e) => e.year === 2023)!.met).toBe(true);
  });
});

describe('what each government receives (S-1, P-6…P-10)', () => {
  const r = runFile('scenarios/hainan-year-base.json');
  it('provisions go to their governments and everything received sums to provisions + value added', () => {
    const g = r.totals.receiptsByGovernment;
    // The centre pools 20% of the water fund (财综〔2012〕43号): 20% × (2 700 + 2 550) = 1 050.
    expect(wan(g['中央财政'].provisionsByKind.water)).toBe('1050.00');
    const total = Object.values(g).reduce((a, x) => a + fen(x.total), 0);
    expect(total).toBe(fen(r.totals.provisions) + fen(r.totals.valueAdded));
  });
});

describe('coverage as published plans compute it (B-14, B-16)', () => {
  const r = runFile('scenarios/hainan-year-base.json');
  it('gross income within the bond\'s life over principal plus interest', () => {
    // 60 000 ÷ (30 000 + 4 500) = 1.7391.
    expect(r.bonds[0].coverageRatio).toBe('1.7391');
    // Year alone and with carry-forward: 2025 has no sale but carries 2024's surplus.
    const y2025 = r.bonds[0].coverageByYear.find((y) => y.year === 2025)!;
    expect(y2025.ratio).toBe('0.0000');
    expect(Number(y2025.ratioWithCarry)).toBeGreaterThan(1);
  });
  it('a sale moved past the maturity no longer counts', () => {
    const moved = simulate(mergeDeep(composed('scenarios/hainan-year-base.json'), {}));
    const s = composed('scenarios/hainan-year-base.json') as { parcels: { id: string; sale?: { date: string; payments: { date: string }[] } }[] };
    const b1 = s.parcels.find((p) => p.id === 'HK-B1')!;
    b1.sale!.date = '2027-04';
    b1.sale!.payments = [{ date: '2027-04', share: '100%' } as never];
    const after = simulate(s);
    expect(moved.bonds[0].coverageRatio).toBe('1.7391');
    expect(after.bonds[0].coverageRatio).toBe('0.0000');
    expect(wan(after.bonds[0].incomeAfterLife)).toBe('60000.00');
    expect(after.checks.find((c) => c.id === 'bond.coverageFloor')!.message).toContain('not counted');
  });
});

describe('bond terms as issued (B-6)', () => {
  const base = composed('scenarios/hainan-year-base.json') as { bonds: Record<string, unknown>[] };
  it('a 7-year bond issued in 2022 breaches 62号\'s five years; issued after the 2025 notice it does not', () => {
    const early = simulate({ ...base, timeline: { start: '2022-01', months: 108 }, bonds: [{ ...base.bonds[0], termYears: 7, issueDate: '2022-02' }] });
    expect(early.checks.find((c) => c.id === 'rule.bondTerm')?.ok).toBe(false);
    const later = simulate({ ...base, timeline: { start: '2022-01', months: 132 }, bonds: [{ ...base.bonds[0], termYears: 7, issueDate: '2025-04' }] });
    expect(later.checks.some((c) => c.id === 'rule.bondTerm')).toBe(false);
  });
  it('a 5+2 bond is repaid at its option date when the money is there, and its coverage window ends there', () => {
    const r = simulate({ ...base, timeline: { start: '2022-01', months: 108 }, bonds: [{ ...base.bonds[0], termYears: 7, issueDate: '2022-02', earlyRepaymentOption: { afterYears: 5 } }] });
    const b = r.bonds[0];
    expect(b.termText).toBe('5+2');
    expect(b.repaidAtOption).toBe(true);
    expect(b.repaid).toBe('2027-02');
    expect(b.coverageWindowEnd).toBe('2027-02');
    // Never exercised: repaid at 2029-02 with two more coupons.
    const never = simulate({ ...base, timeline: { start: '2022-01', months: 108 }, bonds: [{ ...base.bonds[0], termYears: 7, issueDate: '2022-02', earlyRepaymentOption: { afterYears: 5, exercise: 'never' } }] });
    expect(never.bonds[0].repaid).toBe('2029-02');
    expect(fen(never.bonds[0].interest)).toBe(fen(b.interest) + fen('18000000.00'));
  });
});

describe('预算执行率 as the bureau computes it', () => {
  it('spending from appropriated funds over the appropriation; bond spending beside it', () => {
    const r = withChanges('scenarios/hainan-year-base.json', { funding: { appropriations: [{ date: '2022-01', amount: '1000万元' }] } });
    // All 30 000 万元 of acquisition is paid from the bond's project account: nothing from the budget.
    expect(wan(r.totals.spendingFromBonds)).toBe('30000.00');
    expect(r.totals.budgetExecutionRatePercent).toBe('0.00');
    const j = runFile('scenarios/jiangmen-2022.json');
    expect(j.totals.budgetExecutionRatePercent).toBe('99.58');
  });
});

describe('the provision catalogue is the one definition', () => {
  it('the scenario schema\'s enum lists exactly the catalogue\'s kinds, and every kind has its rules and parameters', async () => {
    const { PROVISIONS } = await import('../engine/provision-catalogue');
    const { SCENARIO_SCHEMA } = await import('../engine/index');
    const { RULES } = await import('../engine/rules');
    const { PARAMETER_DEFINITIONS } = await import('../engine/parameters');
    const schema = SCENARIO_SCHEMA as { properties: { provisions: { items: { enum: string[] } } } };
    expect([...schema.properties.provisions.items.enum].sort()).toEqual(PROVISIONS.map((d) => d.id).sort());
    for (const d of PROVISIONS) {
      expect(RULES.has(`provision.${d.id}`)).toBe(true);
      expect(RULES.has(`provision.${d.id}.trueUp`)).toBe(true);
      expect(PARAMETER_DEFINITIONS[d.rate], d.rate).toBeDefined();
      expect(PARAMETER_DEFINITIONS[d.recipients], d.recipients).toBeDefined();
    }
  });
});

describe('recipients that name no government are refused (P-6…P-10)', () => {
  it.each([[{ mars: '1' }], [{ province: '0' }]])('provisions.water.recipients = %j is a problem at its parameter', (who) => {
    const p = prepare(mergeDeep(composed('scenarios/hainan-year-base.json'), { parameters: { 'provisions.water.recipients': who } }));
    expect(p.ok).toBe(false);
    const hit = (p as { problems: { code: string; path: string }[] }).problems.find((x) => x.path === 'parameters["provisions.water.recipients"]');
    expect(hit?.code).toBe('parameter.value');
  });
});
