/**
 * Allocation: whole fen split by integer weights so that not one fen is lost or made — the parts
 * sum to the total exactly, the leftover fen handed out one each in a fixed order (dinero.js
 * `allocate`). A sale of 1 001 fen shared 1:1 between two tiers is 501 and 500, never 500.5 each.
 *
 * Each part starts as floor(total × weight / Σweights), which must stay exact when a large total
 * meets weights of many digits and the product passes 2^53: integer arithmetic in doubles, 26-bit
 * limbs where the product outgrows one, BigInt only as a fallback no allocation reaches — a run
 * allocates on every sale, and BigInt would leave garbage each time. No Decimal: totals and
 * weights are integers already (money.ts's weightsFromStrings makes weights from text).
 */
import type { Fen } from './money';

/**
 * Splits `total` fen by integer weights so that the parts sum to `total` exactly.
 * Each part gets floor(total × w / Σw); the fen left over go one each to the parts in order
 * (dinero.js `allocate`). allocate(1000, [6, 4]) → [600, 400]; allocate(1001, [1, 1]) → [501, 500].
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  let sum = 0;
  // Indexed loops: `for…of` made an iterator object per call, a run's largest garbage after the parcels'.
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weight must be a non-negative integer: ${w}`);
    sum += w;
  }
  if (sum === 0) throw new RangeError('weights sum to zero');
  const neg = total < 0;
  const abs = neg ? -total : total;
  if (weights.length === 2) {
    // Two parts (a sale's two receipts, a 6:4 split): the fen left over (0 or 1) goes to the first
    // when it has a weight, so the first is always the total less the second — one exact division
    // instead of two (each past 2^53 when the weights are receipts in fen).
    const second = floorMulDiv(abs, weights[1], sum);
    const first = abs - second || 0;
    return neg ? [first === 0 ? 0 : -first, second === 0 ? 0 : -second] : [first, second];
  }
  // Loops, not map/reduce: a run allocates once or twice per sale, and closures cost there.
  const parts = new Array<Fen>(weights.length);
  let left = abs;
  for (let i = 0; i < weights.length; i++) {
    parts[i] = floorMulDiv(abs, weights[i], sum);
    left -= parts[i];
  }
  for (let i = 0; left > 0; i = (i + 1) % parts.length) {
    if (weights[i] > 0) { parts[i] += 1; left -= 1; }
  }
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}

/**
 * floor(a × b / c), exact, for safe integers a and b and a positive safe integer c whose answer is
 * a safe integer (allocate's parts: b ≤ c, so the answer is at most |a|). Below 2^53 the product
 * is exact in a double; above, the double quotient is within 3 of the answer and the remainder
 * a·b − q·c (less than 4c, so below 2^55) is computed exactly from the low 78 bits of both
 * products in 26-bit limbs, then the quotient corrected — no BigInt, so nothing to collect.
 * BigInt stays as the fallback for an answer beyond 2^53 (which no allocation asks for).
 *
 *   floorMulDiv(2 ** 52 + 1, 2 ** 52 - 1, 2 ** 52) → 4503599627370495  (a·b = 2^104 − 1: just under 2^52)
 */
export function floorMulDiv(a: number, b: number, c: number): number {
  if (!(c > 0)) throw new RangeError(`floorMulDiv divides by a positive integer, got ${c}`);
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    // The double quotient floors right: when p/c is not whole it is at least 1/c from every
    // integer, and rounding moves it by at most |p/c|·2^−53 < 2^53/c·2^−53 = 1/c, so never onto
    // or past one; when it is whole it is exact. (No %: a double remainder is a call to fmod.)
    return Math.floor(p / c) || 0;
  }
  const neg = (a < 0) !== (b < 0);
  const absA = a < 0 ? -a : a;
  const absB = b < 0 ? -b : b;
  if (!(absA <= Number.MAX_SAFE_INTEGER && absB <= Number.MAX_SAFE_INTEGER)) return bigFloorMulDiv(a, b, c);
  const q = floorMulDivLarge(absA, absB, c);
  if (q < 0) return bigFloorMulDiv(a, b, c);
  // floor(−x) = −floor(x) − 1 unless x is whole.
  return neg ? -q - (remainderZero ? 0 : 1) : q;
}

const LIMB = 67108864; // 2^26
const PER_LIMB = 1 / LIMB;
/** The last product's low 78 bits as three 26-bit limbs (low first), and whether floorMulDivLarge's remainder was 0: module scratch, so no object is made per call. */
let low0 = 0;
let low1 = 0;
let low2 = 0;
let remainderZero = false;

/** x·y mod 2^78 into low0…low2, for non-negative safe integers: every partial product and carry stays below 2^53, so each step is exact. */
function lowProduct(x: number, y: number): void {
  const xh = Math.floor(x * PER_LIMB);
  const x0 = x - xh * LIMB;
  const x2 = Math.floor(xh * PER_LIMB); // 0 or 1: x < 2^53 = 2 × 2^52
  const x1 = xh - x2 * LIMB;
  const yh = Math.floor(y * PER_LIMB);
  const y0 = y - yh * LIMB;
  const y2 = Math.floor(yh * PER_LIMB);
  const y1 = yh - y2 * LIMB;
  const c0 = x0 * y0;
  const k0 = Math.floor(c0 * PER_LIMB);
  low0 = c0 - k0 * LIMB;
  const c1 = x0 * y1 + x1 * y0 + k0;
  const k1 = Math.floor(c1 * PER_LIMB);
  low1 = c1 - k1 * LIMB;
  const c2 = x0 * y2 + x1 * y1 + x2 * y0 + k1;
  low2 = c2 - Math.floor(c2 * PER_LIMB) * LIMB;
}

/** floor(a·b/c) for a·b ≥ 2^53 (a, b ≥ 0), or −1 when the answer is not a safe integer. */
function floorMulDivLarge(a: number, b: number, c: number): number {
  let q = Math.floor((a * b) / c);
  if (!(q <= Number.MAX_SAFE_INTEGER)) return -1;
  lowProduct(a, b);
  const a0 = low0;
  const a1 = low1;
  const a2 = low2;
  lowProduct(q, c);
  // r = a·b − q·c mod 2^78, limb by limb with borrows; |r| < 2^55, so a top limb of 2^25 or
  // more is a negative r. Then r = rh·2^26 + rl with 0 ≤ rl < 2^26 and |rh| < 2^29.
  let rl = a0 - low0;
  let r1 = a1 - low1;
  let r2 = a2 - low2;
  if (rl < 0) { rl += LIMB; r1 -= 1; }
  if (r1 < 0) { r1 += LIMB; r2 -= 1; }
  if (r2 < 0) r2 += LIMB;
  if (r2 >= LIMB / 2) r2 -= LIMB;
  let rh = r2 * LIMB + r1;
  const ch = Math.floor(c * PER_LIMB);
  const cl = c - ch * LIMB;
  while (rh < 0) {
    q -= 1;
    rl += cl;
    if (rl >= LIMB) { rl -= LIMB; rh += 1; }
    rh += ch;
  }
  while (rh > ch || (rh === ch && rl >= cl)) {
    q += 1;
    rl -= cl;
    if (rl < 0) { rl += LIMB; rh -= 1; }
    rh -= ch;
  }
  if (q > Number.MAX_SAFE_INTEGER) return -1;
  remainderZero = rh === 0 && rl === 0;
  return q;
}

/** The reference and the fallback: floor(a·b/c) in BigInt (its division truncates, so negatives step down). */
export function bigFloorMulDiv(a: number, b: number, c: number): number {
  const p = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  let q = p / d;
  if (p % d !== 0n && p < 0n) q -= 1n;
  return Number(q);
}

/**
 * Greatest common divisor of two whole numbers (gcd(0, b) = |b|, gcd(0, 0) = 0), without a double
 * remainder (`%` on doubles is a call to fmod): below 2^53 the floored quotient is exact (see
 * floorMulDiv), and so are its product with b and the difference.
 */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b > 0) {
    const t = a - Math.floor(a / b) * b;
    a = b;
    b = t;
  }
  return a;
}

/** Least common multiple of two positive whole numbers (a common denominator of two rates). */
export function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
