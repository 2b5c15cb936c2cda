/**
 * Stress presets: the standard "what if" a finance bureau asks of a funding plan, each a small
 * override of the scenario's `adjustments` (a variant, never a copy): sale price −10% / −20%,
 * sales 6 / 12 months late, coupons +100 bp, costs +10%. `stressTable` runs the base and every
 * preset and lines up what each does to coverage, the shortfall and the peak funding need.
 */
import { mergeDeep } from './scenario/compose';
import { prepare } from './scenario/normalize';
import { run } from './run';
import { report, type Result } from './report';
import type { Problem } from './problem';
import type { Text } from './model';
import { fenToYuan, parseMoney } from './money';

export interface StressPreset {
  readonly id: string;
  readonly name: Text;
  readonly adjustments: Record<string, string | number>;
}

export const STRESS_PRESETS: readonly StressPreset[] = [
  { id: 'price-90', name: { zh: '出让价格下降10%', en: 'Sale price −10%' }, adjustments: { salePriceFactor: '0.9' } },
  { id: 'price-80', name: { zh: '出让价格下降20%', en: 'Sale price −20%' }, adjustments: { salePriceFactor: '0.8' } },
  { id: 'delay-6', name: { zh: '出让延后6个月', en: 'Sales 6 months late' }, adjustments: { saleDelayMonths: 6 } },
  { id: 'delay-12', name: { zh: '出让延后12个月', en: 'Sales 12 months late' }, adjustments: { saleDelayMonths: 12 } },
  { id: 'rates-100bp', name: { zh: '利率上升100个基点', en: 'Coupons +100 bp' }, adjustments: { rateShiftBp: 100 } },
  { id: 'costs-110', name: { zh: '成本上升10%', en: 'Costs +10%' }, adjustments: { costFactor: '1.1' } },
];

export interface StressRow {
  readonly id: string;
  readonly name: Text;
  /** The lowest life coverage over the scenario's bonds (null without bonds). */
  readonly minCoverage: string | null;
  /** Money the budget had to put in because the programme could not: top-ups, bridges, debt support, unreturned advances. */
  readonly shortfall: string;
  readonly peakFundingNeed: string;
  readonly valueAdded: string;
  readonly unrecoveredCost: string;
  readonly failedChecks: number;
  readonly problems: readonly Problem[];
}

export function stressTable(scenario: Record<string, unknown>, presets: readonly StressPreset[] = STRESS_PRESETS): StressRow[] {
  const base = { id: 'base', name: { zh: '基准情景', en: 'Base case' }, adjustments: {} };
  return [base, ...presets].map((preset) => {
    const s = mergeDeep(scenario, { adjustments: { ...((scenario.adjustments as object) ?? {}), ...preset.adjustments } });
    const prepared = prepare(s);
    if (!prepared.ok) return { id: preset.id, name: preset.name, minCoverage: null, shortfall: '-', peakFundingNeed: '-', valueAdded: '-', unrecoveredCost: '-', failedChecks: 0, problems: prepared.problems };
    const r = report(run(prepared.model));
    return { id: preset.id, name: preset.name, ...stressFigures(r), problems: [] };
  });
}

export function stressFigures(r: Result) {
  const coverages = r.bonds.filter((b) => !b.rolloverOf && b.coverageRatio !== null).map((b) => b.coverageRatio!);
  const minCoverage = coverages.length ? coverages.reduce((a, b) => (Number(a) <= Number(b) ? a : b)) : null;
  const t = r.totals;
  const shortfall = [t.fiscalTopUp, t.fiscalDebtSupport, t.advancesOutstanding, r.pool.shortfall].reduce((a, x) => a + parseMoney(x)!, 0);
  return {
    minCoverage,
    shortfall: fenToYuan(shortfall),
    peakFundingNeed: t.peakFundingNeed,
    valueAdded: t.valueAdded,
    unrecoveredCost: t.unrecoveredCost,
    failedChecks: r.checks.filter((c) => !c.ok).length,
  };
}
