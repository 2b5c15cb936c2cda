/**
 * A scenario's frame: everything it sets up before its first parcel — the structure checked
 * against the schema, the timeline, parameters and as-of date, the tiers and their split ratios,
 * the chart of accounts with a share account per (tier, government), the zones and projects, and
 * the rule policy. Parcels are read against a frame, and no adjustment changes it: adjust.ts
 * (prepareBase) makes a scenario's frame once and every Monte Carlo draw's parcels against it.
 * A scenario refused here has no frame (null), and its parcels are not read.
 */
import { BASE_ACCOUNTS, ChartOfAccounts, shareAccountId } from '../accounts';
import { dec } from '../money';
import { problem, type Problem } from '../problem';
import { splitRatios, type SplitRatios } from '../revenue-split';
import { makeTimeline, type Timeline } from '../timeline';
import type { ParameterSet } from '../parameters';
import type { TierModel } from '../model';
import { checkSchema } from './schema-check';
import type { ParcelContext, RawParcel } from './parcel';
import { normalizeZonesAndProjects, type RawFunding, type ZonesAndProjects } from './funding';
import { toText } from './text';
import { scenarioDefaults } from './scenario-defaults';
import type { RawScenario } from './normalize';

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

/** Each id once: a second use of one is a problem at its place, naming the first. */
export function dupes(ids: string[], path: string, problems: Problem[]): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const first = seen.get(id);
    if (first !== undefined) problems.push(problem('ref.duplicate', `${path}[${i}].id`, id, { en: `an id not used before (already used by ${path}[${first}])`, zh: `未被使用的编号（已被 ${path}[${first}] 使用）` }));
    else seen.set(id, i);
  }
}
