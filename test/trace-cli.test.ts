/**
 * `lrsim trace` as a user meets it: a figure explained by its postings, rules and parameters and
 * checked against the result to the fen; --json with every posting; an unknown figure, parcel or
 * scenario refused with a hint and a non-zero exit, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { lrsim } from './support/lrsim';
import { runFile } from './support/scenarios';
import { money } from '../engine/index';

describe('lrsim trace', () => {
  it('explains a total: rules, parameters with their sources, postings that add up to it', async () => {
    const r = await lrsim('trace', 'scenarios/hainan-year-base.json', 'totals.valueAdded');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('split.share');
    expect(r.out).toContain('split.ratios');
    expect(r.out).toContain('✓');
    expect(r.out).toContain(runFile('scenarios/hainan-year-base.json').totals.valueAdded);
  });

  it('--json lists every posting and their sum equals the result', async () => {
    const result = runFile('scenarios/hainan-bonds.json');
    const r = await lrsim('trace', 'scenarios/hainan-bonds.json', 'periods[30].treasuryBalance', '--json');
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(r.out) as { sum: string; agrees: boolean; count: number; postings: { amount: string; to: string }[] };
    expect(a.agrees).toBe(true);
    expect(a.sum).toBe(result.periods[30].treasuryBalance);
    expect(a.postings).toHaveLength(a.count);
    const signed = a.postings.reduce((s, p) => s + (p.to === 'treasury' ? 1 : -1) * money.parseMoney(p.amount)!, 0);
    expect(money.fenToYuan(signed)).toBe(a.sum);
  });

  it('an unknown figure is refused with the nearest known path', async () => {
    const r = await lrsim('trace', 'scenarios/hainan-year-base.json', 'totals.valueAded');
    expect(r.code).toBe(1);
    expect(r.err).toContain('did you mean "totals.valueAdded"');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an unknown parcel and a bad scenario are refused, usage errors exit 2', async () => {
    const p = await lrsim('trace', 'scenarios/hainan-year-base.json', 'parcels["nope"].valueAdded');
    expect(p.code).toBe(1);
    expect(p.err).toContain('a parcel');
    const f = await lrsim('trace', 'scenarios/missing.json', 'totals.valueAdded');
    expect(f.code).toBe(1);
    expect(f.err).toContain('file.notFound');
    const u = await lrsim('trace', 'scenarios/hainan-year-base.json');
    expect(u.code).toBe(2);
    expect(u.err).toContain('lrsim trace <scenario.json> <figure-path>');
    const l = await lrsim('trace', 'scenarios/hainan-year-base.json', 'totals.valueAdded', '--limit=-3');
    expect(l.code).toBe(2);
    expect(l.err).toContain('--limit: found "-3"');
    expect(l.err).not.toMatch(/\n\s+at /);
    const g = await lrsim('trace', 'scenarios/hainan-year-base.json', 'totals.valueAdded', '--lang', 'fr');
    expect(g.code).toBe(2);
    expect(g.err).toContain('--lang: found "fr"');
    const x = await lrsim('trace', 'scenarios/hainan-year-base.json', 'totals.valueAdded', '--json', '--bogus');
    expect(x.code).toBe(2);
    expect(x.err).toContain("Unknown option '--bogus'");
  });

  it('--help prints the usage and exits 0, as every other command', async () => {
    const h = await lrsim('trace', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('lrsim trace <scenario.json> <figure-path>');
    expect(h.err).toBe('');
  });
});
