/**
 * One parcel of a scenario → its model: planned costs, dated payments, holding, leases and sale,
 * all in fen and periods. Rule breaches the documents forbid are refused or reported here, as the
 * scenario's rulePolicy says: service fee over 2% of acquisition cost (C-5), a 504 management fee
 * over its cap (M-1), a lease over two years (H-1), a sale schedule slower than H-3.
 */
import { mulRate, parseMoney, type Rate } from '../money';
import { areaDisplay, parseArea, type Area } from '../units';
import type { Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';
import { check, type Check } from '../check';
import { ACQUISITION_RULE } from '../rules';
import type { ParameterSet } from '../parameters';
import type { ParcelModel, Text, ZoneModel } from '../model';
import { totalOf } from '../flows';
import { scaler, type RawPayment } from './payments';
import { normalizeSale, type Breach } from './sale';
import { parcelFacts, type ParcelFacts } from './parcel-spec';
import { normalizeAcquisition, type CostScale } from './parcel-acquisition';
import { normalizeWorks } from './parcel-works';
import { normalizeHolding, normalizeLeases } from './parcel-holding';

export interface RawParcel {
  id: string;
  name?: string | Text;
  zone?: string;
  area: string;
  holdings?: { name: string; area: string; households?: number }[];
  landUse?: string;
  jurisdictions?: Record<string, string>;
  splitCase?: string;
  acquisition?: {
    mode: keyof typeof ACQUISITION_RULE;
    date?: string;
    price?: string;
    unitPrice?: string;
    components?: Record<string, string>;
    payments?: RawPayment[];
    serviceFee?: string;
  };
  development?: { works?: { date: string; amount: string; item?: string }[]; managementFee?: string };
  holding?: { costPerYear?: string; costPerMonth?: string; unitCostPerYear?: string; from?: string; until?: string };
  leases?: { start: string; months: number; rentPerYear?: string; totalRent?: string; tenant?: string }[];
  sale?: { date: string; price?: string; unitPrice?: string; area?: string; payments?: RawPayment[]; businessFee?: string };
  priority?: number;
  verifiedCost?: string;
  appraisedValue?: string;
}

export type RuleSeverity = 'error' | 'warning';

export interface ParcelContext {
  readonly t: Timeline;
  readonly params: ParameterSet;
  readonly problems: Problem[];
  readonly checks: Check[];
  readonly policy: {
    serviceFeeOverCap: RuleSeverity;
    leaseOverLimit: RuleSeverity;
    managementFeeOverCap: RuleSeverity;
    saleSchedule: RuleSeverity;
  };
  /** Stress factors as exact rates, applied to each amount in fen, half-up (costs +10% = every cost × 1.1). */
  readonly costFactor: Rate | null;
  readonly priceFactor: Rate | null;
  readonly saleDelayMonths: number;
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly zones: readonly ZoneModel[];
  readonly projectOfParcel: ReadonlyMap<string, number>;
  readonly reserveFund: number;
  readonly splitIndex: ReadonlyMap<string, number>;
  readonly shareAccounts: (parcel: RawParcel, index: number) => number[];
}

export function normalizeParcel(raw: RawParcel, index: number, ctx: ParcelContext, facts: ParcelFacts = parcelFacts(raw, ctx.params)): ParcelModel {
  const path = `parcels[${index}]`;
  const area = parseArea(raw.area)!;
  checkHoldings(raw, area, facts, path, ctx.problems);
  const scale = scaler(ctx.costFactor);
  const costs: CostScale = { scale, cost: (text) => scale(parseMoney(text)!) };
  const breach = breachOf(raw.id, ctx);
  // The sections in the order their problems and checks are reported.
  const acquisition = normalizeAcquisition(raw, path, ctx, costs, breach);
  const works = normalizeWorks(raw, path, ctx, costs, breach);
  const sale = raw.sale ? normalizeSale(raw, area, path, ctx, breach) : null;
  const holding = normalizeHolding(raw, path, ctx, facts, costs, acquisition.acquisitionPayments, sale);
  const leases = normalizeLeases(raw, path, ctx, sale, breach);
  const zone = zoneOf(raw, path, ctx);
  const split = splitOf(raw, path, ctx);

  const zoneModel = zone >= 0 ? ctx.zones[zone] : null;
  const developer = zoneModel?.developer ?? null;
  // In a 做地 zone the developer pays the works and is paid a share of the zone's sales instead (Z-2).
  const developerCompensation = developer && sale ? mulRate(sale.revenue, developer.rate) : 0;
  const holdingPlanned = totalOf(holding);
  const planned = acquisition.acquisitionPlanned + acquisition.serviceFee + (developer ? developerCompensation : works.developmentPlanned + works.managementFee) + holdingPlanned + (sale?.businessFee ?? 0);
  const verifiedCostStated = raw.verifiedCost !== undefined;
  const shownArea = areaDisplay(raw.area);
  return {
    index,
    id: raw.id,
    name: facts.name,
    zone,
    landUse: raw.landUse ?? null,
    areaText: raw.area,
    areaM2: shownArea.m2,
    areaMu: shownArea.mu,
    acquisitionMode: raw.acquisition?.mode ?? null,
    acquisitionRule: raw.acquisition ? ACQUISITION_RULE[raw.acquisition.mode] : null,
    ...acquisition,
    ...works,
    holding,
    holdingPlanned,
    leases,
    leasePlanned: totalOf(leases),
    sale,
    verifiedCost: verifiedCostStated ? costs.cost(raw.verifiedCost!) : planned,
    verifiedCostStated,
    appraisedValue: raw.appraisedValue ? parseMoney(raw.appraisedValue)! : null,
    // Agricultural land development fund base: area sold × net-yield standard (P-7).
    agriDevBase: sale ? facts.agriDevBase : 0,
    split: split ?? 0,
    shareAccounts: ctx.shareAccounts(raw, index),
    priority: raw.priority ?? 100,
    fund: zoneModel?.fund ?? ctx.reserveFund,
    project: ctx.projectOfParcel.get(raw.id) ?? -1,
    developer: developer?.account ?? -1,
    developerCompensation,
  };
}

/** The holdings must make the whole exactly, in the parcel's own unit (seed 001: 13 cooperatives = 34.9928 亩). */
function checkHoldings(raw: RawParcel, area: Area, facts: ParcelFacts, path: string, problems: Problem[]): void {
  const sum = facts.holdingsSum;
  if (sum && !sum.eq(area.value)) {
    problems.push(problem('schema.range', joinPath(path, 'area'), raw.area, { en: `the sum of the holdings' areas, ${sum.toFixed()} ${area.unit}`, zh: `各权属地块面积之和 ${sum.toFixed()}（${area.unit}）` }));
  }
}

/** The parcel's zone index, -1 without one (an unknown zone is a problem). */
function zoneOf(raw: RawParcel, path: string, ctx: ParcelContext): number {
  const zone = raw.zone === undefined ? -1 : ctx.zoneIndex.get(raw.zone) ?? -1;
  if (raw.zone !== undefined && zone < 0) {
    ctx.problems.push(problem('ref.unknown', joinPath(path, 'zone'), raw.zone, { en: `one of the zones: ${[...ctx.zoneIndex.keys()].join(', ')}`, zh: `已定义的片区之一：${[...ctx.zoneIndex.keys()].join('、')}` }));
  }
  return zone;
}

/** The parcel's split case index (an unknown case is a problem). */
function splitOf(raw: RawParcel, path: string, ctx: ParcelContext): number | undefined {
  const split = ctx.splitIndex.get(raw.splitCase ?? 'default');
  if (split === undefined) {
    ctx.problems.push(problem('ref.unknown', joinPath(path, 'splitCase'), raw.splitCase, { en: `one of the split cases: ${[...ctx.splitIndex.keys()].join(', ')}`, zh: `已定义的分成情形之一：${[...ctx.splitIndex.keys()].join('、')}` }));
  }
  return split;
}

/** Breach of a documented rule: refused (a Problem) or reported (a failed Check), as the scenario chooses. */
function breachOf(parcelId: string, ctx: ParcelContext): Breach {
  return (severity, code, id, ref, fieldPath, value, expected, en, zh) => {
    if (severity === 'error') ctx.problems.push(problem(code, fieldPath, value, expected, { en: `${fieldPath}: ${en}`, zh: `${fieldPath}：${zh}` }));
    else ctx.checks.push(check(id, false, 'rule', en, zh, { ref, parcel: parcelId }));
  };
}
