/**
 * The result contract: every figure a view of the ledger's postings, money as decimal strings in
 * 元 ("62052732.24"), never floats. Shapes:
 *   totals   programme totals (acquisitionCost, saleRevenue, provisions, valueAdded, shares{tier}…)
 *   periods  one row per month: sources, uses, distributions, balances
 *   years    the same rolled up to calendar (fiscal) years
 *   parcels  per-parcel P&L, with the sale waterfall
 *   checks   every invariant and rule check, pass or fail, with a message
 */
import { balancesByPeriod, sumByParcelRule, sumByPeriodRule, verifyLedger } from './ledger';
import { RULES, RULE_IDS, PROVISION_KINDS, ruleIndex, type ProvisionKind } from './rules';
import { Decimal, fenToYuan, fenToWan, type Fen } from './money';
import { check, type Check } from './check';
import { yearOf } from './timeline';
import type { RunOutput } from './run';
import type { Text } from './model';

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
  /** spending ÷ appropriations, percent with 2 decimals ("99.58"); null without appropriations. */
  budgetExecutionRatePercent: string | null;
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
  reserveFundBalance: Money;
  treasuryBalance: Money;
}

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
  appraisedValue: Money | null;
  leaseIncome: Money;
  sale: { date: string; revenue: Money; areaSoldM2: string; groundPriceYuanPerM2: string; settlement: string } | null;
  provisions: Record<ProvisionKind, Money>;
  provisionsTotal: Money;
  costRecovered: Money;
  unrecoveredCost: Money;
  valueAdded: Money;
  shares: Record<string, Money>;
  splitCase: string;
}

export interface Result {
  schemaVersion: 1;
  scenario: { id: string; name: Text; description: Text | null; sources: string[]; jurisdiction: string; asOf: string };
  timeline: { start: string; months: number; periods: string[] };
  totals: Totals;
  periods: PeriodRow[];
  years: (Omit<PeriodRow, 'period' | 'reserveFundBalance' | 'treasuryBalance'> & { year: number; reserveFundBalance: Money; treasuryBalance: Money })[];
  parcels: ParcelRow[];
  zones: { id: string; name: Text }[];
  tiers: { id: string; name: Text }[];
  accounts: { id: string; kind: string; name: Text; balance: Money }[];
  checks: Check[];
  parameters: { key: string; value: unknown; source: string; ref: string; confidence: string; overridden: boolean; from: string | null }[];
  rules: { id: string; zh: string; en: string; ref: string }[];
  /** Every posting, in the order made (only when asked for: a province has millions). */
  postings?: PostingRow[];
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
const PROV_RULES = PROVISION_KINDS.map((k) => ruleIndex(`provision.${k}`));
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
};

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
    provisions: fenToYuan(sumRules(PROV_RULES, get)),
    costRecovered: fenToYuan(get(RI.costRecovery)),
    valueAdded: fenToYuan(get(RI.share)),
    shares: tierMoney(sharesOf),
  });

  const periods: PeriodRow[] = model.periodLabels.map((label, p) => ({
    period: label,
    ...rowOf((r) => byPR[p * nR + r], (t) => sharesByPeriodTier[p * model.tiers.length + t]),
    reserveFundBalance: fenToYuan(balances[p * nA + reserveFund]),
    treasuryBalance: fenToYuan(balances[p * nA + treasury]),
  }));

  const yearList = [...new Set(model.periodLabels.map((_, p) => yearOf(model.timeline, p)))];
  const years = yearList.map((year) => {
    const ps = model.periodLabels.map((_, p) => p).filter((p) => yearOf(model.timeline, p) === year);
    const last = ps[ps.length - 1];
    return {
      year,
      ...rowOf((r) => ps.reduce((s, p) => s + byPR[p * nR + r], 0), (t) => ps.reduce((s, p) => s + sharesByPeriodTier[p * model.tiers.length + t], 0)),
      reserveFundBalance: fenToYuan(balances[last * nA + reserveFund]),
      treasuryBalance: fenToYuan(balances[last * nA + treasury]),
    };
  });

  const acquisitionCost = sumRules(ACQ_RULES, total);
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
    provisions: fenToYuan(sumRules(PROV_RULES, total)),
    provisionsByKind: Object.fromEntries(PROVISION_KINDS.map((k, i) => [k, fenToYuan(total(PROV_RULES[i]))])) as Record<ProvisionKind, Money>,
    reserveCostRecovered: fenToYuan(total(RI.costRecovery)),
    unrecoveredCost: fenToYuan(unrecovered),
    valueAdded: fenToYuan(total(RI.share)),
    shares: tierMoney((t) => { let s = 0; for (let p = 0; p < nP; p++) s += sharesByPeriodTier[p * model.tiers.length + t]; return s; }),
    sharesByGovernment: Object.fromEntries([...shareByAccount.entries()].map(([a, v]) => [acc.list[a].id, fenToYuan(v)])),
    appropriations: fenToYuan(appropriations),
    fiscalTopUp: fenToYuan(total(RI.topUp)),
    spending: fenToYuan(uses),
    budgetExecutionRatePercent: appropriations > 0 ? new Decimal(uses).div(appropriations).times(100).toFixed(2, Decimal.ROUND_HALF_UP) : null,
  };

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
      appraisedValue: p.appraisedValue === null ? null : fenToYuan(p.appraisedValue),
      leaseIncome: fenToYuan(g(RI.lease)),
      sale: p.sale ? { date: p.sale.date, revenue: fenToYuan(p.sale.revenue), areaSoldM2: p.sale.areaSoldM2, groundPriceYuanPerM2: p.sale.groundPriceYuanPerM2, settlement: model.periodLabels[p.sale.settlementPeriod] } : null,
      provisions: Object.fromEntries(PROVISION_KINDS.map((k, j) => [k, fenToYuan(g(PROV_RULES[j]))])) as Record<ProvisionKind, Money>,
      provisionsTotal: fenToYuan(sumRules(PROV_RULES, g)),
      costRecovered: fenToYuan(g(RI.costRecovery)),
      unrecoveredCost: fenToYuan(w?.unrecoveredCost ?? 0),
      valueAdded: fenToYuan(g(RI.share)),
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
    parcels,
    zones: model.zones.map((z) => ({ ...z })),
    tiers: model.tiers.map((t) => ({ ...t })),
    accounts: acc.list.map((a, i) => ({ id: a.id, kind: a.kind, name: { zh: a.zh, en: a.en }, balance: fenToYuan(ledger.balances[i]) })),
    checks: [...model.staticChecks, ...runChecks(out, balances, { acquisitionCost, uses })],
    parameters: [...model.params.resolved.values()].map((r) => ({ key: r.key, value: r.raw, source: r.source, ref: r.ref, confidence: r.confidence, overridden: r.overridden, from: r.from })),
    rules: RULE_IDS.map((id) => { const r = RULES.get(id)!; return { id, zh: r.zh, en: r.en, ref: r.ref }; }),
    ...(options.postings ? { postings: postingRows(out) } : {}),
  };
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

/** The checks that always run last: the ledger balances, funds stay non-negative, splits are exact. */
function runChecks(out: RunOutput, balances: Float64Array, sums: { acquisitionCost: Fen; uses: Fen }): Check[] {
  const { model, ledger } = out;
  const checks: Check[] = [];
  const v = verifyLedger(ledger, model.timeline.months);
  checks.push(check('ledger.balanced', v.ok, 'invariant', v.ok ? `${ledger.length} postings, every balance reconciles and all accounts sum to zero` : v.messages.slice(0, 5).join('; '), v.ok ? `共 ${ledger.length} 笔分录，各账户余额核对一致，合计为零` : '分录不平衡：' + v.messages.slice(0, 5).join('；'), { ref: 'DESIGN §2' }));

  const nA = ledger.accountCount;
  const negatives: string[] = [];
  model.accounts.list.forEach((a, i) => {
    if (a.kind !== 'fund') return;
    for (let p = 0; p < model.timeline.months; p++) {
      if (balances[p * nA + i] < 0) { negatives.push(`${a.id} ${fenToWan(balances[p * nA + i])} 万元 in ${model.periodLabels[p]}`); break; }
    }
  });
  checks.push(check('funds.nonNegative', negatives.length === 0, 'invariant', negatives.length === 0 ? 'no fund account goes negative in any period' : `negative fund balance: ${negatives.join('; ')}`, negatives.length === 0 ? '各资金账户在各期均未出现负余额' : `资金账户出现负余额：${negatives.join('；')}`));

  // Sources = uses + distributions + what is left in the programme's own funds.
  let sources = 0;
  let spent = 0;
  for (let i = 0; i < ledger.length; i++) {
    const r = RULES.get(RULE_IDS[ledger.rule[i]])!;
    if (r.line === 'source') sources += ledger.amount[i];
  }
  spent = sums.uses;
  let distributedOut = 0;
  for (let i = 0; i < ledger.length; i++) {
    const r = RULE_IDS[ledger.rule[i]];
    if (r.startsWith('provision.') || r === 'split.share') distributedOut += ledger.amount[i];
  }
  const held = model.accounts.list.reduce((s, a, i) => (a.kind === 'fund' ? s + ledger.balances[i] : s), 0);
  const balanced = sources === spent + distributedOut + held;
  checks.push(check('sources.equalUses', balanced, 'invariant', `sources ${fenToWan(sources)} 万元 = uses ${fenToWan(spent)} + distributions ${fenToWan(distributedOut)} + funds held ${fenToWan(held)} 万元`, `资金来源 ${fenToWan(sources)} 万元 = 支出 ${fenToWan(spent)} + 分配 ${fenToWan(distributedOut)} + 结存 ${fenToWan(held)} 万元`));

  let splitOk = true;
  out.parcels.forEach((o) => {
    if (o.waterfall && o.waterfall.valueAdded > 0 && o.shares.reduce((a, b) => a + b, 0) !== o.waterfall.valueAdded) splitOk = false;
  });
  checks.push(check('split.exact', splitOk, 'invariant', splitOk ? 'every split sums to its value added to the fen' : 'a split does not sum to its value added', splitOk ? '各宗地增值收益分成之和与增值收益完全一致' : '分成合计与增值收益不一致', { ref: 'S-1' }));

  for (const [i, o] of out.parcels.entries()) {
    const p = model.parcels[i];
    if (!o.waterfall) continue;
    if (o.waterfall.provisionsCapped > 0) {
      checks.push(check('sale.provisionsCapped', false, 'rule', `${p.id}: provisions of ${fenToWan(o.waterfall.provisionsCapped)} 万元 could not be taken — the sale income is smaller than the provisions due`, `${p.id}：出让收入不足以计提各项基金，差额 ${fenToWan(o.waterfall.provisionsCapped)} 万元未计提`, { ref: 'P-6…P-10', parcel: p.id }));
    }
    if (o.waterfall.unrecoveredCost > 0) {
      checks.push(check('sale.costRecovered', false, 'rule', `${p.id}: sale income after provisions falls ${fenToWan(o.waterfall.unrecoveredCost)} 万元 short of the verified cost; no value added to split`, `${p.id}：出让收入扣除计提后不足以弥补核定成本，差额 ${fenToWan(o.waterfall.unrecoveredCost)} 万元，无增值收益可分`, { ref: 'S-1', parcel: p.id }));
    }
  }
  return checks;
}
