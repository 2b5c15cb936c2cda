/**
 * A fund's postings in a finished ledger, arranged for coupon walks (coupon-walk.ts): its events —
 * every posting to or from it that is not a plain payment out of it (a payment after a top-up is
 * one: the two are decided together) — with the fund's balance before each, and for each stretch
 * of plain payments between two events the lowest balance any of them left. Made once per ledger
 * and fund, and kept with the ledger: the coupon edits of one scenario walk the same run.
 */
import type { Ledger } from '../ledger';
import { ruleIndex } from '../rules';
import type { Model } from '../model';
import { PAYEES } from '../run-payments';

export interface FundIndex {
  readonly events: Int32Array;
  /** The fund's balance before each event. */
  readonly balBefore: Float64Array;
  /** lowest[k]: the lowest balance a plain payment left between event k−1 and event k (+∞ if none); one more for the stretch after the last. */
  readonly lowest: Float64Array;
}

const TOP_UP = ruleIndex('funding.fiscalTopUp');

/** The accounts a parcel's payments go to (run-payments.ts): 1 for each. */
export function payeesOf(model: Model): Uint8Array {
  const payee = new Uint8Array(model.accounts.list.length);
  for (const [, id] of PAYEES) payee[model.accounts.idx(id)] = 1;
  return payee;
}

const INDEXES = new WeakMap<Ledger, Map<number, FundIndex>>();

export function fundIndex(l: Ledger, fund: number, payee: Uint8Array): FundIndex {
  let byFund = INDEXES.get(l);
  if (!byFund) INDEXES.set(l, (byFund = new Map()));
  let index = byFund.get(fund);
  if (!index) byFund.set(fund, (index = build(l, fund, payee)));
  return index;
}

function build(l: Ledger, f: number, payee: Uint8Array): FundIndex {
  const { from: FROM, to: TO, amount: AMOUNT, rule: RULE } = l;
  const events: number[] = [];
  const balBefore: number[] = [];
  const lowest: number[] = [];
  let b = 0;
  let low = Infinity;
  let topUp = false;
  for (let i = 0, n = l.length; i < n; i++) {
    const from = FROM[i];
    const to = TO[i];
    if (from !== f && to !== f) continue;
    const a = AMOUNT[i];
    if (from === f && !topUp && payee[to] !== 0) {
      b -= a;
      if (b < low) low = b;
      continue;
    }
    events.push(i);
    balBefore.push(b);
    lowest.push(low);
    low = Infinity;
    if (to === f && RULE[i] === TOP_UP) topUp = true;
    else if (from === f && payee[to] !== 0) topUp = false;
    b += to === f ? a : -a;
  }
  lowest.push(low);
  return { events: Int32Array.from(events), balBefore: Float64Array.from(balBefore), lowest: Float64Array.from(lowest) };
}
