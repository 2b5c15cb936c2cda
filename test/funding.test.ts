/**
 * Funding that feeds back: bonds and their coverage, the revolving pool, pre-allocations, zones in
 * closed and pooled operation, and the stress presets — each figure checked against the postings.
 */
import { describe, expect, it } from 'vitest';
import { compareZoneModes, mergeDeep, money, prepare, report, run, simulate, stressTable, type Result } from '../engine/index';
import { composed, runFile } from './support/scenarios';

const { parseMoney, fenToWan, fenToYuan, Decimal } = money;
const fen = (y: string) => parseMoney(y)!;
const wan = (y: string) => fenToWan(fen(y));
const withChanges = (file: string, over: Record<string, unknown>) => simulate(mergeDeep(composed(file), over));
const sumPostings = (r: Result, pred: (x: NonNullable<Result['postings']>[number]) => boolean) => r.postings!.filter(pred).reduce((a, x) => a + fen(x.amount), 0);

describe('Hainan provincial reserve with a 2021 five-year bond', () => {
  const r = runFile('scenarios/hainan-bonds.json');
  const b = r.bonds[0];

  it('80,000 万元 at 3.30% for five years: 2,640 万元 interest a year, principal at maturity', () => {
    expect(b.issue).toBe('2021-05');
    expect(b.maturity).toBe('2026-05');
    expect(wan(b.interest)).toBe('13200.00');
    expect(b.schedule.filter((x) => fen(x.interest) > 0).map((x) => [x.period, wan(x.interest)])).toEqual([
      ['2022-05', '2640.00'], ['2023-05', '2640.00'], ['2024-05', '2640.00'], ['2025-05', '2640.00'], ['2026-05', '2640.00'],
    ]);
    expect(wan(b.principalRepaid)).toBe('80000.00');
    expect(b.outstandingAtEnd).toBe('0.00');
  });

  it('debt service in the postings equals the bond schedule', () => {
    const toHolders = sumPostings(r, (x) => x.to === `bondholders:${b.id}` && (x.rule === 'bond.interest' || x.rule === 'bond.principal' || x.rule === 'bond.earlyRedemption'));
    const schedule = b.schedule.reduce((a, x) => a + fen(x.interest) + fen(x.principalRepaid), 0);
    expect(toHolders).toBe(schedule);
    const fees = sumPostings(r, (x) => x.to === `bondAgent:${b.id}`);
    expect(fees).toBe(fen(b.bondFees));
    // Issue fees: 0.08% + 0.0064% of 80,000 万元 = 69.12 万元; redemption 0.005% of principal and interest.
    expect(fenToWan(fen(b.bondFees))).toBe('73.78');
  });

  it('coverage recomputed from the postings equals the reported one (gross income within the bond\'s life ÷ principal and interest)', () => {
    const project = new Set(r.projects[0].parcels);
    const receipts = sumPostings(r, (x) => x.rule === 'sale.receipt' && project.has(x.parcel!) && x.period <= b.coverageWindowEnd);
    const service = fen(b.principal) + fen(b.interest);
    const ratio = new Decimal(receipts).div(service).toFixed(4, Decimal.ROUND_HALF_UP);
    expect(b.coverageBasis).toBe('gross');
    expect(b.coverageWindowEnd).toBe('2026-05');
    expect(b.coverageRatio).toBe(ratio);
    expect(r.checks.find((c) => c.id === 'bond.coverageFloor')!.ok).toBe(true);
  });

  it('interest due before any sale money is advanced by the budget and returned from the project\'s income (B-13, S-6)', () => {
    const support = r.checks.find((c) => c.id === 'bond.fiscalSupport')!;
    expect(fen(r.totals.fiscalDebtSupport)).toBeGreaterThan(0);
    expect(r.totals.fiscalDebtSupportReturned).toBe(r.totals.fiscalDebtSupport);
    expect(r.totals.fiscalDebtSupportOutstanding).toBe('0.00');
    expect(support.ok).toBe(true);
  });

  it('the bond\'s interest and fees are inside the 核定成本 and recovered before the split (S-6)', () => {
    expect(r.totals.financingCostInVerifiedCost).toBe(money.fenToYuan(fen(r.totals.interest) + fen(r.totals.bondFees)));
    const sy = r.parcels.find((x) => x.id === 'HN-SY-01')!;
    expect(fen(sy.financingCost)).toBeGreaterThan(0);
    expect(sy.costRecovered).toBe(sy.costToRecover);
  });

  it('the split is still 6:4 on what is left after provisions and cost', () => {
    const p = r.parcels.find((x) => x.id === 'HN-SY-01')!;
    expect(Math.abs(fen(p.shares.province) * 4 - fen(p.shares.city) * 6)).toBeLessThanOrEqual(10);
  });

  it('coverage net of provisions is lower than gross, and net of costs lower still', () => {
    const net = withChanges('scenarios/hainan-bonds.json', { bondPolicy: { coverageBasis: 'netOfProvisions' } });
    const netCosts = withChanges('scenarios/hainan-bonds.json', { bondPolicy: { coverageBasis: 'netOfProvisionsAndCosts' } });
    expect(Number(net.bonds[0].coverageRatio)).toBeLessThan(Number(b.coverageRatio));
    expect(Number(netCosts.bonds[0].coverageRatio)).toBeLessThan(Number(net.bonds[0].coverageRatio));
    expect(net.checks.find((c) => c.id === 'bond.coverageFloor')!.message).toContain('net of provisions');
  });

  it('a maturity the fund cannot meet is rolled over within the quota, or falls to the budget over it', () => {
    // Sales pushed two years out: nothing has come back by May 2026.
    const rolled = withChanges('scenarios/hainan-bonds.json', { adjustments: { saleDelayMonths: 24 }, timeline: { months: 108 }, bondPolicy: { quota: [{ year: 2021, amount: '100000万元' }, { year: 2026, amount: '100000万元' }] } });
    const roll = rolled.bonds.find((x) => x.rolloverOf === 'HN-2021-TC01')!;
    expect(roll).toBeDefined();
    expect(roll.issue).toBe('2026-05');
    expect(fen(roll.principal)).toBeGreaterThan(0);
    const capped = withChanges('scenarios/hainan-bonds.json', { adjustments: { saleDelayMonths: 24 }, timeline: { months: 108 } });
    expect(capped.bonds.some((x) => x.rolloverOf)).toBe(false);
    expect(capped.checks.some((c) => c.id === 'bond.rolloverOverQuota')).toBe(true);
  });

  it('early redemption from sales repays principal as cost is recovered', () => {
    const early = withChanges('scenarios/hainan-bonds.json', { bonds: [{ ...(composed('scenarios/hainan-bonds.json').bonds as object[])[0], earlyRedemptionFromSales: true }] });
    const e = early.bonds[0];
    expect(fen(e.earlyRedeemed)).toBeGreaterThan(0);
    expect(fen(e.interest)).toBeLessThan(fen(b.interest));
    expect(e.principalRepaid).toBe(b.principalRepaid);
  });
});

describe('stress presets', () => {
  const rows = stressTable(composed('scenarios/hainan-bonds.json'));
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  it('show coverage and shortfall beside the base', () => {
    expect(rows.map((r) => r.id)).toEqual(['base', 'price-90', 'price-80', 'delay-6', 'delay-12', 'rates-100bp', 'costs-110']);
    expect(Number(by['price-90'].minCoverage)).toBeLessThan(Number(by.base.minCoverage));
    expect(Number(by['price-80'].minCoverage)).toBeLessThan(Number(by['price-90'].minCoverage));
    expect(Number(by['rates-100bp'].minCoverage)).toBeLessThan(Number(by.base.minCoverage));
    expect(fen(by['delay-12'].shortfall)).toBeGreaterThan(fen(by.base.shortfall));
    expect(fen(by['costs-110'].peakFundingNeed)).toBeGreaterThan(fen(by.base.peakFundingNeed));
  });
  it('each preset equals its scenario file in scenarios/stress/', () => {
    for (const id of ['price-90', 'delay-12', 'rates-100bp']) {
      const file = runFile(`scenarios/stress/hainan-bonds-${id}.json`);
      expect(file.bonds[0].coverageRatio).toBe(by[id].minCoverage);
    }
  });
});

describe('Jiangmen revolving pool', () => {
  const r = runFile('scenarios/jiangmen-pool.json');
  it('30,000 万元 revolves: acquisitions draw it down, cost recovered from sales refills it', () => {
    expect(wan(r.pool.opening)).toBe('30000.00');
    // The 国有土地收益基金 reaches the pool as each receipt arrives (July's first instalment of JM-S1
    // brings 665.70 万元), so the pool's low point in September is 15,363.39 万元.
    expect(wan(r.pool.minBalance)).toBe('15363.39');
    expect(fen(r.pool.endBalance)).toBeGreaterThan(fen(r.pool.opening));
    expect(r.postings!.some((x) => x.rule === 'sale.costRecovery' && x.to === 'reserveFund')).toBe(true);
    expect(wan(r.totals.acquisitionCost)).toBe('30143.52');
  });
  it('a smaller pool makes acquisitions wait, reports each delay, and never goes negative', () => {
    const small = withChanges('scenarios/jiangmen-pool.json', { funding: { pool: { opening: '10000万元' } } });
    expect(small.pool.delays.length).toBeGreaterThan(0);
    for (const d of small.pool.delays) expect(d.paid === null || d.paid > d.due).toBe(true);
    expect(small.checks.find((c) => c.id === 'funds.nonNegative')!.ok).toBe(true);
    expect(fen(small.pool.minBalance)).toBeGreaterThanOrEqual(0);
    const paid = small.pool.delays.filter((d) => d.paid).reduce((a, d) => a + fen(d.amount), 0);
    expect(paid).toBeGreaterThan(0);
  });
  it('with the "negative" policy the pool may go below zero, and a check fails loudly', () => {
    const neg = withChanges('scenarios/jiangmen-pool.json', { funding: { pool: { opening: '10000万元' }, shortfall: 'negative' } });
    expect(fen(neg.pool.shortfall)).toBeGreaterThan(0);
    expect(neg.checks.find((c) => c.id === 'pool.shortfall')!.ok).toBe(false);
    expect(neg.checks.find((c) => c.id === 'ledger.balanced')!.ok).toBe(true);
  });
  it('budget execution against time progress (序时进度), month by month', () => {
    const y = runFile('scenarios/jiangmen-2022.json');
    expect(y.periods[11].budgetExecutionPercent).toBe('99.58');
    expect(y.periods[11].timeProgressPercent).toBe('100.00');
    expect(y.periods[5].timeProgressPercent).toBe('50.00');
    // Spending lags the calendar in the first half: Jiangmen's complaint.
    expect(Number(y.periods[5].budgetExecutionPercent)).toBeLessThan(50);
  });
});

describe('Xinmi 做地: zones closed and pooled', () => {
  const closed = runFile('scenarios/xinmi-zoning.json');
  const pooled = runFile('scenarios/xinmi-zoning-pooled.json');
  it('east and west balance on their own, the southern industrial park does not', () => {
    const bal = Object.fromEntries(closed.zones.map((z) => [z.id, fen(z.balance)]));
    expect(bal.EAST).toBeGreaterThan(0);
    expect(bal.WEST).toBeGreaterThan(0);
    expect(bal.SOUTH).toBeLessThan(0);
  });
  it('closed operation moves no money between zones', () => {
    expect(closed.checks.find((c) => c.id === 'zones.closed')!.ok).toBe(true);
    for (const x of closed.postings!) {
      const fromZone = x.from.startsWith('zoneFund:') ? x.from.slice(9) : null;
      if (fromZone && x.zone) expect(x.zone).toBe(fromZone);
      const toZone = x.to.startsWith('zoneFund:') ? x.to.slice(9) : null;
      if (toZone && x.zone) expect(x.zone).toBe(toZone);
    }
  });
  it('pooling lets the surplus zones return the deficit zone\'s advances', () => {
    expect(fen(closed.totals.advancesOutstanding)).toBeGreaterThan(0);
    expect(pooled.totals.advancesOutstanding).toBe('0.00');
    const cmp = compareZoneModes(composed('scenarios/xinmi-zoning.json'));
    expect(cmp.ok).toBe(true);
  });
  it('the developer is paid 15% of each zone\'s sales; its break-even is compensation less the works it paid', () => {
    for (const z of closed.zones) {
      const d = z.developer!;
      expect(fen(d.compensation)).toBe(Math.round(fen(z.saleRevenue) * 0.15));
      expect(fen(d.result)).toBe(fen(d.compensation) - fen(d.cost));
    }
    expect(fen(closed.zones.find((z) => z.id === 'EAST')!.developer!.result)).toBeGreaterThan(0);
    expect(fen(closed.zones.find((z) => z.id === 'SOUTH')!.developer!.result)).toBeLessThan(0);
  });
  it('a sale dated by year is spread over the year, most of it in the second half', () => {
    const e1 = closed.postings!.filter((x) => x.rule === 'sale.receipt' && x.parcel === 'E1');
    expect(e1).toHaveLength(12);
    const h2 = e1.filter((x) => x.period >= '2025-07').reduce((a, x) => a + fen(x.amount), 0);
    expect(h2 * 10).toBe(fen(closed.parcels.find((p) => p.id === 'E1')!.sale!.revenue) * 6);
  });
});

describe('bond rules at the edge', () => {
  it('a term over five years is reported as a warning by default', () => {
    const s = mergeDeep(composed('scenarios/hainan-bonds.json'), {});
    (s.bonds as Record<string, unknown>[])[0] = { ...(s.bonds as Record<string, unknown>[])[0], termYears: 6 };
    const p = prepare(s);
    expect(p.ok).toBe(true);
    const r = report(run((p as { model: Parameters<typeof run>[0] }).model));
    expect(r.checks.find((c) => c.id === 'rule.bondTerm')!.ok).toBe(false);
  });
  it('money is never a float in the funding views', () => {
    const r = runFile('scenarios/hainan-bonds.json');
    const text = JSON.stringify({ bonds: r.bonds, zones: r.zones, pool: r.pool });
    expect(text).not.toMatch(/":\s*-?\d+\.\d+[,}]/);
    expect(fenToYuan(fen(r.bonds[0].principal))).toBe(r.bonds[0].principal);
  });
});

describe('pool refilled by the land income fund, parcels from a CSV table, quarterly roll-ups', () => {
  it('the 国有土地收益基金 provisioned from each sale flows back to the pool', () => {
    const r = runFile('scenarios/jiangmen-pool.json');
    const fund = sumPostings(r, (x) => x.rule === 'provision.landIncomeFund');
    const back = sumPostings(r, (x) => x.rule === 'funding.poolInflow' && x.from === 'provision:landIncomeFund' && x.to === 'reserveFund');
    expect(fund).toBeGreaterThan(0);
    expect(back).toBe(fund);
    expect(fen(r.totals.poolInflows)).toBe(fund);
  });

  it('a scenario reads its parcels from a CSV next to it, JSON cells and quoted commas included', () => {
    const r = runFile('test/fixtures/good/csv-parcels.json');
    expect(r.parcels.map((p) => p.id)).toEqual(['C1', 'C2']);
    expect(r.parcels[1].name.zh).toBe('西片二号, 含道路');
    expect(wan(r.parcels[0].acquisitionPlanned)).toBe('2216.63');
    const c2 = r.postings!.filter((x) => x.parcel === 'C2' && x.rule === 'acquisition.purchase').map((x) => [x.period, wan(x.amount)]);
    expect(c2).toEqual([['2022-04', '480.00'], ['2022-08', '720.00']]);
    expect(r.zones.map((z) => z.id)).toEqual(['E', 'W']);
  });

  it('quarters and years roll the months up exactly', () => {
    const r = runFile('scenarios/hainan-bonds.json');
    const sum = (rows: { saleRevenue: string }[]) => rows.reduce((a, x) => a + fen(x.saleRevenue), 0);
    expect(sum(r.quarters)).toBe(sum(r.periods));
    expect(sum(r.years)).toBe(sum(r.periods));
    expect(r.quarters).toHaveLength(r.periods.length / 3);
    expect(r.quarters[0].quarter).toBe('2021Q1');
  });
});
