/**
 * One posting of a coupon walk (coupon-walk.ts) that touches a followed fund, decided again under
 * the fund's delta: a changed bond's debt service replaced (and still met by the fund), another
 * bond's still met, a top-up re-sized, dropped or added with its payment, a payment that must still
 * be payable; a bridge, an advance returned, an early redemption, budget support or a rollover
 * while the delta is not zero gives up. Also the walk's state, its start and its end.
 */
import type { Ledger } from '../ledger';
import { RULE_IDS, ruleIndex } from '../rules';
import type { DebtServiceRow } from '../bond';
import type { Model } from '../model';
import type { Delay } from '../run';
import { payeesOf } from './coupon-index';
import { recovery, resize, support } from './coupon-support';

/** A bond whose coupon changed: its accounts and its rows before and after (the same periods and postings). */
export interface ChangedBond {
  readonly fund: number;
  readonly holders: number;
  readonly agent: number;
  readonly oldRows: readonly DebtServiceRow[];
  readonly newRows: readonly DebtServiceRow[];
}

/** A posting added before the old posting at `at` (several at one place keep their order). */
export interface Inserted {
  readonly at: number;
  readonly period: number;
  readonly from: number;
  readonly to: number;
  readonly amount: number;
  readonly rule: number;
  readonly parcel: number;
  readonly zone: number;
}

/** Budget support of a bond's row as re-derived (coupon-support.ts). */
export interface Support {
  readonly bond: number;
  readonly period: number;
  readonly gap: number;
}

/** Postings changed (index, new amount), dropped and added; budget support re-derived. */
export interface Patch {
  readonly setAt: number[];
  readonly setAmount: number[];
  readonly dropAt: number[];
  readonly inserts: Inserted[];
  readonly supports: Support[];
  /** Per account, its balance after the edit less before. */
  readonly delta: Float64Array;
  /** The budget's support for debt service not returned by the end, after the edit less before. */
  debtSupportChange: number;
}

const R = { interest: ruleIndex('bond.interest'), principal: ruleIndex('bond.principal') };
const TOP_UP_RULE = ruleIndex('funding.fiscalTopUp');
/** A posting without a parcel (ledger.ts's NONE, kept local: an imported binding is a getter call in the loop). */
const NO_PARCEL = -1;
/** What a rule is to the walk. */
const OTHER = 0;
/** Its amount or existence depends on a fund's balance in ways the walk does not re-derive. */
const GIVE_UP = 1;
/** Debt service (or an early redemption's fee, which has a parcel). */
const SERVICE = 2;
const TOP_UP = 3;
const SUPPORT = 4;
const RECOVERY = 5;
/** An advance returned: handled with the recovery it follows, else the walk gives up. */
const RETURN = 6;
const RULE_KIND = new Uint8Array(RULE_IDS.length).fill(OTHER);
for (const id of ['funding.bridge', 'funding.bridgeReturn', 'funding.preAllocationReturn', 'bond.earlyRedemption', 'bond.rollover']) RULE_KIND[ruleIndex(id)] = GIVE_UP;
RULE_KIND[ruleIndex('bond.fiscalSupport')] = SUPPORT;
RULE_KIND[ruleIndex('sale.costRecovery')] = RECOVERY;
RULE_KIND[ruleIndex('bond.fiscalSupportReturn')] = RETURN;
for (const id of ['bond.interest', 'bond.principal', 'bond.redemptionFee']) RULE_KIND[ruleIndex(id)] = SERVICE;
RULE_KIND[ruleIndex('funding.fiscalTopUp')] = TOP_UP;

/** What the walk carries from posting to posting. */
export interface Walk {
  readonly l: Ledger;
  readonly model: Model;
  readonly changed: readonly ChangedBond[];
  readonly rowOf: readonly Map<number, number>[];
  readonly owner: Int32Array;
  readonly payee: Uint8Array;
  readonly fiscal: number;
  readonly tracked: Uint8Array;
  /** The old run's balances of the followed funds before the posting. */
  readonly bal: Float64Array;
  readonly p: Patch;
  /** A top-up waiting for its payment (its index, and the fund's old balance before it), or -1. */
  pendingTop: number;
  pendingBal: number;
  /** Postings of changed bonds met, of those expected. */
  seen: number;
  readonly expected: number;
  /** Under wait: per fund followed, the periods in which payments waited on it; and the period reached. */
  readonly waiting: Map<number, Uint8Array> | null;
  period: number;
  /** Why the walk gave up. */
  why: string;
  /** Holders' and agents' accounts → their bond's index. */
  readonly bondOf: Int32Array;
  /** Per fund followed, the budget's advances for debt service in the order made: outstanding before and after the edit. */
  readonly advances: Map<number, Advance[]>;
  /** The row whose debt service the budget supports after the edit (its postings need not be met by the fund). */
  supportedPeriod: number;
  supportedBond: number;
  /** Postings before this one were handled with an earlier posting (advances returned with a recovery). */
  skipUntil: number;
}

/** An advance of the budget for debt service (advances.ts): outstanding in the old run and in the edited. */
export interface Advance {
  old: number;
  next: number;
}

/** A walk's state before the first posting. */
export function begin(l: Ledger, model: Model, changed: readonly ChangedBond[], delays: readonly Delay[]): Walk {
  const nA = l.accountCount;
  const tracked = new Uint8Array(nA);
  const owner = new Int32Array(nA).fill(-1);
  const rowOf = changed.map((c) => new Map(c.oldRows.map((r, k) => [r.period, k])));
  let expected = 0;
  changed.forEach((c, k) => {
    tracked[c.fund] = 1;
    owner[c.holders] = k;
    owner[c.agent] = k;
    for (const r of c.oldRows) expected += (r.interest > 0 ? 1 : 0) + (r.fees > 0 ? 1 : 0) + (r.principal > 0 ? 1 : 0);
  });
  const p: Patch = { setAt: [], setAmount: [], dropAt: [], inserts: [], supports: [], delta: new Float64Array(nA), debtSupportChange: 0 };
  const bondOf = new Int32Array(nA).fill(-1);
  for (const b of model.bonds) {
    bondOf[b.holders] = b.index;
    bondOf[b.agent] = b.index;
  }
  const waiting = model.shortfall === 'wait' ? waitingPeriods(model, delays, tracked) : null;
  return { l, model, changed, rowOf, owner, bondOf, payee: payeesOf(model), fiscal: model.accounts.idx('fiscal'), tracked, bal: new Float64Array(nA), p, pendingTop: -1, pendingBal: 0, seen: 0, expected, waiting, period: 0, why: '', advances: new Map(), supportedPeriod: -1, supportedBond: -1, skipUntil: 0 };
}

/** The walk's end: every changed bond's posting met, no top-up left without its payment, the waits unchanged to the last period. */
export function end(w: Walk): Patch | string {
  if (w.pendingTop >= 0 || w.seen !== w.expected) return 'the bond\'s postings are not where the schedule puts them';
  if (w.waiting && !stillWaiting(w.waiting, w.p.delta, w.period, w.model.timeline.months)) return 'a waiting payment may be paid';
  return w.p;
}

/** Posting i, from or to a followed fund: false to give up. */
export function step(w: Walk, i: number): boolean {
  const { l, tracked, payee, bal, p } = w;
  const delta = p.delta;
  const from = l.from[i];
  const to = l.to[i];
  const a = l.amount[i];
  if ((tracked[from] & tracked[to]) !== 0) return giveUp(w, 'a posting between two followed funds');
  const f = tracked[from] !== 0 ? from : to;
  const kind = RULE_KIND[l.rule[i]];
  if (w.pendingTop >= 0 && !(from === f && payee[to] !== 0)) return giveUp(w, 'a top-up not followed by its payment');
  if (i < w.skipUntil) {
    // Already decided with the posting it follows.
  } else if (kind === GIVE_UP) {
    if (delta[f] !== 0) return giveUp(w, 'a bridge, a pre-allocation returned, an early redemption or a rollover on a changed fund');
  } else if (kind === SUPPORT && to === f) {
    if (!support(w, i)) return giveUp(w, 'budget support decided otherwise');
  } else if (kind === RECOVERY && to === f) {
    if (!recovery(w, i)) return giveUp(w, 'advances returned otherwise');
  } else if (kind === RETURN) {
    return giveUp(w, 'an advance returned without its recovery');
  } else if (kind === SERVICE && from === f && l.parcel[i] === NO_PARCEL) {
    // Debt service: a changed bond's amount replaced; every bond's coupon still met by the fund.
    const k = w.owner[to];
    if (k >= 0) {
      const c = w.changed[k];
      const row = w.rowOf[k].get(l.period[i]);
      if (row === undefined || c.fund !== f) return giveUp(w, 'a bond posting off its schedule');
      const r = l.rule[i];
      const field = r === R.interest ? 'interest' : r === R.principal ? 'principal' : 'fees';
      if (c.oldRows[row][field] !== a) return giveUp(w, 'a bond posting off its schedule');
      const next = c.newRows[row][field];
      w.seen++;
      if (next !== a) {
        p.setAt.push(i);
        p.setAmount.push(next);
        delta[f] += a - next;
        delta[to] += next - a;
      }
      if (!supported(w, i) && bal[f] - a + delta[f] < 0) return giveUp(w, 'the fund no longer meets a coupon');
    } else if (delta[f] !== 0 && !supported(w, i) && bal[f] - a + delta[f] < 0) return giveUp(w, 'the fund no longer meets a coupon');
  } else if (kind === TOP_UP && to === f) {
    if (w.model.shortfall !== 'fiscalTopUp') return giveUp(w, 'a top-up under another policy');
    w.pendingTop = i;
    w.pendingBal = bal[f];
  } else if (from === f && payee[to] !== 0) {
    if (!payment(l, i, f, w.fiscal, w.model.shortfall, bal[f], w.pendingTop, w.pendingBal, p)) return giveUp(w, 'a payment decided otherwise');
    w.pendingTop = -1;
  }
  if (tracked[from] !== 0) bal[from] -= a;
  else bal[to] += a;
  return true;
}

/** Whether debt-service posting i belongs to the row the budget supports (after the edit). */
function supported(w: Walk, i: number): boolean {
  return w.l.period[i] === w.supportedPeriod && w.bondOf[w.l.to[i]] === w.supportedBond;
}

function giveUp(w: Walk, why: string): false {
  w.why = why;
  return false;
}

/**
 * Payment i from fund f (old balance b0 before it, or before its top-up at `top`): the same
 * decision under the fund's delta, or a top-up re-sized, dropped or added. False to give up.
 */
function payment(l: Ledger, i: number, f: number, fiscal: number, policy: Model['shortfall'], b0: number, top: number, topBal: number, p: Patch): boolean {
  const rest = l.amount[i];
  const d = p.delta[f];
  if (policy === 'negative') return true;
  if (policy === 'wait') return d >= 0 || b0 + d >= rest;
  if (top >= 0) {
    // The top-up, then (if the parcel's project account paid part) one posting from it, then this.
    const between = i - top;
    if (l.parcel[top] !== l.parcel[i] || l.period[top] !== l.period[i]) return false;
    if (between === 2 ? l.from[i - 1] === f || l.parcel[i - 1] !== l.parcel[i] || l.rule[i - 1] !== l.rule[i] : between !== 1) return false;
    const old = l.amount[top];
    if (old !== rest - Math.max(0, topBal)) return false;
    resize(p, top, old, Math.max(0, rest - Math.max(0, topBal + d)), f, fiscal);
    return true;
  }
  if (d >= 0) return true;
  const gap = rest - Math.max(0, b0 + d);
  if (gap <= 0) return true;
  // A new top-up goes before the payment's first posting: give up if a project account's part may sit between.
  if (i > 0 && l.period[i - 1] === l.period[i] && l.parcel[i - 1] === l.parcel[i] && l.rule[i - 1] === l.rule[i] && l.to[i - 1] === l.to[i]) return false;
  p.inserts.push({ at: i, period: l.period[i], from: fiscal, to: f, amount: gap, rule: TOP_UP_RULE, parcel: l.parcel[i], zone: l.zone[i] });
  p.delta[f] += gap;
  p.delta[fiscal] -= gap;
  return true;
}

/** Per fund followed, the periods in which a payment on it waited (its queue was not empty when payments were due). */
function waitingPeriods(model: Model, delays: readonly Delay[], tracked: Uint8Array): Map<number, Uint8Array> {
  const months = model.timeline.months;
  const out = new Map<number, Uint8Array>();
  for (const d of delays) {
    const f = model.parcels[d.parcel].fund;
    if (!tracked[f]) continue;
    let w = out.get(f);
    if (!w) out.set(f, (w = new Uint8Array(months)));
    for (let t = d.duePeriod; t < (d.paidPeriod < 0 ? months : d.paidPeriod); t++) w[t] = 1;
  }
  return out;
}

/**
 * Periods a … b−1 are over: in each where a payment waited on a fund, the fund must not hold more
 * than before (a waiting payment could then be paid). Under wait the delta moves only with debt
 * service (phase 2), so its value at a period's end is its value when payments were due.
 */
export function stillWaiting(waiting: Map<number, Uint8Array>, delta: Float64Array, a: number, b: number): boolean {
  for (const [f, w] of waiting) {
    if (delta[f] <= 0) continue;
    for (let t = a; t < b; t++) if (w[t]) return false;
  }
  return true;
}
