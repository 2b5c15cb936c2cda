/**
 * One parcel of a scenario → its model: planned costs, dated payments, holding, leases and sale,
 * all in fen and periods. Rule breaches the documents forbid are refused or reported here, as the
 * scenario's rulePolicy says: service fee over 2% of acquisition cost (C-5), a 504 management fee
 * over its cap (M-1), a lease over two years (H-1), a sale schedule slower than H-3.
 */
import { AmountRangeError, mulRate, type Fen, type Rate } from '../money';
import type { Timeline } from '../timeline';
import type { Problem } from '../problem';
import type { PendingCheck } from '../check';
import { ACQUISITION_RULE } from '../rules';
import type { ParameterSet } from '../parameters';
import type { ParcelModel, SaleModel, Text, ZoneModel } from '../model';
import { NO_FLOWS, totalOf, type Flows } from '../flows';
import { scaled, type RawPayment } from './payments';
import { normalizeSale } from './sale';
import { Section, type ParcelBasis } from './parcel-basis';
import type { ParcelRules } from './parcel-rules';
import { normalizeAcquisition, type AcquisitionModel } from './parcel-acquisition';
import { normalizeWorks, type WorksModel } from './parcel-works';
import { keepChecks, type Keep } from './parcel-reuse';
import { normalizeHolding, normalizeLeases } from './parcel-holding';

export interface RawParcel {
  id: string;
  name?: string | Text;
  zone?: string;
  area: string;
  holdings?: { name: string; area: string; households?: number }[];
  landUse?: string;
  jurisdictions?: Record<string, string>;
  splitCase?: string;
  acquisition?: {
    mode: keyof typeof ACQUISITION_RULE;
    date?: string;
    price?: string;
    unitPrice?: string;
    components?: Record<string, string>;
    payments?: RawPayment[];
    serviceFee?: string;
  };
  development?: { works?: { date: string; amount: string; item?: string }[]; managementFee?: string };
  holding?: { costPerYear?: string; costPerMonth?: string; unitCostPerYear?: string; from?: string; until?: string };
  leases?: { start: string; months: number; rentPerYear?: string; totalRent?: string; tenant?: string }[];
  sale?: { date: string; price?: string; unitPrice?: string; area?: string; payments?: RawPayment[]; businessFee?: string };
  priority?: number;
  verifiedCost?: string;
  appraisedValue?: string;
}

export type RuleSeverity = 'error' | 'warning';

export interface ParcelContext {
  readonly t: Timeline;
  readonly params: ParameterSet;
  /** The parameters the flows read, looked up once. */
  readonly rules: ParcelRules;
  readonly problems: Problem[];
  readonly checks: PendingCheck[];
  readonly policy: {
    serviceFeeOverCap: RuleSeverity;
    leaseOverLimit: RuleSeverity;
    managementFeeOverCap: RuleSeverity;
    saleSchedule: RuleSeverity;
  };
  /** Stress factors as exact rates, applied to each amount in fen, half-up (costs +10% = every cost × 1.1). */
  readonly costFactor: Rate | null;
  readonly priceFactor: Rate | null;
  readonly saleDelayMonths: number;
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly zones: readonly ZoneModel[];
  readonly projectOfParcel: ReadonlyMap<string, number>;
  readonly reserveFund: number;
  readonly splitIndex: ReadonlyMap<string, number>;
  readonly shareAccounts: (parcel: RawParcel, index: number) => number[];
  /** The sections an earlier making of these parcels lends (parcel-reuse.ts), or null. */
  readonly keep: Keep | null;
  /** Where to note each parcel's checks by section, for the next making; or null. */
  readonly bounds: Int32Array | null;
}

/**
 * The parcel under the context's factors and delay, from its basis (parcel-basis.ts): integers
 * only. Problems and checks go to the context in section order; an amount past the exact range
 * throws AmountRangeError where prepare always has (withinExactRange turns it into a problem).
 */
export function normalizeParcel(basis: ParcelBasis, ctx: ParcelContext): ParcelModel {
  const { raw, index, path } = basis;
  const keep = ctx.keep;
  const prior = keep ? keep.from.parcels[index] : null;
  const bounds = ctx.bounds;
  const checks = ctx.checks;
  stopAt(basis, Section.Holdings, ctx);
  // A prior was made without a problem: its basis has none to report.
  if (!prior) for (const p of basis.holdingsProblems) ctx.problems.push(p);
  if (bounds) bounds[4 * index] = checks.length;
  // The sections in the order their problems and checks are reported; a section the adjustments
  // leave alone is the prior's (parcel-reuse.ts), its checks with it.
  let acquisition: AcquisitionModel;
  let works: WorksModel;
  if (prior && keep!.costs) {
    acquisition = prior;
    works = prior;
    keepChecks(keep!.from, index, 0, checks);
  } else {
    stopAt(basis, Section.Acquisition, ctx);
    acquisition = normalizeAcquisition(raw.id, basis.acquisition, path, ctx);
    stopAt(basis, Section.Works, ctx);
    works = normalizeWorks(raw.id, basis.works!, path, ctx);
  }
  if (bounds) bounds[4 * index + 1] = checks.length;
  const keepSale = prior !== null && (keep!.sale || basis.sale === null);
  let sale: SaleModel | null;
  if (keepSale) {
    sale = prior.sale;
    keepChecks(keep!.from, index, 1, checks);
  } else {
    stopAt(basis, Section.Sale, ctx);
    sale = basis.sale ? normalizeSale(raw.id, basis.sale, path, ctx) : null;
  }
  stopAt(basis, Section.Holding, ctx);
  const keepHolding = prior !== null && (keep!.holding || basis.holding === null);
  const holding = keepHolding ? prior.holding : normalizeHolding(basis.holding, ctx, sale);
  if (bounds) bounds[4 * index + 2] = checks.length;
  const keepLeases = prior !== null && (keep!.leases || !raw.leases);
  let leases: Flows;
  if (keepLeases) {
    leases = prior.leases;
    keepChecks(keep!.from, index, 2, checks);
  } else {
    leases = raw.leases ? normalizeLeases(raw, path, ctx, sale) : NO_FLOWS;
  }
  if (bounds) bounds[4 * index + 3] = checks.length;
  // Every section as it was: so is the rest (made from them alone).
  if (prior && keep!.costs && keepSale && keepHolding && keepLeases) return prior;
  if (prior) return remade(prior, acquisition, works, sale, holding, leases, basis, ctx);
  stopAt(basis, Section.Zone, ctx);
  for (const p of basis.zoneProblems) ctx.problems.push(p);
  stopAt(basis, Section.Split, ctx);
  for (const p of basis.splitProblems) ctx.problems.push(p);
  stopAt(basis, Section.Tail, ctx);
  const zone = basis.zone;
  const facts = basis.facts!;
  const zoneModel = zone >= 0 ? ctx.zones[zone] : null;
  const developer = zoneModel?.developer ?? null;
  const fixed: ParcelFacts = {
    index,
    id: raw.id,
    name: facts.name,
    zone,
    landUse: raw.landUse ?? null,
    areaText: raw.area,
    areaM2: basis.areaM2,
    areaMu: basis.areaMu,
    acquisitionMode: raw.acquisition?.mode ?? null,
    acquisitionRule: raw.acquisition ? ACQUISITION_RULE[raw.acquisition.mode] : null,
    verifiedCostStated: basis.verifiedCost !== null,
    appraisedValue: basis.appraisedValue,
    split: basis.split ?? 0,
    shareAccounts: ctx.shareAccounts(raw, index),
    priority: raw.priority ?? 100,
    fund: zoneModel?.fund ?? ctx.reserveFund,
    project: ctx.projectOfParcel.get(raw.id) ?? -1,
    developer: developer?.account ?? -1,
  };
  return parcelOf(fixed, acquisition, works, sale, holding, totalOf(holding), leases, totalOf(leases), basis, ctx, developer);
}

/**
 * The parcel made again from some new sections: what it is besides them — its own facts as read,
 * its zone, fund, project and split — is the prior's (the same basis), so it is taken from there.
 */
function remade(prior: ParcelModel, acquisition: AcquisitionModel, works: WorksModel, sale: SaleModel | null, holding: Flows, leases: Flows, basis: ParcelBasis, ctx: ParcelContext): ParcelModel {
  const developer = prior.developer >= 0 ? ctx.zones[prior.zone].developer : null;
  const holdingPlanned = holding === prior.holding ? prior.holdingPlanned : totalOf(holding);
  const leasePlanned = leases === prior.leases ? prior.leasePlanned : totalOf(leases);
  return parcelOf(prior, acquisition, works, sale, holding, holdingPlanned, leases, leasePlanned, basis, ctx, developer);
}

/** What a parcel is besides its flows: read once, the same for every adjustment of one basis. */
type ParcelFacts = Pick<ParcelModel, 'index' | 'id' | 'name' | 'zone' | 'landUse' | 'areaText' | 'areaM2' | 'areaMu' | 'acquisitionMode' | 'acquisitionRule' | 'verifiedCostStated' | 'appraisedValue' | 'split' | 'shareAccounts' | 'priority' | 'fund' | 'project' | 'developer'>;

/**
 * A parcel from its facts and its sections, with what follows from them — the developer's share
 * of the sale (Z-2), the verified cost (S-5), the agricultural fund's base (P-7). One literal, so a
 * parcel first made and one made again have one shape (fields in one order).
 */
function parcelOf(f: ParcelFacts, acquisition: AcquisitionModel, works: WorksModel, sale: SaleModel | null, holding: Flows, holdingPlanned: Fen, leases: Flows, leasePlanned: Fen, basis: ParcelBasis, ctx: ParcelContext, developer: { rate: Rate } | null): ParcelModel {
  // In a 做地 zone the developer pays the works and is paid a share of the zone's sales instead (Z-2).
  const developerCompensation = developer && sale ? mulRate(sale.revenue, developer.rate) : 0;
  const verifiedCost = verifiedCostOf(basis, ctx, acquisition, works, developer !== null, developerCompensation, holdingPlanned, sale);
  // A constructor, not a literal: V8 tracks a literal's allocation site, and as an adjusted
  // model's parcels outlive a scavenge it comes to allocate them straight into the old
  // generation, where each field pointing at a just-made section is a write-barrier entry
  // (the price factor's edit ran 2.2 ms or 5 ms depending on that decision).
  return new ParcelRecord(f, acquisition, works, sale, holding, holdingPlanned, leases, leasePlanned, basis, verifiedCost, developerCompensation);
}

/** The stated verified cost under the cost factor, or else the planned cost (S-5): in a 做地 zone the developer's compensation in place of the works. */
function verifiedCostOf(basis: ParcelBasis, ctx: ParcelContext, acquisition: AcquisitionModel, works: WorksModel, developer: boolean, developerCompensation: Fen, holdingPlanned: Fen, sale: SaleModel | null): Fen {
  if (basis.verifiedCost !== null) return scaled(basis.verifiedCost, ctx.costFactor);
  return acquisition.acquisitionPlanned + acquisition.serviceFee + (developer ? developerCompensation : works.developmentPlanned + works.managementFee) + holdingPlanned + (sale?.businessFee ?? 0);
}

/** Where the parcel's reading stopped on an amount past the exact range: its problems so far, then the same error. */
function stopAt(basis: ParcelBasis, at: Section, ctx: ParcelContext): void {
  if (basis.stoppedAt !== at) return;
  for (const p of basis.stopProblems) ctx.problems.push(p);
  throw new AmountRangeError(basis.stopMessage);
}

/** A parcel's fields in ParcelModel's order (see parcelOf): a plain record made by a constructor. */
class ParcelRecord implements ParcelModel {
  declare readonly index: ParcelModel['index'];
  declare readonly id: ParcelModel['id'];
  declare readonly name: ParcelModel['name'];
  declare readonly zone: ParcelModel['zone'];
  declare readonly landUse: ParcelModel['landUse'];
  declare readonly areaText: ParcelModel['areaText'];
  declare readonly areaM2: ParcelModel['areaM2'];
  declare readonly areaMu: ParcelModel['areaMu'];
  declare readonly acquisitionMode: ParcelModel['acquisitionMode'];
  declare readonly acquisitionRule: ParcelModel['acquisitionRule'];
  declare readonly acquisitionPlanned: ParcelModel['acquisitionPlanned'];
  declare readonly socialSecurity: ParcelModel['socialSecurity'];
  declare readonly acquisitionPayments: ParcelModel['acquisitionPayments'];
  declare readonly serviceFee: ParcelModel['serviceFee'];
  declare readonly serviceFeePayments: ParcelModel['serviceFeePayments'];
  declare readonly developmentPlanned: ParcelModel['developmentPlanned'];
  declare readonly works: ParcelModel['works'];
  declare readonly managementFee: ParcelModel['managementFee'];
  declare readonly managementFeeCap: ParcelModel['managementFeeCap'];
  declare readonly managementFeePayments: ParcelModel['managementFeePayments'];
  declare readonly holding: ParcelModel['holding'];
  declare readonly holdingPlanned: ParcelModel['holdingPlanned'];
  declare readonly leases: ParcelModel['leases'];
  declare readonly leasePlanned: ParcelModel['leasePlanned'];
  declare readonly sale: ParcelModel['sale'];
  declare readonly verifiedCost: ParcelModel['verifiedCost'];
  declare readonly verifiedCostStated: ParcelModel['verifiedCostStated'];
  declare readonly appraisedValue: ParcelModel['appraisedValue'];
  declare readonly agriDevBase: ParcelModel['agriDevBase'];
  declare readonly split: ParcelModel['split'];
  declare readonly shareAccounts: ParcelModel['shareAccounts'];
  declare readonly priority: ParcelModel['priority'];
  declare readonly fund: ParcelModel['fund'];
  declare readonly project: ParcelModel['project'];
  declare readonly developer: ParcelModel['developer'];
  declare readonly developerCompensation: ParcelModel['developerCompensation'];
  constructor(f: ParcelFacts, acquisition: AcquisitionModel, works: WorksModel, sale: SaleModel | null, holding: Flows, holdingPlanned: Fen, leases: Flows, leasePlanned: Fen, basis: ParcelBasis, verifiedCost: Fen, developerCompensation: Fen) {
    this.index = f.index;
    this.id = f.id;
    this.name = f.name;
    this.zone = f.zone;
    this.landUse = f.landUse;
    this.areaText = f.areaText;
    this.areaM2 = f.areaM2;
    this.areaMu = f.areaMu;
    this.acquisitionMode = f.acquisitionMode;
    this.acquisitionRule = f.acquisitionRule;
    this.acquisitionPlanned = acquisition.acquisitionPlanned;
    this.socialSecurity = acquisition.socialSecurity;
    this.acquisitionPayments = acquisition.acquisitionPayments;
    this.serviceFee = acquisition.serviceFee;
    this.serviceFeePayments = acquisition.serviceFeePayments;
    this.developmentPlanned = works.developmentPlanned;
    this.works = works.works;
    this.managementFee = works.managementFee;
    this.managementFeeCap = works.managementFeeCap;
    this.managementFeePayments = works.managementFeePayments;
    this.holding = holding;
    this.holdingPlanned = holdingPlanned;
    this.leases = leases;
    this.leasePlanned = leasePlanned;
    this.sale = sale;
    this.verifiedCost = verifiedCost;
    this.verifiedCostStated = f.verifiedCostStated;
    this.appraisedValue = f.appraisedValue;
    // Agricultural land development fund base: area sold × net-yield standard (P-7).
    this.agriDevBase = sale ? basis.facts!.agriDevBase : 0;
    this.split = f.split;
    this.shareAccounts = f.shareAccounts;
    this.priority = f.priority;
    this.fund = f.fund;
    this.project = f.project;
    this.developer = f.developer;
    this.developerCompensation = developerCompensation;
  }
}
