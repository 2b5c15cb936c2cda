/**
 * The figures the notebook shows, by key, with their Chinese and English names and the ledger
 * rules whose postings make them. One table serves the KPI cards, the compare view's rows and the
 * trace (a click on a figure asks the worker for the postings of these rules).
 *
 * Keys follow the result: `saleRevenue` (totals), `saleReceipts` (a period row), `shares.province`,
 * `provisions.education`. Balances (`reserveFundBalance`) are traced through an account instead.
 */
export interface MetricDef {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Rule ids, or a prefix ending in '*', whose postings sum to the figure. */
  readonly rules?: readonly string[];
  /** Rule ids whose postings are subtracted (a provision's year-end true-up returned). */
  readonly minus?: readonly string[];
  /** A balance: the postings into (+) and out of (−) this account up to the period. */
  readonly account?: string;
}

import { PROVISIONS } from '../../engine/provision-catalogue';

const ACQ = ['acquisition.expropriation', 'acquisition.recovery', 'acquisition.purchase', 'acquisition.buyback', 'acquisition.idleRecovery'];
const USES = [...ACQ, 'acquisition.serviceFee', 'development.works', 'development.managementFee', 'holding.cost', 'sale.businessFee'];

// Provision kinds and their names come from the engine's catalogue (data/provisions.json).
export { PROVISION_KINDS, type ProvisionKind } from '../../engine/provision-catalogue';
export const PROVISION_NAMES: Readonly<Record<string, { zh: string; en: string }>> = Object.fromEntries(PROVISIONS.map((d) => [d.id, { zh: d.zh, en: d.en }]));
const PROVISION_RULES = PROVISIONS.map((d) => `provision.${d.id}`);
const PROVISION_RETURNS = PROVISIONS.map((d) => `provision.${d.id}.trueUp`);

const LIST: MetricDef[] = [
  { key: 'saleRevenue', zh: '出让收入', en: 'Sale revenue', rules: ['sale.receipt'] },
  { key: 'saleReceipts', zh: '出让收入', en: 'Sale receipts', rules: ['sale.receipt'] },
  { key: 'leaseIncome', zh: '临时利用收入', en: 'Lease income', rules: ['lease.income'] },
  { key: 'appropriations', zh: '财政预算安排', en: 'Appropriations', rules: ['funding.appropriation'] },
  { key: 'fiscalTopUp', zh: '财政补足', en: 'Fiscal top-up', rules: ['funding.fiscalTopUp'] },
  { key: 'acquisitionCost', zh: '收储成本（已付）', en: 'Acquisition paid', rules: ACQ },
  { key: 'acquisitionPaid', zh: '收储成本（已付）', en: 'Acquisition paid', rules: ACQ },
  { key: 'acquisition', zh: '收储支出', en: 'Acquisition', rules: ACQ },
  { key: 'serviceFee', zh: '征储服务费', en: 'Service fee', rules: ['acquisition.serviceFee'] },
  { key: 'developmentCost', zh: '前期开发', en: 'Development', rules: ['development.works'] },
  { key: 'development', zh: '前期开发', en: 'Development', rules: ['development.works'] },
  { key: 'managementFee', zh: '代建管理费', en: 'Management fee', rules: ['development.managementFee'] },
  { key: 'holdingCost', zh: '管护费用', en: 'Holding', rules: ['holding.cost'] },
  { key: 'holding', zh: '管护费用', en: 'Holding', rules: ['holding.cost'] },
  { key: 'saleBusinessFee', zh: '出让业务费', en: 'Sale fee', rules: ['sale.businessFee'] },
  { key: 'reserveCost', zh: '土地储备成本', en: 'Reserve cost', rules: USES },
  { key: 'spending', zh: '支出合计', en: 'Spending', rules: USES },
  { key: 'provisions', zh: '计提各项基金', en: 'Provisions', rules: PROVISION_RULES, minus: PROVISION_RETURNS },
  { key: 'provisionsTotal', zh: '计提合计', en: 'Provisions', rules: PROVISION_RULES, minus: PROVISION_RETURNS },
  ...PROVISIONS.map((d) => ({ key: `provisions.${d.id}`, zh: `计提${d.zh}`, en: d.en, rules: [`provision.${d.id}`], minus: [`provision.${d.id}.trueUp`] })),
  { key: 'reserveCostRecovered', zh: '核定成本返还', en: 'Cost recovered', rules: ['sale.costRecovery'] },
  { key: 'costRecovered', zh: '成本返还', en: 'Cost recovered', rules: ['sale.costRecovery'] },
  { key: 'valueAdded', zh: '增值收益', en: 'Value added', rules: ['split.share'] },
  { key: 'reserveFundBalance', zh: '储备资金余额', en: 'Reserve fund balance', account: 'reserveFund' },
  { key: 'treasuryBalance', zh: '国库结存', en: 'Treasury balance', account: 'treasury' },
  // Funding figures (bonds, pools): traced once the engine posts them under these rule prefixes.
  { key: 'bondProceeds', zh: '债券发行收入', en: 'Bond proceeds', rules: ['bond.proceeds', 'bond.rollover'] },
  { key: 'debtService', zh: '还本付息', en: 'Debt service', rules: ['bond.interest', 'bond.principal', 'bond.earlyRedemption', 'bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'] },
  { key: 'financingCost', zh: '融资成本', en: 'Financing cost', rules: ['bond.interest', 'bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'] },
  { key: 'interest', zh: '债券付息', en: 'Bond interest', rules: ['bond.interest'] },
  { key: 'principal', zh: '债券还本', en: 'Bond principal', rules: ['bond.principal', 'bond.earlyRedemption'] },
  { key: 'principalRepaid', zh: '债券还本', en: 'Bond principal repaid', rules: ['bond.principal', 'bond.earlyRedemption'] },
  { key: 'bondFees', zh: '债券费用', en: 'Bond fees', rules: ['bond.issuanceFee', 'bond.registrationFee', 'bond.redemptionFee'] },
  { key: 'preAllocation', zh: '财政预拨', en: 'Pre-allocation', rules: ['funding.preAllocation'] },
  { key: 'preAllocations', zh: '财政预拨', en: 'Pre-allocations', rules: ['funding.preAllocation'] },
  { key: 'preAllocationReturn', zh: '预拨资金返还', en: 'Pre-allocation returned', rules: ['funding.preAllocationReturn'] },
  { key: 'poolCapital', zh: '资金池筹集', en: 'Pool capital', rules: ['funding.poolCapital'] },
  { key: 'poolInflows', zh: '资金池注入', en: 'Pool inflows', rules: ['funding.poolInflow'] },
  { key: 'bridges', zh: '临时预拨', en: 'Bridge advances', rules: ['funding.bridge'] },
  { key: 'fiscalDebtSupport', zh: '财政垫付偿债资金', en: 'Fiscal debt advance', rules: ['bond.fiscalSupport'] },
  { key: 'fiscalDebtSupportReturned', zh: '财政垫付偿债资金返还', en: 'Fiscal debt advance returned', rules: ['bond.fiscalSupportReturn'] },
  { key: 'setAside', zh: '留存项目专户偿债', en: 'Set aside for debt service', rules: ['bond.setAside'] },
  { key: 'developerCompensation', zh: '做地开发补偿费', en: 'Developer compensation', rules: ['zone.developerCompensation'] },
  { key: 'poolBalance', zh: '资金池余额', en: 'Pool balance', account: 'reserveFund' },
  { key: 'peakFundingNeed', zh: '峰值资金需求', en: 'Peak funding need' },
  { key: 'unrecoveredCost', zh: '未弥补成本', en: 'Unrecovered cost' },
];

export const METRICS: ReadonlyMap<string, MetricDef> = new Map(LIST.map((m) => [m.key, m]));

/** A metric by key; `shares.<tier>` is made on the fly (the tier's name comes from the result). */
export function metricDef(key: string, tierName?: { zh: string; en: string }): MetricDef | null {
  const known = METRICS.get(key);
  if (known) return known;
  const share = /^shares\.(.+)$/.exec(key);
  if (share) {
    const n = tierName ?? { zh: share[1], en: share[1] };
    return { key, zh: `${n.zh}分成`, en: `${n.en} share`, rules: ['split.share'] };
  }
  return null;
}

/** Does a rule id match a metric's rule list (exact ids or 'prefix.*')? */
export function ruleMatches(rules: readonly string[], rule: string): boolean {
  return rules.some((r) => (r.endsWith('*') ? rule.startsWith(r.slice(0, -1)) : r === rule));
}
