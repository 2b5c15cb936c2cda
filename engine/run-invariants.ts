/**
 * The ledger invariants asserted at the end of a run that no report will check — a Monte Carlo
 * draw, a sweep point, a goal-seek step: every posting a positive whole number of fen inside the
 * timeline, the live balances equal to the columns and summing to zero. A breach is a bug in the
 * engine, thrown as an InvariantError, never an answer.
 */
import { InvariantError } from './assert';
import { verifyLedger } from './ledger';
import type { RunOutput } from './run';

export function assertRunInvariants(out: RunOutput): void {
  const v = verifyLedger(out.ledger, out.model.timeline.months);
  if (!v.ok) throw new InvariantError(`ledger: ${v.messages.slice(0, 3).join('; ')}`);
}
