/**
 * Arguments a person types at the analysis commands — paths, ranges, distributions, correlations,
 * events, goal-seek bounds, figure paths, report years and dates — as odd as they come: every one
 * ends with exit 0, 1 (its problem said) or 2 (the usage), never a stack trace or an internal error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { main } from '../cli/main';
const S = 'scenarios/xingning-buyback.json';
const tok = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('adjustments.salePriceFactor', 'split.ratios.province', 'totals.valueAdded', 'parcels[0].sale.price', 'bonds[0].couponRate', 'periods[*].treasuryBalance', 'min(periods[*].treasuryBalance)', 'parcels["x"].provisions', '$', '[]', '.', '..a', 'a[', 'a[-1]', 'a[99999999999]'),
  fc.constantFrom('0', '-1', '1e308', 'NaN', '0.5', '1:2:3', '1:2:0', '1:2:100000', 'x0.9,1.1', 'normal(1,0)', 'triangular(1,1,1)', 'uniform(5,5)', 'lognormal(0,1)', 'beta(1,1)', 'uniform(0, 12) integer', '=', ',', '<', '<=', '>'),
);
const spec = fc.tuple(tok, fc.constantFrom('=', '<', ',', ':', ''), tok).map(([a, op, b]) => a + op + b);
const cmd = fc.oneof(
  fc.tuple(fc.constant('sweep'), fc.constantFrom('--x', '--y', '--output'), spec).map(([c, o, v]) => [c, S, o, v]),
  fc.tuple(fc.constant('sweep'), spec, spec).map(([_, a, b]) => ['sweep', S, '--x', a, '--y', b]),
  fc.tuple(fc.constant('tornado'), fc.constantFrom('--input', '--output'), spec).map(([c, o, v]) => [c, S, o, v]),
  fc.tuple(fc.constantFrom('--dist', '--corr', '--event', '--output', '--series', '--runs', '--seed'), spec).map(([o, v]) => ['montecarlo', S, '--runs', '20', o, v]),
  fc.tuple(spec, spec).map(([a, b]) => ['montecarlo', S, '--runs', '20', '--dist', a, '--dist', b, '--corr', `${a.split('=')[0]},${b.split('=')[0]}=0.5`]),
  fc.tuple(fc.constantFrom('--input', '--from', '--to', '--step', '--output', '--at-least', '--find', '--preset', '--parcel'), tok).map(([o, v]) => ['solve', S, '--input', 'adjustments.salePriceFactor', '--from', '0.5', '--to', '1.5', '--output', 'totals.valueAdded', '--at-least', '0', '--find', 'min', o, v]),
  fc.tuple(tok).map(([p]) => ['trace', S, p]),
  fc.tuple(fc.constantFrom('balance', 'disclosure', 'card', 'bond-use', 'budget'), tok, tok).map(([k, y, d]) => ['report', S, '--kind', k, '--year', y, '--date', d]),
);

describe('the analysis commands on arbitrary arguments', () => {
  it('answer with exit 0, 1 or 2 and never a stack trace', async () => {
    for (const args of fc.sample(cmd, { numRuns: 300, seed: 5 })) {
      let err = '';
      const code = await main(args, { out: () => {}, err: (t) => { err += t + '\n'; } });
      expect([0, 1, 2], `${JSON.stringify(args)}: ${err}`).toContain(code);
      if (code !== 0) expect(err.trim().length, JSON.stringify(args)).toBeGreaterThan(0);
      expect(err, JSON.stringify(args)).not.toMatch(/\n\s+at .*:\d+|internal error/);
    }
  }, 300_000);
});
