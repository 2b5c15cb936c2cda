/**
 * Two results side by side: each figure of A and B and the difference B − A, computed in whole
 * fen with the engine's money functions (never floats), so a difference column is exact.
 *
 *   diffTotals(hainan64, hainan73) → [{key: 'shares.province', a: '508766333.34', b: '…', diff: '…'}, …]
 */
import { fenToYuan, parseMoney } from '../../engine/money';
import type { Result, Totals } from '../../engine/index';
import { figureAt, figureName, type MoneyKey } from './charts/common';

export interface DiffRow {
  key: string;
  zh: string;
  en: string;
  a: string | null;
  b: string | null;
  /** b − a in 元, or null when either side lacks the figure. */
  diff: string | null;
}

const TOTALS: readonly MoneyKey<Totals>[] = ['saleRevenue', 'leaseIncome', 'acquisitionCost', 'developmentCost', 'spending', 'provisions', 'costRecovered', 'unrecoveredCost', 'valueAdded', 'appropriations', 'fiscalTopUp', 'peakFundingNeed', 'financingCost'];

export function difference(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const fa = parseMoney(a);
  const fb = parseMoney(b);
  if (fa === null || fb === null) return null;
  return fenToYuan(fb - fa);
}

function row(key: string, zh: string, en: string, a: string | null | undefined, b: string | null | undefined): DiffRow {
  return { key, zh, en, a: a ?? null, b: b ?? null, diff: difference(a, b) };
}

export function diffTotals(a: Result, b: Result): DiffRow[] {
  const rows = TOTALS.map((k) => { const n = figureName(k); return row(k, n.zh, n.en, a.totals[k], b.totals[k]); });
  const tiers = [...a.tiers, ...b.tiers.filter((t) => !a.tiers.some((x) => x.id === t.id))];
  for (const t of tiers) rows.push(row(`shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`, a.totals.shares[t.id], b.totals.shares[t.id]));
  return rows;
}

export interface YearDiffRow {
  year: number;
  metric: string;
  a: string | null;
  b: string | null;
  diff: string | null;
}

/** A metric year by year ('saleRevenue', 'valueAdded', 'shares.city'…) for both results. */
export function diffYears(a: Result, b: Result, metric: string): YearDiffRow[] {
  const get = (r: Result, year: number): string | null => {
    const y = r.years.find((x) => x.year === year);
    if (!y) return null;
    const share = /^shares\.(.+)$/.exec(metric);
    if (share) return y.shares[share[1]] ?? null;
    return figureAt(y, metric) ?? null;
  };
  const years = [...new Set([...a.years.map((y) => y.year), ...b.years.map((y) => y.year)])].sort((x, y) => x - y);
  return years.map((year) => {
    const va = get(a, year);
    const vb = get(b, year);
    // A year one side does not reach counts as zero there, so the difference still reads.
    return { year, metric, a: va, b: vb, diff: difference(va ?? '0', vb ?? '0') };
  });
}
