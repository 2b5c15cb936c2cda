/**
 * A re-split run read through the fast metrics path: its sums by rule, by period and by parcel are
 * the run's it was re-split from (analysis/metrics.ts shares them), and every figure read from
 * them equals the figure of the edited scenario prepared and run afresh — whether the shares keep
 * their postings' places (re-split in place) or a share turns zero (postings rebuilt).
 */
import { describe, expect, it } from 'vitest';
import { evaluator, fastOutputPaths, parseOutputs } from '../engine/analysis/index';
import { IncrementalModel } from '../engine/incremental/index';
import { getAt, setAt } from '../engine/scenario/json-path';
import { portfolio } from '../bench/portfolio';
import { composed } from './support/scenarios';
import { report, simulate } from '../engine/index';

const CASES: [string, Record<string, unknown>][] = [
  ['scenarios/hainan-bonds.json', composed('scenarios/hainan-bonds.json')],
  ['scenarios/hainan-three-tier.json', composed('scenarios/hainan-three-tier.json')],
  ['portfolio 40×48 seed 1', portfolio({ parcels: 40, months: 48, seed: 1 })],
];

describe('split edits read through the fast path equal a fresh run', () => {
  for (const [name, scenario] of CASES) {
    it(name, () => {
      const created = IncrementalModel.create(scenario);
      if (!created.ok) throw new Error('refused');
      const m = created.model;
      const tiers = m.model.tiers.map((t) => t.id);
      const paths = fastOutputPaths(tiers, m.model.parcels.map((p) => p.id).slice(0, 4), m.model.timeline.months);
      const single = paths.filter((x) => !(x.includes('[*]') && !/^(min|max|sum|count)\(/.test(x)));
      const series = paths.filter((x) => !single.includes(x));
      const so = parseOutputs(single);
      const mo = parseOutputs(series);
      if (!so.ok || !mo.ok) throw new Error('bad paths');
      const evaluate = evaluator(so.outputs, mo.outputs);
      const ratios = getAt(scenario, ['split', 'ratios']) as Record<string, string>;
      const variants = [
        Object.fromEntries(tiers.map((t, i) => [t, String(i + 3)])),
        Object.fromEntries(tiers.map((t, i) => [t, String(2 * i + 1)])),
        Object.fromEntries(tiers.map((t, i) => [t, i === 0 ? '0' : '5'])),
        ratios,
      ];
      let next: unknown = scenario;
      for (const v of variants) {
        next = setAt(next, ['split', 'ratios'], v);
        expect(m.edit({ path: 'split.ratios', value: v })).toEqual({ ok: true });
        const fast = evaluate.run(m.output);
        const fresh = evaluate(next);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(fresh));
      }
    });
  }
});

describe('a split or coupon edit keeps the model it edits as it is defined', () => {
  it("leaves the static checks' texts unwritten until read, and the same when read", () => {
    const scenario = composed('scenarios/hainan-bonds.json');
    const created = IncrementalModel.create(scenario);
    if (!created.ok) throw new Error('refused');
    const m = created.model;
    expect(m.edit({ path: 'split.ratios', value: { province: '7', city: '3' } })).toEqual({ ok: true });
    expect(m.edit({ path: 'bonds[0].couponRate', value: '3.1%' })).toEqual({ ok: true });
    // A spread of the Model would have read the getter and kept its value.
    expect(typeof Object.getOwnPropertyDescriptor(m.model, 'staticChecks')?.get).toBe('function');
    const fresh = IncrementalModel.create(setAt(setAt(scenario, ['split', 'ratios'], { province: '7', city: '3' }), ['bonds', 0, 'couponRate'], '3.1%'));
    if (!fresh.ok) throw new Error('refused');
    expect(JSON.stringify(m.model.staticChecks)).toBe(JSON.stringify(fresh.model.model.staticChecks));
  });
});

describe('a re-split takes over the amount column of the run it re-splits (resplit.ts handOver)', () => {
  it('every earlier run kept still reports as its own scenario run afresh, read before, between or after later edits', () => {
    const scenario = portfolio({ parcels: 30, months: 48, seed: 2 });
    const created = IncrementalModel.create(scenario);
    if (!created.ok) throw new Error('refused');
    const m = created.model;
    const kept: { out: typeof m.output; scenario: unknown }[] = [{ out: m.output, scenario }];
    let next: unknown = scenario;
    const ratios = [{ province: '7', city: '3' }, { province: '6', city: '4' }, { province: '5', city: '5' }, { province: '6', city: '4' }, { province: '8', city: '2' }];
    ratios.forEach((v, k) => {
      next = setAt(next, ['split', 'ratios'], v);
      expect(m.edit({ path: 'split.ratios', value: v })).toEqual({ ok: true });
      kept.push({ out: m.output, scenario: next });
      // Read an earlier run now and then, as a trace of it would: it makes its own column again.
      if (k === 2) expect(JSON.stringify(report(kept[1].out))).toBe(JSON.stringify(simulate(kept[1].scenario)));
    });
    // The shares really moved, so a run reading its successor's column would show it.
    // (the base splits 6:4 by default, as two of the edits do)
    expect(new Set(kept.map((k) => report(k.out).totals.shares.province)).size).toBe(4);
    for (const k of kept) expect(JSON.stringify(report(k.out))).toBe(JSON.stringify(simulate(k.scenario)));
    // The runs were kept, not made again: the model's run is the last one kept.
    expect(kept[kept.length - 1].out).toBe(m.output);
    // A run read again after it made its own column is re-split from once more (by the model, back to it).
    expect(m.edit({ path: 'split.ratios', value: ratios[0] })).toEqual({ ok: true });
    expect(JSON.stringify(report(m.output))).toBe(JSON.stringify(simulate(setAt(scenario, ['split', 'ratios'], ratios[0]))));
    for (const k of kept) expect(JSON.stringify(report(k.out))).toBe(JSON.stringify(simulate(k.scenario)));
  });
});
