/**
 * The result contract: every figure a view of the ledger's postings, money as decimal strings in
 * 元 ("62052732.24"), never floats. Shapes:
 *   totals   programme totals (acquisitionCost, saleRevenue, provisions, valueAdded, shares{tier}…)
 *   periods  one row per month: sources, uses, distributions, balances
 *   years    the same rolled up to calendar (fiscal) years
 *   parcels  per-parcel P&L, with the sale waterfall
 *   checks   every invariant and rule check, pass or fail, with a message
 */
import { balancesByPeriod, sumByParcelRule, sumByPeriodRule } from './ledger';
import { runChecks } from './run-checks';
import { cashFlowMetrics } from './cash-flow-metrics';
import { RULES, RULE_IDS, PROVISION_KINDS, ruleIndex, type ProvisionKind } from './rules';
import { Decimal, fenToYuan, type Fen } from './money';
import { check, type Check } from './check';
import { quarterLabel, yearMonthOf, yearOf } from './timeline';
import { areaIn, type Area } from './units';
import type { RunOutput } from './run';
import type { Text } from './model';
import { fundingReport, type BondReport, type PoolReport, type ZoneReport } from './funding-report';
import { governmentReceipts } from './government-receipts';
import { ruralEarmark } from './rural-earmark';

export type Money = string;

export interface Totals {
  acquisitionCost: Money;
  acquisitionPlanned: Money;
  serviceFee: Money;
  developmentCost: Money;
  managementFee: Money;
  holdingCost: Money;
  saleBusinessFee: Money;
  reserveCost: Money;
  leaseIncome: Money;
  saleRevenue: Money;
  provisions: Money;
  provisionsByKind: Record<ProvisionKind, Money>;
  reserveCostRecovered: Money;
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
  preAllocationsReturned: Money;
  bridges: Money;
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
  receiptsByGovernment: Record<string, { valueAdded: Money; provisions: Record<string, Money>; total: Money }>;
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
  saleReceipts: Money;
  leaseIncome: Money;
  acquisition: Money;
  serviceFee: Money;
  development: Money;
  managementFee: Money;
  holding: Money;
  saleBusinessFee: Money;
  provisions: Money;
  costRecovered: Money;
  valueAdded: Money;
  shares: Record<string, Money>;
  preAllocation: Money;
  preAllocationReturn: Money;
  poolCapital: Money;
  bondProceeds: Money;
  interest: Money;
  principal: Money;
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
  acquisitionPaid: Money;
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
  provisions: Record<ProvisionKind, Money>;
  provisionsTotal: Money;
  costRecovered: Money;
  unrecoveredCost: Money;
  valueAdded: Money;
  /** Value added held back for the project's debt service and not released. */
  heldBack: Money;
  shares: Record<string, Money>;
  splitCase: string;
}

export interface Result {
  schemaVersion: 1;
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

const ACQ_RULES = ['acquisition.expropriation', 'acquisition.recovery', 'acquisition.purchase', 'acquisition.buyback', 'acquisition.idleRecovery'].map(ruleIndex);
const USE_RULES = RULE_IDS.map((id, i) => (RULES.get(id)!.line === 'use' ? i : -1)).filter((i) => i >= 0);
const PROV_RULES = PROVISION_KINDS.map((k) => ruleIndex(`provision.${k}`));
// A year-end true-up returns part of an accrual: provisions are always the net of the two.
const PROV_BACK = PROVISION_KINDS.map((k) => ruleIndex(`provision.${k}.trueUp`));
const netProvision = (j: number, get: (r: number) => number) => get(PROV_RULES[j]) - get(PROV_BACK[j]);
const netProvisions = (get: (r: number) => number) => PROV_RULES.reduce((s, _, j) => s + netProvision(j, get), 0);
const RI = {
  appropriation: ruleIndex('funding.appropriation'),
  topUp: ruleIndex('funding.fiscalTopUp'),
  receipt: ruleIndex('sale.receipt'),
  lease: ruleIndex('lease.income'),
  serviceFee: ruleIndex('acquisition.serviceFee'),
  works: ruleIndex('development.works'),
  managementFee: ruleIndex('development.managementFee'),
  holding: ruleIndex('holding.cost'),
  saleFee: ruleIndex('sale.businessFee'),
  costRecovery: ruleIndex('sale.costRecovery'),
  share: ruleIndex('split.share'),
  poolCapital: ruleIndex('funding.poolCapital'),
  poolInflow: ruleIndex('funding.poolInflow'),
  preAllocation: ruleIndex('funding.preAllocation'),
  preAllocationReturn: ruleIndex('funding.preAllocationReturn'),
  bridge: ruleIndex('funding.bridge'),
  bridgeReturn: ruleIndex('funding.bridgeReturn'),
  proceeds: ruleIndex('bond.proceeds'),
  rollover: ruleIndex('bond.rollover'),
  interest: ruleIndex('bond.interest'),
  principal: ruleIndex('bond.principal'),
  early: ruleIndex('bond.earlyRedemption'),
  issuanceFee: ruleIndex('bond.issuanceFee'),
  registrationFee: ruleIndex('bond.registrationFee'),
  redemptionFee: ruleIndex('bond.redemptionFee'),
  support: ruleIndex('bond.fiscalSupport'),
  supportReturn: ruleIndex('bond.fiscalSupportReturn'),
};
const FEE_RULES = [RI.issuanceFee, RI.registrationFee, RI.redemptionFee];

export function report(out: RunOutput, options: { postings?: boolean } = {}): Result {
  const { model, ledger } = out;
  const nP = model.timeline.months;
  const nR = RULE_IDS.length;
  const byPR = sumByPeriodRule(ledger, nP, nR);
  const byParcel = sumByParcelRule(ledger, model.parcels.length, nR);
  const balances = balancesByPeriod(ledger, nP);
  const nA = ledger.accountCount;
  const acc = model.accounts;
  const reserveFund = acc.idx('reserveFund');
  const treasury = acc.idx('treasury');
  const tierOfAccount = new Map<number, number>();
  model.parcels.forEach((p) => p.shareAccounts.forEach((a, t) => tierOfAccount.set(a, t)));

  const sumRules = (rules: number[], row: (r: number) => number) => rules.reduce((s, r) => s + row(r), 0);
  const total = (r: number) => { let s = 0; for (let p = 0; p < nP; p++) s += byPR[p * nR + r]; return s; };

  // Shares by tier and period come from the postings into share accounts.
  const sharesByPeriodTier = new Float64Array(nP * model.tiers.length);
  const shareByAccount = new Map<number, number>();
  model.accounts.list.forEach((a, i) => { if (a.kind === 'share') shareByAccount.set(i, 0); });
  for (let i = 0; i < ledger.length; i++) {
    if (ledger.rule[i] !== RI.share) continue;
    const t = tierOfAccount.get(ledger.to[i])!;
    sharesByPeriodTier[ledger.period[i] * model.tiers.length + t] += ledger.amount[i];
    shareByAccount.set(ledger.to[i], (shareByAccount.get(ledger.to[i]) ?? 0) + ledger.amount[i]);
  }
  const tierMoney = (get: (t: number) => number) => Object.fromEntries(model.tiers.map((tier, t) => [tier.id, fenToYuan(get(t))]));

  const rowOf = (get: (r: number) => number, sharesOf: (t: number) => number) => ({
    appropriations: fenToYuan(get(RI.appropriation)),
    fiscalTopUp: fenToYuan(get(RI.topUp)),
    saleReceipts: fenToYuan(get(RI.receipt)),
    leaseIncome: fenToYuan(get(RI.lease)),
    acquisition: fenToYuan(sumRules(ACQ_RULES, get)),
    serviceFee: fenToYuan(get(RI.serviceFee)),
    development: fenToYuan(get(RI.works)),
    managementFee: fenToYuan(get(RI.managementFee)),
    holding: fenToYuan(get(RI.holding)),
    saleBusinessFee: fenToYuan(get(RI.saleFee)),
    provisions: fenToYuan(netProvisions(get)),
    costRecovered: fenToYuan(get(RI.costRecovery)),
    valueAdded: fenToYuan(get(RI.share)),
    shares: tierMoney(sharesOf),
    preAllocation: fenToYuan(get(RI.preAllocation) + get(RI.bridge)),
    preAllocationReturn: fenToYuan(get(RI.preAllocationReturn) + get(RI.bridgeReturn)),
    poolCapital: fenToYuan(get(RI.poolCapital) + get(RI.poolInflow)),
    bondProceeds: fenToYuan(get(RI.proceeds) + get(RI.rollover)),
    interest: fenToYuan(get(RI.interest)),
    principal: fenToYuan(get(RI.principal) + get(RI.early)),
    bondFees: fenToYuan(sumRules(FEE_RULES, get)),
    debtService: fenToYuan(get(RI.interest) + get(RI.principal) + get(RI.early) + sumRules(FEE_RULES, get)),
  });

  const funding = fundingReport(out, balances);
  const poolAccounts = acc.list.map((a, i) => ({ a, i })).filter(({ a }) => a.kind === 'fund' && a.id !== 'treasury').map(({ i }) => i);
  const poolBalanceAt = (p: number) => poolAccounts.reduce((s, i) => s + balances[p * nA + i], 0);
  const usesAt = (p: number) => sumRules(USE_RULES, (r) => byPR[p * nR + r]);
  // Spending by who paid it: the funds (where appropriations go), bond project accounts, developers.
  const projectAccounts = new Set(model.projects.map((x) => x.account));
  const isUse = RULE_IDS.map((id) => RULES.get(id)!.line === 'use');
  const fromFundsAt = new Float64Array(nP);
  let fromBonds = 0;
  let byDevelopers = 0;
  for (let i = 0; i < ledger.length; i++) {
    if (!isUse[ledger.rule[i]]) continue;
    const from = ledger.from[i];
    if (projectAccounts.has(from)) fromBonds += ledger.amount[i];
    else if (acc.list[from].kind === 'actor') byDevelopers += ledger.amount[i];
    else fromFundsAt[ledger.period[i]] += ledger.amount[i];
  }
  const fromFunds = fromFundsAt.reduce((a, b) => a + b, 0);
  // 预算执行率 against 序时进度: spending so far this year over the year's appropriations.
  const execution = new Map<number, string | null>();
  let cumNet = 0;
  let yearSpent = 0;
  let yearAppropriated = 0;
  const periods: PeriodRow[] = model.periodLabels.map((label, p) => {
    const { year, month } = yearMonthOf(model.timeline, p);
    if (month === 1 || p === 0) {
      yearSpent = 0;
      yearAppropriated = 0;
      for (let q = p; q < nP && yearOf(model.timeline, q) === year; q++) yearAppropriated += byPR[q * nR + RI.appropriation];
    }
    yearSpent += fromFundsAt[p];
    cumNet += funding.periodNet[p];
    const exec = yearAppropriated > 0 ? new Decimal(yearSpent).div(yearAppropriated).times(100).toFixed(2, Decimal.ROUND_HALF_UP) : null;
    execution.set(p, exec);
    return {
      period: label,
      ...rowOf((r) => byPR[p * nR + r], (t) => sharesByPeriodTier[p * model.tiers.length + t]),
      reserveFundBalance: fenToYuan(balances[p * nA + reserveFund]),
      treasuryBalance: fenToYuan(balances[p * nA + treasury]),
      poolBalance: fenToYuan(poolBalanceAt(p)),
      net: fenToYuan(funding.periodNet[p]),
      cumulativeNet: fenToYuan(cumNet),
      budgetExecutionPercent: exec,
      timeProgressPercent: new Decimal(month).div(12).times(100).toFixed(2, Decimal.ROUND_HALF_UP),
    };
  });

  // Roll-ups: the same row summed over each calendar (fiscal) year and each quarter, balances at its end.
  const rollUp = (groupOf: (p: number) => string) => {
    const groups = new Map<string, number[]>();
    model.periodLabels.forEach((_, p) => {
      const g = groupOf(p);
      groups.set(g, [...(groups.get(g) ?? []), p]);
    });
    return [...groups.entries()].map(([key, ps]) => {
      const last = ps[ps.length - 1];
      return {
        key,
        row: {
          ...rowOf((r) => ps.reduce((s, p) => s + byPR[p * nR + r], 0), (t) => ps.reduce((s, p) => s + sharesByPeriodTier[p * model.tiers.length + t], 0)),
          reserveFundBalance: fenToYuan(balances[last * nA + reserveFund]),
          treasuryBalance: fenToYuan(balances[last * nA + treasury]),
          poolBalance: fenToYuan(poolBalanceAt(last)),
          net: fenToYuan(ps.reduce((s, p) => s + funding.periodNet[p], 0)),
          cumulativeNet: periods[last].cumulativeNet,
          budgetExecutionPercent: execution.get(last) ?? null,
        },
      };
    });
  };
  const years: YearRow[] = rollUp((p) => String(yearOf(model.timeline, p))).map(({ key, row }) => ({ year: Number(key), ...row }));
  const quarters: QuarterRow[] = rollUp((p) => quarterLabel(model.timeline, p)).map(({ key, row }) => ({ quarter: key, ...row }));

  const acquisitionCost = sumRules(ACQ_RULES, total);
  const projectFlow = model.periodLabels.map((_, p) => {
    const g = (r: number) => byPR[p * nR + r];
    return g(RI.receipt) + g(RI.lease) - usesAt(p) - g(RI.interest) - sumRules(FEE_RULES, g);
  });
  const discount = model.params.rate('analysis.discountRate');
  const metrics = cashFlowMetrics(projectFlow, new Decimal(discount.num).div(discount.den));
  const uses = acquisitionCost + total(RI.serviceFee) + total(RI.works) + total(RI.managementFee) + total(RI.holding) + total(RI.saleFee);
  const appropriations = total(RI.appropriation);
  let unrecovered = 0;
  let acquisitionPlanned = 0;
  for (const [i, o] of out.parcels.entries()) {
    unrecovered += o.waterfall?.unrecoveredCost ?? 0;
    acquisitionPlanned += model.parcels[i].acquisitionPlanned;
  }
  const totals: Totals = {
    acquisitionCost: fenToYuan(acquisitionCost),
    acquisitionPlanned: fenToYuan(acquisitionPlanned),
    serviceFee: fenToYuan(total(RI.serviceFee)),
    developmentCost: fenToYuan(total(RI.works)),
    managementFee: fenToYuan(total(RI.managementFee)),
    holdingCost: fenToYuan(total(RI.holding)),
    saleBusinessFee: fenToYuan(total(RI.saleFee)),
    reserveCost: fenToYuan(uses),
    leaseIncome: fenToYuan(total(RI.lease)),
    saleRevenue: fenToYuan(total(RI.receipt)),
    provisions: fenToYuan(netProvisions(total)),
    provisionsByKind: Object.fromEntries(PROVISION_KINDS.map((k, i) => [k, fenToYuan(netProvision(i, total))])) as Record<ProvisionKind, Money>,
    reserveCostRecovered: fenToYuan(total(RI.costRecovery)),
    unrecoveredCost: fenToYuan(unrecovered),
    valueAdded: fenToYuan(total(RI.share)),
    shares: tierMoney((t) => { let s = 0; for (let p = 0; p < nP; p++) s += sharesByPeriodTier[p * model.tiers.length + t]; return s; }),
    sharesByGovernment: Object.fromEntries([...shareByAccount.entries()].map(([a, v]) => [acc.list[a].id, fenToYuan(v)])),
    appropriations: fenToYuan(appropriations),
    fiscalTopUp: fenToYuan(total(RI.topUp)),
    spending: fenToYuan(uses),
    spendingFromFunds: fenToYuan(fromFunds),
    spendingFromBonds: fenToYuan(fromBonds),
    spendingByDevelopers: fenToYuan(byDevelopers),
    budgetExecutionRatePercent: appropriations > 0 ? new Decimal(fromFunds).div(appropriations).times(100).toFixed(2, Decimal.ROUND_HALF_UP) : null,
    poolCapital: fenToYuan(total(RI.poolCapital)),
    poolInflows: fenToYuan(total(RI.poolInflow)),
    preAllocations: fenToYuan(total(RI.preAllocation)),
    preAllocationsReturned: fenToYuan(total(RI.preAllocationReturn) + total(RI.bridgeReturn)),
    bridges: fenToYuan(total(RI.bridge)),
    bondProceeds: fenToYuan(total(RI.proceeds) + total(RI.rollover)),
    interest: fenToYuan(total(RI.interest)),
    bondFees: fenToYuan(sumRules(FEE_RULES, total)),
    principalRepaid: fenToYuan(total(RI.principal) + total(RI.early)),
    fiscalDebtSupport: fenToYuan(total(RI.support)),
    fiscalDebtSupportReturned: fenToYuan(total(RI.supportReturn)),
    fiscalDebtSupportOutstanding: fenToYuan(out.debtSupportOutstanding),
    financingCostInVerifiedCost: fenToYuan(out.parcels.reduce((s, o) => s + o.financingCost, 0)),
    valueAddedHeldBack: fenToYuan(out.parcels.reduce((s, o) => s + o.heldBack, 0)),
    receiptsByGovernment: Object.fromEntries([...governmentReceipts(model, ledger, (i, k) => netProvision(PROVISION_KINDS.indexOf(k), (r) => byParcel[i * nR + r])).entries()].map(([g, e]) => [g, { valueAdded: fenToYuan(e.valueAdded), provisions: Object.fromEntries(Object.entries(e.provisions).map(([k, v]) => [k, fenToYuan(v)])), total: fenToYuan(e.total) }])),
    peakFundingNeed: fenToYuan(funding.peakFundingNeed),
    financingCost: fenToYuan(funding.financingCost),
    advancesOutstanding: fenToYuan(total(RI.preAllocation) + total(RI.bridge) - total(RI.preAllocationReturn) - total(RI.bridgeReturn)),
    npv: fenToYuan(metrics.npv),
    discountRate: model.params.rate('analysis.discountRate').text,
    irrAnnual: metrics.irrAnnual,
    irrRoots: [...metrics.irrRoots],
    irrNote: metrics.irrNote,
    paybackPeriod: metrics.paybackPeriod >= 0 ? model.periodLabels[metrics.paybackPeriod] : null,
  };

  const earmark = ruralEarmark(model, out.years, (year, kind) => {
    const j = PROVISION_KINDS.indexOf(kind);
    let sum = 0;
    for (let p = 0; p < nP; p++) if (yearOf(model.timeline, p) === year) sum += netProvision(j, (r) => byPR[p * nR + r]);
    return sum;
  });
  const parcels: ParcelRow[] = model.parcels.map((p, i) => {
    const g = (r: number) => byParcel[i * nR + r];
    const o = out.parcels[i];
    const w = o.waterfall;
    const reserveCost = p.acquisitionPlanned + p.serviceFee + p.developmentPlanned + p.managementFee + p.holdingPlanned + (p.sale?.businessFee ?? 0);
    return {
      id: p.id,
      name: p.name,
      zone: p.zone >= 0 ? model.zones[p.zone].id : null,
      landUse: p.landUse,
      area: p.areaText,
      areaM2: p.areaM2,
      areaMu: p.areaMu,
      acquisitionMode: p.acquisitionMode,
      acquisitionPlanned: fenToYuan(p.acquisitionPlanned),
      acquisitionPaid: fenToYuan(sumRules(ACQ_RULES, g)),
      serviceFee: fenToYuan(g(RI.serviceFee)),
      developmentCost: fenToYuan(g(RI.works)),
      managementFee: fenToYuan(g(RI.managementFee)),
      managementFeeCap: fenToYuan(p.managementFeeCap),
      holdingCost: fenToYuan(g(RI.holding)),
      saleBusinessFee: fenToYuan(g(RI.saleFee)),
      reserveCost: fenToYuan(reserveCost),
      verifiedCost: fenToYuan(p.verifiedCost),
      financingCost: fenToYuan(o.financingCost),
      costToRecover: fenToYuan(p.verifiedCost + o.financingCost),
      appraisedValue: p.appraisedValue === null ? null : fenToYuan(p.appraisedValue),
      leaseIncome: fenToYuan(g(RI.lease)),
      sale: p.sale ? { date: p.sale.date, revenue: fenToYuan(p.sale.revenue), areaSoldM2: p.sale.areaSoldM2, groundPriceYuanPerM2: groundPrice(p.sale.revenue, p.sale.areaSold), settlement: model.periodLabels[p.sale.settlementPeriod] } : null,
      provisions: Object.fromEntries(PROVISION_KINDS.map((k, j) => [k, fenToYuan(netProvision(j, g))])) as Record<ProvisionKind, Money>,
      provisionsTotal: fenToYuan(netProvisions(g)),
      costRecovered: fenToYuan(g(RI.costRecovery)),
      unrecoveredCost: fenToYuan(w?.unrecoveredCost ?? 0),
      valueAdded: fenToYuan(g(RI.share)),
      heldBack: fenToYuan(o.heldBack),
      shares: Object.fromEntries(model.tiers.map((tier, t) => [tier.id, fenToYuan(o.shares[t] ?? 0)])),
      splitCase: model.splitNames[p.split],
    };
  });

  return {
    schemaVersion: 1,
    scenario: { id: model.id, name: model.name, description: model.description, sources: [...model.sources], jurisdiction: model.jurisdiction, asOf: model.asOf },
    timeline: { start: model.periodLabels[0], months: nP, periods: [...model.periodLabels] },
    totals,
    periods,
    years,
    quarters,
    parcels,
    ruralEarmark: earmark.map((e) => ({ ...e, income: fenToYuan(e.income), netIncome: fenToYuan(e.netIncome), fromProvisions: Object.fromEntries(Object.entries(e.fromProvisions).map(([k, v]) => [k, fenToYuan(v)])), otherRuralSpending: fenToYuan(e.otherRuralSpending), ruralUses: fenToYuan(e.ruralUses), required: fenToYuan(e.required), shortBy: fenToYuan(e.shortBy) })),
    zones: funding.zones,
    zoneMode: model.zoneMode,
    bonds: funding.bonds,
    projects: funding.projects,
    pool: funding.pool,
    tiers: model.tiers.map((t) => ({ ...t })),
    accounts: acc.list.map((a, i) => ({ id: a.id, kind: a.kind, name: { zh: a.zh, en: a.en }, balance: fenToYuan(ledger.balances[i]) })),
    checks: [...model.staticChecks, basisCheck(model), ...runChecks(out, balances), ...funding.checks, ...earmarkChecks(earmark)],
    parameters: [...model.params.resolved.values()].map((r) => ({ key: r.key, value: r.raw, source: r.source, ref: r.ref, confidence: r.confidence, overridden: r.overridden, from: r.from })),
    rules: RULE_IDS.map((id) => { const r = RULES.get(id)!; return { id, zh: r.zh, en: r.en, ref: r.ref }; }),
    ...(options.postings ? { postings: postingRows(out) } : {}),
  };
}

/** Says which rule the provision bases follow (S-5, P-3), so a reader of the checks knows. */
function basisCheck(model: RunOutput['model']): Check {
  const year = model.basePeriod === 'year';
  const fin = model.financingInCost;
  return check('provisions.basis', true, 'info',
    `education, water and housing are provisioned on ${year ? "the jurisdiction's year: the year's land income less the 核定成本 recognised with it" : 'each parcel: its income less its 核定成本'} (S-5, P-3, 财综〔2011〕62号); the 核定成本 is each parcel's stated verifiedCost (else its planned reserve cost)${fin ? ' plus its share of bond interest and fees (S-6)' : ''}`,
    `教育资金、农田水利建设资金、保障性安居工程资金按${year ? '全年土地出让收入减当年核定成本' : '各宗地出让收入减其核定成本'}计提（财综〔2011〕62号）；核定成本取宗地申报的核定成本（未申报的取计划储备成本）${fin ? '并计入分摊的专项债券利息和发行费用' : ''}`,
    { ref: 'S-5, S-6, P-3' });
}

/** One check per earmark year: met, or short by how much (P-11). */
function earmarkChecks(rows: ReturnType<typeof ruralEarmark>): Check[] {
  return rows.map((e) => {
    const rule = e.method === 'netIncome' ? `${e.target} of net income${e.floor && e.floor !== '0%' ? ` and ${e.floor} of income` : ''}` : `${e.target} of income`;
    const ruleZh = e.method === 'netIncome' ? `土地出让收益的 ${e.target}${e.floor && e.floor !== '0%' ? `且不低于土地出让收入的 ${e.floor}` : ''}` : `土地出让收入的 ${e.target}`;
    return check('earmark.rural', e.met, 'rule',
      `${e.year}: land income used for agriculture and rural areas ${fenToYuan(e.ruralUses)} 元 ${e.met ? '≥' : '<'} required ${fenToYuan(e.required)} 元 (${rule})${e.met ? '' : `; short by ${fenToYuan(e.shortBy)} 元`}`,
      `${e.year} 年：土地出让收入用于农业农村 ${fenToYuan(e.ruralUses)} 元，${e.met ? '达到' : '未达到'}应计提 ${fenToYuan(e.required)} 元（${ruleZh}）${e.met ? '' : `，差 ${fenToYuan(e.shortBy)} 元`}`,
      { ref: 'P-11' });
  });
}

/** 元/m², 2 places (seed 001 quotes 4 720 for 19 938.51 万元 on 42 251.56 m²; exact is 4 719.00). */
function groundPrice(revenue: Fen, area: Area): string {
  const m2 = areaIn(area, 'm2');
  return m2.isZero() ? '0.00' : new Decimal(revenue).div(100).div(m2).toFixed(2, Decimal.ROUND_HALF_UP);
}

export function postingRows(out: RunOutput): PostingRow[] {
  const { model, ledger } = out;
  const rows: PostingRow[] = [];
  for (let i = 0; i < ledger.length; i++) {
    rows.push({
      period: model.periodLabels[ledger.period[i]],
      from: model.accounts.list[ledger.from[i]].id,
      to: model.accounts.list[ledger.to[i]].id,
      amount: fenToYuan(ledger.amount[i]),
      rule: RULE_IDS[ledger.rule[i]],
      parcel: ledger.parcel[i] >= 0 ? model.parcels[ledger.parcel[i]].id : null,
      zone: ledger.zone[i] >= 0 ? model.zones[ledger.zone[i]].id : null,
    });
  }
  return rows;
}

