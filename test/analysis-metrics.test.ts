/**
 * The fast metrics path equals report() to the fen: every path it answers, on every scenario file
 * and on generated portfolios, read once from the ledger and once from the Result's strings.
 */
import { describe, expect, it } from 'vitest';
import { evaluator, fastOutputPaths, parseOutputs } from '../engine/analysis/index';
import { prepare, report, run } from '../engine/index';
import { portfolio } from '../bench/portfolio';
import { composed, scenarioFiles } from './support/scenarios';

const FUNDING_PATHS = [
  'bonds[*].coverageRatio', 'min(bonds[*].coverageRatio)', 'bonds[0].debtService', 'bonds[0].available', 'bonds[0].interest',
  'projects[0].coverageRatio', 'zones[*].balance', 'min(zones[*].balance)', 'max(zones[*].peakFundingNeed)', 'zones[0].cost',
  'pool.minBalance', 'pool.shortfall', 'pool.endBalance', 'count(pool.delays[*].amount)', 'count(bonds[*].id)',
];

function cases(): [string, Record<string, unknown>][] {
  return [
    ...scenarioFiles().map((f) => [f, composed(f)] as [string, Record<string, unknown>]),
    ['portfolio 40×48 seed 1', portfolio({ parcels: 40, months: 48, seed: 1 })],
    ['portfolio 60×72 seed 2 (small zones)', portfolio({ parcels: 60, months: 72, seed: 2, parcelsPerZone: 7 })],
  ];
}

describe('metrics: the ledger read directly equals report() to the fen', () => {
  for (const [name, scenario] of cases()) {
    it(name, () => {
      const p = prepare(scenario);
      if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
      const r = report(run(p.model));
      const paths = [...fastOutputPaths(r.tiers.map((t) => t.id), r.parcels.map((x) => x.id).slice(0, 6), r.timeline.months), ...FUNDING_PATHS];
      const single = paths.filter((x) => !(x.includes('[*]') && !/^(min|max|sum|count)\(/.test(x)));
      const series = paths.filter((x) => !single.includes(x));
      const so = parseOutputs(single);
      const mo = parseOutputs(series);
      if (!so.ok || !mo.ok) throw new Error('bad test paths');
      const fast = evaluator(so.outputs, mo.outputs)(scenario);
      const slow = evaluator(so.outputs, mo.outputs, { viaReport: true })(scenario);
      if (!fast.ok || !slow.ok) throw new Error('refused');
      const mismatches = single.filter((_, i) => fast.texts[i] !== slow.texts[i] || !Object.is(fast.values[i], slow.values[i]));
      expect(mismatches.map((m) => `${m}: fast ${fast.texts[single.indexOf(m)]} report ${slow.texts[single.indexOf(m)]}`)).toEqual([]);
      // A figure the Result has must be found by the fast path too (null only where the Result has none).
      expect(single.filter((_, i) => slow.texts[i] !== null && fast.texts[i] === null)).toEqual([]);
      series.forEach((s, i) => expect([...fast.series[i]], s).toEqual([...slow.series[i]]));
    });
  }
});

describe('metrics: coverage ratios alone are read without the funding report, and equal it', () => {
  const COVERAGE_PATHS = ['bonds[0].coverageRatio', 'min(bonds[*].coverageRatio)', 'max(bonds[*].coverageRatio)', 'count(bonds[*].coverageRatio)'];
  for (const [name, scenario] of cases()) {
    it(name, () => {
      const p = prepare(scenario);
      if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
      const ids = p.model.bonds.map((b) => `bonds[${JSON.stringify(b.id)}].coverageRatio`);
      const single = [...COVERAGE_PATHS, ...ids];
      const so = parseOutputs(single);
      const mo = parseOutputs(['bonds[*].coverageRatio']);
      if (!so.ok || !mo.ok) throw new Error('bad test paths');
      const fast = evaluator(so.outputs, mo.outputs)(scenario);
      const slow = evaluator(so.outputs, mo.outputs, { viaReport: true })(scenario);
      if (!fast.ok || !slow.ok) throw new Error('refused');
      expect(fast.texts).toEqual(slow.texts);
      expect([...fast.values]).toEqual([...slow.values]);
      expect([...fast.series[0]]).toEqual([...slow.series[0]]);
    });
  }
});
