/**
 * Splitting value added between tiers of government (DOMAIN S-1, S-7).
 *
 * Hainan: value added = sale income − provisions − verified reserve cost, split province : city
 * = 6 : 4; for paid recovery of city/county stock land the city/county takes nothing (1 : 0).
 * The parts are whole fen and always sum to the total; where the rounding remainder goes is the
 * scenario's `split.remainder` rule:
 *   last              every tier but the last rounded half-up, the last takes the rest (倒挤, as a
 *                     bureau's spreadsheet does it) — the default
 *   largestRemainder  each part floored, the fen left over go to the largest fractions (ties: tier order)
 *   first             each part floored, the fen left over go one at a time from the first tier on
 * 3 500 万元 at 6:4 → 2 100 and 1 400 万元 under every rule; 1 fen at 1:1:1 → 0, 0, 1 (last) or 1, 0, 0.
 */
import { allocate, mulDivHalfUp, weightsFromStrings, type Fen } from './money';

export type SplitRemainder = 'last' | 'largestRemainder' | 'first';
export interface SplitRatios {
  /** Tier ids in the scenario's order. */
  readonly tiers: readonly string[];
  /** Integer weights in the same order. */
  readonly weights: readonly number[];
  readonly remainder: SplitRemainder;
}

/** Builds integer weights from {tier: "6"} strings, keeping the scenario's tier order. */
export function splitRatios(tierOrder: readonly string[], ratios: Record<string, string>, remainder: SplitRemainder = 'last'): SplitRatios {
  // Own properties only: a tier named "constructor" has no ratio unless the scenario gives it one.
  const weights = weightsFromStrings(tierOrder.map((t) => (Object.prototype.hasOwnProperty.call(ratios, t) ? ratios[t] : '0')));
  return { tiers: tierOrder, weights, remainder };
}

/** The value added shared by tier; a non-positive value added gives every tier zero. */
export function splitValueAdded(valueAddedFen: Fen, ratios: SplitRatios): Fen[] {
  if (valueAddedFen <= 0) return new Array<Fen>(ratios.tiers.length).fill(0);
  switch (ratios.remainder) {
    case 'first': return allocate(valueAddedFen, ratios.weights);
    case 'largestRemainder': return largestRemainder(valueAddedFen, ratios.weights);
    case 'last': return lastTakesRest(valueAddedFen, ratios.weights);
  }
}

function lastTakesRest(total: Fen, weights: readonly number[]): Fen[] {
  let sum = 0;
  for (const w of weights) sum += w;
  // The last tier with a weight takes the rest; tiers after it (weight 0) get nothing.
  let last = weights.length - 1;
  while (last > 0 && weights[last] === 0) last--;
  const parts = new Array<Fen>(weights.length);
  let rest = total;
  for (let i = 0; i < weights.length; i++) {
    parts[i] = i < last ? mulDivHalfUp(total, weights[i], sum) : 0;
    rest -= parts[i];
  }
  // Rounding every earlier share up can overshoot by a few fen when the last weight is tiny: a
  // negative share is not a share, so then the fair largest-remainder answer stands instead.
  if (rest < 0) return largestRemainder(total, weights);
  parts[last] = rest;
  return parts;
}

function largestRemainder(total: Fen, weights: readonly number[]): Fen[] {
  const floors = allocateFloors(total, weights);
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total - floors.reduce((a, b) => a + b, 0);
  // Fraction of each part, compared exactly as integers: (total × w) mod sum.
  const frac = weights.map((w) => Number((BigInt(total) * BigInt(w)) % BigInt(sum)));
  const order = weights.map((_, i) => i).filter((i) => weights[i] > 0).sort((a, b) => frac[b] - frac[a] || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k]] += 1;
  return floors;
}

function allocateFloors(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(sum)));
}
