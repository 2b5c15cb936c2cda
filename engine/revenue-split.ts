/**
 * Splitting value added between tiers of government (DOMAIN S-1).
 *
 * Hainan: value added = sale income − provisions − verified reserve cost, split province : city
 * = 6 : 4; for paid recovery of city/county stock land the city/county takes nothing (1 : 0).
 * The parts are whole fen and sum to the total exactly: the fen left after flooring each part go
 * one at a time to the tiers in the scenario's order. 3 500 万元 at 6:4 → 2 100 and 1 400 万元.
 */
import { allocate, weightsFromStrings, type Fen } from './money';

export interface SplitRatios {
  /** Tier ids in the order remainders are handed out. */
  readonly tiers: readonly string[];
  /** Integer weights in the same order. */
  readonly weights: readonly number[];
}

/** Builds integer weights from {tier: "6"} strings, keeping the scenario's tier order. */
export function splitRatios(tierOrder: readonly string[], ratios: Record<string, string>): SplitRatios {
  // Own properties only: a tier named "constructor" has no ratio unless the scenario gives it one.
  const weights = weightsFromStrings(tierOrder.map((t) => (Object.prototype.hasOwnProperty.call(ratios, t) ? ratios[t] : '0')));
  return { tiers: tierOrder, weights };
}

/** The value added shared by tier; a non-positive value added gives every tier zero. */
export function splitValueAdded(valueAddedFen: Fen, ratios: SplitRatios): Fen[] {
  if (valueAddedFen <= 0) return ratios.tiers.map(() => 0);
  return allocate(valueAddedFen, ratios.weights);
}
