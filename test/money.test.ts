import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, MONEY_UNITS, allocate, dec, exactFen, fenToYuan, fenToWan, mulDivHalfUp, mulRate, parseMoney, parseRate, roundFen, weightsFromStrings } from '../engine/money';

describe('money', () => {
  it('parses 元, 万元 and 亿元 to whole fen', () => {
    expect(parseMoney('6205.27万元')).toBe(6_205_270_000);
    expect(parseMoney('1.2亿元')).toBe(12_000_000_000);
    expect(parseMoney('2660元')).toBe(266_000);
    expect(parseMoney('0.005元')).toBe(1); // half-up
    expect(parseMoney('0.004元')).toBe(0);
    expect(parseMoney('12,000元')).toBeNull();
    expect(parseMoney('12 美元')).toBeNull();
  });

  it('roundFen rounds half away from zero (四舍五入)', () => {
    expect(roundFen(dec('0.125'))).toBe(13);
    expect(roundFen(dec('-0.125'))).toBe(-13);
    expect(roundFen(dec('0.1249999'))).toBe(12);
  });

  it('fenToYuan prints fixed two places, including negatives', () => {
    expect(fenToYuan(6_205_273_224)).toBe('62052732.24');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToWan(6_205_273_224)).toBe('6205.27');
  });

  it('parseRate holds rates exactly', () => {
    expect(parseRate('10%')).toMatchObject({ num: 1, den: 10 });
    expect(parseRate('0.0064%')).toMatchObject({ num: 1, den: 15625 });
    expect(parseRate('2.5‰')).toMatchObject({ num: 1, den: 400 });
    expect(parseRate('abc')).toBeNull();
  });

  it('mulDivHalfUp equals the decimal.js reference, also past 2^53 (BigInt path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9e15, max: 9e15 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (a, num, den) => {
          const ref = new Decimal(a).times(num).div(den).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
          if (!Number.isSafeInteger(ref)) return true;
          expect(mulDivHalfUp(a, num, den)).toBe(ref === 0 ? 0 : ref);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('mulRate at the extremes: 90 trillion 元 × 0.0064%', () => {
    const fen = 9_000_000_000_000_000; // 9e15 fen = 90 万亿元
    const r = parseRate('0.0064%')!;
    expect(mulRate(fen, r)).toBe(new Decimal(fen).times('0.000064').toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
  });

  it('allocate(total, weights) preserves the total and favours earlier parts by at most one fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          const exact = new Decimal(total).times(weights[i]).div(sum);
          expect(new Decimal(p).minus(exact).abs().lte(1)).toBe(true);
          if (weights[i] === 0) expect(p).toBe(0);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('allocate 6:4 and the remainder order', () => {
    expect(allocate(35_000_000_00, [6, 4])).toEqual([21_000_000_00, 14_000_000_00]);
    expect(allocate(1001, [1, 1])).toEqual([501, 500]);
    expect(allocate(1, [0, 1])).toEqual([0, 1]);
  });

  it('weightsFromStrings keeps the ratio exactly', () => {
    expect(weightsFromStrings(['6', '4'])).toEqual([3, 2]);
    expect(weightsFromStrings(['0.6', '0.4'])).toEqual([3, 2]);
    expect(weightsFromStrings(['62.5%', '37.5%'])).toEqual([5, 3]);
  });
});

describe('parseMoney without decimal.js where moving the point suffices', () => {
  const unitArb = fc.constantFrom('元', '万元', '亿元', 'yuan', '');
  const numberArb = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.nat({ max: 12 })).map(([neg, n, places]) => {
    const digits = n.toString().padStart(places + 1, '0');
    const text = places ? `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}` : digits;
    return (neg ? '-' : '') + text;
  });
  it('gives the fen the Decimal path gives, or leaves the text to it', () => {
    fc.assert(fc.property(numberArb, unitArb, (number, unit) => {
      const fen = exactFen(number, unit || '元');
      const viaDecimal = new Decimal(number).times(MONEY_UNITS[unit || '元']).times(100);
      if (fen !== null) {
        expect(viaDecimal.isInteger()).toBe(true);
        expect(fen).toBe(viaDecimal.toNumber() === 0 ? 0 : viaDecimal.toNumber());
        expect(Object.is(fen, -0)).toBe(false);
      }
      let parsed: number | null | 'range' = null;
      try { parsed = parseMoney(number + unit); } catch { parsed = 'range'; }
      const rounded = viaDecimal.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      if (Number.isSafeInteger(rounded.toNumber())) expect(parsed).toBe(rounded.toNumber() === 0 ? 0 : rounded.toNumber());
      else expect(parsed).toBe('range');
    }), { numRuns: 3000 });
  });
  it('examples: 万元 to six places moves the point, a seventh rounds half-up', () => {
    expect(exactFen('6205.27', '万元')).toBe(6205270000);
    expect(exactFen('-0.000001', '万元')).toBe(-1);
    expect(exactFen('0.0000005', '万元')).toBeNull();
    expect(parseMoney('0.0000005万元')).toBe(1);
    expect(parseMoney('-0.0000005万元')).toBe(-1);
    expect(exactFen('-0', '元')).toBe(0);
  });
});
