/**
 * Sums of the result's postings that the filed documents need and the result's views do not
 * hold: a project's sale receipts and provisions by year, what an account received and paid by
 * year, what a project's spending was paid from. Read from `result.postings` (a report is built
 * from a result run with postings), so every figure is the ledger's, never recomputed by a rule.
 */
import { RULES } from '../rules';
import type { PostingRow, Result } from '../report';
import type { Fen } from '../money';
import { fen } from './report-table';

export const yearOfPeriod = (period: string): number => Number(period.slice(0, 4));
export const isUseRule = (rule: string): boolean => RULES.get(rule)?.line === 'use';

export function postingsOf(result: Result): readonly PostingRow[] {
  if (!result.postings) throw new Error('a report needs the result with its postings (report(run(model), { postings: true }))');
  return result.postings;
}

/** Fen per year (index of `years`) of the postings that `pick` selects. */
export function byYear(result: Result, years: readonly number[], pick: (p: PostingRow) => boolean, sign: (p: PostingRow) => number = () => 1): Fen[] {
  const out = years.map(() => 0);
  const index = new Map(years.map((y, i) => [y, i]));
  for (const p of postingsOf(result)) {
    if (!pick(p)) continue;
    const i = index.get(yearOfPeriod(p.period));
    if (i !== undefined) out[i] += sign(p) * fen(p.amount);
  }
  return out;
}

/** An account's inflows and outflows per year, and its balance before the first year. */
export function accountByYear(result: Result, account: string, years: readonly number[]): { opening: Fen; inflow: Fen[]; outflow: Fen[] } {
  const inflow = byYear(result, years, (p) => p.to === account && p.from !== account);
  const outflow = byYear(result, years, (p) => p.from === account && p.to !== account);
  let opening = 0;
  for (const p of postingsOf(result)) {
    if (yearOfPeriod(p.period) >= years[0]) continue;
    if (p.to === account) opening += fen(p.amount);
    if (p.from === account) opening -= fen(p.amount);
  }
  return { opening, inflow, outflow };
}

/** The calendar years a result covers. */
export const resultYears = (result: Result): number[] => result.years.map((y) => y.year);

/** Years from..to inclusive. */
export const yearRange = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
