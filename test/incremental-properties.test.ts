/**
 * The incremental model against a fresh simulate(): for generated scenarios (with and without a
 * bond, in two zones) and random edit sequences — split ratios, coupons, the four adjustments,
 * a parcel's price, and edits that add or remove a bond, a parcel or a zone, some of them invalid —
 * the model's Result is byte for byte simulate() of the edited scenario after every accepted
 * edit; a refused edit carries prepare's own problems and leaves the model's scenario and Result
 * as they were.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, simulate } from '../engine/index';
import { parsePath, setAt } from '../engine/scenario/json-path';
import { IncrementalModel, editKind, scenarioEdits, type Edit } from '../engine/incremental/index';
import { ADJUSTMENT_KEYS } from '../engine/incremental/edit';
import { scenarioArb } from './support/arbitrary-scenario';
import { evaluator, parseOutputs, variantEvaluator } from '../engine/analysis/evaluate';
import { applyInputs, resolveInput } from '../engine/analysis/input';
import { dec } from '../engine/money';

type S = Record<string, unknown>;

/** A scenario with its adjustments read as the engine reads them: each of the four, a missing one neutral, in one order. */
function adjustmentsRead(x: S): S {
  const a = x.adjustments as S | undefined;
  if (a !== undefined && !Object.keys(a).every((k) => (ADJUSTMENT_KEYS as readonly string[]).includes(k))) return x;
  const { adjustments: _dropped, ...rest } = x;
  void _dropped;
  const neutral: S = { salePriceFactor: '1', saleDelayMonths: 0, costFactor: '1', rateShiftBp: 0 };
  return { ...rest, adjustments: Object.fromEntries(ADJUSTMENT_KEYS.map((k) => [k, a?.[k] ?? neutral[k]])) };
}

const scenarioWithBondArb = fc.tuple(scenarioArb, fc.option(fc.record({ wan: fc.integer({ min: 1, max: 50_000 }), rateBp: fc.integer({ min: 100, max: 600 }), rollover: fc.boolean() }), { nil: undefined })).map(([s, bond]) => {
  const parcels = (s.parcels as { id: string }[]).map((p, i) => ({ ...p, zone: i % 2 ? 'Z2' : 'Z1' }));
  const scenario: S = { ...s, parcels, zones: [{ id: 'Z1' }, { id: 'Z2' }] };
  if (bond) {
    scenario.projects = [{ id: 'PRJ', parcels: parcels.map((p) => p.id) }];
    scenario.bonds = [bondOf('B1', bond.wan, bond.rateBp, bond.rollover)];
  }
  return scenario;
});

function bondOf(id: string, wan: number, rateBp: number, rollover: boolean): S {
  return { id, issueDate: '2020-01', principal: `${wan}万元`, couponRate: `${rateBp / 100}%`, termYears: 2, project: 'PRJ', zone: 'Z1', atMaturity: rollover ? 'rollover' : 'fiscal', rolloverTermYears: 1 };
}

const weightArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('-1', 'abc', '7.5%', '0') });
const factorArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 5000, max: 15000 }).map((n) => (n / 10000).toFixed(4)) }, { weight: 1, arbitrary: fc.constantFrom('0', 'x', '1') });

/** An edit described independently of the scenario, made concrete against the model's current one. */
const editArb = fc.oneof(
  fc.record({ op: fc.constant('tier' as const), tier: fc.integer({ min: 0, max: 3 }), value: weightArb }),
  fc.record({ op: fc.constant('ratios' as const), values: fc.array(weightArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('coupon' as const), value: fc.oneof(fc.integer({ min: 0, max: 800 }).map((bp) => `${bp / 100}%`), fc.constantFrom('x', '3‰', '101%')) }),
  fc.record({ op: fc.constant('price' as const), value: factorArb }),
  fc.record({ op: fc.constant('cost' as const), value: factorArb }),
  fc.record({ op: fc.constant('delay' as const), value: fc.oneof(fc.integer({ min: 0, max: 18 }), fc.constantFrom(-1, 2.5, 200)) }),
  fc.record({ op: fc.constant('shift' as const), value: fc.oneof(fc.integer({ min: -400, max: 400 }), fc.constantFrom(-1001, 0.5)) }),
  fc.record({ op: fc.constant('salePrice' as const), parcel: fc.nat(6), wan: fc.integer({ min: 0, max: 500_000 }) }),
  fc.record({ op: fc.constant('addBond' as const), wan: fc.integer({ min: 1, max: 50_000 }), rateBp: fc.integer({ min: 100, max: 600 }) }),
  fc.record({ op: fc.constant('removeBond' as const) }),
  fc.record({ op: fc.constant('addParcel' as const), from: fc.nat(6) }),
  fc.record({ op: fc.constant('removeParcel' as const), at: fc.nat(6) }),
  fc.record({ op: fc.constant('addZone' as const) }),
  fc.record({ op: fc.constant('removeZone' as const) }),
);
type EditSpec = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function concrete(s: S, e: EditSpec, k: number): Edit {
  const tiers = (s.tiers as { id: string }[]).map((t) => t.id);
  const parcels = s.parcels as S[];
  const bonds = (s.bonds as S[] | undefined) ?? [];
  switch (e.op) {
    case 'tier': return { path: `split.ratios.${e.tier < tiers.length ? tiers[e.tier] : 'nobody'}`, value: e.value };
    case 'ratios': return { path: 'split.ratios', value: Object.fromEntries(e.values.map((v, i) => [tiers[i] ?? `x${i}`, v])) };
    case 'coupon': return { path: 'bonds[0].couponRate', value: e.value };
    case 'price': return { path: 'adjustments.salePriceFactor', value: e.value };
    case 'cost': return { path: 'adjustments.costFactor', value: e.value };
    case 'delay': return { path: 'adjustments.saleDelayMonths', value: e.value };
    case 'shift': return { path: 'adjustments.rateShiftBp', value: e.value };
    case 'salePrice': return { path: `parcels[${e.parcel % Math.max(1, parcels.length)}].sale.price`, value: `${e.wan}万元` };
    case 'addBond': {
      // Without a project the new bond is the scenario's own special bond, serviced by the budget.
      const b = bondOf(`B${k + 10}`, e.wan, e.rateBp, false);
      return { path: 'bonds', value: [...bonds, s.projects ? b : withoutProject(b)] };
    }
    case 'removeBond': return { path: 'bonds', value: bonds.slice(1) };
    case 'addParcel': return { path: 'parcels', value: [...parcels, { ...parcels[e.from % Math.max(1, parcels.length)], id: `N${k}` }] };
    case 'removeParcel': return { path: 'parcels', value: parcels.filter((_, i) => i !== e.at % Math.max(1, parcels.length)) };
    case 'addZone': return { path: 'zones', value: [...(s.zones as S[]), { id: `Z${k + 3}` }] };
    case 'removeZone': return { path: 'zones', value: (s.zones as S[]).slice(1) };
  }
}

function withoutProject(b: S): S {
  const { project: _p, ...rest } = b;
  void _p;
  return rest;
}

const resultOf = (m: IncrementalModel) => JSON.stringify(report(m.output));

describe('the incremental model ≡ simulate() of the edited scenario', () => {
  it('byte for byte after every accepted edit; a refused edit changes nothing', () => {
    const seen = { split: 0, coupon: 0, adjustment: 0, scenario: 0, refused: 0 };
    fc.assert(
      fc.property(scenarioWithBondArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (s, edits) => {
        const created = IncrementalModel.create(s);
        if (!created.ok) return;
        const m = created.model;
        edits.forEach((spec, k) => {
          const edit = concrete(m.scenario as S, spec, k);
          const before = { scenario: m.scenario, result: resultOf(m) };
          const next = setAt(m.scenario, parsePath(edit.path)!, edit.value);
          const fresh = prepare(next);
          const outcome = m.edit(edit);
          if (fresh.ok) {
            expect(outcome).toEqual({ ok: true });
            expect(resultOf(m)).toBe(JSON.stringify(simulate(next)));
            seen[editKind(parsePath(edit.path)!).kind]++;
          } else {
            expect(outcome).toEqual({ ok: false, problems: fresh.problems });
            expect(m.scenario).toBe(before.scenario);
            expect(resultOf(m)).toBe(before.result);
            seen.refused++;
          }
        });
      }),
      { numRuns: 60 },
    );
    // The generators reach every path.
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
  }, 300_000);

  // Transient, as a Monte Carlo's model is: each run's ledger columns go to the next run once it is replaced.
  for (const transient of [false, true]) it(`several edits at once (a Monte Carlo draw, a sweep point) ≡ simulate() of the scenario with all of them${transient ? ', transient' : ''}`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenarioWithBondArb, fc.array(fc.array(editArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (s, batches) => {
        const created = IncrementalModel.create(s, { transient });
        if (!created.ok) return;
        const m = created.model;
        batches.forEach((specs, b) => {
          let next = m.scenario as S;
          const edits = specs.map((spec, k) => {
            const e = concrete(next, spec, b * 10 + k);
            next = setAt(next, parsePath(e.path)!, e.value);
            return e;
          });
          const before = resultOf(m);
          const fresh = prepare(next);
          const outcome = m.editAll(edits);
          if (fresh.ok) {
            expect(outcome).toEqual({ ok: true });
            expect(resultOf(m)).toBe(JSON.stringify(simulate(next)));
            accepted++;
          } else {
            expect(outcome.ok).toBe(false);
            expect(resultOf(m)).toBe(before);
          }
        });
      }),
      { numRuns: transient ? 40 : 60 },
    );
    expect(accepted).toBeGreaterThan(transient ? 10 : 15);
  }, 300_000);

  it('refuses an invalid split ratio with its problem and keeps its results', () => {
    const s = fc.sample(scenarioWithBondArb, { numRuns: 1, seed: 7 })[0];
    const created = IncrementalModel.create(s);
    if (!created.ok) throw new Error('generated scenario refused');
    const m = created.model;
    const before = resultOf(m);
    const outcome = m.edit({ path: 'split.ratios.nobody', value: '3' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.path)).toContain('split.ratios.nobody');
    expect(resultOf(m)).toBe(before);
    expect(m.edit({ path: 'adjustments.salePriceFactor', value: '0' }).ok).toBe(false);
    expect(resultOf(m)).toBe(before);
  });

  it('an analysis on the incremental path (split, share percent, coupon, adjustments) answers as preparing each variant', () => {
    const outs = parseOutputs(['totals.valueAdded', 'totals.shares.t0', 'totals.peakFundingNeed', 'bonds[0].coverageRatio']);
    if (!outs.ok) throw new Error('outputs');
    fc.assert(
      fc.property(scenarioWithBondArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 5000, max: 15000 }), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 4 }), (s, draws) => {
        const paths = ['split.sharePercent.t0', ...(s.bonds ? ['bonds[0].couponRate'] : []), 'adjustments.salePriceFactor', 'adjustments.saleDelayMonths'];
        const inputs = paths.map((p) => {
          const r = resolveInput(s, p);
          if (!r.ok) throw new Error(p);
          return r.input;
        });
        const plain = evaluator(outs.outputs);
        const incremental = variantEvaluator(evaluator(outs.outputs), s, inputs);
        for (const [share, bp, price, delay] of draws) {
          const xs = [dec(String(share)), ...(s.bonds ? [dec(String(bp)).div(100)] : []), dec(String(price)).div(10000), dec(String(delay))];
          const variant = applyInputs(s, inputs, xs);
          expect(JSON.stringify(incremental(variant))).toBe(JSON.stringify(plain(variant)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('scenarioEdits finds the fields that moved: applied to the first scenario they give the second', () => {
    fc.assert(
      fc.property(scenarioWithBondArb, fc.array(editArb, { minLength: 0, maxLength: 4 }), (s, specs) => {
        let next: S = s;
        specs.forEach((spec, k) => {
          const e = concrete(next, spec, k);
          next = setAt(next, parsePath(e.path)!, e.value);
        });
        const edits = scenarioEdits(s, next);
        expect(edits).not.toBeNull();
        let rebuilt: unknown = s;
        for (const e of edits!) rebuilt = setAt(rebuilt, parsePath(e.path)!, e.value);
        expect(JSON.stringify(adjustmentsRead(rebuilt as S))).toBe(JSON.stringify(adjustmentsRead(next)));
        if (specs.length === 0) expect(edits).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(scenarioEdits({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeNull();
    expect(scenarioEdits({ a: { x: 1, y: 2 } }, { a: { x: 1 } })).toEqual([{ path: 'a', value: { x: 1 } }]);
    expect(scenarioEdits({ p: { 'a.b': '1' } }, { p: { 'a.b': '2' } })).toEqual([{ path: 'p["a.b"]', value: '2' }]);
  });

  it('an adjustment left out is an edit to its neutral value, and the model then reports what a fresh run of the page\'s scenario does', () => {
    const adjustmentsArb = fc.record(
      { salePriceFactor: factorArb, costFactor: factorArb, saleDelayMonths: fc.integer({ min: 0, max: 6 }), rateShiftBp: fc.integer({ min: -200, max: 200 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scenarioWithBondArb, adjustmentsArb, fc.subarray([...ADJUSTMENT_KEYS]), (s, adjustments, kept) => {
        const months = (s.timeline as { months: number }).months;
        const base = { ...s, timeline: { ...(s.timeline as S), months: months + 6 } };
        const created = IncrementalModel.create({ ...base, adjustments });
        fc.pre(created.ok);
        if (!created.ok) return;
        const model = created.model;
        // The page keeps some adjustments (its sliders away from home) and leaves the rest out.
        const left = Object.fromEntries(Object.entries(adjustments).filter(([k]) => kept.includes(k as (typeof ADJUSTMENT_KEYS)[number])));
        const page: S = Object.keys(left).length > 0 ? { ...base, adjustments: left } : base;
        const edits = scenarioEdits(model.scenario, page);
        expect(edits).not.toBeNull();
        for (const e of edits!) expect(editKind(parsePath(e.path)!).kind).toBe('adjustment');
        const edited = model.editAll(edits!);
        const fresh = prepare(page);
        expect(edited.ok).toBe(fresh.ok);
        if (edited.ok) expect(JSON.stringify(report(model.output))).toBe(JSON.stringify(simulate(page)));
      }),
      { numRuns: 40 },
    );
    expect(scenarioEdits({ a: 1, adjustments: { salePriceFactor: '0.9' } }, { a: 1 })).toEqual([{ path: 'adjustments.salePriceFactor', value: '1' }]);
    expect(scenarioEdits({ a: 1, adjustments: { salePriceFactor: '0.9', rateShiftBp: 5 } }, { a: 1, adjustments: { rateShiftBp: 5 } })).toEqual([{ path: 'adjustments.salePriceFactor', value: '1' }]);
    // Anything but the four adjustments is not read as neutral: the object is one edit, prepared afresh.
    expect(scenarioEdits({ adjustments: { other: 1 } }, {})).toEqual([{ path: 'adjustments', value: undefined }]);
  });

  it('a re-priced sale carries its fee and the 做地 developer\'s compensation into the verified cost, as prepare does', () => {
    for (const s of fc.sample(scenarioWithBondArb, { numRuns: 8, seed: 11 })) {
      const parcels = (s.parcels as S[]).map((p) => ({ ...p, sale: { ...(p.sale as S), businessFee: '1.5%' } }));
      const scenario: S = { ...s, parcels, zones: [{ id: 'Z1', developer: { compensationRate: '8%' } }, { id: 'Z2' }] };
      const created = IncrementalModel.create(scenario);
      if (!created.ok) continue;
      const m = created.model;
      for (const factor of ['0.9', '1.1', '0.95']) {
        const next = setAt(m.scenario, ['adjustments', 'salePriceFactor'], factor);
        const fresh = prepare(next);
        const outcome = m.edit({ path: 'adjustments.salePriceFactor', value: factor });
        expect(outcome.ok).toBe(fresh.ok);
        if (fresh.ok) expect(resultOf(m)).toBe(JSON.stringify(simulate(next)));
      }
    }
  });
});
