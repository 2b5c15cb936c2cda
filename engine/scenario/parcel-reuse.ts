/**
 * The parcels as made under one set of adjustments, kept so that the next set makes again only
 * the sections it reaches. What each section of a parcel is made from, besides its basis (read
 * once, parcel-basis.ts):
 *
 *   acquisition, works   the cost factor
 *   sale                 the price factor, the delay, and the cost factor (a fee stated as an amount)
 *   holding              the cost factor and the sale's month (the delay)
 *   leases               the sale's month (a lease running past the sale is a check)
 *   the rest             the developer's compensation (on the sale price) and the planned and
 *                        verified cost, made again from the sections whenever one is made again
 *
 * A section made from the same basis and the same inputs is the same section, with the same
 * checks, and pushes no problem if it pushed none before. So parcels made without a problem (an
 * adjusted model that was accepted) can lend the next adjustment every section it leaves alone,
 * and what comes out — parcels, problems, checks in order — is what a fresh adjust makes.
 *
 *   made under { salePriceFactor: '0.9' }, then '1'  →  acquisition, works, holding and leases kept,
 *                                                       the sales and what follows them made again
 */
import type { PendingCheck } from '../check';
import type { Rate } from '../money';
import type { ParcelModel } from '../model';
import type { ParcelBasis } from './parcel-basis';

export interface MadeParcels {
  /** The bases they were made from: only parcels of these very bases are lent. */
  readonly bases: readonly ParcelBasis[];
  readonly parcels: readonly ParcelModel[];
  /** Every check the parcels pushed, in order. */
  readonly checks: readonly PendingCheck[];
  /** Where each parcel's checks start, section by section: [4i] costs, [4i + 1] sale, [4i + 2] leases, [4i + 3] its end. */
  readonly bounds: Int32Array;
  readonly costFactor: Rate | null;
  readonly priceFactor: Rate | null;
  readonly saleDelayMonths: number;
}

/** Which sections the new adjustments leave as they were made (true: keep them). */
export interface Keep {
  readonly from: MadeParcels;
  readonly costs: boolean;
  readonly sale: boolean;
  readonly holding: boolean;
  readonly leases: boolean;
}

/**
 * What `from` may lend parcels made from `bases` under these factors; null when they are not of
 * these bases. When the factors leave no section alone (a Monte Carlo draw moves the cost factor
 * and the delay), each parcel still lends what it is besides its sections — its facts as read,
 * its zone, fund, project and split — and that it was read without a problem.
 */
export function keepOf(from: MadeParcels | null, bases: readonly ParcelBasis[], a: { readonly costFactor: Rate | null; readonly priceFactor: Rate | null; readonly saleDelayMonths: number }): Keep | null {
  if (!from || from.bases !== bases) return null;
  const cost = sameRate(from.costFactor, a.costFactor);
  const price = sameRate(from.priceFactor, a.priceFactor);
  const delay = from.saleDelayMonths === a.saleDelayMonths;
  return { from, costs: cost, sale: cost && price && delay, holding: cost && delay, leases: delay };
}

/** Pushes the checks parcel `index` made in section `section` (0 costs, 1 sale, 2 leases) of `from`. */
export function keepChecks(from: MadeParcels, index: number, section: 0 | 1 | 2, checks: PendingCheck[]): void {
  const end = from.bounds[4 * index + section + 1];
  for (let k = from.bounds[4 * index + section]; k < end; k++) checks.push(from.checks[k]);
}

/** Two factors scale every amount alike: the same fraction (a factor's text may differ: "1.10", "1.1"). */
function sameRate(a: Rate | null, b: Rate | null): boolean {
  if (a === b) return true;
  // No factor scales as a factor of one does: both leave every amount as it is.
  const an = a ? a.num : 1;
  const ad = a ? a.den : 1;
  const bn = b ? b.num : 1;
  const bd = b ? b.den : 1;
  return an === bn && ad === bd;
}
