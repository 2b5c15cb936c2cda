/**
 * Progress against target as shares of the annual task, and a path of years at an assumed
 * achievement — what a chart of "cumulative progress vs the 15 / 40 / 75 / 100 % targets" and a
 * three-year outlook need, computed here so the notebook only draws.
 *
 * Worked example (市主城区, 2020 stock, on plan): task 165.890088 + 2.163975 = 168.054063 ha; by
 * the end of Q1 25.20810945 ha are disposed = 15 % of the task, against a 15 % target → met. At
 * 90 % achievement Q1 is 13.5 % against 15 % → missed, and so is every later quarter.
 */
import { dec, type Decimal } from '../money';
import type { StockInventory } from './inventory';
import { assumeDisposals, quarterly, simulateDisposalYear, type CountyOutcome, type DisposalPlan, type DisposalYearResult, type Quarterly } from './disposal-plan';

/** Cumulative progress by the end of each quarter ÷ the county's annual task; null when it has no task. */
export function progressShareOfTask(county: CountyOutcome): Quarterly<Decimal | null> {
  return quarterly((q) => (county.taskHa.isZero() ? null : county.progressHa[q].div(county.taskHa)));
}

/**
 * The plan run year after year from `inventory`, each year at the given achievement of that year's
 * task (each year's task is taken on its own opening stock). Pure: nothing is changed in place.
 */
export function assumedDisposalPath(
  inventory: StockInventory,
  plan: DisposalPlan,
  years: readonly number[],
  achievement: Decimal | Readonly<Record<string, Decimal>>,
  fallback: Decimal = dec('1'),
): DisposalYearResult[] {
  const out: DisposalYearResult[] = [];
  let stock = inventory;
  for (const year of years) {
    const p: DisposalPlan = { ...plan, year };
    const r = simulateDisposalYear(stock, p, assumeDisposals(stock, p, achievement, fallback));
    out.push(r);
    stock = r.closing;
  }
  return out;
}
