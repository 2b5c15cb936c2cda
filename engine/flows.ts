/**
 * Flows: a parcel's dated payments of one kind (acquisition tranches, works, holding cost, rent,
 * sale receipts) — payment k falls in period `periodAt(f, k)` and is `amountAt(f, k)` whole fen.
 *
 * Stated payments are kept as two columns. An even spread is kept as its rule: a holding cost of
 * 1 000.05 元 over 36 months from period 4 is 2 777 fen a month and one fen more in the first 33
 * months (allocate over equal weights, without the weights), so 10 000 parcels × 240 months of
 * holding cost are never 2.4 million objects; the run reads each payment once, when it lays out
 * the events of its months. Flows are plain data (one shape for both kinds): they survive a
 * structured clone to a worker (as plain objects) and JSON as they are.
 *
 *   amountAt(columns([4, 8], [200_000_000, 420_527_000]), 1)   → 420527000
 *   periodAt(evenSpread(100_005, 4, 36), 35), amountAt(…, 33)   → 39, 2777
 */
import type { Fen } from './money';

export interface Flows {
  readonly length: number;
  /** The sum of the amounts. */
  readonly total: Fen;
  /** Stated payments' periods and amounts; null for an even spread. */
  readonly periods: readonly number[] | null;
  readonly amounts: readonly Fen[] | null;
  /** An even spread: its first period, the whole fen of a month, how many first months take one fen more, the sign. */
  readonly first: number;
  readonly each: Fen;
  readonly left: number;
  readonly sign: number;
}

export function periodAt(f: Flows, k: number): number {
  return f.periods !== null ? f.periods[k] : f.first + k;
}

export function amountAt(f: Flows, k: number): Fen {
  if (f.amounts !== null) return f.amounts[k];
  const a = k < f.left ? f.each + 1 : f.each;
  return a === 0 ? 0 : f.sign * a;
}

/**
 * Flows made by a constructor rather than literals: V8 tracks a literal's allocation site, and as
 * an adjusted model's flows outlive a scavenge it comes to allocate them straight into the old
 * generation, where each field pointing at just-made columns is a write-barrier entry (a price
 * factor's edit ran at twice its time). One class for every kind, so every Flows has one shape.
 */
class FlowsRecord implements Flows {
  declare readonly length: number;
  declare readonly total: Fen;
  declare readonly periods: readonly number[] | null;
  declare readonly amounts: readonly Fen[] | null;
  declare readonly first: number;
  declare readonly each: Fen;
  declare readonly left: number;
  declare readonly sign: number;
  constructor(length: number, total: Fen, periods: readonly number[] | null, amounts: readonly Fen[] | null, first: number, each: Fen, left: number, sign: number) {
    this.length = length;
    this.total = total;
    this.periods = periods;
    this.amounts = amounts;
    this.first = first;
    this.each = each;
    this.left = left;
    this.sign = sign;
  }
}

export const NO_FLOWS: Flows = new FlowsRecord(0, 0, [], [], 0, 0, 0, 1);

/** Payments in the given periods with the given amounts (same length). */
export function columns(periods: readonly number[], amounts: readonly Fen[]): Flows {
  if (periods.length === 0) return NO_FLOWS;
  let total = 0;
  // Indexed: the amounts come as small integers or as doubles, and for…of over both made an iterator.
  for (let k = 0; k < amounts.length; k++) total += amounts[k];
  return new FlowsRecord(periods.length, total, periods, amounts, 0, 0, 0, 1);
}

/** `total` spread evenly over `months` consecutive periods from `first`, whole fen, exact; none for 0 months or 0 fen. */
export function evenSpread(total: Fen, first: number, months: number): Flows {
  if (months <= 0 || total === 0) return NO_FLOWS;
  const neg = total < 0;
  const abs = neg ? -total : total;
  let q = Math.floor(abs / months);
  // The float quotient can be one off near 2^53: settle it with exact products.
  while (q * months > abs) q -= 1;
  while ((q + 1) * months <= abs) q += 1;
  return new FlowsRecord(months, total, null, null, first, q, abs - q * months, neg ? -1 : 1);
}

/**
 * One payment: kept as a spread over one month (no columns), which reads the same. A province's
 * parcels each pay their acquisition and its fee in one go: two arrays fewer a payment.
 */
export function single(period: number, amount: Fen): Flows {
  const neg = amount < 0;
  return new FlowsRecord(1, amount, null, null, period, neg ? -amount : amount, 0, neg ? -1 : 1);
}

/**
 * The order the run meets payments listed out of month order — by month, then as listed (the
 * event layout's stable sort, run-events.ts) — or null when they are listed in that order. The
 * settlement's receipt-by-receipt spread and the layout's rewrite both follow it.
 */
export function arrivalOrder(f: Flows): number[] | null {
  let ordered = true;
  for (let k = 1; k < f.length && ordered; k++) ordered = periodAt(f, k - 1) <= periodAt(f, k);
  if (ordered) return null;
  return Array.from({ length: f.length }, (_, k) => k).sort((x, y) => periodAt(f, x) - periodAt(f, y) || x - y);
}

/** The amounts, in order. */
export function amountsOf(f: Flows): Fen[] {
  const out: Fen[] = new Array(f.length);
  for (let k = 0; k < f.length; k++) out[k] = amountAt(f, k);
  return out;
}

/** The periods, in order. */
export function periodsOf(f: Flows): number[] {
  const out: number[] = new Array(f.length);
  for (let k = 0; k < f.length; k++) out[k] = periodAt(f, k);
  return out;
}

export function totalOf(f: Flows): Fen {
  return f.total;
}

/** The latest period of any payment, or `floor` if later (or none). */
export function lastPeriod(f: Flows, floor: number): number {
  let m = floor;
  for (let k = 0; k < f.length; k++) if (periodAt(f, k) > m) m = periodAt(f, k);
  return m;
}
