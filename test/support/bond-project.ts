/**
 * The small bond project the project-account tests build on: one tier (city), no provisions, the
 * parcel basis, a fiscal top-up for any shortfall, and one bond `B1` of 10 000 元 at 3.6% issued
 * 2020-01 for project `PRJ` holding every parcel; each test says the rest (term, early redemption,
 * the parcels). Run with postings, so a test can read the ledger as the figures it derives by hand.
 */
import { money, prepare, report, run, type Result } from '../../engine/index';

export const fen = (y: string) => money.parseMoney(y)!;

export function bondProject(id: string, months: number, parcels: readonly Record<string, unknown>[], bond: Record<string, unknown>) {
  return {
    id,
    timeline: { start: '2020-01', months },
    jurisdiction: 'national',
    parameters: { 'provisions.basePeriod': 'parcel' },
    provisions: [],
    tiers: [{ id: 'city' }],
    split: { ratios: { city: '1' } },
    parcels,
    projects: [{ id: 'PRJ', parcels: parcels.map((p) => p.id as string) }],
    bonds: [{ id: 'B1', issueDate: '2020-01', principal: '1万元', couponRate: '3.6%', project: 'PRJ', ...bond }],
    funding: { shortfall: 'fiscalTopUp' },
  };
}

export function withPostings(s: unknown): Result {
  const p = prepare(s);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return report(run(p.model), { postings: true });
}

/** The project account's balance when the timeline ends. */
export const projectBalance = (r: Result) => r.postings!.reduce((a, x) => a + (x.to === 'project:PRJ' ? fen(x.amount) : 0) - (x.from === 'project:PRJ' ? fen(x.amount) : 0), 0);
