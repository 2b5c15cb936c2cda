/**
 * Three small contracts the speed work must keep: a parser memo holds short texts only (a scenario
 * may write a text of any length, and the memo lives as long as the process); a Coverage's year
 * rows, made when first read, are the same data a plain object would carry — in JSON and when a
 * caller replaces them; and a coverage ratio written from whole fen is decimal.js's text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, memo } from '../engine/money';
import { ratioText } from '../engine/coverage';
import { prepare, projectCoverage, run } from '../engine/index';
import { composed } from './support/scenarios';

describe('memo', () => {
  it('keeps a short text once and parses a long one each time', () => {
    let calls = 0;
    const parse = memo((t: string) => { calls++; return t.length; }, 10, 8);
    parse('short');
    parse('short');
    expect(calls).toBe(1);
    const long = '0'.repeat(100_000) + '6';
    expect(parse(long)).toBe(100_001);
    expect(parse(long)).toBe(100_001);
    expect(calls).toBe(3);
  });
});

describe('Coverage.byYear', () => {
  const scenario = composed('scenarios/hainan-bonds.json');
  const p = prepare(scenario);
  if (!p.ok) throw new Error('hainan-bonds refused');
  const out = run(p.model);

  it('is in the JSON and a structured clone as the rows themselves', () => {
    const c = projectCoverage(out, 0);
    const rows = c.byYear;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(c)).byYear).toEqual(JSON.parse(JSON.stringify(rows)));
    expect(structuredClone(c).byYear).toEqual(rows);
    expect(Object.keys(c).at(-1)).toBe('byYear');
  });

  it('can be replaced, as its type says', () => {
    const c = projectCoverage(out, 0);
    c.byYear = [];
    expect(c.byYear).toEqual([]);
  });
});

describe('ratioText', () => {
  const decimalText = (a: number, b: number) => new Decimal(a).div(b).toFixed(4, Decimal.ROUND_HALF_UP);
  it('is decimal.js\'s a ÷ b to four places, half-up, for any whole fen — exact halves, signs and "-0.0000" too', () => {
    const fen = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: -1e6, max: 1e6 }));
    fc.assert(fc.property(fen, fc.integer({ min: 1, max: 1e14 }), (a, b) => { expect(ratioText(a, b)).toBe(decimalText(a, b)); }), { numRuns: 20_000 });
    // a ÷ b exactly halfway between two ten-thousandths, either sign.
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean(), (m, k, neg) => {
      const a = (neg ? -1 : 1) * (2 * k + 1) * m;
      expect(ratioText(a, 20_000 * m)).toBe(decimalText(a, 20_000 * m));
    }), { numRuns: 5_000 });
    expect(ratioText(-1, 100_000)).toBe('-0.0000');
    expect(ratioText(5, 0)).toBeNull();
  });
});
