/**
 * What the benches time as "metrics": the figures an analysis typically reads per run, from the
 * ledger (the fast readers), and a generated portfolio prepared or refused loudly. One place, so
 * every bench times the same reads.
 */
import { prepare, parsePath, type Model, type RunOutput } from '../engine/index';
import { LedgerMetrics, fastReader } from '../engine/analysis/index';

export const METRIC_PATHS = ['totals.valueAdded', 'totals.shares.province', 'totals.shares.city', 'totals.fiscalTopUp', 'totals.unrecoveredCost', 'totals.provisions'];
const READERS = METRIC_PATHS.map((p) => fastReader(parsePath(p)!)!);

/** Reads every metric of one run (their sum, so the work cannot be optimised away). */
export function metrics(out: RunOutput): number {
  const m = new LedgerMetrics(out);
  let s = 0;
  for (const r of READERS) s += r(m);
  return s;
}

/** The prepared model of a generated portfolio; a refusal is a bug in the generator, so it throws. */
export function prepared(scenario: unknown): Model {
  const p = prepare(scenario);
  if (!p.ok) throw new Error(`generated portfolio refused: ${p.problems.slice(0, 3).map((x) => x.message.en).join('; ')}`);
  return p.model;
}
