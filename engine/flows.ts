/**
 * Flows: a parcel's dated payments of one kind (acquisition tranches, works, holding cost, rent,
 * sale receipts) — payment k falls in period `periodAt(k)` and is `amountAt(k)` whole fen.
 *
 * Stated payments are kept as two columns. An even spread is kept as its rule: a holding cost of
 * 1 000.05 元 over 36 months from period 4 is 2 777 fen a month and one fen more in the first 33
 * months (allocate over equal weights, without the weights), so 10 000 parcels × 240 months of
 * holding cost are never 2.4 million objects; the run reads each payment once, when it lays out
 * the events of its months.
 *
 *   columns([4, 8], [200_000_000, 420_527_000]).amountAt(1)   → 420527000
 *   evenSpread(100_005, 4, 36).periodAt(35), .amountAt(33)    → 39, 2777
 */
import type { Fen } from './money';

export interface Flows {
  readonly length: number;
  periodAt(k: number): number;
  amountAt(k: number): Fen;
}

/** Payments stated one by one: periods and amounts side by side. */
class Columns implements Flows {
  constructor(
    readonly periods: readonly number[],
    readonly amounts: readonly Fen[],
  ) {}

  get length(): number {
    return this.periods.length;
  }

  periodAt(k: number): number {
    return this.periods[k];
  }

  amountAt(k: number): Fen {
    return this.amounts[k];
  }
}

/** `total` spread over `months` periods from `first`: ⌊|total| ÷ months⌋ a month, one fen more in the first (remainder) months, signed. */
class EvenSpread implements Flows {
  private readonly each: Fen;
  private readonly left: number;
  private readonly sign: number;

  constructor(
    readonly total: Fen,
    readonly first: number,
    readonly length: number,
  ) {
    const neg = total < 0;
    const abs = neg ? -total : total;
    let q = Math.floor(abs / length);
    // The float quotient can be one off near 2^53: settle it with exact products.
    while (q * length > abs) q -= 1;
    while ((q + 1) * length <= abs) q += 1;
    this.each = q;
    this.left = abs - q * length;
    this.sign = neg ? -1 : 1;
  }

  periodAt(k: number): number {
    return this.first + k;
  }

  amountAt(k: number): Fen {
    const a = k < this.left ? this.each + 1 : this.each;
    return a === 0 ? 0 : this.sign * a;
  }
}

export const NO_FLOWS: Flows = new Columns([], []);

/** Payments in the given periods with the given amounts (same length). */
export function columns(periods: readonly number[], amounts: readonly Fen[]): Flows {
  return periods.length === 0 ? NO_FLOWS : new Columns(periods, amounts);
}

/** `total` spread evenly over `months` consecutive periods from `first`, whole fen, exact; none for 0 months or 0 fen. */
export function evenSpread(total: Fen, first: number, months: number): Flows {
  return months <= 0 || total === 0 ? NO_FLOWS : new EvenSpread(total, first, months);
}

/** One payment. */
export function single(period: number, amount: Fen): Flows {
  return new Columns([period], [amount]);
}

/** The amounts, in order. */
export function amountsOf(f: Flows): Fen[] {
  const out: Fen[] = new Array(f.length);
  for (let k = 0; k < f.length; k++) out[k] = f.amountAt(k);
  return out;
}

/** The periods, in order. */
export function periodsOf(f: Flows): number[] {
  const out: number[] = new Array(f.length);
  for (let k = 0; k < f.length; k++) out[k] = f.periodAt(k);
  return out;
}

export function totalOf(f: Flows): Fen {
  if (f instanceof EvenSpread) return f.total;
  let s = 0;
  for (let k = 0; k < f.length; k++) s += f.amountAt(k);
  return s;
}

/** The same payments, each `months` later. */
export function shifted(f: Flows, months: number): Flows {
  if (months === 0 || f.length === 0) return f;
  if (f instanceof EvenSpread) return new EvenSpread(f.total, f.first + months, f.length);
  return new Columns(periodsOf(f).map((p) => p + months), amountsOf(f));
}

/** The latest period of any payment, or `floor` if later (or none). */
export function lastPeriod(f: Flows, floor: number): number {
  let m = floor;
  for (let k = 0; k < f.length; k++) if (f.periodAt(k) > m) m = f.periodAt(k);
  return m;
}

/** The earliest period, or null without payments. */
export function firstPeriod(f: Flows): number | null {
  if (f.length === 0) return null;
  let m = f.periodAt(0);
  for (let k = 1; k < f.length; k++) if (f.periodAt(k) < m) m = f.periodAt(k);
  return m;
}
