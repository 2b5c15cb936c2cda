/**
 * Generated portfolios for benchmarks and tests: a valid scenario with N parcels over M months,
 * the same for the same seed.
 *
 *   portfolio({ parcels: 500, months: 120, seed: 1 })
 *     → a Hainan-style scenario: 500 parcels in 10 zones, each expropriated, recovered or
 *       purchased at a whole-万元 price on one date, 1.5% service fee, up to two pre-development
 *       works, monthly holding cost, and (for nine in ten) a sale 6–36 months later paid 50% the
 *       next month and the balance twelve months on (H-3); yearly budget appropriations.
 *
 * Every amount is a whole number of 元 written in 万元 with up to four decimals, so that a
 * spreadsheet model (bench/spreadsheet.ts) can be built from the same inputs without parsing units.
 * `bond: true` adds a bullet special bond (no project, no fees, the budget pays what the fund cannot).
 * `headroomMonths` keeps the last sale receipts that many months before the end, so a Monte Carlo
 * can delay sales without pushing them off the timeline.
 */
import { seeded, type Random } from '../engine/analysis/random';

export interface PortfolioOptions {
  readonly parcels: number;
  readonly months: number;
  readonly seed?: number;
  /** Months kept free at the end of the timeline (sale delays). Default 0. */
  readonly headroomMonths?: number;
  /** Parcels per zone. Default 50. */
  readonly parcelsPerZone?: number;
  /** Add one special bond: issued in the second month, 3.2 %, annual coupons, bullet. */
  readonly bond?: boolean;
  /** The bond's principal as a share of the acquisition cost. Default 0.25. */
  readonly bondShare?: number;
}

const CITIES = ['海口市', '三亚市', '儋州市', '琼海市', '文昌市', '万宁市', '东方市', '五指山市'];
const MODES = ['expropriation', 'recovery', 'purchase'] as const;

/** 万元 text of a whole number of 元: 123456789 元 → "12345.6789万元". */
export function wanText(yuan: number): string {
  const wan = Math.floor(yuan / 10000);
  const rest = yuan - wan * 10000;
  return rest === 0 ? `${wan}万元` : `${wan}.${String(rest).padStart(4, '0').replace(/0+$/, '')}万元`;
}

function month(start: { year: number; month: number }, offset: number): string {
  const z = start.year * 12 + start.month - 1 + offset;
  const m = (z % 12) + 1;
  return `${Math.floor(z / 12)}-${m < 10 ? '0' : ''}${m}`;
}

export function portfolio(options: PortfolioOptions): Record<string, unknown> {
  const { parcels: n, months } = options;
  const headroom = options.headroomMonths ?? 0;
  const perZone = options.parcelsPerZone ?? 50;
  if (months - headroom < 24) throw new RangeError(`a portfolio needs at least 24 months besides the headroom, got ${months} − ${headroom}`);
  const rng = seeded(options.seed ?? 1);
  const start = { year: 2022, month: 1 };
  const zoneCount = Math.max(1, Math.ceil(n / perZone));
  const zones = Array.from({ length: zoneCount }, (_, z) => ({ id: `Z${z + 1}`, name: { zh: `片区${z + 1}`, en: `Zone ${z + 1}` } }));
  // The last receipt arrives 12 months after the sale: sales end by months − headroom − 13.
  const lastSale = months - headroom - 13;
  const parcels = Array.from({ length: n }, (_, i) => parcel(rng, i, start, lastSale, zoneCount));
  const years = Math.ceil(months / 12);
  const appropriations = Array.from({ length: years }, (_, y) => ({ date: month(start, y * 12), amount: wanText(rng.int(n * 800, n * 2400) * 10000) }));
  const acquisitionYuan = parcels.reduce((t, p) => t + yuanOf((p.acquisition as { price: string }).price), 0);
  const bonds = options.bond
    ? [{ id: 'BOND-1', name: { zh: '土地储备专项债券', en: 'Land reserve special bond' }, issueDate: month(start, 1), principal: `${Math.max(1, Math.round((acquisitionYuan * (options.bondShare ?? 0.25)) / 10000))}万元`, couponRate: '3.2%', termYears: Math.min(10, Math.max(1, Math.floor((months - 2) / 12))) }]
    : [];
  return {
    id: `portfolio-${n}x${months}-s${options.seed ?? 1}`,
    name: { zh: `生成组合 ${n} 宗 × ${months} 个月`, en: `Generated portfolio ${n} parcels × ${months} months` },
    timeline: { start: month(start, 0), months },
    jurisdiction: 'hainan',
    asOf: '2022-01-01',
    tiers: [
      { id: 'province', name: { zh: '省级', en: 'Province' }, entity: '海南省' },
      { id: 'city', name: { zh: '市县', en: 'City/county' } },
    ],
    // The workbook it is compared with (bench/spreadsheet.ts) keeps the rules a parcel-by-parcel
    // Excel model keeps: provisions on each parcel's own base, interest outside the 核定成本, the
    // city's share rounded down and the province taking the rest.
    parameters: { 'provisions.basePeriod': 'parcel', 'cost.financingInVerifiedCost': 'excluded' },
    split: { remainder: 'first' },
    funding: { appropriations },
    zones,
    parcels,
    ...(bonds.length ? { bonds } : {}),
  };
}

/** Whole 元 of a "12345.6789万元" text (the generator's own form). */
function yuanOf(text: string): number {
  const [int, frac = ''] = text.replace('万元', '').split('.');
  return Number(int) * 10000 + Number(frac.padEnd(4, '0'));
}

function parcel(rng: Random, i: number, start: { year: number; month: number }, lastSale: number, zoneCount: number): Record<string, unknown> {
  const mode = MODES[rng.int(0, 2)];
  const areaMu = rng.int(20, 400);
  // Acquisition: 30–120 万元 per 亩, whole 元.
  const acqYuan = areaMu * rng.int(300_000, 1_200_000) + rng.int(0, 9999);
  const acqMonth = rng.int(0, Math.max(0, lastSale - 6));
  const worksYuan = Array.from({ length: rng.int(0, 2) }, () => areaMu * rng.int(20_000, 150_000));
  const works = worksYuan.map((yuan, w) => ({ date: month(start, Math.min(lastSale, acqMonth + 2 + w * 3)), amount: wanText(yuan) }));
  const sold = rng.float() < 0.9;
  const saleMonth = Math.min(lastSale, acqMonth + rng.int(6, 36));
  const devYuan = worksYuan.reduce((a, b) => a + b, 0);
  const saleYuan = Math.round((acqYuan + devYuan) * (0.8 + rng.float() * 1.6));
  const p: Record<string, unknown> = {
    id: `P${String(i + 1).padStart(5, '0')}`,
    zone: `Z${(i % zoneCount) + 1}`,
    area: `${areaMu}亩`,
    landUse: mode === 'purchase' ? '工业' : '商住',
    jurisdictions: { city: CITIES[i % CITIES.length] },
    acquisition: { mode, date: month(start, acqMonth), price: wanText(acqYuan), serviceFee: '1.5%' },
    holding: { costPerMonth: wanText(areaMu * rng.int(50, 300)) },
  };
  if (works.length > 0) p.development = { works };
  if (mode === 'recovery' && rng.float() < 0.5) p.splitCase = 'paidStockRecovery';
  if (sold) p.sale = { date: month(start, saleMonth), price: wanText(saleYuan) };
  return p;
}
