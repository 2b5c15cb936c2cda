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
import { Decimal, fenToYuan, type Fen } from './money';
import { RULE_IDS, RULES, ruleIndex } from './rules';
import { NONE } from './ledger';
import { check, type Check } from './check';
import type { RunOutput } from './run';
import type { Text } from './model';
import { COVERAGE_BASIS_TEXT, projectCoverage, type Coverage, type CoverageBasis } from './coverage';

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
  fees: Money;
  principalRepaid: Money;
  earlyRedeemed: Money;
  rolledOver: Money;
  fiscalSupport: Money;
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
  schedule: { period: string; interest: Money; principal: Money; fees: Money; rollover: Money; fiscalSupport: Money }[];
}

export interface ZoneReport {
  id: string;
  name: Text;
  mode: 'pooled' | 'closed';
  revenue: Money;
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


export function fundingReport(out: RunOutput, balances: Float64Array): FundingReport {
  const { model, ledger } = out;
  const nP = model.timeline.months;
  const nA = ledger.accountCount;
  const label = (p: number) => model.periodLabels[p];
  const line = RULE_IDS.map((id) => RULES.get(id)!.line);
  const rule = (id: string) => ruleIndex(id);
  const RI = {
    receipt: rule('sale.receipt'), costRecovery: rule('sale.costRecovery'), devComp: rule('zone.developerCompensation'),
    interest: rule('bond.interest'), topUp: rule('funding.fiscalTopUp'), bridge: rule('funding.bridge'), support: rule('bond.fiscalSupport'),
    fees: [rule('bond.issuanceFee'), rule('bond.registrationFee'), rule('bond.redemptionFee')],
    poolCapital: rule('funding.poolCapital'), poolInflow: rule('funding.poolInflow'),
  };
  const isProvision = RULE_IDS.map((id) => id.startsWith('provision.'));
  const isFee = RULE_IDS.map((_, r) => RI.fees.includes(r));
  const checks: Check[] = [];

  // Programme net and per-zone flows, one pass over the postings.
  const periodNet = new Float64Array(nP);
  const nZ = model.zones.length;
  const zRevenue = new Float64Array(nZ), zProv = new Float64Array(nZ), zCost = new Float64Array(nZ), zSupport = new Float64Array(nZ);
  const zNet = new Float64Array(nZ * nP);
  const devComp = new Float64Array(nZ), devCost = new Float64Array(nZ);
  const devZone = new Map<number, number>();
  model.zones.forEach((z, i) => { if (z.developer) devZone.set(z.developer.account, i); });
  const fundZone = new Map<number, number>();
  if (model.zoneMode === 'closed') model.zones.forEach((z, i) => fundZone.set(z.fund, i));
  let financingCost = 0;
  for (let i = 0; i < ledger.length; i++) {
    const r = ledger.rule[i];
    const a = ledger.amount[i];
    const p = ledger.period[i];
    const z = ledger.zone[i];
    if (r === RI.costRecovery || r === RI.devComp) periodNet[p] += a;
    else if (line[r] === 'use') periodNet[p] -= a;
    if (r === RI.interest || isFee[r]) { periodNet[p] -= a; financingCost += a; }
    if (r === RI.poolInflow) periodNet[p] += a;
    if (z !== NONE) {
      if (r === RI.receipt) { zRevenue[z] += a; zNet[z * nP + p] += a; }
      else if (isProvision[r]) { zProv[z] += a; zNet[z * nP + p] -= a; }
      else if (line[r] === 'use' && !devZone.has(ledger.from[i])) { zCost[z] += a; zNet[z * nP + p] -= a; }
      else if (r === RI.devComp) { zCost[z] += a; zNet[z * nP + p] -= a; devComp[z] += a; }
    }
    const dz = devZone.get(ledger.from[i]);
    if (dz !== undefined) devCost[dz] += a;
    if (z !== NONE && (r === RI.topUp || r === RI.bridge || r === RI.support)) zSupport[z] += a;
  }
  const peakOf = (net: (p: number) => number) => {
    let cum = 0;
    let min = 0;
    for (let p = 0; p < nP; p++) { cum += net(p); if (cum < min) min = cum; }
    return -min;
  };
  const peakFundingNeed = peakOf((p) => periodNet[p]);

  // Bonds: each bond's coverage is its project's — the project's income within the bonds' life over
  // all of the project's principal and interest (coverage.ts).
  const floor = new Decimal(model.coverageFloor.num).div(model.coverageFloor.den);
  const warn = new Decimal(model.coverageWarn.num).div(model.coverageWarn.den);
  const basisText = COVERAGE_BASIS_TEXT[model.coverageBasis];
  const coverageOf = new Map<number, Coverage>();
  const cover = (project: number) => {
    let c = coverageOf.get(project);
    if (!c) coverageOf.set(project, (c = projectCoverage(out, project)));
    return c;
  };
  const bonds: BondReport[] = out.bonds.map((s) => {
    const b = s.bond;
    const c = cover(b.project);
    const afterYears = b.callPeriod >= 0 ? (b.callPeriod - b.issuePeriod) / 12 : 0;
    return {
      id: b.id,
      name: b.name,
      rolloverOf: s.rolloverOf,
      project: b.project >= 0 ? model.projects[b.project].id : null,
      principal: fenToYuan(b.principal),
      couponRate: b.rate.text,
      issue: label(b.issuePeriod),
      maturity: b.maturityPeriod < nP ? label(b.maturityPeriod) : `${label(nP - 1)}+`,
      termYears: b.termYears,
      termText: afterYears > 0 ? `${afterYears}+${b.termYears - afterYears}` : String(b.termYears),
      repaidAtOption: s.called,
      repaid: s.maturity < nP ? label(s.maturity) : null,
      interest: fenToYuan(s.interestPaid),
      fees: fenToYuan(s.feesPaid),
      principalRepaid: fenToYuan(s.principalPaid),
      earlyRedeemed: fenToYuan(s.earlyRedeemed),
      rolledOver: fenToYuan(s.rolledOver),
      fiscalSupport: fenToYuan(s.fiscalSupport),
      outstandingAtEnd: fenToYuan(s.outstanding),
      coverageBasis: model.coverageBasis,
      coverageWindowEnd: label(c.windowEnd),
      available: fenToYuan(c.available),
      incomeAfterLife: fenToYuan(c.incomeAfterLife),
      debtService: fenToYuan(c.debtService),
      coverageRatio: c.ratio,
      coverageByYear: c.byYear.map((y) => ({ year: y.year, available: fenToYuan(y.available), debtService: fenToYuan(y.debtService), ratio: y.ratio, carryIn: fenToYuan(y.carryIn), ratioWithCarry: y.ratioWithCarry })),
      schedule: s.schedule.map((r) => ({ period: label(r.period), interest: fenToYuan(r.interest), principal: fenToYuan(r.principal), fees: fenToYuan(r.fees), rollover: fenToYuan(r.rollover), fiscalSupport: fenToYuan(r.fiscalSupport) })),
    };
  });
  out.bonds.forEach((s) => {
    if (s.rolloverOf) return;
    const c = cover(s.bond.project);
    const r = c.ratio === null ? null : new Decimal(c.ratio);
    const ok = r !== null && r.gte(floor);
    const late = c.incomeAfterLife > 0 ? { en: `; ${fenToYuan(c.incomeAfterLife)} 元 arriving after ${label(c.windowEnd)} not counted`, zh: `；${label(c.windowEnd)} 后到账的 ${fenToYuan(c.incomeAfterLife)} 元不计入` } : { en: '', zh: '' };
    checks.push(check('bond.coverageFloor', ok, 'rule',
      r === null ? `${s.bond.id}: no debt service, no coverage` : `${s.bond.id}: coverage ${c.ratio}× ${ok ? '≥' : '<'} floor ${floor.toFixed()}×${!ok && r.lt(warn) ? ` (below the ${warn.toFixed()}× warning level)` : ''} (${basisText.en} over principal and interest${late.en})`,
      r === null ? `${s.bond.id}：无还本付息，不计算覆盖倍数` : `${s.bond.id}：本息覆盖倍数 ${c.ratio}，${ok ? '不低于' : '低于'}下限 ${floor.toFixed()}${!ok && r.lt(warn) ? `（低于 ${warn.toFixed()} 预警线）` : ''}（${basisText.zh} ÷ 本息合计${late.zh}）`,
      { ref: 'B-14, B-16' }));
    if (s.outstanding > 0) checks.push(check('bond.repaid', false, 'rule', `${s.bond.id}: ${fenToYuan(s.outstanding)} 元 still outstanding at the end of the timeline`, `${s.bond.id}：测算期末仍有 ${fenToYuan(s.outstanding)} 元未偿还`, { ref: 'B-7' }));
  });
  const supportPaid = out.bonds.reduce((s, b) => s + b.fiscalSupport, 0);
  if (supportPaid > 0) {
    const left = out.debtSupportOutstanding;
    checks.push(check('bond.fiscalSupport', left === 0, 'rule',
      left === 0 ? `the budget advanced ${fenToYuan(supportPaid)} 元 of debt service before the sale income arrived; the projects' income returned all of it` : `the budget paid ${fenToYuan(left)} 元 of debt service the land income never covered (of ${fenToYuan(supportPaid)} 元 advanced)`,
      left === 0 ? `财政垫付偿债资金 ${fenToYuan(supportPaid)} 元（出让收入到账前），已由项目出让收入全部归还` : `土地收入不足偿债，财政最终负担 ${fenToYuan(left)} 元（共垫付 ${fenToYuan(supportPaid)} 元）`,
      { ref: 'B-13' }));
  }
  const projects = model.projects.map((p, i) => {
    const c = cover(i);
    const hasBond = out.bonds.some((s) => s.bond.project === i);
    return { id: p.id, name: p.name, parcels: p.parcels.map((x) => model.parcels[x].id), coverageRatio: hasBond ? c.ratio : null, available: fenToYuan(c.available), debtService: fenToYuan(hasBond ? c.debtService : 0) };
  });

  // Zones.
  const zones: ZoneReport[] = model.zones.map((z, i) => {
    const dev = z.developer;
    const peak = peakOf((p) => zNet[i * nP + p]);
    let cum = 0;
    const byPeriod = model.periodLabels.map((period, p) => { cum += zNet[i * nP + p]; return { period, net: fenToYuan(zNet[i * nP + p]), cumulative: fenToYuan(cum) }; });
    let devPeak = 0;
    if (dev) for (let p = 0; p < nP; p++) devPeak = Math.max(devPeak, -balances[p * nA + dev.account]);
    const balance = zRevenue[i] - zProv[i] - zCost[i];
    return {
      id: z.id,
      name: z.name,
      mode: model.zoneMode,
      revenue: fenToYuan(zRevenue[i]),
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

  // The pool: the reserve fund (pooled) — or, in closed operation, all zone funds together.
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
  return { bonds, projects, zones, pool, peakFundingNeed, financingCost, periodNet, checks };
}
