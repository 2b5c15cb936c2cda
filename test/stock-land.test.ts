/**
 * Golden tests for stock-land revitalisation: seed 004's inventory table and targets, the disposal
 * plan by county and quarter with its quota reward/penalty, and idle land under 令第53号.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dec, fenToWan, parseMoney } from '../engine/money';
import { formatPercent } from '../engine/evaluation';
import type { Problem } from '../engine/problem';
import {
  STOCK_CATEGORIES,
  addYears,
  assessIdleLand,
  idleRecoveries,
  assumeDisposals,
  categoryTotalHa,
  checkRevitalisationTarget,
  countyShares,
  countyTotalHa,
  grandTotalHa,
  grandTotalMu,
  milestoneProgress,
  parseDisposalPlan,
  parseIdleLandCases,
  parseRevitalisationTarget,
  parseStockInventory,
  recoveredParcels,
  simulateDisposalYear,
  type Disposals,
  type IdleLandCase,
  type StockInventory,
} from '../engine/stock-land';
import qinzhou from '../data/qinzhou-stock-2020.json';

const SEED_004 = fileURLToPath(new URL('./fixtures/seeds/004_36ccb449517642b5.txt', import.meta.url));

/** Seed 004 附件 钦州市存量土地统计表, transcribed (公顷; blank cells as ''). */
const SEED_004_TABLE: [string, string, string, string, string][] = [
  ['市主城区', '921.6116', '8.6559', '263.2333', '1193.5008'],
  ['自贸区钦州港片区', '595.0824', '', '39.4193', '634.5017'],
  ['灵山县', '351.0186', '', '76.1100', '427.1286'],
  ['浦北县', '362.3102', '4.6971', '20.9800', '387.9873'],
  ['钦南区', '223.0094', '7.2405', '', '230.2499'],
  ['钦北区', '201.0507', '26.2522', '', '227.3029'],
];

function load(): StockInventory {
  const { inventory, problems } = parseStockInventory(qinzhou);
  expect(problems).toEqual([]);
  return inventory!;
}

function seedPlan(inv: StockInventory) {
  const { input, problems } = parseDisposalPlan(qinzhou.plan, inv, null, 'plan');
  expect(problems).toEqual([]);
  return input!.plan;
}

describe('seed 004 inventory (公顷, at 2020-12-31)', () => {
  it('holds the seed table cell for cell', () => {
    const inv = load();
    const got = inv.counties.map((c) => [c.name, ...STOCK_CATEGORIES.map((k) => c.areaHa[k].toString()), countyTotalHa(c).toFixed(4)]);
    const want = SEED_004_TABLE.map(([n, a, b, c, t]) => [n, dec(a || '0').toString(), dec(b || '0').toString(), dec(c || '0').toString(), t]);
    expect(got).toEqual(want);
  });

  it('columns sum to 2654.0829 / 46.8457 / 399.7426 and everything to 3100.6712 ha', () => {
    const inv = load();
    expect(STOCK_CATEGORIES.map((k) => categoryTotalHa(inv, k).toString())).toEqual(['2654.0829', '46.8457', '399.7426']);
    expect(grandTotalHa(inv).toString()).toBe('3100.6712');
  });

  it('3100.6712 ha × 15 = 46510.068 亩, i.e. 46,510 亩', () => {
    const mu = grandTotalMu(load());
    expect(mu.toString()).toBe('46510.068');
    expect(mu.toFixed(0)).toBe('46510');
  });

  it('county shares: 市主城区 38.49 %, 自贸区 20.46 %, 灵山 13.78 %, 浦北 12.51 %, 钦南 7.43 %, 钦北 7.33 %', () => {
    expect(countyShares(load()).map((s) => formatPercent(s.share))).toEqual(['38.49%', '20.46%', '13.78%', '12.51%', '7.43%', '7.33%']);
  });

  it('a cell that no longer matches its stated row and column totals is refused at both paths', () => {
    const bad = structuredClone(qinzhou);
    bad.counties[0].areaHa.approvedUnsupplied = '921.6117';
    const { inventory, problems } = parseStockInventory(bad);
    expect(inventory).toBeNull();
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['schema.range', 'counties[0].statedTotalHa'],
      ['schema.range', 'statedTotalsHa.approvedUnsupplied'],
      ['schema.range', 'statedTotalsHa.all'],
    ]);
    expect(problems[0].message.en).toContain('1193.5009');
  });

  it('areas must be decimal strings: a number or a unit in a cell is refused with its path', () => {
    const bad = structuredClone(qinzhou) as any;
    bad.counties[2].areaHa.inefficientUrban = 76.11;
    bad.counties[3].areaHa.suspectedIdle = '4.6971公顷';
    const { problems } = parseStockInventory(bad);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['area.format', 'counties[2].areaHa.inefficientUrban'],
      ['area.format', 'counties[3].areaHa.suspectedIdle'],
    ]);
  });

  const seedText = readFileSync(SEED_004, 'utf8');
  it('matches the table rows parsed from the seed text itself', () => {
    const rows = seedText.split('\n').map((l) => l.split('\t').map((c) => c.trim())).filter((c) => c.length === 5 && /^\d/.test(c[4]));
    expect(rows.slice(0, 6)).toEqual(SEED_004_TABLE);
    expect(rows[6]).toEqual(['合计', '2654.0829', '46.8457', '399.7426', '3100.6712']);
  });
});

describe('seed 004 targets', () => {
  const problems: Problem[] = [];
  const target = parseRevitalisationTarget(qinzhou.plan.revitalisation, 'plan.revitalisation', problems)!;

  it('the 2023 target 4.65 万亩 is the whole 2020 stock (46,510 亩 → 4.65 万亩)', () => {
    expect(problems).toEqual([]);
    const c = checkRevitalisationTarget(load(), target);
    expect(target.targetMu.toString()).toBe('46500');
    expect(c.stockWanMuRounded).toBe('4.65');
    expect(c.targetIsWholeStock).toBe(true);
  });

  it('70 % by end-2022 = 3.255 万亩, as stated; of the unrounded stock it would be 3.2557 万亩', () => {
    const m = checkRevitalisationTarget(load(), target).milestones[0];
    expect(m.date).toBe('2022-12-31');
    expect(m.fromTargetMu.toString()).toBe('32550');
    expect(m.statedMatchesTarget).toBe(true);
    expect(m.fromStockMu.div(10000).toFixed(4)).toBe('3.2557');
  });

  it('a target that is not the whole stock is told apart (4.6 万亩)', () => {
    const t = parseRevitalisationTarget({ ...qinzhou.plan.revitalisation, target: '4.6万亩' }, 'x', [])!;
    expect(checkRevitalisationTarget(load(), t).targetIsWholeStock).toBe(false);
  });

  it('annual rates on the 2020 stock: 批而未供 18 % = 477.734922 ha (≈ 7 166 亩), idle 25 % = 11.711425 ha (≈ 176 亩)', () => {
    const inv = load();
    const r = simulateDisposalYear(inv, seedPlan(inv), {});
    const task = (k: 'approvedUnsupplied' | 'suspectedIdle') => r.counties.reduce((s, c) => s.plus(c.categories.find((x) => x.category === k)!.taskHa!), dec('0'));
    expect(task('approvedUnsupplied').toString()).toBe('477.734922');
    expect(task('approvedUnsupplied').times(15).toFixed(0)).toBe('7166');
    expect(task('suspectedIdle').toString()).toBe('11.711425');
    expect(task('suspectedIdle').times(15).toFixed(0)).toBe('176');
  });
});

describe('disposal plan by county and quarter', () => {
  it('市主城区: 批而未供 task 921.6116 × 18 % = 165.890088 ha, due 24.8835132 / 66.3560352 / 124.417566 / 165.890088', () => {
    const inv = load();
    const r = simulateDisposalYear(inv, seedPlan(inv), {});
    const c = r.counties[0].categories.find((k) => k.category === 'approvedUnsupplied')!;
    expect(c.taskHa!.toString()).toBe('165.890088');
    expect(c.targetCumulativeHa!.map((d) => d.toString())).toEqual(['24.8835132', '66.3560352', '124.417566', '165.890088']);
    expect(r.counties[0].categories.find((k) => k.category === 'suspectedIdle')!.taskHa!.toString()).toBe('2.163975');
    expect(r.counties[0].categories.find((k) => k.category === 'inefficientUrban')!.taskHa).toBeNull();
  });

  it('on plan everywhere → every quarter and task met, every county +10 %', () => {
    const inv = load();
    const plan = seedPlan(inv);
    const r = simulateDisposalYear(inv, plan, assumeDisposals(inv, plan, dec('1')));
    expect(r.counties.every((c) => c.quarterMet.every(Boolean) && c.linkageMet)).toBe(true);
    expect(r.counties.map((c) => c.quota.change)).toEqual(Array(6).fill('+10%'));
  });

  it('钦北区 short of its idle task (25 % of 26.2522 = 6.56305 ha, 6.5 disposed) → missed → −20 %: 300 亩 → 240 亩', () => {
    const inv = load();
    const plan = { ...seedPlan(inv), baseQuotaMu: { qinbei: dec('300'), qinnan: dec('300') } };
    const disposals: Disposals = {
      ...assumeDisposals(inv, plan, dec('1')),
      qinbei: { approvedUnsupplied: [dec('10'), dec('10'), dec('10'), dec('10')], suspectedIdle: [dec('1'), dec('1.5'), dec('2'), dec('2')] },
    };
    const r = simulateDisposalYear(inv, plan, disposals);
    const qinbei = r.counties.find((c) => c.countyId === 'qinbei')!;
    expect(qinbei.categories.map((c) => c.annualMet)).toEqual([true, false, null]);
    expect(qinbei.linkageMet).toBe(false);
    expect(qinbei.quota.change).toBe('−20%');
    expect(qinbei.quota.nextMu!.toString()).toBe('240');
    expect(r.counties.find((c) => c.countyId === 'qinnan')!.quota.nextMu!.toString()).toBe('330');
  });

  it('everything in Q4: quarters 1–3 missed, the annual task met (the quota follows the year)', () => {
    const inv = load();
    const plan = seedPlan(inv);
    const onPlan = assumeDisposals(inv, plan, dec('1'));
    const late: Disposals = Object.fromEntries(Object.entries(onPlan).map(([id, row]) => [id, Object.fromEntries(Object.entries(row).map(([k, q]) => [k, [dec('0'), dec('0'), dec('0'), q!.reduce((s, x) => s.plus(x), dec('0'))]]))]));
    const r = simulateDisposalYear(inv, plan, late);
    for (const c of r.counties) {
      expect(c.quarterMet).toEqual(c.taskHa.isZero() ? [true, true, true, true] : [false, false, false, true]);
      expect(c.linkageMet).toBe(true);
    }
  });

  it('disposal asked beyond the stock is capped and reported, never applied', () => {
    const inv = load();
    const r = simulateDisposalYear(inv, seedPlan(inv), { qinbei: { suspectedIdle: [dec('20'), dec('20'), dec('0'), dec('0')] } });
    const idle = r.counties.find((c) => c.countyId === 'qinbei')!.categories.find((c) => c.category === 'suspectedIdle')!;
    expect(idle.disposedHa.map(String)).toEqual(['20', '6.2522', '0', '0']);
    expect(idle.excessHa.toString()).toBe('13.7478');
    expect(idle.closingHa.toString()).toBe('0');
  });

  it('two years in a row: 2022 starts from 2021\'s closing stock, task 18 % of 755.721512 = 136.02987216 ha', () => {
    const inv = load();
    const plan = seedPlan(inv);
    const y2021 = { ...plan, year: 2021 };
    const r2021 = simulateDisposalYear(inv, y2021, assumeDisposals(inv, y2021, dec('1')));
    const path = [r2021, simulateDisposalYear(r2021.closing, plan, {})];
    const main2022 = path[1].counties[0].categories[0];
    expect(main2022.openingHa.toString()).toBe('755.721512');
    expect(main2022.taskHa!.toString()).toBe('136.02987216');
    expect(path[0].closing.asOf).toBe('2021-12-31');
    expect(path[1].counties.every((c) => c.taskHa.isZero() || !c.linkageMet)).toBe(true);
  });

  it('milestones along a path: on-plan 18 %/25 % disposal is far from 70 % of 4.65 万亩 by end-2022', () => {
    const inv = load();
    const plan = seedPlan(inv);
    const y2021 = { ...plan, year: 2021 };
    const r2021 = simulateDisposalYear(inv, y2021, assumeDisposals(inv, y2021, dec('1')));
    const r2022 = simulateDisposalYear(r2021.closing, plan, assumeDisposals(r2021.closing, plan, dec('1')));
    const target = parseRevitalisationTarget(qinzhou.plan.revitalisation, 'x', [])!;
    const m = milestoneProgress(target, [r2021, r2022]);
    expect(m[0]).toMatchObject({ date: '2022-12-31', met: false });
    expect(m[0].requiredMu.toString()).toBe('32550');
    expect(m[0].disposedMu.toFixed(3)).toBe(r2021.disposedMu.plus(r2022.disposedMu).toFixed(3));
  });
});

describe('plan files: overrides of the seed plan, and their mistakes', () => {
  it('overrides field by field: a 20 % idle rate keeps 18 % for 批而未供', () => {
    const inv = load();
    const { input } = parseDisposalPlan({ annualRates: { suspectedIdle: '20%' } }, inv, seedPlan(inv));
    expect(input!.plan.annualRates.approvedUnsupplied!.toString()).toBe('0.18');
    expect(input!.plan.annualRates.suspectedIdle!.toString()).toBe('0.2');
    expect(input!.plan.year).toBe(2022);
  });

  it('collects every problem with its path', () => {
    const inv = load();
    const { input, problems } = parseDisposalPlan({
      quarterlyCumulative: ['15%', '40%', '30%', '90%'],
      quota: { reward: 'ten percent' },
      disposals: { qinbei: { suspectedIdle: ['10', '10', '10', '0'] }, nanning: {} },
      assume: { achievement: { lingshan: '-5%' } },
      baseQuota: { pubei: '300' },
    }, inv, seedPlan(inv));
    expect(input).toBeNull();
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['schema.range', 'quarterlyCumulative[2]'],
      ['schema.range', 'quarterlyCumulative[3]'],
      ['rate.format', 'quota.reward'],
      ['area.format', 'baseQuota.pubei'],
      ['schema.range', 'disposals.qinbei.suspectedIdle'],
      ['ref.unknown', 'disposals.nanning'],
      ['rate.format', 'assume.achievement.lingshan'],
    ]);
    expect(problems[4].message.en).toContain('at most the stock, 26.2522 ha');
  });
});

describe('idle land (国土资源部令第53号)', () => {
  const base: IdleLandCase = {
    id: 'qz-idle-1', name: '钦州港某地块', areaMu: dec('12.5'), landPriceFen: parseMoney('500万元')!,
    contractStartDate: '2020-03-01', startedDate: null, developedShare: null, investedShare: null,
    suspendedSince: null, cause: 'holder', recoveryDate: null,
  };

  it('not started: idle from the first anniversary ("满一年"), not the day before', () => {
    expect(assessIdleLand(base, '2021-02-28').idle).toBe(false);
    expect(assessIdleLand(base, '2021-03-01')).toMatchObject({ idle: true, basis: 'notStarted', action: 'idleFee', idleFrom: '2021-03-01' });
  });

  it('土地闲置费 = 20 % of the land price: 500 万元 → 100 万元', () => {
    expect(fenToWan(assessIdleLand(base, '2021-06-30').feeFen)).toBe('100.00');
  });

  it('idle two years → recovered without compensation', () => {
    expect(assessIdleLand(base, '2022-02-28').action).toBe('idleFee');
    expect(assessIdleLand(base, '2022-03-01')).toMatchObject({ action: 'recoverWithoutCompensation', recoverableFrom: '2022-03-01' });
  });

  it('started on time → not idle; started late → no longer idle once started', () => {
    expect(assessIdleLand({ ...base, startedDate: '2020-05-01' }, '2023-01-01').idle).toBe(false);
    expect(assessIdleLand({ ...base, startedDate: '2021-09-01' }, '2021-08-31').action).toBe('idleFee');
    expect(assessIdleLand({ ...base, startedDate: '2021-09-01' }, '2021-09-01').idle).toBe(false);
  });

  it('stalled: < 1/3 developed or < 25 % invested, suspended ≥ 1 year; counted from the suspension', () => {
    const stalled = { ...base, startedDate: '2020-06-01', suspendedSince: '2021-06-01', developedShare: dec('0.3'), investedShare: dec('0.4') };
    expect(assessIdleLand(stalled, '2022-05-31').idle).toBe(false);
    expect(assessIdleLand(stalled, '2022-06-01')).toMatchObject({ idle: true, basis: 'stalled', countedFrom: '2021-06-01' });
    expect(assessIdleLand({ ...stalled, developedShare: dec('0.34'), investedShare: dec('0.25') }, '2023-06-01').idle).toBe(false);
    expect(assessIdleLand({ ...stalled, developedShare: dec('0.5'), investedShare: dec('0.2') }, '2022-06-01').idle).toBe(true);
  });

  it('government-caused idleness is negotiated: no fee, no free recovery', () => {
    expect(assessIdleLand({ ...base, cause: 'government' }, '2025-01-01')).toMatchObject({ idle: true, action: 'negotiate', feeFen: 0 });
  });

  it('29 February plus one year is 28 February', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('recovered idle land becomes parcel records: area "12.5亩", idleRecovery at "0元", dated', () => {
    const { cases, problems } = parseIdleLandCases([
      { id: 'a', name: '甲地块', area: '12.5亩', landPrice: '500万元', contractStartDate: '2020-03-01' },
      { id: 'b', name: '乙地块', area: '0.8公顷', landPrice: '1,200万元', contractStartDate: '2020-01-10', recoveryDate: '2022-06-30' },
      { id: 'c', name: '丙地块', area: '6667m²', landPrice: '300万元', contractStartDate: '2021-01-01' },
      { id: 'd', name: '丁地块', area: '3亩', landPrice: '90万元', contractStartDate: '2019-01-01', cause: 'government' },
    ], 'cases');
    expect(problems).toEqual([]);
    expect(recoveredParcels(cases, '2022-12-31')).toEqual([
      { id: 'a', name: '甲地块', area: '12.5亩', acquisition: { mode: 'idleRecovery', price: '0元', date: '2022-03-01' } },
      { id: 'b', name: '乙地块', area: '12亩', acquisition: { mode: 'idleRecovery', price: '0元', date: '2022-06-30' } },
    ]);
    expect(idleRecoveries(cases, '2022-12-31').map((r) => [r.assessment.countedFrom, r.assessment.feeFen])).toEqual([['2020-03-01', parseMoney('100万元')], ['2020-01-10', parseMoney('240万元')]]);
    expect(recoveredParcels(cases, '2023-01-01').map((p) => [p.id, p.area])).toEqual([['a', '12.5亩'], ['b', '12亩'], ['c', '10.0005亩']]);
  });

  it('bad cases are reported with their paths', () => {
    const { cases, problems } = parseIdleLandCases([{ id: 'x', name: 'x', area: '12.5', landPrice: '500', contractStartDate: '2020-02-30', developedShare: '130%' }], 'cases');
    expect(cases).toEqual([]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['area.format', 'cases[0].area'],
      ['date.format', 'cases[0].contractStartDate'],
      ['rate.format', 'cases[0].developedShare'],
    ]);
  });
});
