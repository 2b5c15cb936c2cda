/**
 * The stages of a run and what each depends on. A stage is rebuilt only when an edit reaches one
 * of its inputs; later stages are rebuilt after it.
 *
 *   parcel flows   each parcel's integer payments and receipts (prepare / adjust): the price and
 *                  cost factors, the sale delay, the parcel fields
 *   funding        the monthly loop (run.ts): bonds, pool, pre-allocations, zones, shortfall policy,
 *                  and the parcel flows
 *   split          value added shared among the tiers (resplit.ts): the split ratios alone — share
 *                  accounts are never read by the loop, so a ratio never reaches funding
 *   views          the Result (report.ts), built from whatever changed
 *
 * An edit marks its first stage dirty; the model rebuilds from there. The rate shift reaches the
 * funding loop alone, but is re-adjusted with the parcels until a base is prepared (the first
 * adjustment prepares it).
 */
import type { EditKind } from './edit';

export type Stage = 'parcelFlows' | 'funding' | 'split' | 'views';

export const STAGES: readonly Stage[] = ['parcelFlows', 'funding', 'split', 'views'];

/** The first stage an edit reaches ('prepare' when the scenario must be prepared again). */
export function firstDirtyStage(kind: EditKind): Stage | 'prepare' {
  switch (kind.kind) {
    case 'adjustment': return kind.key === 'rateShiftBp' ? 'funding' : 'parcelFlows';
    case 'coupon': return 'funding';
    case 'split': return 'split';
    case 'scenario': return 'prepare';
  }
}

/** The earliest of several stages (an edit batch rebuilds from there). */
export function earliestStage(stages: readonly (Stage | 'prepare')[]): Stage | 'prepare' {
  const order: readonly (Stage | 'prepare')[] = ['prepare', ...STAGES];
  return stages.reduce<Stage | 'prepare'>((a, b) => (order.indexOf(b) < order.indexOf(a) ? b : a), 'views');
}
