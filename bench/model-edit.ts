/**
 * Recalculating the engine after one input changes, on its hot path: a prepared model with one
 * part replaced by exactly what prepare() would have built, then run again. Used by the bench
 * to time the engine's answer to "the split ratio is now 7 : 3" or "the coupon is now 3.5 %"
 * against a spreadsheet's recalc;
 * test/bench-portfolio.test.ts proves it equals simulate() of the edited scenario to the fen.
 *
 *   run(withSplit(model, { province: '7', city: '3' }))  ≡  simulate(scenario with split.ratios 7 : 3)
 *   run(withBondRate(model, '3.5%'))                      ≡  simulate(scenario with bonds[0].couponRate "3.5%")
 */
import { splitRatios } from '../engine/revenue-split';
import { parseRate } from '../engine/money';
import type { Model } from '../engine/index';

export function withSplit(model: Model, ratios: Record<string, string>): Model {
  const tiers = model.tiers.map((t) => t.id);
  return { ...model, splits: model.splits.map((s, i) => (model.splitNames[i] === 'default' ? splitRatios(tiers, ratios, s.remainder) : s)) };
}

/** The model with every issued bond's coupon at `rate` ("3.5%"), as prepare() builds it without a rate shift. */
export function withBondRate(model: Model, rate: string): Model {
  const r = parseRate(rate);
  if (!r) throw new RangeError(`not a rate: ${rate}`);
  return { ...model, bonds: model.bonds.map((b) => (b.isRollover ? b : { ...b, rate: r })) };
}
