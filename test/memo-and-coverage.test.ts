/**
 * Two small contracts the speed work must keep: a parser memo holds short texts only (a scenario
 * may write a text of any length, and the memo lives as long as the process), and a Coverage's
 * year rows, made when first read, are the same data a plain object would carry — in JSON and
 * when a caller replaces them.
 */
import { describe, expect, it } from 'vitest';
import { memo } from '../engine/money';
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
