/**
 * The programme totals: every total-level figure of the catalogue (figures.ts) summed over the
 * run, beside what is computed rather than summed — the planned acquisition cost, the unrecovered
 * cost, each government's receipts, the peak funding need, NPV and IRR of the land income less
 * spending and financing cost (Hainan's five-year bond programme: NPV 90 790.05 万元 at 4%).
 */
import { Decimal, fenToYuan } from './money';
import { cashFlowMetrics } from './cash-flow-metrics';
import { governmentReceipts } from './government-receipts';
import { FIGURES, ruleSum, type RuleSum } from './figures';
import { PROVISION_KINDS, type ProvisionKind } from './rules';
import { parcelColumns, type LedgerSums } from './ledger-sums';
import { outcomeReader, type OutcomeReader } from './outcome-reader';
import type { Money, Totals } from './result';

const rs = (key: string): RuleSum => ruleSum(FIGURES.get(key)!);
const RS = Object.fromEntries([...FIGURES.values()].filter((f) => f.levels.includes('total') && f.plus.length > 0).map((f) => [f.key, ruleSum(f)]));
const INCOME = [rs('saleRevenue'), rs('leaseIncome')];
const BY_KIND = new Map(PROVISION_KINDS.map((k) => [k, RS[`provisionsByKind.${k}`]]));
const BY_KIND_ID: Record<string, RuleSum> = Object.fromEntries(BY_KIND);
const OUTGO = [rs('spending'), rs('financingCost')];

/** Net provisions of each kind for a getter of rule sums: the catalogue's provisionsByKind.<kind>. */
export function provisionsByKind(get: (r: RuleSum) => number): Record<ProvisionKind, Money> {
  const out: Record<ProvisionKind, Money> = {};
  for (const [k, r] of BY_KIND) out[k] = fenToYuan(get(r));
  return out;
}

export function totalsOf(s: LedgerSums): Totals {
  const { out } = s;
  const { model } = out;
  const v = (key: string) => fenToYuan(s.total(RS[key]));
  const flows = Array.from({ length: s.periods }, (_, p) => INCOME.reduce((a, r) => a + s.inPeriod(p, r), 0) - OUTGO.reduce((a, r) => a + s.inPeriod(p, r), 0));
  const discount = model.params.rate('analysis.discountRate');
  const metrics = cashFlowMetrics(flows, new Decimal(discount.num).div(discount.den));
  const appropriations = s.total(RS.appropriations);
  const payers = s.payers;
  const shares = s.shares;
  const columns = model.provisions.map((k) => parcelColumns(BY_KIND_ID[k.def.id]));
  const receipts = governmentReceipts(model, s.received, (i, k) => s.inParcelColumns(i, columns[k]));
  const o = outcomeReader(out);
  return {
    acquisitionCost: v('acquisitionCost'),
    acquisitionPlanned: fenToYuan(model.parcels.reduce((a, p) => a + p.acquisitionPlanned, 0)),
    serviceFee: v('serviceFee'),
    developmentCost: v('developmentCost'),
    managementFee: v('managementFee'),
    holdingCost: v('holdingCost'),
    saleBusinessFee: v('saleBusinessFee'),
    leaseIncome: v('leaseIncome'),
    saleRevenue: v('saleRevenue'),
    provisions: v('provisions'),
    provisionsByKind: provisionsByKind((r) => s.total(r)),
    costRecovered: v('costRecovered'),
    unrecoveredCost: fenToYuan(overParcels(model.parcels.length, o, 'unrecoveredCost')),
    valueAdded: v('valueAdded'),
    shares: Object.fromEntries(model.tiers.map((tier, t) => [tier.id, fenToYuan(shares.byTier[t])])),
    sharesByGovernment: Object.fromEntries([...shares.byAccount.entries()].map(([a, x]) => [model.accounts.list[a].id, fenToYuan(x)])),
    appropriations: fenToYuan(appropriations),
    fiscalTopUp: v('fiscalTopUp'),
    spending: v('spending'),
    spendingFromFunds: fenToYuan(payers.fromFunds),
    spendingFromBonds: fenToYuan(payers.fromBonds),
    spendingByDevelopers: fenToYuan(payers.byDevelopers),
    budgetExecutionRatePercent: appropriations > 0 ? new Decimal(payers.fromFunds).div(appropriations).times(100).toFixed(2, Decimal.ROUND_HALF_UP) : null,
    poolCapital: v('poolCapital'),
    poolInflows: v('poolInflows'),
    preAllocations: v('preAllocations'),
    bridges: v('bridges'),
    advancesReturned: v('advancesReturned'),
    bondProceeds: v('bondProceeds'),
    interest: v('interest'),
    bondFees: v('bondFees'),
    principalRepaid: v('principalRepaid'),
    fiscalDebtSupport: v('fiscalDebtSupport'),
    fiscalDebtSupportReturned: v('fiscalDebtSupportReturned'),
    fiscalDebtSupportOutstanding: fenToYuan(out.debtSupportOutstanding),
    financingCostInVerifiedCost: fenToYuan(overParcels(model.parcels.length, o, 'financingCost')),
    valueAddedHeldBack: fenToYuan(overParcels(model.parcels.length, o, 'heldBack')),
    receiptsByGovernment: Object.fromEntries([...receipts.entries()].map(([g, e]) => [g, { valueAdded: fenToYuan(e.valueAdded), provisionsByKind: Object.fromEntries(Object.entries(e.provisions).map(([k, x]) => [k, fenToYuan(x)])), total: fenToYuan(e.total) }])),
    peakFundingNeed: fenToYuan(s.peakFundingNeed),
    financingCost: fenToYuan(s.flows.financingCost),
    advancesOutstanding: v('advancesOutstanding'),
    npv: fenToYuan(metrics.npv),
    discountRate: discount.text,
    irrAnnual: metrics.irrAnnual,
    irrRoots: [...metrics.irrRoots],
    irrNote: metrics.irrNote,
    paybackPeriod: metrics.paybackPeriod >= 0 ? model.periodLabels[metrics.paybackPeriod] : null,
  };
}

/** Σ over the parcels of one outcome figure, in parcel order. */
function overParcels(n: number, o: OutcomeReader, figure: 'unrecoveredCost' | 'financingCost' | 'heldBack'): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += o[figure](i);
  return sum;
}
