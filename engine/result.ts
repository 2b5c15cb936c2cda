/**
 * The result contract: every figure a view of the ledger's postings, money as decimal strings in
 * 元 ("62052732.24"), never floats. Each quantity has one name at every level it appears
 * (figures.ts): `saleRevenue` is totals.saleRevenue, periods[].saleRevenue and zones[].saleRevenue.
 *   totals   programme totals (acquisitionCost, saleRevenue, provisions, valueAdded, shares{tier}…)
 *   periods  one row per month: sources, uses, distributions, balances
 *   years    the same rolled up to calendar (fiscal) years
 *   parcels  per-parcel P&L, with the sale waterfall
 *   checks   every invariant and rule check, pass or fail, with a message
 */
import type { ProvisionKind } from './rules';
import type { Check } from './check';
import type { Text } from './model';
import type { BondReport, PoolReport, ZoneReport } from './funding-report';

/** Bumped when a field is renamed or changes meaning; README lists the renames of each version. */
export const SCHEMA_VERSION = 2;

export type Money = string;

export interface Totals {
  acquisitionCost: Money;
  acquisitionPlanned: Money;
  serviceFee: Money;
  developmentCost: Money;
  managementFee: Money;
  holdingCost: Money;
  saleBusinessFee: Money;
  leaseIncome: Money;
  saleRevenue: Money;
  provisions: Money;
  provisionsByKind: Record<ProvisionKind, Money>;
  costRecovered: Money;
  unrecoveredCost: Money;
  valueAdded: Money;
  shares: Record<string, Money>;
  sharesByGovernment: Record<string, Money>;
  appropriations: Money;
  fiscalTopUp: Money;
  spending: Money;
  /** Spending paid from the reserve and zone funds (which hold the appropriations): the 预算执行率 numerator. */
  spendingFromFunds: Money;
  /** Spending paid from bond project accounts, and by 做地 developers — beside the execution rate, not in it. */
  spendingFromBonds: Money;
  spendingByDevelopers: Money;
  /** spending ÷ appropriations, percent with 2 decimals ("99.58"); null without appropriations. */
  budgetExecutionRatePercent: string | null;
  poolCapital: Money;
  poolInflows: Money;
  preAllocations: Money;
  bridges: Money;
  /** Pre-allocations and bridge advances returned. */
  advancesReturned: Money;
  bondProceeds: Money;
  interest: Money;
  bondFees: Money;
  principalRepaid: Money;
  /** Debt service the budget advanced (B-13), what later sale income returned, and what it never did. */
  fiscalDebtSupport: Money;
  fiscalDebtSupportReturned: Money;
  fiscalDebtSupportOutstanding: Money;
  /** Bond interest and fees inside the parcels' 核定成本 (S-6). */
  financingCostInVerifiedCost: Money;
  /** Value added held back in project accounts for debt service and not released (B-1). */
  valueAddedHeldBack: Money;
  /** Each government's value-added shares and provisions (government-receipts.ts). */
  receiptsByGovernment: Record<string, { valueAdded: Money; provisionsByKind: Record<string, Money>; total: Money }>;
  /** The deepest cumulative gap between cost recovered and spending plus financing cost. */
  peakFundingNeed: Money;
  /** Interest and bond fees. */
  financingCost: Money;
  /** Pre-allocations and bridge advances not yet returned at the end: who carries the gap. */
  advancesOutstanding: Money;
  /** NPV at `discountRate` of land income less spending and financing cost (cash-flow-metrics.ts). */
  npv: Money;
  discountRate: string;
  /** Annual IRR, 4 decimals; null when the flow has no sign change; the lowest when it has several. */
  irrAnnual: string | null;
  irrRoots: string[];
  irrNote: 'ok' | 'none' | 'multiple';
  /** The month from which the cumulative flow stays at or above zero; null if it never does. */
  paybackPeriod: string | null;
}

export interface PeriodRow {
  period: string;
  appropriations: Money;
  fiscalTopUp: Money;
  saleRevenue: Money;
  leaseIncome: Money;
  acquisitionCost: Money;
  serviceFee: Money;
  developmentCost: Money;
  managementFee: Money;
  holdingCost: Money;
  saleBusinessFee: Money;
  provisions: Money;
  costRecovered: Money;
  valueAdded: Money;
  shares: Record<string, Money>;
  /** Pre-allocations and bridge advances paid in this period, and those returned. */
  advances: Money;
  advancesReturned: Money;
  poolCapital: Money;
  poolInflows: Money;
  bondProceeds: Money;
  interest: Money;
  principalRepaid: Money;
  bondFees: Money;
  /** Interest + principal + fees paid this period. */
  debtService: Money;
  reserveFundBalance: Money;
  treasuryBalance: Money;
  /** All programme funds together: reserve fund, zone funds, project accounts. */
  poolBalance: Money;
  /** Cost recovered − spending − financing cost this period, and its running total. */
  net: Money;
  cumulativeNet: Money;
  /** Spending from the funds so far this calendar year ÷ the year's appropriations (预算执行率), percent; null without appropriations. */
  budgetExecutionPercent: string | null;
  /** Months elapsed in the year ÷ 12 (序时进度), percent. */
  timeProgressPercent: string;
}

export type YearRow = Omit<PeriodRow, 'period' | 'budgetExecutionPercent' | 'timeProgressPercent'> & { year: number; budgetExecutionPercent: string | null };
export type QuarterRow = Omit<YearRow, 'year'> & { quarter: string };

export interface ParcelRow {
  id: string;
  name: Text;
  zone: string | null;
  landUse: string | null;
  area: string;
  areaM2: string;
  areaMu: string;
  acquisitionMode: string | null;
  acquisitionPlanned: Money;
  acquisitionCost: Money;
  serviceFee: Money;
  developmentCost: Money;
  managementFee: Money;
  managementFeeCap: Money;
  holdingCost: Money;
  saleBusinessFee: Money;
  reserveCost: Money;
  verifiedCost: Money;
  /** Financing cost attributed to the parcel, and the 核定成本 it recovers: verified cost + financing (S-6). */
  financingCost: Money;
  costToRecover: Money;
  appraisedValue: Money | null;
  leaseIncome: Money;
  sale: { date: string; revenue: Money; areaSoldM2: string; groundPriceYuanPerM2: string; settlement: string } | null;
  provisionsByKind: Record<ProvisionKind, Money>;
  provisions: Money;
  costRecovered: Money;
  unrecoveredCost: Money;
  valueAdded: Money;
  /** Value added held back for the project's debt service and not released. */
  valueAddedHeldBack: Money;
  shares: Record<string, Money>;
  splitCase: string;
}

export interface Result {
  schemaVersion: typeof SCHEMA_VERSION;
  scenario: { id: string; name: Text; description: Text | null; sources: string[]; jurisdiction: string; asOf: string };
  timeline: { start: string; months: number; periods: string[] };
  totals: Totals;
  periods: PeriodRow[];
  years: YearRow[];
  quarters: QuarterRow[];
  parcels: ParcelRow[];
  /** The 2020 rural-revitalisation earmark per year (rural-earmark.ts), money in 元. */
  ruralEarmark: EarmarkRow[];
  zones: ZoneReport[];
  zoneMode: 'pooled' | 'closed';
  bonds: BondReport[];
  projects: { id: string; name: Text; parcels: string[]; coverageRatio: string | null; available: Money; debtService: Money }[];
  pool: PoolReport;
  tiers: { id: string; name: Text }[];
  accounts: { id: string; kind: string; name: Text; balance: Money }[];
  checks: Check[];
  parameters: { key: string; value: unknown; source: string; ref: string; confidence: string; overridden: boolean; from: string | null }[];
  rules: { id: string; zh: string; en: string; ref: string }[];
  /** Every posting, in the order made (only when asked for: a province has millions). */
  postings?: PostingRow[];
}

export interface EarmarkRow {
  year: number;
  income: Money;
  netIncome: Money;
  fromProvisions: Record<string, Money>;
  otherRuralSpending: Money;
  ruralUses: Money;
  method: 'netIncome' | 'grossIncome';
  target: string;
  floor: string | null;
  required: Money;
  met: boolean;
  shortBy: Money;
  shareOfNetIncomePercent: string | null;
  shareOfIncomePercent: string | null;
  source: string;
}

export interface PostingRow {
  period: string;
  from: string;
  to: string;
  amount: Money;
  rule: string;
  parcel: string | null;
  zone: string | null;
}

