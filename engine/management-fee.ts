/**
 * The progressive (差额累进) cap on the construction management fee, 财建〔2016〕504号 (DOMAIN M-1).
 *
 * Each slice of the base pays its tier's marginal rate; the slices are summed exactly and rounded
 * to fen once. 20 000 万元 of works → 1 000×2% + 4 000×1.5% + 5 000×1.2% + 10 000×1% = 240 万元.
 * The base is the approved investment less land costs (M-2): for a reserve parcel, its
 * pre-development works.
 */
import { lcm, mulDivHalfUp, type Fen } from './money';
import type { FeeTier } from './parameters';

export function managementFeeCap(baseFen: Fen, table: readonly FeeTier[]): Fen {
  if (baseFen <= 0) return 0;
  const { den, most } = scaleOf(table);
  if (Number.isSafeInteger(baseFen * most)) {
    let sum = 0;
    let below = 0;
    for (const tier of table) {
      const upper = tier.upToFen ?? Number.MAX_SAFE_INTEGER;
      const slice = Math.min(baseFen, upper) - below;
      if (slice <= 0) break;
      sum += slice * (tier.rate.num * (den / tier.rate.den));
      below = upper;
    }
    return mulDivHalfUp(sum, 1, den);
  }
  let numerator = 0n;
  let lower = 0;
  for (const tier of table) {
    const upper = tier.upToFen ?? Number.MAX_SAFE_INTEGER;
    const slice = Math.min(baseFen, upper) - lower;
    if (slice <= 0) break;
    numerator += BigInt(slice) * BigInt(tier.rate.num * (den / tier.rate.den));
    lower = upper;
  }
  // numerator/den, half-up: split into a safe product form for mulDivHalfUp.
  const q = numerator / BigInt(den);
  const r = numerator - q * BigInt(den);
  return Number(q) + mulDivHalfUp(Number(r), 1, den);
}

/** A table's common denominator and largest tier multiplier, worked out once per table (every parcel of every draw reads it). */
const SCALES = new WeakMap<readonly FeeTier[], { den: number; most: number }>();

function scaleOf(table: readonly FeeTier[]): { den: number; most: number } {
  let scale = SCALES.get(table);
  if (scale) return scale;
  // Common denominator of all tier rates, so the sum of slices is rounded once.
  const den = table.reduce((d, t) => lcm(d, t.rate.den), 1);
  // The slices sum to at most the base, so while base × the largest tier multiplier is a safe
  // integer every product and their sum are exact in a number (most parcels; BigInt otherwise).
  const most = table.reduce((m, t) => Math.max(m, t.rate.num * (den / t.rate.den)), 0);
  SCALES.set(table, (scale = { den, most }));
  return scale;
}

