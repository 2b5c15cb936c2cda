/**
 * A scenario prepared in two steps, for analyses that vary only its `adjustments`:
 * prepareBase(scenario) does once what no adjustment changes (schema, parameters, tiers, splits,
 * accounts, zones, projects, funding, each parcel read to fen and periods), and adjust(base, adjustments) applies the four stress
 * adjustments to the parcels and the bond coupons and builds the Model — integers only, exact to
 * the fen. adjust(prepareBase(s), s.adjustments) gives what prepare(s) gives, problems included;
 * a base that prepare would refuse, or adjustments outside the schema, go through prepare itself.
 */
import type { Check, PendingCheck } from '../check';
import type { Problem } from '../problem';
import type { BondModel } from '../model';
import { parcelBasis, type ParcelBasis } from './parcel-basis';
import { keepOf, type MadeParcels } from './parcel-reuse';
import { negativeCoupon, normalizeFunding, shiftRate, type RawFunding } from './funding';
import { assembleModel, basisContext, checkScenarioTotal, dupes, withinExactRange, frame, normalizeParcels, prepare, readAdjustments, unverifiedChecks, type Frame, type Funding, type Prepared, type RawScenario } from './normalize';

export type Adjustments = NonNullable<RawScenario['adjustments']>;

export interface Base {
  /** The scenario as given (its own adjustments are ignored by adjust). */
  readonly scenario: unknown;
  /** What every adjustment shares; null when the scenario is refused without its adjustments. */
  readonly ready: Ready | null;
}

interface Ready {
  readonly frame: Frame;
  /** Each parcel's share accounts, added in parcel order as prepare adds them. */
  readonly shareAccounts: readonly number[][];
  /** Each parcel as read, before the adjustments. */
  readonly bases: readonly ParcelBasis[];
  /** Funding with unshifted coupons. */
  readonly funding: Funding;
  readonly fundingChecks: readonly Check[];
  readonly unverified: readonly Check[];
}

export function prepareBase(scenario: unknown): Base {
  if (!isRecord(scenario)) return { scenario, ready: null };
  const { adjustments: _ignored, ...rest } = scenario;
  void _ignored;
  const problems: Problem[] = [];
  const f = frame(rest, problems);
  if (!f || problems.length > 0) return { scenario, ready: null };
  dupes(f.rawParcels.map((p) => p.id), 'parcels', problems);
  const shareAccounts = f.rawParcels.map((p) => f.shareAccounts(p));
  const fundingChecks: Check[] = [];
  const funding = withinExactRange('funding', problems, () => normalizeFunding(f.s as RawFunding, f.t, f.params, f.accounts, f.zp, problems, fundingChecks));
  if (problems.length > 0 || !funding) return { scenario, ready: null };
  // A parcel past the exact range keeps the place it stopped in its basis: adjust names it as prepare does.
  const read = basisContext(f);
  const bases = f.rawParcels.map((p, i) => parcelBasis(p, i, read));
  return { scenario, ready: { frame: f, shareAccounts, bases, funding, fundingChecks, unverified: unverifiedChecks(f.params) } };
}

export function adjust(base: Base, adjustments: unknown): Prepared {
  return adjustFrom(base, adjustments, null).prepared;
}

/**
 * adjust, lending the parcels the sections an earlier adjustment of the same base made and these
 * adjustments leave alone (parcel-reuse.ts): the same Prepared, and the parcels as made, for the
 * next (null when refused, or when the base is not ready).
 */
export function adjustFrom(base: Base, adjustments: unknown, made: MadeParcels | null): { prepared: Prepared; made: MadeParcels | null } {
  const ready = base.ready;
  if (!ready || !schemaValid(adjustments)) return { prepared: prepare(withAdjustments(base.scenario, adjustments)), made: null };
  const a = adjustments as Adjustments | undefined;
  const problems: Problem[] = [];
  const checks: PendingCheck[] = [];
  const f = ready.frame;
  const factors = readAdjustments(a, problems);
  const bounds = new Int32Array(4 * ready.bases.length);
  const keep = problems.length === 0 ? keepOf(made, ready.bases, factors) : null;
  const parcels = normalizeParcels(f, factors, problems, checks, (_raw, i) => ready.shareAccounts[i], ready.bases, keep, bounds);
  const shiftBp = a?.rateShiftBp ?? 0;
  let bonds: BondModel[] = ready.funding.bonds;
  if (shiftBp !== 0) {
    bonds = bonds.map((b) => {
      const rate = shiftRate(b.rate, shiftBp);
      if (rate.num < 0) problems.push(negativeCoupon(b.id, shiftBp));
      return { ...b, rate };
    });
  }
  for (const c of ready.fundingChecks) checks.push(c);
  for (const c of ready.unverified) checks.push(c);
  const funding = bonds === ready.funding.bonds ? ready.funding : { ...ready.funding, bonds };
  if (problems.length === 0) checkScenarioTotal(parcels, funding, problems);
  if (problems.length > 0) return { prepared: { ok: false, problems }, made: null };
  const now: MadeParcels = { bases: ready.bases, parcels, checks, bounds, costFactor: factors.costFactor, priceFactor: factors.priceFactor, saleDelayMonths: factors.saleDelayMonths };
  return { prepared: { ok: true, model: assembleModel(f, parcels, funding, checks) }, made: now };
}

const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;
const KEYS = new Set(['salePriceFactor', 'saleDelayMonths', 'costFactor', 'rateShiftBp']);

/** Adjustments the scenario schema accepts as they are (anything else is left to prepare to report). */
export function schemaValid(a: unknown): boolean {
  if (a === undefined) return true;
  if (!isRecord(a)) return false;
  for (const [k, v] of Object.entries(a)) {
    if (!KEYS.has(k)) return false;
    if (v === undefined) continue;
    if (k === 'salePriceFactor' || k === 'costFactor') {
      if (typeof v !== 'string' || !DECIMAL.test(v)) return false;
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < (k === 'saleDelayMonths' ? 0 : -1000) || v > (k === 'saleDelayMonths' ? 120 : 2000)) {
      return false;
    }
  }
  return true;
}

/** The scenario with these adjustments in place of its own (none when undefined). */
function withAdjustments(scenario: unknown, adjustments: unknown): unknown {
  if (!isRecord(scenario)) return scenario;
  if (adjustments === undefined) {
    const { adjustments: _ignored, ...rest } = scenario;
    void _ignored;
    return rest;
  }
  return { ...scenario, adjustments };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
