import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, fenToYuan, ratioText } from '../engine/money';
import { areaIn, parseArea } from '../engine/units';
import { groundPrice } from '../engine/report-parcels';

/** The decimal.js reference for a fen amount: fen ÷ 100, two places. */
const yuanRef = (fen: number) => new Decimal(fen).div(100).toFixed(2, Decimal.ROUND_HALF_UP);
/** The decimal.js reference for a ratio: num ÷ den, rounded half-up to `places`. */
const ratioRef = (num: number, den: number, places: number) => new Decimal(num).div(den).toFixed(places, Decimal.ROUND_HALF_UP);

describe('fenToYuan is the decimal.js text of fen ÷ 100', () => {
  it('at the edges of the exact range, zero, and every cent', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const edges = [0, 1, -1, 1e11 - 1, 1e11, 2 ** 46 * 100 - 1, 2 ** 46 * 100, 2 ** 46 * 100 + 1, -(2 ** 46 * 100) + 1, -(2 ** 46 * 100), 99, -99, 100, -100, 101, 999_999_999_99, 1_000_000_000_00, 1_000_000_000_01, 100_000_000_000_000, max, -max, max - 1, -(max - 1), max - 99, 2 ** 31, 2 ** 31 + 1, -(2 ** 31)];
    for (let c = 0; c < 300; c++) edges.push(c, -c, 1e11 + c, -(1e11 + c), max - c, -(max - c));
    for (const fen of edges) expect(fenToYuan(fen), String(fen)).toBe(yuanRef(fen));
    expect(fenToYuan(-0)).toBe('0.00');
  });

  it('over integers of every magnitude, negative and positive', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 15 }), fc.integer(), fc.boolean(), (digits, seed, neg) => {
      const fen = (neg ? -1 : 1) * (Math.abs(seed) % 10 ** digits) * (digits > 9 ? 10 ** (digits - 9) : 1) + (neg ? -1 : 1) * (Math.abs(seed) % 100);
      if (!Number.isSafeInteger(fen)) return;
      expect(fenToYuan(fen)).toBe(yuanRef(fen));
    }), { numRuns: 5000 });
    fc.assert(fc.property(fc.maxSafeInteger(), (fen) => { expect(fenToYuan(fen)).toBe(yuanRef(fen)); }), { numRuns: 5000 });
  });

  it('refuses what is not a whole number of fen', () => {
    for (const bad of [0.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1]) expect(() => fenToYuan(bad)).toThrow(RangeError);
  });
});

describe('ratioText gives the decimal.js text of a ratio', () => {
  const check = (num: number, den: number, places: number) => {
    let fellBack = false;
    const text = ratioText(num, den, places, () => { fellBack = true; return ratioRef(num, den, places); });
    expect(text, `${num}/${den} to ${places}`).toBe(ratioRef(num, den, places));
    return fellBack;
  };

  it('on random ratios of safe integers, to 0, 2 and 4 places', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 45 }), fc.constantFrom(0, 2, 4), (num, den, places) => { check(num, den, places); }), { numRuns: 20000 });
  });

  it('on exact ties and their neighbours, which the reference decides', () => {
    // num/den = k + 0.5 at the last place: 1/8 → 0.125 at 2 places; 5/1000 → 0.005.
    const ties: [number, number, number][] = [[1, 8, 2], [5, 1000, 2], [1, 2, 0], [3, 2, 0], [12345, 20, 1], [1, 80, 3], [7, 16, 3]];
    for (const [num, den, places] of ties) {
      expect(check(num, den, places)).toBe(true);
      check(num * 1_000_001 + 1, den * 1_000_001, places);
      check(num * 1_000_001 - 1, den * 1_000_001, places);
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom(2, 4), (k, places) => {
      expect(check(2 * k + 1, 2 * 10 ** places, places)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('percents as report-periods makes them: num × 100 ÷ den', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 1, max: 10 ** 13 }), (num, den) => {
      const ref = new Decimal(num).div(den).times(100).toFixed(2, Decimal.ROUND_HALF_UP);
      expect(ratioText(num * 100, den, 2, () => ref)).toBe(ref);
    }), { numRuns: 20000 });
  });

  it('leaves negative, zero-denominator and huge ratios to the reference', () => {
    for (const [num, den] of [[-1, 3], [-1, 1_000_000], [1, 0], [2 ** 52, 1], [1, -3]]) {
      let fellBack = false;
      ratioText(num, den, 2, () => { fellBack = true; return 'ref'; });
      expect(fellBack, `${num}/${den}`).toBe(true);
    }
  });
});

describe('groundPrice is the decimal.js 元/m² of a sale', () => {
  const ref = (revenue: number, area: { value: Decimal; unit: 'm2' | 'mu' | 'ha' }) => {
    const m2 = areaIn(area, 'm2');
    return m2.isZero() ? '0.00' : new Decimal(revenue).div(100).div(m2).toFixed(2, Decimal.ROUND_HALF_UP);
  };
  it('for areas in m², 亩 and 公顷 with up to 4 decimals', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom(0, 1, 2, 4), fc.constantFrom('m2', 'mu', 'ha'), (revenue, digits, places, unit) => {
      const area = parseArea(`${new Decimal(digits).div(10 ** places).toFixed(places)}${unit}`)!;
      expect(groundPrice(revenue, area)).toBe(ref(revenue, area));
    }), { numRuns: 20000 });
  });
  it('on prices that are exact ties, which decimal.js decides (its 3 亩 is 2 000 m² to 40 digits)', () => {
    // (2k + 1) × 1 000 fen on 3 亩 = 2 000 m² is exactly k.xx5 元/m²: 1 000 fen → 0.005.
    const cases = [[1000, '3亩'], [3000, '3亩'], [1_234_567_000, '3亩'], [1000, '2000m2'], [3000, '0.2公顷']] as const;
    for (const [revenue, text] of cases) {
      const area = parseArea(text)!;
      expect(groundPrice(revenue, area), `${revenue} fen on ${text}`).toBe(ref(revenue, area));
    }
  });
});
