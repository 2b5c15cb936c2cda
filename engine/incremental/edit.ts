/**
 * An edit of a scenario: one field, addressed by the JSON path the notebook controls, sweeps,
 * tornado, Monte Carlo and goal seek use (`split.ratios.province`, `bonds[0].couponRate`,
 * `adjustments.salePriceFactor`), and its new value. Its kind says which stages of the model it
 * reaches (stages.ts); anything the model has no shortcut for is a `scenario` edit — prepared again.
 *
 *   editKind(['split', 'ratios', 'province'])  → { kind: 'split' }
 *   editKind(['bonds', 0, 'couponRate'])        → { kind: 'coupon', bond: 0 }
 *   editKind(['parcels', 3])                    → { kind: 'scenario' }
 */
import type { PathSegment } from '../scenario/json-path';

export interface Edit {
  readonly path: string;
  readonly value: unknown;
}

export const ADJUSTMENT_KEYS = ['salePriceFactor', 'saleDelayMonths', 'costFactor', 'rateShiftBp'] as const;
export type AdjustmentKey = (typeof ADJUSTMENT_KEYS)[number];

export type EditKind =
  | { readonly kind: 'adjustment'; readonly key: AdjustmentKey }
  | { readonly kind: 'split' }
  | { readonly kind: 'coupon'; readonly bond: number }
  | { readonly kind: 'scenario' };

export function editKind(path: readonly PathSegment[]): EditKind {
  const [a, b, c] = path;
  if (a === 'adjustments' && path.length === 2 && (ADJUSTMENT_KEYS as readonly unknown[]).includes(b)) return { kind: 'adjustment', key: b as AdjustmentKey };
  if (a === 'split' && b === 'ratios' && (path.length === 2 || (path.length === 3 && typeof c === 'string'))) return { kind: 'split' };
  if (a === 'bonds' && typeof b === 'number' && c === 'couponRate' && path.length === 3) return { kind: 'coupon', bond: b };
  return { kind: 'scenario' };
}
