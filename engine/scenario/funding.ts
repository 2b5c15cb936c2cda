/**
 * The funding side of a scenario → its model: zones with their funds and 做地 developers, bond
 * projects, special bonds, the fund pool, budget appropriations and fiscal pre-allocations.
 *
 * Closed operation (封闭运行) gives every zone its own fund account; pooled operation routes every
 * zone through the one reserve fund. A bond's proceeds go to its project's account, so they can
 * pay any parcel of that project and no other (B-9). Issuance over a year's quota is refused;
 * a term over five years (62号) is refused or reported, as the scenario's rulePolicy says.
 */
import type { ChartOfAccounts } from '../accounts';
import { fenToWan, lcm, parseMoney, parseRate, type Fen, type Rate } from '../money';
import type { ParameterSet } from '../parameters';
import { joinPath, problem, type Problem } from '../problem';
import { check, type Check } from '../check';
import { periodLabel, yearOf, type Timeline } from '../timeline';
import type { BondModel, FundInflow, PreAllocationModel, ProjectModel, Text, ZoneModel } from '../model';
import { datePeriod } from './payments';
import { toText } from './text';

type RawText = string | { zh?: string; en?: string };

export interface RawFunding {
  zoneMode?: 'pooled' | 'closed';
  zones?: { id: string; name?: RawText; developer?: { name?: RawText; compensationRate: string }; opening?: string }[];
  projects?: { id: string; name?: RawText; parcels: string[] }[];
  funding?: {
    appropriations?: { date: string; amount: string; name?: RawText; zone?: string }[];
    shortfall?: 'fiscalTopUp' | 'wait' | 'bridge' | 'negative';
    pool?: { opening?: string; date?: string; landIncomeFundShare?: string; inflows?: { date: string; amount: string; name?: RawText; zone?: string }[] };
    preAllocations?: { id: string; date: string; amount: string; zone?: string; repay?: 'fromCostRecovery' | 'onDate'; repayDate?: string }[];
  };
  bonds?: {
    id: string; name?: RawText; issueDate: string; principal: string; couponRate: string; termYears: number; couponFrequency?: 1 | 2;
    repayment?: 'bullet' | 'amortizing'; earlyRedemptionFromSales?: boolean; project?: string; zone?: string;
    fees?: { issuance?: string; registration?: string; redemption?: string }; atMaturity?: 'fiscal' | 'rollover'; rolloverTermYears?: number;
    /** 含权: the issuer may repay the principal early after `afterYears` (a 5+2 bond: termYears 7, afterYears 5). */
    earlyRepaymentOption?: { afterYears: number; exercise?: 'ifFunded' | 'always' | 'never' };
  }[];
  bondPolicy?: { quota?: { year: number; amount: string }[]; coverageBasis?: 'gross' | 'netOfProvisions' | 'netOfProvisionsAndCosts' };
  adjustments?: { rateShiftBp?: number };
  rulePolicy?: { bondTermOverLimit?: 'error' | 'warning' };
}

export interface ZonesAndProjects {
  readonly zones: ZoneModel[];
  readonly zoneIndex: Map<string, number>;
  readonly projects: ProjectModel[];
  readonly projectOfParcel: Map<string, number>;
}

/** Zones (with their funds and developers) and projects; run before the parcels, which refer to both. */
export function normalizeZonesAndProjects(
  s: RawFunding,
  parcelIds: readonly string[],
  accounts: ChartOfAccounts,
  problems: Problem[],
  zoneList: { id: string; name?: RawText }[],
): ZonesAndProjects {
  const closed = s.zoneMode === 'closed';
  const reserveFund = accounts.idx('reserveFund');
  const declared = new Map((s.zones ?? []).map((z) => [z.id, z]));
  const zones: ZoneModel[] = zoneList.map((z) => {
    const name = toText(z.name, z.id);
    const dev = declared.get(z.id)?.developer;
    return {
      id: z.id,
      name,
      fund: closed ? accounts.add({ id: `zoneFund:${z.id}`, kind: 'fund', zh: `${name.zh}片区资金（封闭运行）`, en: `${name.en} zone fund (closed)` }) : reserveFund,
      developer: dev
        ? { name: toText(dev.name, `${name.zh}做地主体`), rate: parseRate(dev.compensationRate)!, account: accounts.add({ id: `developer:${z.id}`, kind: 'actor', zh: `${toText(dev.name, '做地主体').zh}（${name.zh}）`, en: `Developer (${name.en})` }) }
        : null,
    };
  });
  const zoneIndex = new Map(zones.map((z, i) => [z.id, i]));
  const projectOfParcel = new Map<string, number>();
  // Each parcel id's first index, made only when there are projects to look parcels up for.
  const indexOfId = new Map<string, number>();
  if (s.projects?.length) for (let i = parcelIds.length - 1; i >= 0; i--) indexOfId.set(parcelIds[i], i);
  const projects: ProjectModel[] = (s.projects ?? []).map((p, i) => {
    const path = `projects[${i}]`;
    const parcels: number[] = [];
    p.parcels.forEach((id, j) => {
      if (!indexOfId.has(id)) problems.push(problem('ref.unknown', joinPath(path, 'parcels', j), id, { en: 'the id of a parcel in this scenario', zh: '本情景中宗地的编号' }));
      else if (projectOfParcel.has(id)) problems.push(problem('ref.duplicate', joinPath(path, 'parcels', j), id, { en: 'a parcel in one project only (B-9: money moves within a project, never across)', zh: '每宗地只属于一个项目（资金只能在同一项目内调剂）' }));
      else {
        projectOfParcel.set(id, i);
        parcels.push(indexOfId.get(id)!);
      }
    });
    const name = toText(p.name, p.id);
    return { id: p.id, name, parcels, account: accounts.add({ id: `project:${p.id}`, kind: 'fund', zh: `${name.zh}项目专户`, en: `${name.en} project account` }) };
  });
  return { zones, zoneIndex, projects, projectOfParcel };
}

export interface FundingModel {
  appropriations: FundInflow[];
  poolCapital: FundInflow[];
  poolInflows: FundInflow[];
  preAllocations: PreAllocationModel[];
  bonds: BondModel[];
  bondQuota: Map<number, Fen>;
}

export function normalizeFunding(
  s: RawFunding,
  t: Timeline,
  params: ParameterSet,
  accounts: ChartOfAccounts,
  zp: ZonesAndProjects,
  problems: Problem[],
  checks: Check[],
): FundingModel {
  const reserveFund = accounts.idx('reserveFund');
  const fundOfZone = (zone: string | undefined, path: string): number => {
    if (zone === undefined) return reserveFund;
    const z = zp.zoneIndex.get(zone);
    if (z === undefined) {
      problems.push(problem('ref.unknown', path, zone, { en: `one of the zones: ${[...zp.zoneIndex.keys()].join(', ')}`, zh: `已定义的片区之一：${[...zp.zoneIndex.keys()].join('、')}` }));
      return reserveFund;
    }
    return zp.zones[z].fund;
  };
  const inflow = (x: { date: string; amount: string; zone?: string }, path: string): FundInflow => ({
    period: datePeriod(t, x.date, joinPath(path, 'date'), problems),
    amount: parseMoney(x.amount)!,
    date: x.date,
    fund: fundOfZone(x.zone, joinPath(path, 'zone')),
  });
  const f = s.funding ?? {};
  const appropriations = (f.appropriations ?? []).map((a, i) => inflow(a, `funding.appropriations[${i}]`));
  const poolCapital: FundInflow[] = [];
  if (f.pool?.opening) {
    const date = f.pool.date ?? periodLabel(t, 0);
    if (s.zoneMode === 'closed' && zp.zones.length > 0) {
      // Closed operation: the pool's capital is the zones' own opening capital, stated per zone.
      (s.zones ?? []).forEach((z, i) => {
        if (z.opening) poolCapital.push(inflow({ date, amount: z.opening, zone: z.id }, `zones[${i}].opening`));
      });
      const stated = poolCapital.reduce((a, x) => a + x.amount, 0);
      const opening = parseMoney(f.pool.opening)!;
      if (stated !== opening) {
        problems.push(problem('schema.range', 'funding.pool.opening', f.pool.opening, { en: `in closed operation, the sum of zones[].opening (${fenToWan(stated)} 万元)`, zh: `封闭运行时应等于各片区 opening 之和（${fenToWan(stated)} 万元）` }));
      }
    } else {
      poolCapital.push(inflow({ date, amount: f.pool.opening }, 'funding.pool'));
    }
  }
  const poolInflows = (f.pool?.inflows ?? []).map((x, i) => inflow(x, `funding.pool.inflows[${i}]`));
  const preAllocations: PreAllocationModel[] = (f.preAllocations ?? []).map((a, i) => {
    const path = `funding.preAllocations[${i}]`;
    const repay = a.repay ?? 'fromCostRecovery';
    if (repay === 'onDate' && !a.repayDate) problems.push(problem('schema.required', joinPath(path, 'repayDate'), undefined, { en: 'the date the advance is returned', zh: '预拨资金返还日期' }));
    return {
      id: a.id,
      date: a.date,
      period: datePeriod(t, a.date, joinPath(path, 'date'), problems),
      amount: parseMoney(a.amount)!,
      fund: fundOfZone(a.zone, joinPath(path, 'zone')),
      repay,
      repayPeriod: repay === 'onDate' && a.repayDate ? datePeriod(t, a.repayDate, joinPath(path, 'repayDate'), problems) : -1,
    };
  });

  const bondQuota = new Map<number, Fen>((s.bondPolicy?.quota ?? []).map((q) => [q.year, parseMoney(q.amount)!]));
  const shiftBp = s.adjustments?.rateShiftBp ?? 0;
  const issuedByYear = new Map<number, Fen>();
  const bonds: BondModel[] = [];
  (s.bonds ?? []).forEach((b, i) => {
    const path = `bonds[${i}]`;
    const name = toText(b.name, b.id);
    const issuePeriod = datePeriod(t, b.issueDate, joinPath(path, 'issueDate'), problems);
    const maturityPeriod = issuePeriod + b.termYears * 12;
    if (maturityPeriod >= t.months) {
      problems.push(problem('date.outsideTimeline', joinPath(path, 'termYears'), b.termYears, {
        en: `a term that matures by ${periodLabel(t, t.months - 1)} (it matures ${periodLabel(t, maturityPeriod)}) — extend timeline.months`,
        zh: `在 ${periodLabel(t, t.months - 1)} 前到期的期限（现于 ${periodLabel(t, maturityPeriod)} 到期）——请延长测算期`,
      }));
    }
    // The term limit in force when the bond is issued: 5 years under 62号, set "reasonably" since 2025 (B-6).
    const limit = params.valueOn('bond.maxTermYears', `${periodLabel(t, Math.max(0, issuePeriod))}-01`) ?? { raw: params.months('bond.maxTermYears'), source: '财预〔2017〕62号' };
    const maxTerm = Number(limit.raw);
    const option = b.earlyRepaymentOption;
    if (option && !(option.afterYears >= 1 && option.afterYears < b.termYears)) {
      problems.push(problem('schema.range', joinPath(path, 'earlyRepaymentOption.afterYears'), option.afterYears, { en: `a whole number of years from 1 to ${b.termYears - 1} (before the ${b.termYears}-year maturity)`, zh: `1 至 ${b.termYears - 1} 之间的整数年（早于 ${b.termYears} 年到期日）` }));
    }
    if (b.termYears > maxTerm) {
      const msg = { en: `${b.id}: a ${b.termYears}-year term exceeds the ${maxTerm}-year limit in force at issue (${limit.source})`, zh: `${b.id}：期限 ${b.termYears} 年，超过发行时适用的 ${maxTerm} 年上限（${limit.source}）` };
      if ((s.rulePolicy?.bondTermOverLimit ?? 'warning') === 'error') problems.push(problem('rule.bondTerm', joinPath(path, 'termYears'), b.termYears, { en: `at most ${maxTerm} years`, zh: `不超过 ${maxTerm} 年` }, { en: `${joinPath(path, 'termYears')}: ${msg.en}`, zh: `${joinPath(path, 'termYears')}：${msg.zh}` }));
      else checks.push(check('rule.bondTerm', false, 'rule', msg.en, msg.zh, { ref: 'B-6' }));
    }
    const principal = parseMoney(b.principal)!;
    const year = yearOf(t, issuePeriod);
    issuedByYear.set(year, (issuedByYear.get(year) ?? 0) + principal);
    const quota = bondQuota.get(year);
    if (quota !== undefined && issuedByYear.get(year)! > quota) {
      problems.push(problem('rule.bondQuota', joinPath(path, 'principal'), b.principal, { en: `issuance within the ${year} quota of ${fenToWan(quota)} 万元 (this bond brings ${year} to ${fenToWan(issuedByYear.get(year)!)} 万元)`, zh: `${year} 年发行不超过限额 ${fenToWan(quota)} 万元（本只债券使当年发行达 ${fenToWan(issuedByYear.get(year)!)} 万元）` }));
    }
    let project = -1;
    if (b.project !== undefined) {
      project = zp.projects.findIndex((p) => p.id === b.project);
      if (project < 0) problems.push(problem('ref.unknown', joinPath(path, 'project'), b.project, { en: `one of the projects: ${zp.projects.map((p) => p.id).join(', ') || '(none declared)'}`, zh: `已定义的项目之一：${zp.projects.map((p) => p.id).join('、') || '（未定义项目）'}` }));
    }
    const rate = shiftRate(parseRate(b.couponRate)!, shiftBp);
    if (rate.num < 0) problems.push(negativeCoupon(b.id, shiftBp));
    const fee = (x: string | undefined) => parseRate(x ?? '0%')!;
    const rollover = b.atMaturity === 'rollover';
    bonds.push({
      index: bonds.length,
      id: b.id,
      name,
      principal,
      rate,
      couponMonths: 12 / (b.couponFrequency ?? 1),
      issuePeriod,
      maturityPeriod,
      termYears: b.termYears,
      callPeriod: option ? issuePeriod + option.afterYears * 12 : -1,
      callExercise: option?.exercise ?? 'ifFunded',
      amortizing: b.repayment === 'amortizing',
      earlyRedemption: b.earlyRedemptionFromSales ?? false,
      project,
      fund: fundOfZone(b.zone, joinPath(path, 'zone')),
      issuanceFee: fee(b.fees?.issuance),
      registrationFee: fee(b.fees?.registration),
      redemptionFee: fee(b.fees?.redemption),
      atMaturity: rollover ? 'rollover' : 'fiscal',
      rolloverTermYears: b.rolloverTermYears ?? 3,
      holders: accounts.add({ id: `bondholders:${b.id}`, kind: 'external', zh: `${name.zh}持有人`, en: `${name.en} holders` }),
      agent: accounts.add({ id: `bondAgent:${b.id}`, kind: 'external', zh: `${name.zh}发行兑付机构`, en: `${name.en} agents` }),
      rolloverHolders: rollover ? accounts.add({ id: `bondholders:${b.id}-R`, kind: 'external', zh: `${name.zh}（周转偿还）持有人`, en: `${name.en} rollover holders` }) : -1,
      rolloverAgent: rollover ? accounts.add({ id: `bondAgent:${b.id}-R`, kind: 'external', zh: `${name.zh}（周转偿还）发行兑付机构`, en: `${name.en} rollover agents` }) : -1,
      isRollover: false,
    });
  });
  return { appropriations, poolCapital, poolInflows, preAllocations, bonds, bondQuota };
}

/** The problem of a rate shift that leaves a bond's coupon below zero. */
export function negativeCoupon(bondId: string, shiftBp: number): Problem {
  return problem('schema.range', 'adjustments.rateShiftBp', shiftBp, { en: `a shift that leaves ${bondId}'s coupon non-negative`, zh: `不使 ${bondId} 票面利率为负的调整` });
}

/** A coupon shifted by whole basis points, exactly: 3.2% + 100 bp = 4.2%. */
export function shiftRate(rate: Rate, bp: number): Rate {
  if (bp === 0) return rate;
  const den = lcm(rate.den, 10000);
  const num = rate.num * (den / rate.den) + bp * (den / 10000);
  return { num, den, text: `${rate.text}${bp > 0 ? '+' : ''}${bp}bp` };
}


export type { Text };
