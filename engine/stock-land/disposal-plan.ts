/**
 * The disposal plan (处置计划) and the simulation of a year's disposal path by county.
 *
 * Each rated category gets an annual task = rate × its stock at the start of the year (批而未供
 * 18 %, idle 25 %, seed 004); the task is due by quarter at cumulative 15 / 40 / 75 / 100 %. A
 * county's disposals (actual or assumed, hectares per quarter) are applied in order and never take
 * more than the stock left; then we report each quarter's cumulative progress against its target,
 * each category's annual task, and the 增存挂钩 verdict (every rated task met) with next year's quota.
 *
 * Worked example (市主城区, 2020 stock): 批而未供 921.6116 ha × 18 % = 165.890088 ha, due
 * 24.8835132 / 66.3560352 / 124.417566 / 165.890088 ha by the end of Q1…Q4; idle 8.6559 × 25 % =
 * 2.163975 ha. Disposing exactly those amounts meets every target → quota +10 %.
 */
import { dec, Decimal } from '../money';
import { STOCK_CATEGORIES, countyTotalHa, zeroAreas, type StockCategory, type StockInventory } from './inventory';
import { nextYearQuota, type QuotaOutcome, type QuotaRule } from './quota';
import { haToMu } from './area-mu';

export type Quarterly<T> = readonly [T, T, T, T];

export interface DisposalPlan {
  readonly year: number;
  /** Annual disposal rate per category; a category without one has no task. */
  readonly annualRates: Readonly<Partial<Record<StockCategory, Decimal>>>;
  /** Cumulative share of the annual task due by the end of each quarter; non-decreasing, ends at 1. */
  readonly quarterlyCumulative: Quarterly<Decimal>;
  readonly quota: QuotaRule;
  /** This year's new construction-land quota per county id, in 亩, when known. */
  readonly baseQuotaMu: Readonly<Record<string, Decimal>>;
}

/** Hectares disposed in each quarter (increments, not cumulative), by county id and category. */
export type Disposals = Readonly<Record<string, Partial<Record<StockCategory, Quarterly<Decimal>>>>>;

export interface CategoryOutcome {
  readonly category: StockCategory;
  readonly openingHa: Decimal;
  /** rate × opening; null when the category has no rate. */
  readonly taskHa: Decimal | null;
  /** Disposed in each quarter, after capping at the stock left. */
  readonly disposedHa: Quarterly<Decimal>;
  readonly cumulativeHa: Quarterly<Decimal>;
  readonly targetCumulativeHa: Quarterly<Decimal> | null;
  readonly quarterMet: Quarterly<boolean> | null;
  readonly annualMet: boolean | null;
  /** Disposal rate achieved = disposed in the year / opening stock (null for no stock). */
  readonly rateAchieved: Decimal | null;
  /** Disposal asked for beyond the stock left, not applied. */
  readonly excessHa: Decimal;
  readonly closingHa: Decimal;
}

export interface CountyOutcome {
  readonly countyId: string;
  readonly name: string;
  readonly categories: readonly CategoryOutcome[];
  /** Sum of the rated categories' tasks. */
  readonly taskHa: Decimal;
  readonly targetCumulativeHa: Quarterly<Decimal>;
  /** Cumulative disposal of the rated categories (the ones the task counts). */
  readonly progressHa: Quarterly<Decimal>;
  readonly quarterMet: Quarterly<boolean>;
  /** 增存挂钩 task: every rated category met its annual task. */
  readonly linkageMet: boolean;
  readonly quota: QuotaOutcome;
  /** All disposal in the year, every category (城镇低效 included). */
  readonly disposedHa: Decimal;
}

export interface DisposalYearResult {
  readonly year: number;
  readonly counties: readonly CountyOutcome[];
  readonly closing: StockInventory;
  readonly disposedHa: Decimal;
  readonly disposedMu: Decimal;
}

const ZERO = dec('0');
export const QUARTERS = [0, 1, 2, 3] as const;

export function quarterly<T>(f: (q: number) => T): Quarterly<T> {
  return [f(0), f(1), f(2), f(3)];
}

/** Simulates one year. Pure: the inventory and disposals are not changed. */
export function simulateDisposalYear(inventory: StockInventory, plan: DisposalPlan, disposals: Disposals): DisposalYearResult {
  assertPlan(plan);
  const counties = inventory.counties.map((county): CountyOutcome => {
    const categories = STOCK_CATEGORIES.map((cat) => categoryYear(cat, county.areaHa[cat], plan, disposals[county.id]?.[cat]));
    const rated = categories.filter((c) => c.taskHa !== null);
    const taskHa = rated.reduce((s, c) => s.plus(c.taskHa!), ZERO);
    const targetCumulativeHa = quarterly((q) => taskHa.times(plan.quarterlyCumulative[q]));
    const progressHa = quarterly((q) => rated.reduce((s, c) => s.plus(c.cumulativeHa[q]), ZERO));
    const quarterMet = quarterly((q) => progressHa[q].gte(targetCumulativeHa[q]));
    const linkageMet = rated.every((c) => c.annualMet === true);
    const disposedHa = categories.reduce((s, c) => s.plus(c.cumulativeHa[3]), ZERO);
    const quota = nextYearQuota(plan.quota, linkageMet, plan.baseQuotaMu[county.id] ?? null);
    return { countyId: county.id, name: county.name, categories, taskHa, targetCumulativeHa, progressHa, quarterMet, linkageMet, quota, disposedHa };
  });
  const closing: StockInventory = {
    ...inventory,
    asOf: `${plan.year}-12-31`,
    counties: inventory.counties.map((c, i) => {
      const areaHa = zeroAreas();
      for (const o of counties[i].categories) areaHa[o.category] = o.closingHa;
      return { ...c, areaHa };
    }),
  };
  const disposedHa = counties.reduce((s, c) => s.plus(c.disposedHa), ZERO);
  // Conservation: opening = closing + disposed, county by county.
  inventory.counties.forEach((c, i) => {
    if (!countyTotalHa(c).eq(countyTotalHa(closing.counties[i]).plus(counties[i].disposedHa))) throw new Error(`stock not conserved for ${c.id}`);
  });
  return { year: plan.year, counties, closing, disposedHa, disposedMu: haToMu(disposedHa) };
}

function categoryYear(category: StockCategory, openingHa: Decimal, plan: DisposalPlan, asked: Quarterly<Decimal> | undefined): CategoryOutcome {
  const rate = plan.annualRates[category];
  const taskHa = rate === undefined ? null : openingHa.times(rate);
  let left = openingHa;
  let excess = ZERO;
  const disposed: Decimal[] = [];
  for (const q of QUARTERS) {
    const want = asked?.[q] ?? ZERO;
    if (want.isNegative()) throw new RangeError(`negative disposal ${want.toString()} ha (${category}, Q${q + 1})`);
    const take = Decimal.min(want, left);
    disposed.push(take);
    excess = excess.plus(want.minus(take));
    left = left.minus(take);
  }
  const disposedHa = quarterly((q) => disposed[q]);
  let run = ZERO;
  const cumulativeHa = quarterly((q) => (run = run.plus(disposed[q])));
  const targetCumulativeHa = taskHa === null ? null : quarterly((q) => taskHa.times(plan.quarterlyCumulative[q]));
  const quarterMet = targetCumulativeHa === null ? null : quarterly((q) => cumulativeHa[q].gte(targetCumulativeHa[q]));
  const annualMet = taskHa === null ? null : cumulativeHa[3].gte(taskHa);
  const rateAchieved = openingHa.isZero() ? null : cumulativeHa[3].div(openingHa);
  if (left.isNegative() || cumulativeHa[3].gt(openingHa)) throw new Error(`disposal exceeds stock (${category})`);
  return { category, openingHa, taskHa, disposedHa, cumulativeHa, targetCumulativeHa, quarterMet, annualMet, rateAchieved, excessHa: excess, closingHa: left };
}

/**
 * Disposals that reach `achievement` × each quarter's cumulative target (1 = exactly on plan),
 * for every county and rated category. Achievement may be given per county id, with a default.
 */
export function assumeDisposals(inventory: StockInventory, plan: DisposalPlan, achievement: Decimal | Readonly<Record<string, Decimal>>, fallback: Decimal = dec('1')): Disposals {
  const out: Record<string, Partial<Record<StockCategory, Quarterly<Decimal>>>> = {};
  for (const county of inventory.counties) {
    const a = Decimal.isDecimal(achievement) ? (achievement as Decimal) : ((achievement as Record<string, Decimal>)[county.id] ?? fallback);
    const row: Partial<Record<StockCategory, Quarterly<Decimal>>> = {};
    for (const cat of STOCK_CATEGORIES) {
      const rate = plan.annualRates[cat];
      if (rate === undefined) continue;
      const task = county.areaHa[cat].times(rate).times(a);
      const cum = quarterly((q) => task.times(plan.quarterlyCumulative[q]));
      row[cat] = quarterly((q) => (q === 0 ? cum[0] : cum[q].minus(cum[q - 1])));
    }
    out[county.id] = row;
  }
  return out;
}

function assertPlan(plan: DisposalPlan): void {
  const qc = plan.quarterlyCumulative;
  for (const q of QUARTERS) {
    if (qc[q].isNegative() || qc[q].gt(1) || (q > 0 && qc[q].lt(qc[q - 1]))) throw new RangeError('quarterly cumulative targets must rise from 0 to 1');
  }
  if (!qc[3].eq(1)) throw new RangeError('the Q4 cumulative target must be 100%');
  for (const r of Object.values(plan.annualRates)) if (r && (r.isNegative() || r.gt(1))) throw new RangeError(`annual rate ${r.toString()} outside [0, 1]`);
}
