/**
 * A scenario's defaults, defined once: what a scenario means where it says nothing. Normalisation,
 * the analysis inputs and the notebook's controls all read them here, so a value the scenario
 * leaves out is filled the same way everywhere.
 *
 *   as-of date     `asOf` ("2021-02" → "2021-02-01"), else the first day of the timeline
 *   jurisdiction   `jurisdiction`, else "national"; one data/parameters.json lists, else a problem
 *                  with a did-you-mean ("hainam" → "hainan")
 *   parameters     data/parameters.json at the as-of date for the jurisdiction, the scenario's
 *                  `parameters` on top (a provision switched off needs no rate)
 *   tiers          `tiers`, else one tier "city" (本级政府)
 *   ratios         `split.ratios`, else parameters["split.ratios"] (the scenario's override, else
 *                  the jurisdiction's: Hainan 6 : 4, 琼府〔2021〕7号), else 1 for a single tier
 *   cases          the jurisdiction's paid-stock-recovery exception where its tiers are the
 *                  scenario's (Hainan province 1 : city 0), the scenario's `split.cases` on top
 *   zones          `zones`, else the zones its parcels name, in the order they first appear
 *   shortfall      `funding.shortfall`, else "fiscalTopUp" (the budget tops a fund up)
 *
 * So a Hainan scenario with parameters["split.ratios"] = {province: "7", city: "3"} is split 7 : 3
 * by the run, by a sweep of `split.sharePercent.province` and on the notebook's split page alike.
 * The function reads any JSON value without throwing: the notebook asks before the schema is checked.
 */
import { KNOWN_JURISDICTIONS, resolveParameters, type ParameterSet } from '../parameters';
import { problem, type Problem } from '../problem';
import { didYouMean } from '../suggest';
import { PROVISION_KINDS } from '../provision-catalogue';
import type { SplitRemainder } from '../revenue-split';
import type { TierModel } from '../model';
import { parseDate } from '../timeline';
import { toText } from './text';

export interface ScenarioDefaults {
  /** The as-of date as a day, "YYYY-MM-DD". */
  readonly asOf: string;
  readonly jurisdiction: string;
  /** The parameters in force at `asOf` with the scenario's overrides; null when the jurisdiction is unknown. */
  readonly params: ParameterSet | null;
  readonly tiers: readonly TierModel[];
  /** The split every parcel without a `splitCase` follows; null when nothing states one. */
  readonly ratios: Readonly<Record<string, string>> | null;
  /** Where `ratios` comes from, as a JSON path of the scenario. */
  readonly ratiosPath: 'split.ratios' | 'parameters["split.ratios"]' | 'tiers';
  /** The named exceptions (paidStockRecovery, the scenario's own cases), in the order they are added. */
  readonly cases: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly remainder: SplitRemainder;
  /** The zones declared, else those the parcels name. */
  readonly zones: readonly { readonly id: string; readonly name?: string | { zh?: string; en?: string } }[];
  readonly shortfall: string;
  /** A bad as-of date, an unknown jurisdiction, a bad or missing parameter, each at its path. */
  readonly problems: readonly Problem[];
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function scenarioDefaults(scenario: unknown): ScenarioDefaults {
  const s = obj(scenario) ?? {};
  const problems: Problem[] = [];
  const asOf = asOfDay(s, problems);
  const jurisdiction = str(s.jurisdiction) ?? 'national';
  const tiers = defaultTiers(s.tiers);
  const split = obj(s.split);
  const ownRatios = obj(split?.ratios) as Record<string, string> | undefined;
  const ownCases = (obj(split?.cases) ?? {}) as Record<string, Record<string, string>>;
  const single = tiers.length === 1 ? { [tiers[0].id]: '1' } : null;
  const zones = defaultZones(s);
  const shortfall = str(obj(s.funding)?.shortfall) ?? 'fiscalTopUp';
  if (!KNOWN_JURISDICTIONS.includes(jurisdiction)) {
    problems.push(unknownJurisdiction(jurisdiction));
    return { asOf, jurisdiction, params: null, tiers, ratios: ownRatios ?? single, ratiosPath: ownRatios ? 'split.ratios' : 'tiers', cases: ownCases, remainder: remainderOf(split, null), zones, shortfall, problems };
  }
  const { set: params, problems: paramProblems } = resolveParameters(asOf, jurisdiction, obj(s.parameters) ?? {}, 'parameters', unusedKeys(s.provisions));
  problems.push(...paramProblems);
  const fromParams = params.weights('split.ratios');
  const ratios = ownRatios ?? fromParams ?? single;
  const ratiosPath = ownRatios ? 'split.ratios' : fromParams ? 'parameters["split.ratios"]' : 'tiers';
  const stock = params.weights('split.paidStockRecovery.ratios');
  // The jurisdiction's paid-stock-recovery exception applies when its tiers are this scenario's tiers.
  const stockApplies = stock !== null && Object.keys(stock).every((k) => tiers.some((t) => t.id === k));
  const cases = { ...(stockApplies ? { paidStockRecovery: stock } : {}), ...ownCases };
  return { asOf, jurisdiction, params, tiers, ratios, ratiosPath, cases, remainder: remainderOf(split, params), zones, shortfall, problems };
}

/** Declared zones, or (when none are declared) the zones the parcels name, first appearance first. */
function defaultZones(s: Loose): ScenarioDefaults['zones'] {
  if (Array.isArray(s.zones)) return s.zones.map((z) => ({ ...(obj(z) ?? {}), id: String(obj(z)?.id ?? '') }));
  const parcels = Array.isArray(s.parcels) ? s.parcels : [];
  const named = parcels.map((p) => obj(p)?.zone).filter((z): z is string => typeof z === 'string' && z !== '');
  return [...new Set(named)].map((id) => ({ id }));
}

/** The as-of date as a day; a date that is not on the calendar is a problem at `asOf` (and is kept as written). */
function asOfDay(s: Loose, problems: Problem[]): string {
  const own = str(s.asOf);
  const start = str(obj(s.timeline)?.start);
  if (own !== undefined && !parseDate(own)) problems.push(problem('date.format', 'asOf', own, { en: 'a real calendar date', zh: '有效日期' }));
  const asOf = own ?? (start ? `${start}-01` : '');
  return asOf.length === 7 ? `${asOf}-01` : asOf;
}

function defaultTiers(raw: unknown): TierModel[] {
  if (!Array.isArray(raw)) return [{ id: 'city', name: { zh: '本级政府', en: 'Local government' } }];
  return raw.map((t) => {
    const tier = obj(t) ?? {};
    const id = String(tier.id ?? '');
    return { id, name: toText(tier.name as string | { zh?: string; en?: string } | undefined, id) };
  });
}

/** S-7: where the rounding remainder of a split goes — the scenario's choice, else the parameter. */
function remainderOf(split: Loose | undefined, params: ParameterSet | null): SplitRemainder {
  const own = str(split?.remainder);
  return (own ?? params?.choice('split.remainder') ?? 'last') as SplitRemainder;
}

/** A provision switched off needs no rate, even where none was in force yet. */
function unusedKeys(provisions: unknown): Set<string> {
  if (!Array.isArray(provisions)) return new Set();
  return new Set(PROVISION_KINDS.filter((k) => !provisions.includes(k)).flatMap((k) => [`provisions.${k}.rate`, `provisions.${k}.netYieldStandard`]));
}

function unknownJurisdiction(jurisdiction: string): Problem {
  return problem('ref.unknown', 'jurisdiction', jurisdiction, { en: `one of the jurisdictions data/parameters.json knows: ${KNOWN_JURISDICTIONS.join(', ')}`, zh: `参数库已知的辖区之一：${KNOWN_JURISDICTIONS.join('、')}` }, undefined, didYouMean(jurisdiction, KNOWN_JURISDICTIONS));
}
