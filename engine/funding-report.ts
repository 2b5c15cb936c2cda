/**
 * Funding views of a run, all computed from postings: each bond's debt service and coverage
 * (本息覆盖倍数), each project's coverage, each zone's balance and peak funding need (with its 做地
 * developer's break-even), the fund pool's lowest balance and the payments that had to wait, and
 * the programme's peak funding need and financing cost.
 *
 * Coverage is the project's: its sale income received within the bonds' life over principal plus
 * interest, on the scenario's basis (coverage.ts); principal counts once, even when rolled over.
 * Peak funding need = the deepest point of Σ (cost recovered − spending − interest − fees): how much
 * money has to be found before the sales pay it back.
 */
import { fenToYuan, type Fen } from './money';
import { NONE } from './ledger';
import { check, type Check } from './check';
import type { RunOutput } from './run';
import type { Text } from './model';
import type { CoverageBasis } from './coverage';
import { fundingFlows, peakOf, type FundingFlows } from './funding-flows';
import { bondViews } from './funding-bonds';

type Money = string;

export interface BondReport {
  id: string;
  name: Text;
  rolloverOf: string | null;
  project: string | null;
  principal: Money;
  couponRate: string;
  issue: string;
  maturity: string;
  termYears: number;
  /** "7", or "5+2" for a bond the issuer may repay after 5 years (含权). */
  termText: string;
  repaidAtOption: boolean;
  /** The month the principal was (or is due to be) repaid, when within the timeline. */
  repaid: string | null;
  interest: Money;
  bondFees: Money;
  principalRepaid: Money;
  earlyRedeemed: Money;
  rolledOver: Money;
  fiscalDebtSupport: Money;
  outstandingAtEnd: Money;
  available: Money;
  debtService: Money;
  /** Income of the project's parcels arriving after the bonds' life (not counted). */
  incomeAfterLife: Money;
  coverageBasis: CoverageBasis;
  /** The last month whose income counts. */
  coverageWindowEnd: string;
  /** Life coverage, 4 decimals ("1.3712"); null when there is no debt service. */
  coverageRatio: string | null;
  /** Per year: the year alone, and with the balance carried forward from earlier years. */
  coverageByYear: { year: number; available: Money; debtService: Money; ratio: string | null; carryIn: Money; ratioWithCarry: string | null }[];
  schedule: { period: string; interest: Money; principalRepaid: Money; bondFees: Money; rollover: Money; fiscalDebtSupport: Money }[];
}

export interface ZoneReport {
  id: string;
  name: Text;
  mode: 'pooled' | 'closed';
  saleRevenue: Money;
  provisions: Money;
  cost: Money;
  /** revenue − provisions − cost: ≥ 0 means the zone balances on its own (Z-1). */
  balance: Money;
  peakFundingNeed: Money;
  fiscalSupport: Money;
  developer: { name: Text; compensationRate: string; compensation: Money; cost: Money; result: Money; peakFundingNeed: Money } | null;
  byPeriod: { period: string; net: Money; cumulative: Money }[];
}

export interface PoolReport {
  fund: string;
  opening: Money;
  inflows: Money;
  minBalance: Money;
  minPeriod: string;
  endBalance: Money;
  /** The deepest a fund went below zero (policy "negative"), 0 otherwise. */
  shortfall: Money;
  delays: { parcel: string; rule: string; amount: Money; due: string; paid: string | null; months: number | null }[];
}

export interface FundingReport {
  bonds: BondReport[];
  projects: { id: string; name: Text; parcels: string[]; coverageRatio: string | null; available: Money; debtService: Money }[];
  zones: ZoneReport[];
  pool: PoolReport;
  peakFundingNeed: Fen;
  financingCost: Fen;
  periodNet: Float64Array;
  checks: Check[];
}


export function fundingReport(out: RunOutput, balances: Float64Array, flows: FundingFlows = fundingFlows(out)): FundingReport {
  const b = bondViews(out);
  const z = zoneViews(out, flows, balances);
  const p = poolView(out, balances);
  const notes = out.notes.map((n) => check(n.id, false, 'rule', n.message, n.messageZh, { ref: 'B-7' }));
  const peakFundingNeed = peakOf((q) => flows.periodNet[q], out.model.timeline.months);
  return { bonds: b.bonds, projects: b.projects, zones: z.zones, pool: p.pool, peakFundingNeed, financingCost: flows.financingCost, periodNet: flows.periodNet, checks: [...b.checks, ...z.checks, ...p.checks, ...notes] };
}

/** Each zone's balance (Z-1), peak funding need and 做地 developer's break-even; closed operation checked. */
function zoneViews(out: RunOutput, flows: FundingFlows, balances: Float64Array): { zones: ZoneReport[]; checks: Check[] } {
  const { model, ledger } = out;
  const nP = model.timeline.months;
  const nA = ledger.accountCount;
  const { zRevenue, zProv, zCost, zSupport, zNet, devComp, devCost } = flows;
  const checks: Check[] = [];
  const fundZone = new Map<number, number>();
  if (model.zoneMode === 'closed') model.zones.forEach((z, i) => fundZone.set(z.fund, i));
  const zones: ZoneReport[] = model.zones.map((z, i) => {
    const dev = z.developer;
    const peak = peakOf((p) => zNet[i * nP + p], nP);
    const byPeriod = zoneByPeriod(model.periodLabels, zNet, i * nP);
    let devPeak = 0;
    if (dev) for (let p = 0; p < nP; p++) devPeak = Math.max(devPeak, -balances[p * nA + dev.account]);
    const balance = zRevenue[i] - zProv[i] - zCost[i];
    return {
      id: z.id,
      name: z.name,
      mode: model.zoneMode,
      saleRevenue: fenToYuan(zRevenue[i]),
      provisions: fenToYuan(zProv[i]),
      cost: fenToYuan(zCost[i]),
      balance: fenToYuan(balance),
      peakFundingNeed: fenToYuan(peak),
      fiscalSupport: fenToYuan(zSupport[i]),
      developer: dev ? { name: dev.name, compensationRate: dev.rate.text, compensation: fenToYuan(devComp[i]), cost: fenToYuan(devCost[i]), result: fenToYuan(devComp[i] - devCost[i]), peakFundingNeed: fenToYuan(devPeak) } : null,
      byPeriod,
    };
  });
  for (const z of zones) {
    const ok = !z.balance.startsWith('-');
    checks.push(check('zone.balance', ok, 'rule', `${z.id}: zone balance ${z.balance} 元 (${ok ? 'balances on its own' : 'in deficit'})`, `${z.id}：片区收支差额 ${z.balance} 元（${ok ? '自求平衡' : '收不抵支'}）`, { ref: 'Z-1' }));
  }
  if (model.zoneMode === 'closed') {
    // Closed operation: no money crosses from one zone's fund to another zone's parcels.
    let crossings = 0;
    for (let i = 0; i < ledger.length; i++) {
      const fz = fundZone.get(ledger.from[i]);
      if (fz !== undefined && ledger.zone[i] !== NONE && ledger.zone[i] !== fz) crossings++;
    }
    checks.push(check('zones.closed', crossings === 0, 'invariant', crossings === 0 ? 'closed operation: no posting moves one zone\'s money to another zone' : `${crossings} postings move a zone's money to another zone`, crossings === 0 ? '封闭运行：无跨片区资金调剂' : `${crossings} 笔分录跨片区调剂资金`, { ref: 'Z-1' }));
  }

  return { zones, checks };
}

/**
 * A zone's net and running total by month. Most months of most zones move nothing: their running
 * total is the month before's, text and all.
 */
function zoneByPeriod(labels: readonly string[], zNet: Float64Array, base: number): ZoneReport['byPeriod'] {
  const rows: ZoneReport['byPeriod'] = new Array(labels.length);
  let cum = 0;
  let cumText = '0.00';
  for (let p = 0; p < labels.length; p++) {
    const net = zNet[base + p];
    if (net !== 0) { cum += net; cumText = fenToYuan(cum); }
    rows[p] = { period: labels[p], net: net === 0 ? '0.00' : fenToYuan(net), cumulative: cumText };
  }
  return rows;
}

/** The pool: the reserve fund (pooled) — or, in closed operation, all zone funds together. */
function poolView(out: RunOutput, balances: Float64Array): { pool: PoolReport; checks: Check[] } {
  const { model, ledger } = out;
  const nP = model.timeline.months;
  const nA = ledger.accountCount;
  const nZ = model.zones.length;
  const label = (p: number) => model.periodLabels[p];
  const checks: Check[] = [];
  const reserveFund = model.accounts.idx('reserveFund');
  const funds = model.zoneMode === 'closed' && nZ > 0 ? model.zones.map((z) => z.fund) : [reserveFund];
  let minBalance = Infinity;
  let minPeriod = 0;
  for (let p = 0; p < nP; p++) {
    const b = funds.reduce((s, f) => s + balances[p * nA + f], 0);
    if (b < minBalance) { minBalance = b; minPeriod = p; }
  }
  let deepest = 0;
  for (const f of [...funds, ...model.projects.map((x) => x.account)]) for (let p = 0; p < nP; p++) deepest = Math.min(deepest, balances[p * nA + f]);
  const opening = model.poolCapital.reduce((s, x) => s + x.amount, 0);
  const inflows = model.poolInflows.reduce((s, x) => s + x.amount, 0);
  const pool: PoolReport = {
    fund: funds.map((f) => model.accounts.list[f].id).join('+'),
    opening: fenToYuan(opening),
    inflows: fenToYuan(inflows),
    minBalance: fenToYuan(minBalance === Infinity ? 0 : minBalance),
    minPeriod: label(minPeriod),
    endBalance: fenToYuan(funds.reduce((s, f) => s + ledger.balances[f], 0)),
    shortfall: fenToYuan(-deepest),
    delays: out.delays.map((d) => ({ parcel: model.parcels[d.parcel].id, rule: d.rule, amount: fenToYuan(d.amount), due: label(d.duePeriod), paid: d.paidPeriod >= 0 ? label(d.paidPeriod) : null, months: d.paidPeriod >= 0 ? d.paidPeriod - d.duePeriod : null })),
  };
  if (model.shortfall === 'negative') {
    checks.push(check('pool.shortfall', deepest === 0, 'rule', deepest === 0 ? 'the funds never went negative' : `the funds went ${fenToYuan(-deepest)} 元 below zero (allowed by the scenario's shortfall policy "negative", reported here)`, deepest === 0 ? '资金池未出现负余额' : `资金池最低为 -${fenToYuan(-deepest)} 元（情景允许透支，特此报告）`, { ref: 'F-5' }));
  }
  if (out.delays.length > 0) {
    const unpaid = out.delays.filter((d) => d.paidPeriod < 0);
    checks.push(check('payments.delayed', unpaid.length === 0, 'rule', `${out.delays.length} payment(s) waited for money${unpaid.length ? `; ${unpaid.length} never paid within the timeline` : ''}`, `${out.delays.length} 笔支付因资金不足而延后${unpaid.length ? `，其中 ${unpaid.length} 笔至期末仍未支付` : ''}`, { ref: 'F-5' }));
  }
  for (const n of out.notes) checks.push(check(n.id, false, 'rule', n.message, n.messageZh, { ref: 'B-7' }));
  return { pool, checks };
}
