/**
 * Stress presets: the standard "what if" a finance bureau asks of a funding plan, each a small
 * override of the scenario's `adjustments` (a variant, never a copy): sale price −10% / −20%,
 * sales 6 / 12 months late, coupons +100 bp, costs +10%. `stressTable` runs the base and every
 * preset and lines up what each does to coverage, the shortfall and the peak funding need, with
 * which way each figure moved against the base and why.
 */
import { mergeDeep } from '../scenario/compose';
import { prepare } from '../scenario/normalize';
import { run } from '../run';
import { report, type Result } from '../report';
import type { Problem } from '../problem';
import type { Text } from '../model';
import { Decimal, fenToYuan, parseMoney } from '../money';

export interface StressPreset {
  readonly id: string;
  readonly name: Text;
  readonly adjustments: Record<string, string | number>;
  /** Which way the figures move under this stress, and why (checked against the run in `moves`). */
  readonly why: Text;
}

const PRICE_WHY: Text = { zh: '收入减少：覆盖倍数与增值收益下降（计提随收益下降而减少，抵消一部分）；收入不足以回收成本时财政兜底上升', en: 'less income: coverage and value added fall (provisions fall with the net income and offset part of it); the budget steps in where income no longer recovers the cost' };
const DELAY_WHY: Text = { zh: '资金晚到：峰值资金需求上升；落在债券存续期外的收入不计入覆盖倍数；出让前到期的利息由资金池或财政垫付，再从出让收入归还', en: 'money arrives later: peak funding need rises; income after the bond\'s life no longer counts toward coverage; interest due before the sale is advanced by the pool or the budget and returned from the sale' };

export const STRESS_PRESETS: readonly StressPreset[] = [
  { id: 'price-90', name: { zh: '出让价格下降10%', en: 'Sale price −10%' }, adjustments: { salePriceFactor: '0.9' }, why: PRICE_WHY },
  { id: 'price-80', name: { zh: '出让价格下降20%', en: 'Sale price −20%' }, adjustments: { salePriceFactor: '0.8' }, why: PRICE_WHY },
  { id: 'delay-6', name: { zh: '出让延后6个月', en: 'Sales 6 months late' }, adjustments: { saleDelayMonths: 6 }, why: DELAY_WHY },
  { id: 'delay-12', name: { zh: '出让延后12个月', en: 'Sales 12 months late' }, adjustments: { saleDelayMonths: 12 }, why: DELAY_WHY },
  { id: 'rates-100bp', name: { zh: '利率上升100个基点', en: 'Coupons +100 bp' }, adjustments: { rateShiftBp: 100 }, why: { zh: '利息增加：融资成本计入核定成本（S-6），增值收益减少（年度计提基数随之下降，抵消约三成）；本息增加使覆盖倍数下降', en: 'more interest: financing cost is part of the verified cost (S-6), so value added falls (the year\'s provision base falls with it, offsetting about 30%); more principal and interest lowers coverage' } },
  { id: 'costs-110', name: { zh: '成本上升10%', en: 'Costs +10%' }, adjustments: { costFactor: '1.1' }, why: { zh: '成本增加：超支部分按情景的资金来源（项目专户、资金池、财政）支付，峰值资金需求上升；核定成本增加，增值收益减少', en: 'higher cost: the overrun is paid through the scenario\'s funding (project account, pool, budget), so peak funding need rises; the verified cost rises and value added falls' } },
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
  /** Against the base case: which way each figure moved. */
  readonly moves: Partial<Record<'minCoverage' | 'shortfall' | 'peakFundingNeed' | 'valueAdded' | 'unrecoveredCost', 'up' | 'down' | 'same'>>;
  readonly why: Text | null;
}

export function stressTable(scenario: Record<string, unknown>, presets: readonly StressPreset[] = STRESS_PRESETS): StressRow[] {
  const base: StressPreset = { id: 'base', name: { zh: '基准情景', en: 'Base case' }, adjustments: {}, why: { zh: '', en: '' } };
  const rows = [base, ...presets].map((preset) => {
    const s = mergeDeep(scenario, { adjustments: { ...((scenario.adjustments as object) ?? {}), ...preset.adjustments } });
    const prepared = prepare(s);
    if (!prepared.ok) return { id: preset.id, name: preset.name, minCoverage: null, shortfall: '-', peakFundingNeed: '-', valueAdded: '-', unrecoveredCost: '-', failedChecks: 0, problems: prepared.problems, moves: {}, why: null };
    const r = report(run(prepared.model));
    return { id: preset.id, name: preset.name, ...stressFigures(r), problems: [], moves: {}, why: preset.id === 'base' ? null : preset.why };
  });
  const b = rows[0];
  // Money strings and ratio strings compared exactly, never as floats.
  const num = (x: string | null) => (x === null || x === '-' ? null : new Decimal(x));
  for (const row of rows.slice(1)) {
    if (row.problems.length || b.problems.length) continue;
    for (const k of ['minCoverage', 'shortfall', 'peakFundingNeed', 'valueAdded', 'unrecoveredCost'] as const) {
      const [x, y] = [num(b[k]), num(row[k])];
      if (x !== null && y !== null) (row.moves as Record<string, string>)[k] = y.gt(x) ? 'up' : y.lt(x) ? 'down' : 'same';
    }
  }
  return rows;
}

export function stressFigures(r: Result) {
  const coverages = r.bonds.filter((b) => !b.rolloverOf && b.coverageRatio !== null).map((b) => b.coverageRatio!);
  const minCoverage = coverages.length ? coverages.reduce((a, b) => (Number(a) <= Number(b) ? a : b)) : null;
  const t = r.totals;
  // Debt service the budget only advanced and got back is not a shortfall; what it never got back is.
  const shortfall = [t.fiscalTopUp, t.fiscalDebtSupportOutstanding, t.advancesOutstanding, r.pool.shortfall].reduce((a, x) => a + parseMoney(x)!, 0);
  return {
    minCoverage,
    shortfall: fenToYuan(shortfall),
    peakFundingNeed: t.peakFundingNeed,
    valueAdded: t.valueAdded,
    unrecoveredCost: t.unrecoveredCost,
    failedChecks: r.checks.filter((c) => !c.ok).length,
  };
}
