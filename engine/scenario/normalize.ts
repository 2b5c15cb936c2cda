/**
 * prepare(scenario): validate a scenario completely, then build the Model the run steps through.
 * Every problem is collected (schema first, then references, dates and rules); if there is any,
 * nothing runs and the caller gets the full list. What comes before the parcels is the frame
 * (scenario-frame.ts); the Model made at the end is model-assembly.ts's.
 */
import { AmountRangeError, dec, parseRate, type Rate } from '../money';
import { MAX_SCENARIO_TOTAL_FEN } from '../limits';
import { problem, type Problem } from '../problem';
import type { SplitRemainder } from '../revenue-split';
import { GOVERNMENT_LEVELS, PROVISIONS, PROVISION_KINDS, type ProvisionKind } from '../provision-catalogue';
import type { ParameterSet } from '../parameters';
import type { Check, PendingCheck } from '../check';
import type { Model, ParcelModel } from '../model';
import { normalizeParcel, type ParcelContext, type RawParcel, type RuleSeverity } from './parcel';
import { normalizeFunding, type RawFunding } from './funding';
import { parcelBasis, type BasisContext, type ParcelBasis } from './parcel-basis';
import { parcelRules } from './parcel-rules';
import type { Keep } from './parcel-reuse';
import { dupes, frame, type Frame } from './scenario-frame';
import { assembleModel } from './model-assembly';

export { dupes, frame, type Frame } from './scenario-frame';
export { assembleModel } from './model-assembly';

/** The scenario's funding: appropriations, pool, pre-allocations and bonds. */
export type Funding = ReturnType<typeof normalizeFunding>;

export type Prepared = { ok: true; model: Model } | { ok: false; problems: Problem[] };

export interface RawScenario {
  id: string;
  name?: string | { zh?: string; en?: string };
  description?: string | { zh?: string; en?: string };
  sources?: string[];
  timeline?: { start: string; months: number };
  jurisdiction?: string;
  asOf?: string;
  parameters?: Record<string, unknown>;
  rulePolicy?: Partial<Record<'serviceFeeOverCap' | 'leaseOverLimit' | 'managementFeeOverCap' | 'saleSchedule', RuleSeverity>>;
  provisions?: ProvisionKind[];
  tiers?: { id: string; name?: string | { zh?: string; en?: string }; entity?: string; level?: 'province' | 'city' | 'county'; collects?: boolean }[];
  split?: { ratios?: Record<string, string>; cases?: Record<string, Record<string, string>>; remainder?: SplitRemainder };
  ruralSpending?: { year: number; amount: string; name?: string }[];
  funding?: RawFunding['funding'];
  zoneMode?: 'pooled' | 'closed';
  adjustments?: { salePriceFactor?: string; saleDelayMonths?: number; costFactor?: string; rateShiftBp?: number };
  bondPolicy?: RawFunding['bondPolicy'];
  zones?: { id: string; name?: string | { zh?: string; en?: string }; developer?: { name?: string; compensationRate: string }; opening?: string }[];
  parcels?: RawParcel[];
  base?: string;
  set?: Record<string, unknown>;
  parcelsCsv?: string;
  parcelsXlsx?: { file: string; sheet?: string };
}

export function prepare(input: unknown): Prepared {
  const problems: Problem[] = [];
  const checks: PendingCheck[] = [];
  const f = frame(input, problems);
  if (!f) return { ok: false, problems };
  const factors = readAdjustments(f.s.adjustments, problems);
  dupes(f.rawParcels.map((p) => p.id), 'parcels', problems);
  const parcels = normalizeParcels(f, factors, problems, checks, (raw) => f.shareAccounts(raw));
  const fundingChecks: Check[] = [];
  const funding = withinExactRange('funding', problems, () => normalizeFunding(f.s as RawFunding, f.t, f.params, f.accounts, f.zp, problems, fundingChecks));
  checks.push(...fundingChecks, ...unverifiedChecks(f.params));
  checkRecipients(f, problems);
  if (problems.length > 0 || !funding) return { ok: false, problems };
  checkScenarioTotal(parcels, funding, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: assembleModel(f, parcels, funding, checks) };
}

/** The scenario's adjustments read as the parcels use them (a bad factor is a problem and no factor). */
export interface Adjustments {
  readonly costFactor: Rate | null;
  readonly priceFactor: Rate | null;
  readonly saleDelayMonths: number;
}

export function readAdjustments(a: RawScenario['adjustments'], problems: Problem[]): Adjustments {
  const factor = (text: string | undefined, path: string): Rate | null => {
    if (text === undefined) return null;
    const r = parseRate(text.trim());
    if (!r || r.num <= 0) {
      problems.push(problem('schema.range', path, text, { en: 'a factor above zero with at most 15 decimals, e.g. "0.9"', zh: '大于零的系数（至多15位小数），如 "0.9"' }));
      return null;
    }
    return r;
  };
  return {
    costFactor: factor(a?.costFactor, 'adjustments.costFactor'),
    priceFactor: factor(a?.salePriceFactor, 'adjustments.salePriceFactor'),
    saleDelayMonths: a?.saleDelayMonths ?? 0,
  };
}


/**
 * Every parcel of the frame under the adjustments; share accounts come from `shareAccounts` (added,
 * or already known); bases read once may be given, with the sections an earlier making of them
 * lends and where to note each parcel's checks (parcel-reuse.ts).
 */
export function normalizeParcels(f: Frame, a: Adjustments, problems: Problem[], checks: PendingCheck[], shareAccounts: (p: RawParcel, index: number) => number[], bases?: readonly ParcelBasis[], keep: Keep | null = null, bounds: Int32Array | null = null): ParcelModel[] {
  const ctx: ParcelContext = {
    t: f.t,
    params: f.params,
    rules: parcelRules(f.params),
    problems,
    checks,
    policy: f.policy,
    costFactor: a.costFactor,
    priceFactor: a.priceFactor,
    saleDelayMonths: a.saleDelayMonths,
    zoneIndex: f.zp.zoneIndex,
    zones: f.zp.zones,
    projectOfParcel: f.zp.projectOfParcel,
    reserveFund: f.accounts.idx('reserveFund'),
    splitIndex: f.splitIndex,
    shareAccounts,
    keep,
    bounds,
  };
  const read = basisContext(f);
  const out: ParcelModel[] = [];
  const raws = f.rawParcels;
  for (let i = 0; i < raws.length; i++) {
    const basis = bases ? bases[i] : parcelBasis(raws[i], i, read);
    try {
      out.push(normalizeParcel(basis, ctx));
    } catch (e) {
      if (!(e instanceof AmountRangeError)) throw e;
      problems.push(outOfRange(basis.path, e));
    }
  }
  return out;
}

/** What reading a parcel needs of the frame. */
export function basisContext(f: Frame): BasisContext {
  return { t: f.t, params: f.params, zoneIndex: f.zp.zoneIndex, splitIndex: f.splitIndex };
}

/**
 * Runs a normalisation step whose valid inputs may still multiply past the exact range
 * (an area at its limit × a unit price at its limit): that is a problem at `path`, not a crash.
 */
export function withinExactRange<T>(path: string, problems: Problem[], make: () => T): T | null {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof AmountRangeError)) throw e;
    problems.push(outOfRange(path, e));
    return null;
  }
}

function outOfRange(path: string, e: AmountRangeError): Problem {
  return problem('amount.range', path, undefined, { en: 'amounts the engine can hold exactly (price × area, factors and payments each at most 1万亿元)', zh: '引擎可精确表示的金额（单价×面积、系数与各笔款项均不超过 1万亿元）' }, { en: `${path}: its amounts pass what the engine holds exactly (${e.message}); at most 1万亿元 an amount`, zh: `${path}：金额超出引擎可精确表示的范围（${e.message}）；单笔不超过 1万亿元` });
}

/**
 * All of a scenario's money together stays within MAX_SCENARIO_TOTAL_FEN, so every sum the run and
 * the report make (cumulative balances, sources and uses, interest on top) is exact.
 */
export function checkScenarioTotal(parcels: readonly ParcelModel[], funding: Funding, problems: Problem[]): void {
  let total = 0;
  for (const p of parcels) total += p.acquisitionPlanned + p.serviceFee + p.developmentPlanned + p.managementFee + p.holdingPlanned + p.leasePlanned + (p.sale?.revenue ?? 0) + p.verifiedCost + p.socialSecurity;
  for (const b of funding.bonds) total += b.principal;
  for (const a of funding.preAllocations) total += a.amount;
  for (const x of [...funding.poolInflows, ...funding.poolCapital, ...funding.appropriations]) total += x.amount;
  if (total > MAX_SCENARIO_TOTAL_FEN) {
    problems.push(problem('amount.range', 'parcels', undefined, { en: 'amounts that add up to at most 10万亿元 over the scenario', zh: '全部金额合计不超过 10万亿元' }, { en: `the scenario's amounts add up to more than 10万亿元 (10^13 元), past what the engine sums exactly`, zh: `情景全部金额合计超过 10万亿元（10^13 元），超出引擎可精确求和的范围` }));
  }
}

/** Parameters tagged [C] are defaults nobody has confirmed, and those used before their first date: say so in the checks. */
export function unverifiedChecks(params: ParameterSet): Check[] {
  const unverified = [...params.resolved.values()].filter((r) => r.confidence === 'C');
  return [...params.notices, ...unverified.map((r) => ({ id: 'parameter.unverified', ok: true, severity: 'info', message: `parameter ${r.key} = ${JSON.stringify(r.raw)} is an unverified default [C] (${r.source})`, messageZh: `参数 ${r.key} = ${JSON.stringify(r.raw)} 为未经核实的默认值［C］（${r.source}）`, ref: r.ref }) as Check)];
}



/**
 * A provision's recipients name only the government levels the catalogue knows and give one of
 * them a share: weights that name no level (or all zero) would send the provision nowhere.
 */
function checkRecipients(f: Frame, problems: Problem[]): void {
  const enabled = f.s.provisions ?? [...PROVISION_KINDS];
  for (const def of PROVISIONS.filter((d) => enabled.includes(d.id))) {
    const who = f.params.weights(def.recipients);
    if (!who) continue;
    const unknown = Object.keys(who).filter((k) => !(GOVERNMENT_LEVELS as readonly string[]).includes(k));
    const positive = GOVERNMENT_LEVELS.some((l) => Object.hasOwn(who, l) && !dec(who[l]).isZero());
    if (unknown.length === 0 && positive) continue;
    problems.push(problem('parameter.value', `parameters["${def.recipients}"]`, who, {
      en: `weights over ${GOVERNMENT_LEVELS.join(', ')}, at least one above zero, e.g. {"central": "20", "local": "80"}${unknown.length ? ` (not a level: ${unknown.join(', ')})` : ''}`,
      zh: `对 ${GOVERNMENT_LEVELS.join('、')} 的分配比例，至少一项大于零，如 {"central": "20", "local": "80"}${unknown.length ? `（不是政府层级：${unknown.join('、')}）` : ''}`,
    }));
  }
}
