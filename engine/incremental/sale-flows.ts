/**
 * The parcel flows after a new sale price factor, without rebuilding the parcels: each sale is
 * normalised again under the new factor (its price × factor in fen, half-up, and its receipts, as
 * prepare makes them) and what follows from it — the 做地 developer's compensation and a verified
 * cost that is the planned cost — is recomputed; acquisition, works, holding and leases stay as
 * they are, for the factor reaches none of them. The parcels' checks stay the model's own only if
 * no sale makes a check under either factor (a slower-than-H-3 schedule can turn on a fen): when
 * one does, or anything is a problem, the caller rebuilds the parcels whole (null).
 */
import { parseArea } from '../units';
import { mulRate, AmountRangeError, type Rate } from '../money';
import { normalizeSale, type Breach } from '../scenario/sale';
import type { ParcelContext } from '../scenario/parcel';
import type { Frame } from '../scenario/normalize';
import type { Model, ParcelModel } from '../model';
import type { Check } from '../check';
import type { Problem } from '../problem';

export interface SaleFactors {
  readonly costFactor: Rate | null;
  readonly saleDelayMonths: number;
}

export function repriceSales(model: Model, f: Frame, factors: SaleFactors, oldPrice: Rate | null, newPrice: Rate | null): ParcelModel[] | null {
  const problems: Problem[] = [];
  const checks: Check[] = [];
  const ctx = (priceFactor: Rate | null): ParcelContext => ({
    t: f.t, params: f.params, problems, checks, policy: f.policy,
    costFactor: factors.costFactor, priceFactor, saleDelayMonths: factors.saleDelayMonths,
    zoneIndex: f.zp.zoneIndex, zones: f.zp.zones, projectOfParcel: f.zp.projectOfParcel,
    reserveFund: f.accounts.idx('reserveFund'), splitIndex: f.splitIndex, shareAccounts: () => [],
  });
  const before = ctx(oldPrice);
  const after = ctx(newPrice);
  const breach: Breach = (severity, code) => (severity === 'error' ? problems.push({ code } as Problem) : checks.push({} as Check));
  if (f.rawParcels.length !== model.parcels.length) return null;
  const out: ParcelModel[] = [];
  try {
    for (let i = 0; i < model.parcels.length; i++) {
      const p = model.parcels[i];
      const raw = f.rawParcels[i];
      if (!raw.sale) { out.push(p); continue; }
      const area = parseArea(raw.area)!;
      normalizeSale(raw, area, `parcels[${i}]`, before, breach);
      const sale = normalizeSale(raw, area, `parcels[${i}]`, after, breach);
      if (!sale || problems.length > 0 || checks.length > 0) return null;
      const developer = p.zone >= 0 ? f.zp.zones[p.zone].developer : null;
      const developerCompensation = developer ? mulRate(sale.revenue, developer.rate) : 0;
      const planned = p.acquisitionPlanned + p.serviceFee + (developer ? developerCompensation : p.developmentPlanned + p.managementFee) + p.holdingPlanned + sale.businessFee;
      out.push({ ...p, sale, developerCompensation, verifiedCost: p.verifiedCostStated ? p.verifiedCost : planned });
    }
  } catch (e) {
    if (e instanceof AmountRangeError) return null;
    throw e;
  }
  return out;
}
