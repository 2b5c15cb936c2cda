/**
 * floorMulDiv (engine/allocation.ts, re-exported by engine/money.ts), the floor(a·b/c) that allocate() splits with: exact without BigInt
 * where a·b passes 2^53, checked against BigInt's answer over the edges — negatives, c near 2^53,
 * products near 2^106, exact multiples and their neighbours — and through allocate() itself.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, bigFloorMulDiv, floorMulDiv, gcd, lcm } from '../engine/money';

const MAX = Number.MAX_SAFE_INTEGER;

/** floor(a·b/c) in BigInt, written out here (not the module's fallback) so the two can disagree. */
function reference(a: number, b: number, c: number): bigint {
  const p = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = p / d;
  return p % d !== 0n && p < 0n ? q - 1n : q;
}

/** Safe integers weighted to the edges: small, powers of two and their neighbours, near 2^53, anywhere. */
const edgy = (min: number) => fc.oneof(
  fc.integer({ min: Math.max(min, -1000), max: 1000 }),
  fc.tuple(fc.integer({ min: 0, max: 52 }), fc.integer({ min: -3, max: 3 })).map(([k, d]) => Math.min(MAX, Math.max(min, 2 ** k + d))),
  fc.integer({ min: 0, max: 1_000_000 }).map((d) => Math.max(min, MAX - d)),
  fc.maxSafeInteger().map((x) => Math.max(min, x)),
);
const signed = fc.tuple(edgy(0), fc.boolean()).map(([x, neg]) => (neg ? -x : x));

function agrees(a: number, b: number, c: number): void {
  const want = reference(a, b, c);
  // Only answers that are safe integers are asked for (allocate's are at most its total).
  if (want > BigInt(MAX) || want < -BigInt(MAX)) return;
  expect(floorMulDiv(a, b, c)).toBe(Number(want));
}

describe('floorMulDiv', () => {
  it('equals BigInt floor(a·b/c) over edge values, negatives included', () => {
    fc.assert(fc.property(signed, signed, edgy(1), (a, b, c) => agrees(a, b, c)), { numRuns: 20_000 });
  });

  it('equals BigInt floor(a·b/c) on exact multiples and one either side', () => {
    fc.assert(
      fc.property(edgy(1), edgy(1), fc.integer({ min: -2, max: 2 }), fc.boolean(), (c, k, d, neg) => {
        // a·b = k·c + d with b a divisor-friendly factor: a = k·c + d when that is safe, b = 1; else b = c, a = k.
        const kc = k * c;
        if (Number.isSafeInteger(kc + d) && kc + d >= 0) agrees(neg ? -(kc + d) : kc + d, 1, c);
        agrees(neg ? -k : k, c, c);
        if (c + d >= 1) agrees(neg ? -k : k, c + d, c);
      }),
      { numRuns: 20_000 },
    );
  });

  it('the cases that need the remainder: products just under and over multiples near 2^106', () => {
    const p52 = 2 ** 52;
    agrees(p52 + 1, p52 - 1, p52);
    agrees(MAX, MAX, MAX);
    agrees(MAX, MAX - 1, MAX);
    agrees(MAX - 1, MAX, MAX);
    agrees(-MAX, MAX - 1, MAX);
    agrees(MAX, 3, 3);
    agrees(MAX, 2, 3);
    agrees(-MAX, 2, 3);
    agrees(2 ** 40 + 7, 2 ** 40 - 3, 2 ** 27 + 1);
    expect(floorMulDiv(p52 + 1, p52 - 1, p52)).toBe(p52 - 1);
    expect(floorMulDiv(-(p52 + 1), p52 - 1, p52)).toBe(-p52);
    expect(floorMulDiv(MAX, MAX, MAX)).toBe(MAX);
  });

  it('the BigInt fallback is floor, not truncation, for negatives', () => {
    expect(bigFloorMulDiv(-7, 1, 2)).toBe(-4);
    expect(bigFloorMulDiv(7, 1, 2)).toBe(3);
    expect(bigFloorMulDiv(-8, 1, 2)).toBe(-4);
  });

  it('allocate() over weights whose products pass 2^53 preserves the total and is within a fen of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1, maxLength: 6 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = BigInt(weights.reduce((a, b) => a + b, 0));
        parts.forEach((p, i) => {
          const exact = (BigInt(Math.abs(total)) * BigInt(weights[i])) / sum; // floor of the share's size
          const size = BigInt(Math.abs(p));
          expect(size === exact || size === exact + 1n).toBe(true);
        });
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('floorMulDiv below 2^53', () => {
  it('a product just past a multiple of c whose float quotient times c would pass 2^53 (found by the property above)', () => {
    const c = 3138356545887641;
    expect(floorMulDiv(-(2 * c + 1), 1, c)).toBe(-3);
    expect(floorMulDiv(2 * c + 1, 1, c)).toBe(2);
    expect(floorMulDiv(-(2 * c - 1), 1, c)).toBe(-2);
  });
});

describe('floorMulDiv refuses a divisor that is not positive', () => {
  it('0, a negative or NaN is a RangeError, not a quiet 0', () => {
    expect(() => floorMulDiv(5, 3, 0)).toThrow(RangeError);
    expect(() => floorMulDiv(1, 1, -2)).toThrow(RangeError);
    expect(() => floorMulDiv(1, 1, Number.NaN)).toThrow(RangeError);
  });
});

describe('gcd and lcm without a double remainder', () => {
  const bigGcd = (a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b > 0n) [a, b] = [b, a % b]; return a; };
  const safe = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1));
  it('gcd is BigInt\'s Euclid for any safe integers, signs and zeros included', () => {
    fc.assert(fc.property(safe, safe, (a, b) => { expect(gcd(a, b)).toBe(Number(bigGcd(BigInt(a), BigInt(b)))); }), { numRuns: 20_000 });
    expect(gcd(0, 0)).toBe(0);
    expect(gcd(2 ** 52, 3 * 2 ** 40)).toBe(2 ** 40);
  });
  it('lcm of two denominators is their least common multiple', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, b) => {
      const m = lcm(a, b);
      expect(BigInt(m)).toBe((BigInt(a) * BigInt(b)) / bigGcd(BigInt(a), BigInt(b)));
    }), { numRuns: 5_000 });
  });
});
