/**
 * A run's payment blocks: where each month's payments (phase 3) sit in its ledger, and what the
 * funds they draw on held just before and after them. A later run of the same payments — a sale
 * price factor rewrites only the sale amounts, so every acquisition, fee, works and holding
 * payment falls in the same month with the same amount — may copy a month's block from the
 * earlier run's ledger instead of paying it again, when it can prove the block comes out the same:
 *
 *   - every payment of the block has the amount it had (a sale fee at a rate moves with the price);
 *   - no payment draws on a bond project's account (what it takes from there moves with its balance);
 *   - each fund a payment draws on holds what it held then (d = 0: every decision is the same), or
 *     more or less by d while the earlier block topped nothing up and the fund, less d, never went
 *     below zero in it (its balance only fell, to `after`; after + d ≥ 0 means every payment was
 *     still covered, so none is topped up now either) — under "negative" a payment never waits or
 *     is topped up, so any d will do; under "wait" nothing is copied.
 *
 * Example: a fund held 500 before a month whose two holding payments of 100 took it to 300 with
 * no top-up; in the edited run it holds 260 before that month (d = −240): 300 − 240 ≥ 0, so both
 * payments are paid from the fund alone again, and the block's postings are the earlier run's.
 */
import type { Ledger } from './ledger';
import { NONE } from './ledger';
import { Kind, PHASES, type Events } from './run-events';

/** The funds payments draw on, each with a slot: slot[account] (−1 for other accounts), accounts[slot]. */
interface FundSlots {
  readonly slot: Int32Array;
  readonly accounts: Int32Array;
  readonly count: number;
}

/** Keyed on a layout's per-parcel fund column, which a rewritten layout shares with the one it came from. */
const SLOTS = new WeakMap<Int32Array, FundSlots>();

function slotsOf(ev: Events, accounts: number): FundSlots {
  let s = SLOTS.get(ev.fund);
  if (s && s.slot.length === accounts) return s;
  const slot = new Int32Array(accounts).fill(-1);
  const list: number[] = [];
  for (let p = 0; p < ev.fund.length; p++) {
    if (slot[ev.fund[p]] < 0) {
      slot[ev.fund[p]] = list.length;
      list.push(ev.fund[p]);
    }
  }
  s = { slot, accounts: Int32Array.from(list), count: list.length };
  SLOTS.set(ev.fund, s);
  return s;
}

export class PaymentBlocks {
  /** Ledger positions of each month's payments: start[period] … end[period] − 1. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 when the month's payments posted a top-up or a bridge. */
  readonly shortfall: Uint8Array;
  /** Each fund's balance before and after the month's payments: [period × funds + slot]. */
  readonly before: Float64Array;
  readonly after: Float64Array;
  readonly funds: FundSlots;
  /** Months this run copied from an earlier run's blocks. */
  copied = 0;
  /** Scratch for sameBlock: per fund slot, 1 when its payments may be copied this month. */
  readonly fundOk: Uint8Array;

  constructor(readonly ev: Events, readonly ledger: Ledger, months: number) {
    this.funds = slotsOf(ev, ledger.accountCount);
    const f = this.funds.count;
    const buffer = new ArrayBuffer(months * (8 + 16 * f) + months);
    this.before = new Float64Array(buffer, 0, months * f);
    this.after = new Float64Array(buffer, months * f * 8, months * f);
    this.start = new Int32Array(buffer, months * f * 16, months);
    this.end = new Int32Array(buffer, months * (f * 16 + 4), months);
    this.shortfall = new Uint8Array(buffer, months * (f * 16 + 8), months);
    this.fundOk = new Uint8Array(f);
  }

  /** The month's payments begin here. */
  open(period: number): void {
    this.start[period] = this.ledger.length;
    this.keep(this.before, period);
  }

  /** The month's payments end here. */
  close(period: number, shortfall: boolean): void {
    this.end[period] = this.ledger.length;
    this.shortfall[period] = shortfall ? 1 : 0;
    this.keep(this.after, period);
  }

  private keep(into: Float64Array, period: number): void {
    const { accounts, count } = this.funds;
    const bal = this.ledger.balances;
    const at = period * count;
    for (let s = 0; s < count; s++) into[at + s] = bal[accounts[s]];
  }
}

/** The blocks of an earlier run whose layout has the same payments, in the same places, as `ev`. */
export function priorBlocksFor(prior: PaymentBlocks | undefined, ev: Events, accounts: number): PaymentBlocks | undefined {
  if (!prior) return undefined;
  const old = prior.ev;
  // A layout's columns are views of one buffer and a rewrite replaces only `amount`: the same
  // `start` is the same layout in every other column.
  return old.start === ev.start && prior.ledger.accountCount === accounts ? prior : undefined;
}

/**
 * Whether month `period`'s payments, about to be paid into `ledger` (whose live balances are
 * this run's), come out as `prior`'s block did, under shortfall policy `policy` (1 top-up, 2
 * bridge, 3 negative).
 */
export function sameBlock(prior: PaymentBlocks, ev: Events, ledger: Ledger, period: number, policy: number): boolean {
  const shortfall = prior.shortfall[period] === 1;
  if (policy === 2 && shortfall) return false;
  // Each fund once: may the month's payments on it be copied (d = 0, or no top-up then and enough now)?
  const { accounts, count } = prior.funds;
  const bal = ledger.balances;
  const at = period * count;
  const ok = prior.fundOk;
  for (let s = 0; s < count; s++) {
    const d = bal[accounts[s]] - prior.before[at + s];
    ok[s] = policy === 3 || d === 0 || (!shortfall && prior.after[at + s] + d >= 0) ? 1 : 0;
  }
  // A rewritten layout moves only receipts and sale fees: of the payments, only a sale fee's amount can differ.
  const old = prior.ev.amount;
  const { amount, parcel, kind, projectAccount, developer, fund } = ev;
  const slot = prior.funds.slot;
  const base = period * PHASES + 2;
  for (let i = ev.start[base], end = ev.start[base + 1]; i < end; i++) {
    const k = kind[i];
    if (k === Kind.SaleFee && amount[i] !== old[i]) return false;
    const p = parcel[i];
    if (projectAccount[p] !== NONE) return false;
    if (ok[slot[fund[p]]] === 0 && !(developer[p] !== NONE && (k === Kind.Works || k === Kind.ManagementFee))) return false;
  }
  return true;
}

/**
 * Appends `prior`'s block of month `period` to `ledger` and moves its balances by it. Posting by
 * posting (place): a month's block is a hundred or so postings, and Ledger.copyFrom's seven
 * subarrays a call cost more than that.
 */
export function copyBlock(prior: PaymentBlocks, ledger: Ledger, period: number): void {
  const { from, to, amount, rule, parcel, zone } = prior.ledger;
  const bal = ledger.balances;
  for (let k = prior.start[period], b = prior.end[period]; k < b; k++) {
    const x = amount[k];
    ledger.place(period, from[k], to[k], x, rule[k], parcel[k], zone[k]);
    bal[from[k]] -= x;
    bal[to[k]] += x;
  }
}
