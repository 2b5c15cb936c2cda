/**
 * prepare(scenario): validate a scenario completely, then build the Model the run steps through.
 * Every problem is collected (schema first, then references, dates and rules); if there is any,
 * nothing runs and the caller gets the full list.
 */
import { BASE_ACCOUNTS, ChartOfAccounts, shareAccountId } from '../accounts';
import { AmountRangeError, dec, memo, parseMoney, parseRate, weightsFromStrings, type Fen, type Rate } from '../money';
import { MAX_SCENARIO_TOTAL_FEN } from '../limits';
import { problem, type Problem } from '../problem';
import { splitRatios, type SplitRatios, type SplitRemainder } from '../revenue-split';
import { GOVERNMENT_LEVELS, PROVISIONS, PROVISION_KINDS, type ProvisionKind } from '../provision-catalogue';
import { makeTimeline, periodLabels, type Timeline } from '../timeline';
import type { ParameterSet } from '../parameters';
import { settleChecks, type Check, type PendingCheck } from '../check';
import type { GovernmentLevelOfTier, Model, ParcelModel, ProvisionModel, TierModel } from '../model';
import { checkSchema } from './schema-check';
import { normalizeParcel, type ParcelContext, type RawParcel, type RuleSeverity } from './parcel';
import { normalizeFunding, normalizeZonesAndProjects, type RawFunding, type ZonesAndProjects } from './funding';
import { toText } from './text';
import { scenarioDefaults } from './scenario-defaults';
import { parcelBasis, type BasisContext, type ParcelBasis } from './parcel-basis';
import { parcelRules } from './parcel-rules';
import type { Keep } from './parcel-reuse';

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

/** Everything a scenario sets up before its parcels: checked structure, parameters, tiers, splits, accounts, zones. */
export interface Frame {
  readonly s: RawScenario;
  readonly t: Timeline;
  readonly jurisdiction: string;
  readonly asOfDay: string;
  readonly params: ParameterSet;
  readonly tiers: TierModel[];
  readonly splits: SplitRatios[];
  readonly splitNames: string[];
  readonly splitIndex: ReadonlyMap<string, number>;
  readonly accounts: ChartOfAccounts;
  readonly shareAccounts: (p: RawParcel) => number[];
  readonly zp: ZonesAndProjects;
  readonly policy: ParcelContext['policy'];
  readonly rawParcels: RawParcel[];
}

/** The frame of a scenario, or null when it is refused before the parcels (the problems say why). */
export function frame(input: unknown, problems: Problem[]): Frame | null {
  const schemaProblems = checkSchema(input);
  if (schemaProblems.length > 0) {
    problems.push(...schemaProblems);
    return null;
  }
  const s = input as RawScenario;

  if (!s.timeline) {
    problems.push(problem('schema.required', 'timeline', undefined, { en: 'a timeline {"start": "YYYY-MM", "months": N}', zh: '测算期 {"start": "YYYY-MM", "months": N}' }));
    return null;
  }
  if (s.base !== undefined || s.set !== undefined || s.parcelsCsv !== undefined) {
    // These are resolved by the loader (they need files); an unresolved one is a loader bug or a bare object.
    problems.push(problem('schema.unknownField', s.base !== undefined ? 'base' : s.set !== undefined ? 'set' : 'parcelsCsv', s.base ?? s.parcelsCsv ?? s.set, { en: 'a scenario with its base and CSV files already loaded (use loadScenario)', zh: '已加载基准情景与CSV的完整情景（请使用 loadScenario）' }));
    return null;
  }
  const t = makeTimeline(s.timeline.start, s.timeline.months);
  // As-of date, jurisdiction, parameters, tiers and default ratios: scenario-defaults.ts, read by the notebook and the analysis too.
  const d = scenarioDefaults(s);
  problems.push(...d.problems);
  if (!d.params || d.problems.some((p) => p.path !== 'asOf')) return null;
  const { jurisdiction, asOf: asOfDay, params, remainder } = d;
  const tiers: TierModel[] = [...d.tiers];
  const tierIds = tiers.map((x) => x.id);
  dupes(tierIds, 'tiers', problems);
  const splits: SplitRatios[] = [];
  const splitNames: string[] = [];
  const addSplit = (name: string, ratios: Record<string, string>, path: string) => {
    for (const k of Object.keys(ratios)) {
      if (!tierIds.includes(k)) problems.push(problem('ref.unknown', `${path}.${k}`, k, { en: `one of the tiers: ${tierIds.join(', ')}`, zh: `已定义的层级之一：${tierIds.join('、')}` }));
    }
    if (Object.values(ratios).every((v) => dec(v.replace('%', '')).isZero())) {
      problems.push(problem('schema.range', path, ratios, { en: 'at least one tier with a positive share', zh: '至少一个层级分成比例大于零' }));
      return;
    }
    splitNames.push(name);
    splits.push(splitRatios(tierIds, ratios, remainder));
  };
  if (!d.ratios) {
    problems.push(problem('schema.required', 'split.ratios', undefined, { en: `split ratios for the tiers ${tierIds.join(', ')} (no default for jurisdiction "${jurisdiction}")`, zh: `各层级分成比例（${jurisdiction} 无默认值）` }));
  } else {
    addSplit('default', { ...d.ratios }, d.ratiosPath === 'split.ratios' ? 'split.ratios' : 'parameters["split.ratios"]');
  }
  for (const [name, ratios] of Object.entries(d.cases)) addSplit(name, { ...ratios }, `split.cases.${name}`);
  const splitIndex = new Map(splitNames.map((n, i) => [n, i]));

  // Accounts: the base chart plus one share account per (tier, government).
  const accounts = new ChartOfAccounts(BASE_ACCOUNTS);
  const tierEntity = new Map((s.tiers ?? []).map((x) => [x.id, x.entity ?? toText(x.name, x.id).zh]));
  // The same few entities recur parcel after parcel: each (tier, entity) account is named once.
  const known = tiers.map(() => new Map<string, number>());
  const accountOf = (t: number, entity: string): number => {
    let account = known[t].get(entity);
    if (account === undefined) {
      const tier = tiers[t];
      account = accounts.add({ id: shareAccountId(tier.id, entity), kind: 'share', zh: `${tier.name.zh}分成（${entity}）`, en: `${tier.name.en} share (${entity})` });
      known[t].set(entity, account);
    }
    return account;
  };
  // Parcels of the same entities share one (read-only) list: most parcels name none of their own.
  let common: number[] | null = null;
  const lists = new Map<string, number[]>();
  const shareAccounts = (p: RawParcel): number[] => {
    if (!p.jurisdictions && common) return common;
    const entities = tiers.map((tier) => p.jurisdictions?.[tier.id] ?? tierEntity.get(tier.id) ?? tier.name.zh);
    const key = entities.join('\u0000');
    let list = lists.get(key);
    if (!list) lists.set(key, (list = entities.map((entity, t) => accountOf(t, entity))));
    if (!p.jurisdictions) common = list;
    return list;
  };

  // Zones: declared, or (when none are declared) taken from the parcels.
  const declaredZones = [...d.zones];
  dupes(declaredZones.map((z) => z.id), 'zones', problems);
  const rawParcels = s.parcels ?? [];
  const zp = normalizeZonesAndProjects(s as RawFunding, rawParcels.map((p) => p.id), accounts, problems, declaredZones);

  const policy = {
    serviceFeeOverCap: s.rulePolicy?.serviceFeeOverCap ?? 'warning',
    leaseOverLimit: s.rulePolicy?.leaseOverLimit ?? 'warning',
    managementFeeOverCap: s.rulePolicy?.managementFeeOverCap ?? 'warning',
    saleSchedule: s.rulePolicy?.saleSchedule ?? 'warning',
  };
  return { s, t, jurisdiction, asOfDay, params, tiers, splits, splitNames, splitIndex, accounts, shareAccounts, zp, policy, rawParcels };
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

/** What a Model takes from its frame alone: made once per frame (adjust makes a Model per draw). */
interface FrameParts {
  readonly provisions: ProvisionModel[];
  readonly tierLevels: GovernmentLevelOfTier[];
  readonly collector: number;
  readonly ruralSpending: Map<number, Fen>;
  readonly periodLabels: readonly string[];
}

const FRAME_PARTS = new WeakMap<Frame, FrameParts>();

// Every prepare of a scenario makes a new frame, but its timeline and its provisions' recipients are
// the same few texts scenario after scenario: their labels and integer weights are made once each
// (a session meets a few timelines; the labels are shared between models, so frozen).
const WEIGHTS = memo((key: string) => weightsFromStrings(key.split('\u0000')), 1000, 256);
const recipientWeights = (texts: readonly string[]): number[] => [...WEIGHTS(texts.join('\u0000'))];
const LABELS = memo((key: string) => { const [y, m, n] = key.split(':').map(Number); return Object.freeze(periodLabels({ startYear: y, startMonth: m, months: n })); }, 32);
const labelsOf = (t: Timeline): readonly string[] => LABELS(`${t.startYear}:${t.startMonth}:${t.months}`);

function frameParts(f: Frame): FrameParts {
  let parts = FRAME_PARTS.get(f);
  if (parts) return parts;
  const { s, params } = f;
  const enabled = s.provisions ?? [...PROVISION_KINDS];
  const provisions: ProvisionModel[] = PROVISIONS.filter((d) => enabled.includes(d.id)).map((def) => {
    const who = params.weights(def.recipients) ?? { local: '1' };
    return {
      def,
      rate: params.rate(def.rate),
      recipients: recipientWeights(GOVERNMENT_LEVELS.map((l) => (Object.hasOwn(who, l) ? who[l] : '0'))),
      ruralShare: def.ruralShare.endsWith('%') ? parseRate(def.ruralShare)! : params.rate(def.ruralShare),
    };
  });
  const rawTiers = s.tiers ?? [];
  const collector = Math.max(0, rawTiers.findIndex((x) => x.collects));
  const tierLevels: GovernmentLevelOfTier[] = f.tiers.map((tier, i) => {
    if (i === collector) return 'local';
    return (rawTiers[i]?.level ?? (tier.id === 'province' ? 'province' : 'city')) === 'province' ? 'province' : 'other';
  });
  const ruralSpending = new Map<number, Fen>();
  for (const r of s.ruralSpending ?? []) ruralSpending.set(r.year, (ruralSpending.get(r.year) ?? 0) + parseMoney(r.amount)!);
  parts = { provisions, tierLevels, collector, ruralSpending, periodLabels: labelsOf(f.t) };
  FRAME_PARTS.set(f, parts);
  return parts;
}

/**
 * The Model of a frame whose parcels and funding are normalized without a problem. Its checks are
 * made when first read (a parcel's checks write amounts in 万元; a Monte Carlo draw reads none).
 */
export function assembleModel(f: Frame, parcels: ParcelModel[], funding: Funding, checks: readonly PendingCheck[]): Model {
  const { s, t, params, zp } = f;
  const parts = frameParts(f);
  const model: Omit<Model, 'staticChecks'> = {
      id: s.id,
      name: toText(s.name, s.id),
      description: s.description === undefined ? null : toText(s.description, ''),
      sources: s.sources ?? [],
      timeline: t,
      periodLabels: parts.periodLabels,
      jurisdiction: f.jurisdiction,
      asOf: f.asOfDay,
      params,
      provisions: parts.provisions,
      basePeriod: params.choice('provisions.basePeriod') === 'parcel' ? 'parcel' : 'year',
      financingInCost: params.choice('cost.financingInVerifiedCost') !== 'excluded',
      tierLevels: parts.tierLevels,
      collectorTier: parts.collector,
      ruralSpending: parts.ruralSpending,
      tiers: f.tiers,
      splits: f.splits,
      splitNames: f.splitNames,
      accounts: f.accounts,
      zones: zp.zones,
      zoneMode: s.zoneMode ?? 'pooled',
      parcels,
      appropriations: funding.appropriations,
      poolCapital: funding.poolCapital,
      poolInflows: funding.poolInflows,
      poolFromLandIncomeFund: s.funding?.pool?.landIncomeFundShare ? parseRate(s.funding.pool.landIncomeFundShare) : null,
      preAllocations: funding.preAllocations,
      bonds: funding.bonds,
      projects: zp.projects,
      bondQuota: funding.bondQuota,
      coverageBasis: s.bondPolicy?.coverageBasis ?? 'gross',
      coverageFloor: params.ratio('bond.coverageFloor'),
      coverageWarn: params.ratio('bond.coverageWarn'),
      shortfall: s.funding?.shortfall ?? 'fiscalTopUp',
  };
  Object.defineProperty(model, PENDING, { value: { checks, settled: null } satisfies PendingChecks });
  return Object.defineProperty(model, 'staticChecks', STATIC_CHECKS) as unknown as Model;
}

/** A model's checks as its parcels left them, and once read, as made (shared by the copies of the model). */
interface PendingChecks {
  readonly checks: readonly PendingCheck[];
  settled: Check[] | null;
}

const PENDING = Symbol('pendingChecks');

/**
 * `staticChecks`, made when first read: one getter for every Model, defined after the fields. An
 * object literal with a getter is made in dictionary mode (every field read in the run and the
 * report a hash lookup), and a getter of its own per model would give each model a map of its own.
 * The pending checks ride along as a hidden field, so a copy of the model's descriptors reads them too.
 */
const STATIC_CHECKS: PropertyDescriptor = {
  get(this: { [PENDING]: PendingChecks }): readonly Check[] {
    const pending = this[PENDING];
    return (pending.settled ??= settleChecks(pending.checks));
  },
  enumerable: true,
  configurable: true,
};

export function dupes(ids: string[], path: string, problems: Problem[]): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const first = seen.get(id);
    if (first !== undefined) problems.push(problem('ref.duplicate', `${path}[${i}].id`, id, { en: `an id not used before (already used by ${path}[${first}])`, zh: `未被使用的编号（已被 ${path}[${first}] 使用）` }));
    else seen.set(id, i);
  }
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
