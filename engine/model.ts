/**
 * The prepared model: a scenario after validation, with every amount in fen, every date a
 * period index, every rate exact, and every account numbered. `prepare` builds it once (the
 * edge, with decimal.js); `run` steps through it in integer fen (the hot path).
 */
import type { ChartOfAccounts } from './accounts';
import type { Fen } from './money';
import type { ParameterSet } from './parameters';
import type { SplitRatios } from './revenue-split';
import type { ProvisionRate } from './sale-waterfall';
import type { Timeline } from './timeline';
import type { Check } from './check';
import type { Rate } from './money';
import type { Area } from './units';
import type { Flows } from './flows';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** One dated payment of the funding: the period it falls in, its amount, and the date as written. A parcel's payments are Flows (flows.ts). */
export interface Payment {
  readonly period: number;
  readonly amount: Fen;
  readonly date: string;
}

export interface SaleModel {
  readonly period: number;
  readonly date: string;
  readonly revenue: Fen;
  readonly receipts: Flows;
  /** The period the last receipt arrives: provisions, cost recovery and the split happen then. */
  readonly settlementPeriod: number;
  readonly businessFee: Fen;
  /** Area sold in m², 2 decimals (display). */
  readonly areaSoldM2: string;
  /** The area sold, exact (the report derives the ground price from it). */
  readonly areaSold: Area;
}

export interface ParcelModel {
  readonly index: number;
  readonly id: string;
  readonly name: Text;
  readonly zone: number;
  readonly landUse: string | null;
  readonly areaText: string;
  readonly areaM2: string;
  readonly areaMu: string;
  readonly acquisitionMode: string | null;
  readonly acquisitionRule: string | null;
  readonly acquisitionPlanned: Fen;
  readonly socialSecurity: Fen;
  readonly acquisitionPayments: Flows;
  readonly serviceFee: Fen;
  readonly serviceFeePayments: Flows;
  readonly developmentPlanned: Fen;
  readonly works: Flows;
  readonly managementFee: Fen;
  readonly managementFeeCap: Fen;
  readonly managementFeePayments: Flows;
  readonly holding: Flows;
  readonly holdingPlanned: Fen;
  readonly leases: Flows;
  readonly leasePlanned: Fen;
  readonly sale: SaleModel | null;
  readonly verifiedCost: Fen;
  readonly verifiedCostStated: boolean;
  readonly appraisedValue: Fen | null;
  readonly agriDevBase: Fen;
  /** Index into Model.splits. */
  readonly split: number;
  /** Lower is paid first when money is short. */
  readonly priority: number;
  /** The fund account that pays this parcel and receives its cost recovery (a zone fund when closed). */
  readonly fund: number;
  /** Index into Model.projects, or -1. */
  readonly project: number;
  /** The zone's 做地 developer account when the developer pays the works, else -1. */
  readonly developer: number;
  /** Development compensation fee owed to the developer at settlement (Z-2). */
  readonly developerCompensation: Fen;
  /** Share account index per tier, in tier order. */
  readonly shareAccounts: readonly number[];
}

export interface BondModel {
  readonly index: number;
  readonly id: string;
  readonly name: Text;
  readonly principal: Fen;
  readonly rate: Rate;
  readonly couponMonths: number;
  readonly issuePeriod: number;
  readonly maturityPeriod: number;
  readonly termYears: number;
  /** 含权 bonds (5+2): the period at which the issuer may repay early, or -1. */
  readonly callPeriod: number;
  /** ifFunded: repay at the option date when the project account and fund hold the principal. */
  readonly callExercise: 'ifFunded' | 'always' | 'never';
  readonly amortizing: boolean;
  readonly earlyRedemption: boolean;
  readonly project: number;
  /** The fund that services it when the project's own account is empty. */
  readonly fund: number;
  readonly issuanceFee: Rate;
  readonly registrationFee: Rate;
  readonly redemptionFee: Rate;
  readonly atMaturity: 'fiscal' | 'rollover';
  readonly rolloverTermYears: number;
  readonly holders: number;
  readonly agent: number;
  /** Accounts of the rollover bond, if one may be issued. */
  readonly rolloverHolders: number;
  readonly rolloverAgent: number;
  /** True for a bond that exists only as another's rollover (created during the run). */
  readonly isRollover: boolean;
}

export interface ProjectModel {
  readonly id: string;
  readonly name: Text;
  readonly parcels: readonly number[];
  readonly account: number;
}

export interface ZoneModel {
  readonly id: string;
  readonly name: Text;
  /** Zone fund account in closed operation, else the reserve fund. */
  readonly fund: number;
  readonly developer: { readonly name: Text; readonly rate: Rate; readonly account: number } | null;
}

export interface FundInflow extends Payment {
  readonly fund: number;
}

export interface PreAllocationModel {
  readonly id: string;
  readonly date: string;
  readonly period: number;
  readonly amount: Fen;
  readonly fund: number;
  readonly repay: 'fromCostRecovery' | 'onDate';
  readonly repayPeriod: number;
}

export type ShortfallPolicy = 'fiscalTopUp' | 'wait' | 'bridge' | 'negative';

/** A tier's part in the provisions: it collects the land income (local), is the province, or neither. */
export type GovernmentLevelOfTier = 'province' | 'local' | 'other';

export interface ProvisionModel extends ProvisionRate {
  /** Weights over central / province / local, in that order. */
  readonly recipients: readonly number[];
  /** Share counting toward the 2020 rural earmark. */
  readonly ruralShare: Rate;
}

export interface TierModel {
  readonly id: string;
  readonly name: Text;
}

export interface Model {
  readonly id: string;
  readonly name: Text;
  readonly description: Text | null;
  readonly sources: readonly string[];
  readonly timeline: Timeline;
  readonly periodLabels: readonly string[];
  readonly jurisdiction: string;
  readonly asOf: string;
  readonly params: ParameterSet;
  /** The provisions this scenario takes, in catalogue order, with their rates and recipients. */
  readonly provisions: readonly ProvisionModel[];
  /** Education, water and housing on the jurisdiction's year (default) or each parcel alone. */
  readonly basePeriod: 'year' | 'parcel';
  /** Bond interest and fees inside the 核定成本 (S-6). */
  readonly financingInCost: boolean;
  /** Government level of each tier (for the provisions' recipients), in tier order. */
  readonly tierLevels: readonly GovernmentLevelOfTier[];
  /** The tier whose treasury collects the land income (the local recipient of provisions). */
  readonly collectorTier: number;
  /** Other land income spent on agriculture and rural areas, by year (counts toward P-11). */
  readonly ruralSpending: ReadonlyMap<number, Fen>;
  readonly tiers: readonly TierModel[];
  readonly splits: readonly SplitRatios[];
  readonly splitNames: readonly string[];
  readonly accounts: ChartOfAccounts;
  readonly zones: readonly ZoneModel[];
  readonly zoneMode: 'pooled' | 'closed';
  readonly parcels: readonly ParcelModel[];
  readonly appropriations: readonly FundInflow[];
  readonly poolCapital: readonly FundInflow[];
  readonly poolInflows: readonly FundInflow[];
  /** Share of each 国有土地收益基金 provision allocated back to the parcel's fund (F-1 source 2). */
  readonly poolFromLandIncomeFund: Rate | null;
  readonly preAllocations: readonly PreAllocationModel[];
  readonly bonds: readonly BondModel[];
  readonly projects: readonly ProjectModel[];
  /** Issuance limit by calendar year, in fen. */
  readonly bondQuota: ReadonlyMap<number, Fen>;
  readonly coverageBasis: 'gross' | 'netOfProvisions' | 'netOfProvisionsAndCosts';
  readonly coverageFloor: Rate;
  readonly coverageWarn: Rate;
  readonly shortfall: ShortfallPolicy;
  /** Checks decided before the run (rule breaches the scenario chose to report, not refuse). */
  readonly staticChecks: readonly Check[];
}
