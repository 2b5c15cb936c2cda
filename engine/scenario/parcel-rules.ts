/**
 * The parameters a parcel's flows read (the service-fee cap, the 504 table, the H-3 sale
 * schedule), each looked up once for all the parcels of a scenario rather than once a parcel, and
 * only when a parcel needs it.
 */
import type { Rate } from '../money';
import type { FeeTier, ParameterSet } from '../parameters';

export class ParcelRules {
  private cap: Rate | null = null;
  private table: FeeTier[] | null = null;
  private share: Rate | null = null;
  private firstMonths = -1;
  private balanceMonths = -1;

  constructor(private readonly params: ParameterSet) {}

  /** acquisition.serviceFee.capRate (C-5). */
  serviceFeeCap(): Rate {
    return (this.cap ??= this.params.rate('acquisition.serviceFee.capRate'));
  }

  /** managementFee.table (M-1). */
  managementFeeTable(): FeeTier[] {
    return (this.table ??= this.params.table('managementFee.table'));
  }

  /** sale.firstInstalmentShare (H-3). */
  firstInstalmentShare(): Rate {
    return (this.share ??= this.params.rate('sale.firstInstalmentShare'));
  }

  /** sale.firstInstalmentMonths (H-3). */
  firstInstalmentMonths(): number {
    if (this.firstMonths < 0) this.firstMonths = this.params.months('sale.firstInstalmentMonths');
    return this.firstMonths;
  }

  /** sale.balanceMonths (H-3). */
  saleBalanceMonths(): number {
    if (this.balanceMonths < 0) this.balanceMonths = this.params.months('sale.balanceMonths');
    return this.balanceMonths;
  }
}

const RULES = new WeakMap<ParameterSet, ParcelRules>();

/** The rules of a parameter set, made once. */
export function parcelRules(params: ParameterSet): ParcelRules {
  let r = RULES.get(params);
  if (!r) RULES.set(params, (r = new ParcelRules(params)));
  return r;
}
