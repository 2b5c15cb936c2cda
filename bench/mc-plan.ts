/**
 * The Monte Carlo plan `npm run bench` times (section 3): a 200-parcel, 120-month portfolio with a
 * bond; price, cost, delay and coupon drawn, price and delay correlated; four outputs, a fan and
 * two events. Kept here so that focused benches and profiles time the very same plan.
 */
import { SCENARIO_SCHEMA, getAt } from '../engine/index';
import { applyInputs, compilePlan, drawInputs, type CompiledPlan, type McPlan } from '../engine/analysis/index';
import { IncrementalModel } from '../engine/incremental/index';
import { portfolio } from './portfolio';

/** The plan of `npm run bench` section 3, for `runs` draws. */
export function mcPlan(runs: number): McPlan {
  const known = Object.keys((SCENARIO_SCHEMA as { properties: { adjustments?: { properties?: object } } }).properties.adjustments?.properties ?? {});
  return {
    scenario: portfolio({ parcels: 200, months: 120, seed: 3, headroomMonths: 12, bond: true, bondShare: 0.8 }),
    runs,
    seed: 2024,
    inputs: [
      { path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
      { path: 'adjustments.costFactor', distribution: 'triangular(0.95, 1, 1.2)' },
      { path: 'adjustments.saleDelayMonths', distribution: 'uniform(0, 12) integer' },
      ...(known.includes('rateShiftBp') ? [{ path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) integer' }] : []),
    ],
    correlations: [{ a: 'adjustments.salePriceFactor', b: 'adjustments.saleDelayMonths', rho: -0.4 }],
    outputs: ['totals.valueAdded', 'totals.shares.province', 'bonds[0].coverageRatio', 'totals.peakFundingNeed'],
    series: ['periods[*].poolBalance'],
    events: [{ output: 'bonds[0].coverageRatio', op: '<', threshold: '1.2' }, { output: 'totals.fiscalDebtSupport', op: '>', threshold: '0' }],
  };
}


/**
 * The plan for `draws` draws compiled, the incremental model its draws edit, and each draw's edits
 * made up front: what a bench of single draws times or samples is the model's work, not the draws'.
 */
export function planDraws(draws: number): { compiled: CompiledPlan; model: IncrementalModel; edits: { path: string; value: unknown }[][] } {
  const made = compilePlan(mcPlan(draws));
  if (!made.ok) throw new Error('the bench plan was refused');
  const c = made.compiled;
  const resolved = c.inputs.map((i) => i.input);
  const created = IncrementalModel.create(c.plan.scenario, { transient: true });
  if (!created.ok) throw new Error('the bench scenario was refused');
  const edits = Array.from({ length: draws }, (_, k) => {
    const variant = applyInputs(c.plan.scenario, resolved, drawInputs(c, k));
    return resolved.map((r) => ({ path: r.path, value: getAt(variant, r.segments) }));
  });
  return { compiled: c, model: created.model, edits };
}
