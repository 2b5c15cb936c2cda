/**
 * The prepared model: a scenario after validation, with every amount in fen, every date a
 * period index, every rate exact, and every account numbered. `prepare` builds it once (the
 * edge, with decimal.js); `run` steps through it in integer fen (the hot path).
 */
import type { ChartOfAccounts } from './accounts';
import type { Fen } from './money';
import type { ParameterSet } from './parameters';
import type { SplitRatios } from './revenue-split';
import type { WaterfallRates } from './sale-waterfall';
import type { Timeline } from './timeline';
import type { Check } from './check';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** One dated payment: the period it falls in, its amount, and the date as written. */
export interface Payment {
  readonly period: number;
  readonly amount: Fen;
  readonly date: string;
}

export interface SaleModel {
  readonly period: number;
  readonly date: string;
  readonly revenue: Fen;
  readonly receipts: readonly Payment[];
  /** The period the last receipt arrives: provisions, cost recovery and the split happen then. */
  readonly settlementPeriod: number;
  readonly businessFee: Fen;
  /** Area sold in m², 2 decimals (display). */
  readonly areaSoldM2: string;
  /** Ground price 元/m², 2 decimals (display; seed 001 quotes 4 720, exact is 4 719.00). */
  readonly groundPriceYuanPerM2: string;
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
  readonly acquisitionPayments: readonly Payment[];
  readonly serviceFee: Fen;
  readonly serviceFeePayments: readonly Payment[];
  readonly developmentPlanned: Fen;
  readonly works: readonly Payment[];
  readonly managementFee: Fen;
  readonly managementFeeCap: Fen;
  readonly managementFeePayments: readonly Payment[];
  readonly holding: readonly Payment[];
  readonly holdingPlanned: Fen;
  readonly leases: readonly Payment[];
  readonly leasePlanned: Fen;
  readonly sale: SaleModel | null;
  readonly verifiedCost: Fen;
  readonly verifiedCostStated: boolean;
  readonly appraisedValue: Fen | null;
  readonly agriDevBase: Fen;
  /** Index into Model.splits. */
  readonly split: number;
  /** Share account index per tier, in tier order. */
  readonly shareAccounts: readonly number[];
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
  readonly waterfall: WaterfallRates;
  readonly tiers: readonly TierModel[];
  readonly splits: readonly SplitRatios[];
  readonly splitNames: readonly string[];
  readonly accounts: ChartOfAccounts;
  readonly zones: readonly { id: string; name: Text }[];
  readonly parcels: readonly ParcelModel[];
  readonly appropriations: readonly Payment[];
  readonly shortfall: 'fiscalTopUp';
  /** Checks decided before the run (rule breaches the scenario chose to report, not refuse). */
  readonly staticChecks: readonly Check[];
}
