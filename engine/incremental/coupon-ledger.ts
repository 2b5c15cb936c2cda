/**
 * A finished run's ledger with a coupon walk's patch applied (coupon-walk.ts): amounts replaced,
 * top-ups, budget support and its returns dropped or added where the run would have posted them, balances moved by the patch's
 * deltas. When no posting is added or dropped every posting keeps its place, so only the amounts
 * are copied and the other columns and the log of splits are the old run's; otherwise the columns
 * are copied around the changes and the log's places are moved with them.
 */
import { Ledger } from '../ledger';
import { ShareLog } from '../share-log';
import type { Patch } from './coupon-walk';

export function patchedLedger(old: Ledger, p: Patch): { ledger: Ledger; moved: (i: number) => number } {
  if (p.dropAt.length === 0 && p.inserts.length === 0) {
    const ledger = new Ledger(old.accountCount, 0);
    ledger.period = old.period;
    ledger.from = old.from;
    ledger.to = old.to;
    ledger.amount = old.amount.slice();
    ledger.rule = old.rule;
    ledger.parcel = old.parcel;
    ledger.zone = old.zone;
    ledger.length = old.length;
    for (let k = 0; k < p.setAt.length; k++) ledger.amount[p.setAt[k]] = p.setAmount[k];
    settle(ledger, old, p);
    return { ledger, moved: (i) => i };
  }
  const ledger = new Ledger(old.accountCount, old.length + p.inserts.length);
  const amount = new Map<number, number>();
  for (let k = 0; k < p.setAt.length; k++) amount.set(p.setAt[k], p.setAmount[k]);
  // Cut points: each added posting before its place (those at one place in the order added), each dropped one left out.
  const cuts = [...p.inserts.map((x, k) => ({ at: x.at, k, drop: false })), ...p.dropAt.map((at) => ({ at, k: -1, drop: true }))].sort((x, y) => x.at - y.at || Number(x.drop) - Number(y.drop) || x.k - y.k);
  let copied = 0;
  for (const c of cuts) {
    ledger.copyFrom(old, copied, c.at);
    copied = c.at;
    if (c.drop) copied = c.at + 1;
    else {
      const x = p.inserts[c.k];
      ledger.place(x.period, x.from, x.to, x.amount, x.rule, x.parcel, x.zone);
    }
  }
  ledger.copyFrom(old, copied, old.length);
  // The replaced amounts, at their new places.
  const moved = mover(p);
  for (const [i, a] of amount) ledger.amount[moved(i)] = a;
  settle(ledger, old, p);
  return { ledger, moved };
}

/** The balances: the old run's, moved by the patch. */
function settle(ledger: Ledger, old: Ledger, p: Patch): void {
  ledger.balances.set(old.balances);
  for (let a = 0; a < p.delta.length; a++) ledger.balances[a] += p.delta[a];
}

/** Old posting index → its index once the patch's postings are added and dropped (for a posting kept). */
function mover(p: Patch): (i: number) => number {
  const ins = p.inserts.map((x) => x.at).sort((a, b) => a - b);
  const drops = [...p.dropAt].sort((a, b) => a - b);
  const countAtMost = (xs: readonly number[], i: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (i) => i + countAtMost(ins, i) - countAtMost(drops, i - 1);
}

/** The log of splits with its places moved (splits themselves are not touched by a coupon). */
export function movedLog(log: ShareLog, moved: (i: number) => number): ShareLog {
  const next = new ShareLog();
  for (let k = 0; k < log.length; k++) {
    const s = log.start[k];
    const e = log.end[k];
    const start = moved(s);
    next.record(start, log.parcel[k], log.amount[k], log.from[k]);
    next.close(e > s ? moved(e - 1) + 1 : start);
  }
  return next;
}
