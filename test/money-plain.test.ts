import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRangeError, Decimal, MONEY_UNITS, exactFen, fenToWan, fenToYi, parseMoney, parseMoneyExact, plainMoneyFen, NOT_EXACT } from '../engine/money';
import { moneyBreach, MAX_AMOUNT_YUAN } from '../engine/limits';

// The readers as the regular expressions alone define them: the plain-text path must agree.
const MONEY_RE = /^\s*(-?\d+(?:\.\d+)?)\s*(元|万元|亿元|yuan)?\s*$/;
const NUM = /^\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/;
function viaRegex(text: string): number | null | 'range' {
  const m = MONEY_RE.exec(text);
  if (!m) return null;
  const exact = exactFen(m[1], m[2] ?? '元');
  if (exact !== null) return exact;
  const fen = new Decimal(m[1]).times(MONEY_UNITS[m[2] ?? '元']).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return Number.isSafeInteger(fen) ? (fen === 0 ? 0 : fen) : 'range';
}
function overViaRegex(text: string): boolean {
  const m = NUM.exec(text);
  const unit = m && MONEY_UNITS[m[2] || '元'];
  if (!m || !unit) return false;
  return new Decimal(m[1]).times(unit).gt(MAX_AMOUNT_YUAN);
}
/** parseMoney, with the one error it may throw (an amount beyond the engine's range) as 'range'; any other error fails the test. */
const read = (text: string): number | null | 'range' => {
  try {
    return parseMoney(text);
  } catch (e) {
    if (e instanceof AmountRangeError) return 'range';
    throw e;
  }
};

describe('money texts read from their characters', () => {
  const digits = fc.stringMatching(/^\d{1,18}$/);
  const text = fc.tuple(fc.constantFrom('', '-', ' ', '+', '--', '\t', '\u3000', '\u00a0', '１'), digits, fc.option(fc.stringMatching(/^\d{0,12}$/)), fc.constantFrom('', ' ', '元', '万元', '亿元', 'yuan', ' 万元', '万', '元 ', 'yuanx', '%', 'e3', '.')).map(([sign, int, frac, unit]) => `${sign}${int}${frac === null ? '' : '.' + frac}${unit}`);
  it('parseMoney, parseMoneyExact and moneyBreach give what the regular expressions give', () => {
    fc.assert(fc.property(text, (t) => {
      expect(read(t)).toBe(viaRegex(t));
      const m = MONEY_RE.exec(t);
      expect(parseMoneyExact(t)).toBe(m ? exactFen(m[1], m[2] ?? '元') : null);
      expect(moneyBreach(t) !== null).toBe(overViaRegex(t));
    }), { numRuns: 5000 });
  });
  it('examples', () => {
    expect(plainMoneyFen('6205.27万元')).toBe(6205270000);
    expect(plainMoneyFen('-0.000001万元')).toBe(-1);
    expect(plainMoneyFen('0.0000005万元')).toBe(NOT_EXACT);
    expect(plainMoneyFen(' 12元')).toBeNaN();
    expect(plainMoneyFen('12.元')).toBeNaN();
    expect(plainMoneyFen('2660yuan')).toBe(266000);
    expect(Object.is(plainMoneyFen('-0'), 0)).toBe(true);
    expect(moneyBreach('10000万亿元')).toBeNull();
    expect(moneyBreach('1.00000001万亿元')).toBeNull();
    expect(moneyBreach('100000001亿元')).not.toBeNull();
  });
});

describe('fenToWan and fenToYi in hundredths', () => {
  // decimal.js's division, rounded half-up at the place count; a rounded zero is written without a sign.
  const viaDecimal = (fen: number, shift: number, places: number) => {
    const text = new Decimal(fen).div(new Decimal(10).pow(shift)).toFixed(places, Decimal.ROUND_HALF_UP);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  };
  it('give the same text for any fen, at every place count', () => {
    fc.assert(fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e9, max: 1e9 })), fc.integer({ min: 0, max: 4 }), (fen, places) => {
      expect(fenToWan(fen, places)).toBe(viaDecimal(fen, 6, places));
      expect(fenToYi(fen, places)).toBe(viaDecimal(fen, 10, places));
    }), { numRuns: 5000 });
    expect(fenToWan(-4999)).toBe('0.00');
    expect(fenToWan(-5000)).toBe('-0.01');
    expect(fenToWan(6205273224)).toBe('6205.27');
  });
});
