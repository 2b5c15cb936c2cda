/**
 * The figure catalogue is the one definition of which rules make which figure: every rule a run
 * posts belongs to a figure or is listed as not one; report(), the analysis fast path and the
 * trace agree with it figure by figure; and a report asked for some views gives exactly those
 * views of the whole Result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare, report, run, VIEWS, type View } from '../engine/index';
import { FIGURES, NOT_FIGURES, coveredRules, figuresAt, type FigureLevel } from '../engine/figures';
import { RULES, RULE_IDS } from '../engine/rules';
import { traceFigure } from '../engine/trace';
import { figureQuery } from '../engine/figure-path';
import { evaluator, fastOutputPaths, parseOutputs } from '../engine/analysis/index';
import { getAt, parsePath } from '../engine/scenario/json-path';
import { portfolio } from '../bench/portfolio';
import { scenarioArb } from './support/arbitrary-scenario';
import { composed, scenarioFiles } from './support/scenarios';

const runOf = (scenario: unknown) => {
  const p = prepare(scenario);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return run(p.model);
};
const CASES: [string, unknown][] = [
  ...scenarioFiles().map((f) => [f, composed(f)] as [string, unknown]),
  ['portfolio 30×48 seed 3 (bonds)', portfolio({ parcels: 30, months: 48, seed: 3, bond: true })],
];

describe('every posted rule belongs to a figure', () => {
  it('each rule of rules.ts is read by some figure or listed as not a figure', () => {
    const covered = coveredRules();
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
    // A rule cannot be both: a figure that reads it would contradict the list.
    const read = new Set([...FIGURES.values()].flatMap((f) => [...f.plus, ...f.minus]));
    expect(Object.keys(NOT_FIGURES).filter((id) => read.has(id))).toEqual([]);
  });

  it('spending is every rule on the statement\'s use line', () => {
    expect([...FIGURES.get('spending')!.plus].sort()).toEqual(RULE_IDS.filter((id) => RULES.get(id)!.line === 'use').sort());
  });

  it('the rules posted by every scenario file and by generated scenarios are covered', () => {
    const covered = coveredRules();
    const posted = new Set<string>();
    const collect = (scenario: unknown) => { const out = runOf(scenario); for (let i = 0; i < out.ledger.length; i++) posted.add(RULE_IDS[out.ledger.rule[i]]); };
    for (const [, s] of CASES) collect(s);
    fc.assert(fc.property(scenarioArb, (s) => { collect(s); }), { numRuns: 40 });
    expect([...posted].filter((id) => !covered.has(id))).toEqual([]);
    expect(posted.size).toBeGreaterThan(10);
  });
});

describe('report() and the fast readers agree for every catalogue figure', () => {
  it('the fast paths list every figure at the total, period and parcel levels', () => {
    const paths = fastOutputPaths(['province'], ['P1'], 12);
    for (const level of ['total', 'period', 'parcel'] as FigureLevel[]) {
      const prefix = level === 'total' ? 'totals.' : level === 'parcel' ? 'parcels["P1"].' : 'periods[11].';
      for (const f of figuresAt(level)) expect(paths, `${level} ${f.key}`).toContain(prefix + f.key);
    }
  });

  it('over generated scenarios, figure by figure, to the fen', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = report(runOf(s));
      const paths = fastOutputPaths(r.tiers.map((t) => t.id), r.parcels.map((p) => p.id), r.timeline.months).filter((p) => !p.includes('[*]'));
      const outs = parseOutputs(paths);
      if (!outs.ok) throw new Error('bad paths');
      const fast = evaluator(outs.outputs)(s);
      const slow = evaluator(outs.outputs, [], { viaReport: true })(s);
      if (!fast.ok || !slow.ok) throw new Error('refused');
      const differ = paths.filter((_, i) => fast.texts[i] !== slow.texts[i] || fast.texts[i] === null);
      expect(differ.map((p) => `${p}: fast ${fast.texts[paths.indexOf(p)]} report ${slow.texts[paths.indexOf(p)]}`)).toEqual([]);
    }), { numRuns: 25 });
  });
});

describe('the trace adds up to the figure', () => {
  for (const [name, scenario] of CASES) {
    it(`${name}: every traced figure at every level`, () => {
      const out = runOf(scenario);
      const r = report(out);
      const paths: string[] = [];
      const mid = Math.floor(r.periods.length / 2);
      const sold = r.parcels.findIndex((p) => p.sale !== null);
      for (const f of figuresAt('total')) paths.push(`totals.${f.key}`);
      for (const f of figuresAt('period')) paths.push(`periods[${mid}].${f.key}`, `years[${r.years.length - 1}].${f.key}`);
      for (const f of figuresAt('parcel')) paths.push(`parcels[${Math.max(0, sold)}].${f.key}`);
      for (const t of r.tiers) paths.push(`totals.shares.${t.id}`, `periods[${mid}].shares.${t.id}`, `parcels[${Math.max(0, sold)}].shares.${t.id}`);
      if (r.zones.length) paths.push('zones[0].saleRevenue');
      for (const b of r.bonds.map((_, i) => i)) for (const f of figuresAt('bond').filter((x) => x.key !== 'fiscalDebtSupport')) paths.push(`bonds[${b}].${f.key}`);
      for (const path of paths) {
        const q = figureQuery(out.model, path);
        if (!q.ok) throw new Error(`${path}: ${q.problem.message.en}`);
        const segs = parsePath(path)!;
        const shown = getAt(r, segs[0] === 'years' ? ['years', segs[1], ...segs.slice(2)] : segs);
        const a = traceFigure(out, { ...q.query, value: typeof shown === 'string' ? shown : undefined });
        expect(a.known, path).toBe(true);
        if (a.derived) continue;
        expect(typeof shown, path).toBe('string');
        expect(a.agrees, `${path}: postings ${a.sum}, result ${String(shown)}`).toBe(true);
      }
    });
  }

  it('an unknown figure path is a problem with the nearest known path', () => {
    const out = runOf(composed('scenarios/hainan-year-base.json'));
    const q = figureQuery(out.model, 'totals.valueAded');
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.problem.hint).toContain('totals.valueAdded');
    const p = figureQuery(out.model, 'parcels["nope"].valueAdded');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.message.en).toContain('a parcel');
  });
});

describe('report(out, {views}) makes only the views asked for', () => {
  for (const [name, scenario] of CASES.slice(0, 4)) {
    it(`${name}: each view equals the same view of the whole Result`, () => {
      const out = runOf(scenario);
      const full = report(out) as unknown as Record<string, unknown>;
      for (const view of VIEWS) {
        const part = report(out, { views: [view] }) as unknown as Record<string, unknown>;
        expect(JSON.stringify(part[view]), view).toBe(JSON.stringify(full[view]));
        for (const other of VIEWS.filter((v: View) => v !== view)) expect(part[other], `${view} made ${other}`).toBeUndefined();
      }
      expect(JSON.stringify(report(out, { views: VIEWS }))).toBe(JSON.stringify(full));
    });
  }
});
