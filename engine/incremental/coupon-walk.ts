/**
 * A coupon's change carried through a finished run's postings. A new rate changes what the bond's
 * fund pays its holders on each coupon date and nothing else at first; from then on the fund holds
 * more or less than it did (its delta), and every decision the run took on that fund's balance is
 * taken again with the delta, in the run's order:
 *
 *   a payment from the fund     fiscal top-up: the top-up is re-sized, dropped or added (the gap is
 *                               what the fund lacks); a negative fund: no decision; wait: the payment
 *                               must still be payable, and none that waited may become payable
 *   debt service from the fund  any bond's coupon must still be met by the fund (no budget support)
 *   anything else on it         a bridge, an advance returned, an early redemption, budget support
 *                               or a rollover while the delta is not zero: the walk gives up
 *
 * A top-up absorbs the delta: the fund ends the payment at zero either way. Each posting's
 * decision is coupon-step.ts's. With one fund followed, only its events are walked (coupon-index.ts)
 * as long as no stretch of payments between them can come out otherwise; then every posting is.
 * The walk returns the postings to change, drop and add, and every account's change of balance;
 * or why a decision could differ, and the caller runs the loop again.
 */
import type { Ledger } from '../ledger';
import type { Model } from '../model';
import type { Delay } from '../run';
import { fundIndex, type FundIndex } from './coupon-index';
import { begin, end, step, stillWaiting, type ChangedBond, type Patch, type Walk } from './coupon-step';

export type { ChangedBond, Patch } from './coupon-step';

/** The patch that turns the run's ledger into the edited run's, or why there is none. */
export function walkFunds(l: Ledger, model: Model, changed: readonly ChangedBond[], delays: readonly Delay[]): Patch | string {
  if (model.shortfall === 'bridge') return 'bridge advances';
  const w = begin(l, model, changed, delays);
  const only = funds(w.tracked);
  if (only >= 0) {
    const r = walkEvents(w, fundIndex(l, only, w.payee), only);
    if (r !== SCAN) return r;
  }
  return walkPostings(begin(l, model, changed, delays), only);
}

/** Why a walk over the fund's events hands over to the walk over every posting. */
const SCAN = 'a payment may be decided otherwise: every posting is walked';

/**
 * The walk over the fund's events alone (coupon-index.ts): between two events the fund only pays,
 * and the delta does not move, so a stretch of payments is decided as before if the lowest balance
 * it leaves, moved by the delta, is not below zero. Otherwise SCAN.
 */
function walkEvents(w: Walk, index: FundIndex, f: number): Patch | string {
  const decides = w.model.shortfall !== 'negative';
  const { events, balBefore, lowest } = index;
  const delta = w.p.delta;
  for (let k = 0; k <= events.length; k++) {
    if (decides && delta[f] < 0 && lowest[k] + delta[f] < 0) return SCAN;
    if (k === events.length) break;
    const i = events[k];
    if (w.waiting !== null && w.l.period[i] !== w.period) {
      if (!stillWaiting(w.waiting, delta, w.period, w.l.period[i])) return 'a waiting payment may be paid';
      w.period = w.l.period[i];
    }
    w.bal[f] = balBefore[k];
    if (!step(w, i)) return w.why;
  }
  return end(w);
}

/** The walk over every posting (`only`: the one fund followed, kept in locals; -1 for several). */
function walkPostings(w: Walk, only: number): Patch | string {
  const l = w.l;
  const { from: FROM, to: TO, amount: AMOUNT, period: PERIOD } = l;
  const { tracked, payee, bal, waiting } = w;
  const delta = w.p.delta;
  const decides = w.model.shortfall !== 'negative';
  let b = 0;
  let d = 0;
  let pending = -1;
  for (let i = 0, n = l.length; i < n; i++) {
    if (waiting !== null && PERIOD[i] !== w.period) {
      if (only >= 0) delta[only] = d;
      if (!stillWaiting(waiting, delta, w.period, PERIOD[i])) return 'a waiting payment may be paid';
      w.period = PERIOD[i];
    }
    const from = FROM[i];
    if (from === only) {
      // The common case inline: a payment from the fund that the fund still covers.
      if (pending < 0 && payee[TO[i]] !== 0) {
        const a = AMOUNT[i];
        if (d >= 0 || !decides || b + d >= a) {
          b -= a;
          continue;
        }
      }
    } else if (only >= 0 ? TO[i] !== only : (tracked[from] | tracked[TO[i]]) === 0) continue;
    if (only >= 0) {
      bal[only] = b;
      delta[only] = d;
    }
    if (!step(w, i)) return w.why;
    pending = w.pendingTop;
    if (only >= 0) {
      b = bal[only];
      d = delta[only];
    }
  }
  if (only >= 0) delta[only] = d;
  return end(w);
}

/** The one fund followed, or -1 when there are several. */
function funds(tracked: Uint8Array): number {
  let one = -1;
  for (let a = 0; a < tracked.length; a++) {
    if (tracked[a] === 0) continue;
    if (one >= 0) return -1;
    one = a;
  }
  return one;
}
