/**
 * A parcel as read, before any adjustment: every text in fen, every date a period, every lookup
 * (zone, split case) made, and the problems the reading found, kept section by section. What the
 * adjustments reach — the cost factor, the price factor, the sale delay — is applied to it by
 * normalizeParcel (parcel.ts) with integers only, as often as asked: once by prepare, once per
 * draw by adjust on a base read once.
 *
 * Problems are kept with their section and reported when the parcel is made, section by section,
 * so a parcel's problems come in the order they always have: its holdings, acquisition, works,
 * sale, holding, leases, zone, split. An amount past the exact range while reading stops the
 * reading there, as it stops prepare: the parcel is made up to that section and then refused.
 */
import { AmountRangeError, parseMoney, type Fen } from '../money';
import { areaDisplay, parseArea, type Area } from '../units';
import { joinPath, problem, type Problem } from '../problem';
import type { ParameterSet } from '../parameters';
import type { Timeline } from '../timeline';
import { parcelFacts, type ParcelFacts } from './parcel-spec';
import { acquisitionBasis, type AcquisitionBasis } from './parcel-acquisition';
import { worksBasis, type WorksBasis } from './parcel-works';
import { saleBasis, type SaleBasis } from './sale';
import { holdingBasis, type HoldingBasis } from './parcel-holding';
import type { RawParcel } from './parcel';
import type { Tranches } from './payments';

/** The sections of a parcel in the order their problems are reported. */
export const Section = { Holdings: 0, Acquisition: 1, Works: 2, Sale: 3, Holding: 4, Zone: 5, Split: 6, Tail: 7, Done: 8 } as const;
export type Section = (typeof Section)[keyof typeof Section];

export interface ParcelBasis {
  readonly raw: RawParcel;
  readonly index: number;
  readonly path: string;
  readonly facts: ParcelFacts | null;
  readonly area: Area;
  readonly holdingsProblems: readonly Problem[];
  readonly acquisition: AcquisitionBasis | null;
  readonly works: WorksBasis | null;
  readonly sale: SaleBasis | null;
  readonly holding: HoldingBasis | null;
  readonly zone: number;
  readonly zoneProblems: readonly Problem[];
  readonly split: number | undefined;
  readonly splitProblems: readonly Problem[];
  /** The stated verified cost in fen before the cost factor, or null. */
  readonly verifiedCost: Fen | null;
  readonly appraisedValue: Fen | null;
  readonly areaM2: string;
  readonly areaMu: string;
  /** Where the reading stopped on an amount past the exact range (Section.Done when it did not), and why. */
  readonly stoppedAt: Section;
  readonly stopMessage: string;
  /** The problems the stopped section found before it stopped. */
  readonly stopProblems: readonly Problem[];
}

export interface BasisContext {
  readonly t: Timeline;
  readonly params: ParameterSet;
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly splitIndex: ReadonlyMap<string, number>;
}

export function parcelBasis(raw: RawParcel, index: number, ctx: BasisContext, known?: ParcelFacts): ParcelBasis {
  const path = `parcels[${index}]`;
  const area = parseArea(raw.area)!;
  const b = {
    raw, index, path, area, facts: null as ParcelFacts | null,
    holdingsProblems: [] as Problem[], acquisition: null as AcquisitionBasis | null, works: null as WorksBasis | null,
    sale: null as SaleBasis | null, holding: null as HoldingBasis | null,
    zone: -1, zoneProblems: [] as Problem[], split: undefined as number | undefined, splitProblems: [] as Problem[],
    verifiedCost: null as Fen | null, appraisedValue: null as Fen | null, areaM2: '', areaMu: '',
    stoppedAt: Section.Holdings as Section, stopMessage: '', stopProblems: [] as Problem[],
  };
  const sectionProblems: Problem[][] = [];
  try {
    const facts = known ?? parcelFacts(raw, ctx.params);
    b.facts = facts;
    checkHoldings(raw, area, facts, path, b.holdingsProblems);
    b.stoppedAt = Section.Acquisition;
    sectionProblems[Section.Acquisition] = [];
    b.acquisition = acquisitionBasis(raw, path, ctx.t, sectionProblems[Section.Acquisition]);
    b.stoppedAt = Section.Works;
    sectionProblems[Section.Works] = [];
    b.works = worksBasis(raw, path, ctx.t, sectionProblems[Section.Works]);
    b.stoppedAt = Section.Sale;
    sectionProblems[Section.Sale] = [];
    b.sale = raw.sale ? inDateOrder(saleBasis(raw, area, path, ctx.t, ctx.params, sectionProblems[Section.Sale])) : null;
    b.stoppedAt = Section.Holding;
    sectionProblems[Section.Holding] = [];
    b.holding = holdingBasis(raw, path, ctx.t, facts, acquisitionFirst(b.acquisition), sectionProblems[Section.Holding]);
    b.stoppedAt = Section.Zone;
    b.zone = zoneOf(raw, path, ctx.zoneIndex, b.zoneProblems);
    b.stoppedAt = Section.Split;
    b.split = splitOf(raw, path, ctx.splitIndex, b.splitProblems);
    b.stoppedAt = Section.Tail;
    const shown = areaDisplay(raw.area);
    b.areaM2 = shown.m2;
    b.areaMu = shown.mu;
    b.verifiedCost = raw.verifiedCost !== undefined ? parseMoney(raw.verifiedCost)! : null;
    b.appraisedValue = raw.appraisedValue ? parseMoney(raw.appraisedValue)! : null;
    b.stoppedAt = Section.Done;
  } catch (e) {
    if (!(e instanceof AmountRangeError)) throw e;
    b.stopMessage = e.message;
    b.stopProblems = sectionProblems[b.stoppedAt] ?? [];
  }
  return b;
}

/**
 * The sale's stated receipts in the order they arrive: by month, then (within a month) by amount
 * or share, then as listed. Everything after the reading — the settlement's per-receipt cost and
 * provisions, the first receipt that fixes the financing cost, the remainder fen of a split by
 * share — reads them in this order, so the order they are listed in changes nothing: a sale
 * listed "2021-03 0 元, 2021-01 11 万元" is the sale "2021-01 11 万元, 2021-03 0 元". The dates as
 * written stay with the problems that quote them (paymentDates).
 */
function inDateOrder(sale: SaleBasis): SaleBasis {
  const tr = sale.tranches;
  if (!tr || tr.periods.length < 2) return sale;
  const size = tr.byShare ? tr.weights : tr.fens;
  let ordered = true;
  for (let k = 1; k < tr.periods.length && ordered; k++) ordered = tr.periods[k - 1] < tr.periods[k] || (tr.periods[k - 1] === tr.periods[k] && size[k - 1] <= size[k]);
  if (ordered) return sale;
  const order = tr.periods.map((_, k) => k).sort((x, y) => tr.periods[x] - tr.periods[y] || size[x] - size[y] || x - y);
  const periods = order.map((k) => tr.periods[k]);
  const tranches: Tranches = tr.byShare ? { byShare: true, periods, weights: order.map((k) => tr.weights[k]) } : { byShare: false, periods, fens: order.map((k) => tr.fens[k]) };
  return { ...sale, tranches };
}

/** The first period the acquisition pays in, or null without a readable schedule. */
function acquisitionFirst(a: AcquisitionBasis | null): number | null {
  const s = a?.schedule;
  if (s === null || s === undefined) return null;
  if (typeof s === 'number') return s;
  return s.periods.length ? Math.min(...s.periods) : null;
}

/** The holdings must make the whole exactly, in the parcel's own unit (seed 001: 13 cooperatives = 34.9928 亩). */
function checkHoldings(raw: RawParcel, area: Area, facts: ParcelFacts, path: string, problems: Problem[]): void {
  const sum = facts.holdingsSum;
  if (sum && !sum.eq(area.value)) {
    problems.push(problem('schema.range', joinPath(path, 'area'), raw.area, { en: `the sum of the holdings' areas, ${sum.toFixed()} ${area.unit}`, zh: `各权属地块面积之和 ${sum.toFixed()}（${area.unit}）` }));
  }
}

/** The parcel's zone index, -1 without one (an unknown zone is a problem). */
function zoneOf(raw: RawParcel, path: string, zoneIndex: ReadonlyMap<string, number>, problems: Problem[]): number {
  const zone = raw.zone === undefined ? -1 : zoneIndex.get(raw.zone) ?? -1;
  if (raw.zone !== undefined && zone < 0) {
    problems.push(problem('ref.unknown', joinPath(path, 'zone'), raw.zone, { en: `one of the zones: ${[...zoneIndex.keys()].join(', ')}`, zh: `已定义的片区之一：${[...zoneIndex.keys()].join('、')}` }));
  }
  return zone;
}

/** The parcel's split case index (an unknown case is a problem). */
function splitOf(raw: RawParcel, path: string, splitIndex: ReadonlyMap<string, number>, problems: Problem[]): number | undefined {
  const split = splitIndex.get(raw.splitCase ?? 'default');
  if (split === undefined) {
    problems.push(problem('ref.unknown', joinPath(path, 'splitCase'), raw.splitCase, { en: `one of the split cases: ${[...splitIndex.keys()].join(', ')}`, zh: `已定义的分成情形之一：${[...splitIndex.keys()].join('、')}` }));
  }
  return split;
}
