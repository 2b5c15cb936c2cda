/**
 * Figures the seed documents state, reproduced by the scenarios. Where a seed contradicts
 * itself, the test names the contradiction and pins the figure the arithmetic supports.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../engine/index';
import { runFile, composed } from './support/scenarios';
import { areaIn, parseArea } from '../engine/units';

const { fenToWan, parseMoney, dec } = money;
const wan = (yuan: string) => fenToWan(parseMoney(yuan)!);

describe('seed 001 — Xingning retained-land buy-back', () => {
  const r = runFile('scenarios/xingning-buyback.json');
  const p = r.parcels[0];

  it('the 13 cooperatives add up to 34.9928 亩 (= 23,328.53 m²)', () => {
    const s = composed('scenarios/xingning-buyback.json') as { parcels: { holdings: { area: string }[] }[] };
    const sum = s.parcels[0].holdings.reduce((a, h) => a.plus(areaIn(parseArea(h.area)!, 'mu')), dec('0'));
    expect(s.parcels[0].holdings).toHaveLength(13);
    expect(sum.toFixed()).toBe('34.9928');
    expect(p.areaM2).toBe('23328.53');
  });

  it('177.33 万元/亩 × 34.9928 亩 = 6,205.27 万元 (the seed\'s "4,205.27" is a typo)', () => {
    expect(wan(p.acquisitionPlanned)).toBe('6205.27');
    expect(p.acquisitionPlanned).toBe('62052732.24');
    // The seed states 4 205.27 万元 twice (overview and 资金到位率) but 6 205.27 three times;
    // only 6 205.27 can come from 34.9928 亩 × 177.33 万元/亩.
    expect(wan(p.acquisitionPlanned)).not.toBe('4205.27');
  });

  it('the per-m² standard would give 6,205.39 万元: the document multiplied the rounded per-亩 price', () => {
    const exactM2 = areaIn(parseArea('34.9928亩')!, 'm2').times(2660);
    expect(money.fenToWan(money.roundFen(exactM2))).toBe('6205.39');
  });

  it('tranches 2,000 + 4,205.07 = 6,205.07 万元 paid; 2,032.24 元 unpaid (the seed rounds it to 2,000 元)', () => {
    expect(wan(p.acquisitionCost)).toBe('6205.07');
    const unpaid = parseMoney(p.acquisitionPlanned)! - parseMoney(p.acquisitionCost)!;
    expect(money.fenToYuan(unpaid)).toBe('2032.24');
    const check = r.checks.find((c) => c.id === 'acquisition.paidInFull')!;
    expect(check.ok).toBe(false);
    expect(check.message).toContain('6205.07');
  });

  it('资金到位率 = 6,205.07 / 6,205.27 ≈ 100% (99.997%)', () => {
    const rate = dec(p.acquisitionCost).div(dec(p.acquisitionPlanned)).times(100);
    expect(rate.toFixed(3)).toBe('99.997');
  });

  it('resale: 42,251.56 m² (63.38 亩) for 19,938.51 万元 = 4,719.00 元/m² (the seed says 4,720)', () => {
    expect(p.sale!.areaSoldM2).toBe('42251.56');
    expect(areaIn(parseArea('42251.56m²')!, 'mu').toFixed(2)).toBe('63.38');
    expect(wan(p.sale!.revenue)).toBe('19938.51');
    expect(p.sale!.groundPriceYuanPerM2).toBe('4719.00');
  });

  it('the land was sold (Dec 2022) before the last tranche was paid (Jan 2023)', () => {
    const tranches = r.postings!.filter((x) => x.rule === 'acquisition.buyback').map((x) => x.period);
    expect(tranches).toEqual(['2022-09', '2023-01']);
    expect(p.sale!.date).toBe('2022-12');
    expect(p.sale!.date < tranches[1]).toBe(true);
  });
});

describe('seed 003 — Hainan provincial reserve', () => {
  const r = runFile('scenarios/hainan-provincial.json');
  const byId = Object.fromEntries(r.parcels.map((p) => [p.id, p]));

  it('value added is split province : city/county = 6 : 4, to the fen', () => {
    const p = byId['HN-SY-01'];
    const prov = parseMoney(p.shares.province)!;
    const city = parseMoney(p.shares.city)!;
    expect(prov + city).toBe(parseMoney(p.valueAdded));
    // 6:4 exactly, up to the one fen the remainder rule hands out.
    expect(Math.abs(prov * 4 - city * 6)).toBeLessThanOrEqual(10);
  });

  it('paid recovery of municipal stock land gives the city nothing', () => {
    const p = byId['HN-HK-02'];
    expect(p.splitCase).toBe('paidStockRecovery');
    expect(p.shares.city).toBe('0.00');
    expect(p.shares.province).toBe(p.valueAdded);
    expect(r.totals.sharesByGovernment['share:city:海口市']).toBe('0.00');
  });

  it('the 504 management fee on 20,000 万元 of works is 240 万元', () => {
    expect(wan(byId['HN-SY-01'].developmentCost)).toBe('20000.00');
    expect(wan(byId['HN-SY-01'].managementFee)).toBe('240.00');
  });

  it('a service fee over 2% of acquisition cost is reported, one within it passes', () => {
    const fee = r.checks.filter((c) => c.id === 'rule.serviceFeeCap');
    expect(fee.find((c) => c.parcel === 'HN-SY-01')!.ok).toBe(true);
    const bad = fee.find((c) => c.parcel === 'HN-DZ-03')!;
    expect(bad.ok).toBe(false);
    expect(bad.messageZh).toContain('2%');
  });

  it('a temporary lease over two years is reported', () => {
    const c = r.checks.find((c) => c.id === 'rule.leaseTooLong')!;
    expect(c.ok).toBe(false);
    expect(c.parcel).toBe('HN-DZ-03');
  });

  it('all sale income reaches the provincial treasury and is fully distributed at settlement', () => {
    const t = r.totals;
    const distributed = parseMoney(t.provisions)! + parseMoney(t.costRecovered)! + parseMoney(t.valueAdded)!;
    expect(distributed).toBe(parseMoney(t.saleRevenue));
  });
});

describe('seed 000 — Jiangmen 2022', () => {
  const r = runFile('scenarios/jiangmen-2022.json');

  it('196 亩 supplied for 121,400 万元', () => {
    const sold = r.parcels.filter((p) => p.sale);
    const mu = sold.reduce((a, p) => a.plus(dec(p.areaMu)), dec('0'));
    expect(mu.toFixed(0)).toBe('196');
    expect(wan(r.totals.saleRevenue)).toBe('121400.00');
  });

  it('3,636 万元 of temporary-use income, to the treasury', () => {
    expect(wan(r.totals.leaseIncome)).toBe('3636.00');
    expect(r.postings!.filter((x) => x.rule === 'lease.income').every((x) => x.to === 'treasury')).toBe(true);
  });

  it('30,271.4 万元 allocated, 30,143.52 万元 spent → 99.58% execution', () => {
    expect(wan(r.totals.appropriations)).toBe('30271.40');
    expect(wan(r.totals.spending)).toBe('30143.52');
    expect(r.totals.budgetExecutionRatePercent).toBe('99.58');
  });

  it('about 399 亩 acquired', () => {
    const mu = r.parcels.filter((p) => p.acquisitionMode).reduce((a, p) => a.plus(dec(p.areaMu)), dec('0'));
    expect(mu.toFixed(0)).toBe('399');
  });
});
