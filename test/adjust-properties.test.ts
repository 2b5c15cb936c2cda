/**
 * prepareBase + adjust against prepare: for generated scenarios (with and without a bond, some
 * refused before their adjustments) and generated adjustments (some pushing sales past the
 * timeline, some driving a coupon below zero, some outside the schema), the report of
 * adjust(prepareBase(s), adj) is byte for byte the report of prepare on s with adj — and when
 * prepare refuses, the same problems in the same order. The analysis evaluator's reuse of one
 * base gives the same evaluations as preparing each variant. The holding spread's integer split
 * equals allocate over equal weights.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run } from '../engine/index';
import { adjust, prepareBase } from '../engine/scenario/adjust';
import { evaluator, parseOutputs, variantEvaluator } from '../engine/analysis/evaluate';
import { resolveInput, applyInputs } from '../engine/analysis/input';
import { allocate, dec } from '../engine/money';
import { amountsOf, evenSpread } from '../engine/flows';
import { scenarioArb } from './support/arbitrary-scenario';

const factorArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((n) => (n / 10_000).toFixed(4)) },
  { weight: 1, arbitrary: fc.constantFrom('1', '0', '0.0000', ' 1.1 ', '2.123456789012345678', 'abc', '-1', '') },
);

const adjustmentsArb = fc.option(
  fc.record(
    {
      salePriceFactor: factorArb,
      costFactor: factorArb,
      saleDelayMonths: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 121, 2.5) }),
      rateShiftBp: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -600, max: 600 }) }, { weight: 1, arbitrary: fc.constantFrom(-1001, 2001, 0.5) }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const scenarioWithFundingArb = fc
  .tuple(
    scenarioArb,
    fc.record({
      bond: fc.option(fc.record({ wan: fc.integer({ min: 1, max: 100_000 }), rateBp: fc.integer({ min: 100, max: 600 }), term: fc.integer({ min: 1, max: 2 }), rollover: fc.boolean() }), { nil: undefined }),
      strict: fc.boolean(),
      broken: fc.constantFrom('none', 'none', 'none', 'none', 'duplicateParcel', 'ownAdjustments'),
    }),
  )
  .map(([s, f]) => {
    let parcels = (s.parcels as { id: string; zone?: string }[]).map((p, i) => ({ ...p, zone: i % 2 ? 'Z2' : 'Z1' }));
    if (f.broken === 'duplicateParcel' && parcels.length > 1) parcels = [...parcels, { ...parcels[0] }];
    const scenario: Record<string, unknown> = { ...s, parcels, zones: [{ id: 'Z1' }, { id: 'Z2' }] };
    if (f.strict) scenario.rulePolicy = { serviceFeeOverCap: 'error', saleSchedule: 'error', managementFeeOverCap: 'error' };
    if (f.broken === 'ownAdjustments') scenario.adjustments = { saleDelayMonths: 999 };
    if (f.bond) {
      scenario.projects = [{ id: 'PRJ', parcels: parcels.map((p) => p.id) }];
      scenario.bonds = [{ id: 'B1', issueDate: '2020-01', principal: `${f.bond.wan}万元`, couponRate: `${f.bond.rateBp / 100}%`, termYears: f.bond.term, project: 'PRJ', zone: 'Z1', atMaturity: f.bond.rollover ? 'rollover' : 'fiscal', rolloverTermYears: 1 }];
    }
    return scenario;
  });

function outcome(p: ReturnType<typeof prepare>): string {
  return p.ok ? JSON.stringify(report(run(p.model))) : JSON.stringify({ problems: p.problems });
}

function withAdjustments(s: Record<string, unknown>, adj: unknown): Record<string, unknown> {
  if (adj !== undefined) return { ...s, adjustments: adj };
  const { adjustments: _ignored, ...rest } = s;
  void _ignored;
  return rest;
}

describe('adjust(prepareBase(s), adjustments) ≡ prepare(s with adjustments)', () => {
  it('the same report, or the same problems, for random scenarios and adjustments', () => {
    let refused = 0;
    let ran = 0;
    fc.assert(
      fc.property(scenarioWithFundingArb, fc.array(adjustmentsArb, { minLength: 1, maxLength: 3 }), (s, adjs) => {
        const base = prepareBase(s);
        for (const adj of adjs) {
          const expected = prepare(withAdjustments(s, adj));
          if (expected.ok) ran++;
          else refused++;
          expect(outcome(adjust(base, adj))).toBe(outcome(expected));
        }
      }),
      { numRuns: 150 },
    );
    // The generators reach both sides.
    expect(ran).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('prepare(s) is adjust(prepareBase(s), s.adjustments), the scenario keeping its own adjustments', () => {
    fc.assert(
      fc.property(scenarioWithFundingArb, adjustmentsArb, (s, adj) => {
        const own = withAdjustments(s, adj);
        expect(outcome(adjust(prepareBase(own), own.adjustments))).toBe(outcome(prepare(own)));
      }),
      { numRuns: 60 },
    );
  });

  it('the analysis evaluator reusing one base answers as preparing each variant', () => {
    const outs = parseOutputs(['totals.valueAdded', 'totals.peakFundingNeed', 'bonds[0].coverageRatio']);
    if (!outs.ok) throw new Error('outputs');
    const paths = ['adjustments.salePriceFactor', 'adjustments.costFactor', 'adjustments.saleDelayMonths', 'adjustments.rateShiftBp'];
    fc.assert(
      fc.property(scenarioWithFundingArb, fc.array(fc.tuple(fc.integer({ min: 5000, max: 15000 }), fc.integer({ min: 5000, max: 15000 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: -400, max: 400 })), { minLength: 1, maxLength: 3 }), (s, draws) => {
        const inputs = paths.map((p) => {
          const r = resolveInput(s, p);
          if (!r.ok) throw new Error(p);
          return r.input;
        });
        const plain = evaluator(outs.outputs);
        const reused = variantEvaluator(evaluator(outs.outputs), s, inputs);
        for (const [price, cost, delay, bp] of draws) {
          const variant = applyInputs(s, inputs, [dec(String(price)).div(10000), dec(String(cost)).div(10000), dec(String(delay)), dec(String(bp))]);
          expect(JSON.stringify(reused(variant))).toBe(JSON.stringify(plain(variant)));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('spread: an even split, exactly as allocate over equal weights', () => {
  it('matches allocate for any total and number of months', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -(2 ** 50), max: 2 ** 50 })), fc.integer({ min: 1, max: 360 }), (total, months) => {
        const expected = total === 0 ? [] : allocate(total, new Array(months).fill(1));
        expect(amountsOf(evenSpread(total, 3, months))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
