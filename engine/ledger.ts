/**
 * The double-entry ledger, stored by columns.
 *
 * A posting moves a whole, positive number of fen from one account to another in one period,
 * carrying the rule that made it and the parcel and zone it belongs to:
 *   {period: 8, from: reserveFund, to: landholders, amount: 2_000_000_000, rule: acquisition.buyback, parcel: 0}
 * is Xingning's first tranche (2 000 万元, 2022-09). Typed arrays keep a province's millions of
 * postings compact; every report is a pass over these columns. Balances are kept live as well,
 * and `verifyLedger` recomputes them from the columns: the two must agree to the fen.
 */
import { assert } from './assert';

export const NONE = -1;

/** An amount (8 bytes) and six 4-byte columns. */
const BYTES_PER_POSTING = 8 + 6 * 4;
const EMPTY_INT = new Int32Array(0);
const EMPTY_FLOAT = new Float64Array(0);

/**
 * Column buffers of ledgers let go (releaseColumns), which the next ledger takes, zeroed, instead
 * of a new one: a Monte Carlo draw's ledger is some 220 kB, and a fresh buffer of that size costs
 * 25–35 µs (mapped, faulted in, unmapped, and counted against the collector's external memory) where
 * zeroing a kept one costs 2. At most SPARES_KEPT buffers of at most SPARE_BYTES each are kept, so
 * a province's run (tens of MB of columns) is never held after it is let go.
 */
const SPARES: ArrayBuffer[] = [];
const SPARES_KEPT = 2;
const SPARE_BYTES = 8 << 20;

export class Ledger {
  period: Int32Array;
  from: Int32Array;
  to: Int32Array;
  amount: Float64Array;
  rule: Int32Array;
  parcel: Int32Array;
  zone: Int32Array;
  length = 0;
  /** Live balance of each account (Σ in − Σ out), in fen. */
  readonly balances: Float64Array;

  constructor(readonly accountCount: number, capacity = 1024) {
    // Definitely assigned by columns(); TypeScript cannot see through the call.
    this.period = this.from = this.to = this.rule = this.parcel = this.zone = EMPTY_INT;
    this.amount = EMPTY_FLOAT;
    this.columns(capacity);
    this.balances = new Float64Array(accountCount);
  }

  /**
   * The seven columns as views of one buffer: one allocation (and one zero-fill) a run rather
   * than seven, which is what a Monte Carlo draw's garbage collector sees.
   */
  private columns(capacity: number): void {
    const buffer = spareOf(capacity) ?? new ArrayBuffer(capacity * BYTES_PER_POSTING);
    // A spare may be larger than asked: its room is all the ledger's.
    capacity = Math.floor(buffer.byteLength / BYTES_PER_POSTING);
    this.amount = new Float64Array(buffer, 0, capacity);
    const int = (k: number) => new Int32Array(buffer, capacity * (8 + 4 * k), capacity);
    this.period = int(0);
    this.from = int(1);
    this.to = int(2);
    this.rule = int(3);
    this.parcel = int(4);
    this.zone = int(5);
  }

  /**
   * Postings a…b−1 of `from` appended column by column, as they are: a run derived from another
   * (a re-split, a re-derived coupon) copies the stretches it leaves alone and settles the
   * balances once at the end.
   */
  copyFrom(from: Ledger, a: number, b: number): void {
    if (b <= a) return;
    while (this.period.length < this.length + b - a) this.grow();
    const at = this.length;
    this.period.set(from.period.subarray(a, b), at);
    this.from.set(from.from.subarray(a, b), at);
    this.to.set(from.to.subarray(a, b), at);
    this.amount.set(from.amount.subarray(a, b), at);
    this.rule.set(from.rule.subarray(a, b), at);
    this.parcel.set(from.parcel.subarray(a, b), at);
    this.zone.set(from.zone.subarray(a, b), at);
    this.length = at + b - a;
  }

  /** Records a movement of `amount` fen; a zero amount records nothing. */
  post(period: number, from: number, to: number, amount: number, rule: number, parcel = NONE, zone = NONE): void {
    if (amount === 0) return;
    // Checked inline: building an assertion message on every posting would cost more than the posting.
    if (!(amount > 0 && Number.isSafeInteger(amount))) assert(false, `posting amount must be a positive whole number of fen, got ${amount}`);
    if (from === to) assert(false, 'a posting needs two different accounts');
    this.place(period, from, to, amount, rule, parcel, zone);
    this.balances[from] -= amount;
    this.balances[to] += amount;
  }

  /**
   * Writes a posting's columns and nothing else: post() checks it and moves the balances; a
   * re-split (engine/incremental/resplit.ts) places amounts the run already checked and settles
   * the balances once.
   */
  place(period: number, from: number, to: number, amount: number, rule: number, parcel: number, zone: number): void {
    if (this.length === this.period.length) this.grow();
    const i = this.length++;
    this.period[i] = period;
    this.from[i] = from;
    this.to[i] = to;
    this.amount[i] = amount;
    this.rule[i] = rule;
    this.parcel[i] = parcel;
    this.zone[i] = zone;
  }

  private grow(): void {
    const { period, from, to, amount, rule, parcel, zone } = this;
    this.columns(Math.max(16, period.length * 2));
    this.period.set(period);
    this.from.set(from);
    this.to.set(to);
    this.amount.set(amount);
    this.rule.set(rule);
    this.parcel.set(parcel);
    this.zone.set(zone);
  }
}

/** A spare buffer with room for `capacity` postings, zeroed, taken from the spares; null when none has room. */
function spareOf(capacity: number): ArrayBuffer | null {
  const bytes = capacity * BYTES_PER_POSTING;
  for (let k = SPARES.length - 1; k >= 0; k--) {
    const b = SPARES[k];
    // Not one much larger than asked either: a small ledger would hold it, and grow() copy all of it.
    if (b.byteLength < bytes || b.byteLength > 2 * bytes + 64 * BYTES_PER_POSTING) continue;
    SPARES.splice(k, 1);
    new Uint8Array(b).fill(0);
    return b;
  }
  return null;
}

/**
 * Lets a ledger's columns go for a later ledger to take (see SPARES). Only for a ledger nothing will
 * read again — the run of an incremental model's draw, replaced by the next (incremental/model.ts,
 * transient). Its columns are left empty, so a read past this point finds no amounts (NaN in any
 * sum, which the invariants refuse) rather than another run's.
 */
export function releaseColumns(l: Ledger): void {
  const buffer = l.amount.buffer as ArrayBuffer;
  l.period = l.from = l.to = l.rule = l.parcel = l.zone = EMPTY_INT;
  l.amount = EMPTY_FLOAT;
  if (buffer.byteLength === 0 || buffer.byteLength > SPARE_BYTES) return;
  if (SPARES.length >= SPARES_KEPT) SPARES.shift();
  SPARES.push(buffer);
}

/** Sum of amounts by (period, rule): out[p * ruleCount + r]. */
export function sumByPeriodRule(l: Ledger, periods: number, ruleCount: number): Float64Array {
  const out = new Float64Array(periods * ruleCount);
  for (let i = 0; i < l.length; i++) out[l.period[i] * ruleCount + l.rule[i]] += l.amount[i];
  return out;
}

/** Sum of amounts by (parcel, rule): out[parcel * ruleCount + r]; postings without a parcel are skipped. */
export function sumByParcelRule(l: Ledger, parcels: number, ruleCount: number): Float64Array {
  const out = new Float64Array(parcels * ruleCount);
  for (let i = 0; i < l.length; i++) {
    const p = l.parcel[i];
    if (p !== NONE) out[p * ruleCount + l.rule[i]] += l.amount[i];
  }
  return out;
}

/** Balance of every account at the end of every period: out[p * accounts + a]. */
export function balancesByPeriod(l: Ledger, periods: number): Float64Array {
  const n = l.accountCount;
  const out = new Float64Array(periods * n);
  for (let i = 0; i < l.length; i++) {
    const base = l.period[i] * n;
    out[base + l.from[i]] -= l.amount[i];
    out[base + l.to[i]] += l.amount[i];
  }
  for (let p = 1; p < periods; p++) {
    const b = p * n;
    const prev = b - n;
    for (let a = 0; a < n; a++) out[b + a] += out[prev + a];
  }
  return out;
}

export interface LedgerVerification {
  readonly ok: boolean;
  readonly messages: string[];
}

/**
 * The zero-sum check that always runs last. A posting is one debit and one equal credit, so each
 * period balances by construction once every amount is a positive whole number of fen inside the
 * timeline; what is left to check is that, and that the balances recomputed from the columns
 * equal the live balances and sum to zero over all accounts.
 */
export function verifyLedger(l: Ledger, periods: number): LedgerVerification {
  const messages: string[] = [];
  const recomputed = new Float64Array(l.accountCount);
  for (let i = 0; i < l.length; i++) {
    const a = l.amount[i];
    if (!Number.isSafeInteger(a) || a <= 0) messages.push(`posting ${i}: amount ${a} is not a positive whole number of fen`);
    if (l.period[i] < 0 || l.period[i] >= periods) messages.push(`posting ${i}: period ${l.period[i]} outside the timeline`);
    recomputed[l.from[i]] -= a;
    recomputed[l.to[i]] += a;
  }
  let total = 0;
  for (let a = 0; a < l.accountCount; a++) {
    total += recomputed[a];
    if (recomputed[a] !== l.balances[a]) messages.push(`account ${a}: recomputed balance ${recomputed[a]} ≠ live balance ${l.balances[a]}`);
  }
  if (total !== 0) messages.push(`balances of all accounts sum to ${total} fen, not zero`);
  return { ok: messages.length === 0, messages };
}

/**
 * Σ amount by rule (out[rule], `rules` long): the one pass every by-rule total is made from — the
 * fast readers' and a coupon edit's starting totals. A function of its own, so that V8 optimises
 * the whole loop.
 */
export function sumByRule(l: Ledger, rules: number): Float64Array {
  const s = new Float64Array(rules);
  const { rule, amount } = l;
  for (let i = 0, n = l.length; i < n; i++) s[rule[i]] += amount[i];
  return s;
}
