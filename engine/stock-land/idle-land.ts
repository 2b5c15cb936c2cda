/**
 * Idle land (闲置土地), 《闲置土地处置办法》国土资源部令第53号 (DOMAIN I-1…I-4, seed 004):
 *   idle  — development not started ≥ 1 year after the start date in the sale contract or
 *           allocation decision; or started, but developed area < 1/3 of the area due or investment
 *           < 25 % of the total, and construction suspended ≥ 1 year;
 *   fee   — idle ≥ 1 year by the holder's fault: 土地闲置费 = 20 % of the land price;
 *   recover — idle ≥ 2 years by the holder's fault: recovered without compensation (无偿收回);
 *   government-caused idleness is negotiated instead (extension, change of use, paid recovery…).
 * Worked example: a 12.5 亩 parcel sold for 500 万元 with start date 2020-03-01 and no work by
 * 2021-03-01 is idle (fee 100 万元); on 2022-03-01 it becomes recoverable, and `recoveredParcels`
 * turns it into a reserve parcel {area "12.5亩", acquisition idleRecovery, price "0元", 2022-03-01}.
 */
import { dec, mulRate, parseRate, type Decimal, type Fen, type Rate } from '../money';
import { problem, type Problem } from '../problem';
import { isIsoDate, moneyAt, path, readArray, readDate, readEnum, readObject, readString, rateText } from '../evaluation/fields';
import { muText, parseAreaMu } from './area-mu';

export type IdleCause = 'holder' | 'government';

export interface IdleLandCase {
  readonly id: string;
  readonly name: string;
  readonly areaMu: Decimal;
  /** 出让价款 or 划拨价款 */
  readonly landPriceFen: Fen;
  /** The start date agreed in the contract / allocation decision (约定动工开发日期). */
  readonly contractStartDate: string;
  /** When development actually started, if it has. */
  readonly startedDate: string | null;
  /** Share of the area due that is developed (0.2); with investedShare, for started land. */
  readonly developedShare: Decimal | null;
  /** Share of the total investment spent (0.1). */
  readonly investedShare: Decimal | null;
  /** Construction suspended since. */
  readonly suspendedSince: string | null;
  readonly cause: IdleCause;
  /** When the recovery is dated, if not the day it becomes possible. */
  readonly recoveryDate: string | null;
}

export interface IdleLandRules {
  readonly idleAfterYears: number;
  readonly feeRate: Rate;
  readonly recoverAfterYears: number;
  readonly developedShareBelow: Decimal;
  readonly investedShareBelow: Decimal;
}

/** 国土资源部令第53号. */
export const IDLE_LAND_RULES_53: IdleLandRules = {
  idleAfterYears: 1,
  feeRate: parseRate('20%')!,
  recoverAfterYears: 2,
  developedShareBelow: dec('1').div(3),
  investedShareBelow: dec('0.25'),
};

export type IdleAction = 'none' | 'idleFee' | 'recoverWithoutCompensation' | 'negotiate';

export interface IdleAssessment {
  readonly caseId: string;
  readonly idle: boolean;
  /** notStarted: never started; stalled: started, under 1/3 developed or 25 % invested, suspended. */
  readonly basis: 'notStarted' | 'stalled' | null;
  /** The date the idle period is counted from (contract start date or suspension date). */
  readonly countedFrom: string | null;
  /** The day it becomes idle (countedFrom + 1 year). */
  readonly idleFrom: string | null;
  /** The day it can be recovered without compensation (countedFrom + 2 years). */
  readonly recoverableFrom: string | null;
  readonly action: IdleAction;
  /** 土地闲置费 due (holder's fault, idle ≥ 1 year), in fen. */
  readonly feeFen: Fen;
}

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(5);
  if (md === '02-29' && !isIsoDate(`${y}-02-29`)) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whether a case is idle on `asOf` (YYYY-MM-DD) and what follows. */
export function assessIdleLand(c: IdleLandCase, asOf: string, rules: IdleLandRules = IDLE_LAND_RULES_53): IdleAssessment {
  const none: IdleAssessment = { caseId: c.id, idle: false, basis: null, countedFrom: null, idleFrom: null, recoverableFrom: null, action: 'none', feeFen: 0 };
  const started = c.startedDate !== null && c.startedDate <= asOf;
  let basis: 'notStarted' | 'stalled' | null = null;
  let countedFrom: string | null = null;
  if (!started) {
    basis = 'notStarted';
    countedFrom = c.contractStartDate;
  } else if (c.suspendedSince !== null && c.suspendedSince <= asOf) {
    const under = (c.developedShare !== null && c.developedShare.lt(rules.developedShareBelow)) || (c.investedShare !== null && c.investedShare.lt(rules.investedShareBelow));
    if (under) {
      basis = 'stalled';
      countedFrom = c.suspendedSince;
    }
  }
  if (basis === null || countedFrom === null) return none;
  const idleFrom = addYears(countedFrom, rules.idleAfterYears);
  if (asOf < idleFrom) return none;
  const recoverableFrom = addYears(countedFrom, rules.recoverAfterYears);
  if (c.cause === 'government') return { caseId: c.id, idle: true, basis, countedFrom, idleFrom, recoverableFrom: null, action: 'negotiate', feeFen: 0 };
  const feeFen = mulRate(c.landPriceFen, rules.feeRate);
  const action: IdleAction = asOf >= recoverableFrom ? 'recoverWithoutCompensation' : 'idleFee';
  return { caseId: c.id, idle: true, basis, countedFrom, idleFrom, recoverableFrom, action, feeFen };
}

/**
 * A reserve parcel for a funding scenario: plain data in the scenario's parcel shape (areas and
 * money as strings with units), nothing else, so it can be dropped into `parcels`.
 */
export interface RecoveredParcel {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly acquisition: { readonly mode: 'idleRecovery'; readonly price: '0元'; readonly date: string };
}

/** A recovered parcel with the assessment that made it (rule I-3), for traces. */
export interface IdleRecovery {
  readonly parcel: RecoveredParcel;
  readonly assessment: IdleAssessment;
}

/**
 * The cases recoverable without compensation on `asOf`, each as a parcel acquired at no price on
 * its recovery date (the case's recoveryDate when later, else the day recovery became possible).
 */
export function idleRecoveries(cases: readonly IdleLandCase[], asOf: string, rules: IdleLandRules = IDLE_LAND_RULES_53): IdleRecovery[] {
  const out: IdleRecovery[] = [];
  for (const c of cases) {
    const a = assessIdleLand(c, asOf, rules);
    const date = recoveryDateOf(c, a);
    if (a.action !== 'recoverWithoutCompensation' || date === null) continue;
    out.push({ parcel: { id: c.id, name: c.name, area: muText(c.areaMu), acquisition: { mode: 'idleRecovery', price: '0元', date } }, assessment: a });
  }
  return out;
}

/**
 * When the land is recovered: for a case being recovered, its recoveryDate when later than the day
 * recovery became possible, else that day; for a case still at the fee stage, the day recovery
 * becomes possible; otherwise null.
 */
export function recoveryDateOf(c: IdleLandCase, a: IdleAssessment): string | null {
  if (a.recoverableFrom === null) return null;
  if (a.action !== 'recoverWithoutCompensation') return a.recoverableFrom;
  return c.recoveryDate !== null && c.recoveryDate > a.recoverableFrom ? c.recoveryDate : a.recoverableFrom;
}

/** Just the parcel records of `idleRecoveries`. */
export function recoveredParcels(cases: readonly IdleLandCase[], asOf: string, rules: IdleLandRules = IDLE_LAND_RULES_53): RecoveredParcel[] {
  return idleRecoveries(cases, asOf, rules).map((r) => r.parcel);
}

/** Reads idle-land cases from JSON (areas "12.5亩", prices "500万元", dates YYYY-MM-DD, shares "20%"). */
export function parseIdleLandCases(value: unknown, at: string): { cases: IdleLandCase[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const list = readArray(value, at, problems) ?? [];
  const cases: IdleLandCase[] = [];
  list.forEach((x, i) => {
    const cp = path(at, i);
    const o = readObject(x, cp, problems);
    if (!o) return;
    const before = problems.length;
    const id = readString(o, 'id', cp, problems);
    const name = readString(o, 'name', cp, problems);
    const areaMu = typeof o.area === 'string' ? parseAreaMu(o.area) : null;
    if (areaMu === null) problems.push(problem('area.format', path(cp, 'area'), o.area, { en: 'an area with its unit, e.g. "12.5亩"', zh: '带单位的面积，如 "12.5亩"' }));
    const landPriceFen = moneyAt(o.landPrice, path(cp, 'landPrice'), problems, { en: 'money with its unit, e.g. "500万元"', zh: '带单位的金额，如 "500万元"' });
    const contractStartDate = readDate(o, 'contractStartDate', cp, problems);
    const startedDate = readDate(o, 'startedDate', cp, problems, true);
    const suspendedSince = readDate(o, 'suspendedSince', cp, problems, true);
    const recoveryDate = readDate(o, 'recoveryDate', cp, problems, true);
    const share = (key: string): Decimal | null => {
      if (o[key] === undefined) return null;
      const r = typeof o[key] === 'string' ? rateText(o[key] as string) : null;
      if (r === null || r.isNegative() || r.gt(1)) problems.push(problem('rate.format', path(cp, key), o[key], { en: 'a share from "0%" to "100%"', zh: '0% 至 100% 的比例' }));
      return r;
    };
    const developedShare = share('developedShare');
    const investedShare = share('investedShare');
    const cause = o.cause === undefined ? 'holder' : readEnum(o, 'cause', cp, ['holder', 'government'] as const, problems);
    if (startedDate !== null && contractStartDate !== null && suspendedSince !== null && suspendedSince < startedDate) {
      problems.push(problem('schema.range', path(cp, 'suspendedSince'), suspendedSince, { en: `a date on or after startedDate (${startedDate})`, zh: `不早于开工日期（${startedDate}）的日期` }));
    }
    if (problems.length > before || !id || !name || !areaMu || landPriceFen === null || !contractStartDate || !cause) return;
    cases.push({ id, name, areaMu, landPriceFen, contractStartDate, startedDate, developedShare, investedShare, suspendedSince, cause, recoveryDate });
  });
  return { cases, problems };
}
