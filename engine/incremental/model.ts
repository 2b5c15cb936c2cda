/**
 * A scenario kept prepared and run, that answers an edit by rebuilding only the stages the edit
 * reaches (stages.ts): the price factor, the cost factor and the sale delay re-make the parcel
 * flows from the parcels as read once (scenario/adjust.ts: integers only — the price rescales the
 * sale receipts, the delay shifts them) and re-run the loop (on the last run's event layout
 * when only amounts moved, or on that of an earlier edit of the same sale delay); a rate shift
 * alone shifts the coupons; a coupon re-runs the loop on the same parcel flows; a split ratio
 * re-splits value added on the finished run (resplit.ts); anything else is prepared again.
 * Whatever the path, the run is the one a fresh prepare + run of the edited scenario gives,
 * posting for posting, and an edit the scenario would refuse is refused with prepare's own
 * problems, leaving the model as it was.
 *
 *   const m = IncrementalModel.create(hainan);         // { ok: true, model } | { ok: false, problems }
 *   m.model.edit({ path: 'split.ratios.province', value: '7' });   // { ok: true }
 *   m.model.output                                      // the RunOutput; report(it) is the Result
 */
import { adjustFrom, prepareBase, schemaValid, type Base } from '../scenario/adjust';
import type { MadeParcels } from '../scenario/parcel-reuse';
import { eventCount, eventsCarriedOver, eventsRescaled, eventsReplaced, postingsCarried } from '../run-events';
import { prepare } from '../scenario/normalize';
import { getAt, parsePath, setAt } from '../scenario/json-path';
import { shiftRate } from '../scenario/funding';
import { parseRate, type Rate } from '../money';
import { rateBreach } from '../limits';
import { problem, type Problem } from '../problem';
import { run, type RunOutput } from '../run';
import { releaseColumns } from '../ledger';
import type { Model } from '../model';
import { editKind, type Edit, type EditKind } from './edit';
import { earliestStage, firstDirtyStage } from './stages';
import { splitEdit } from './split-edit';
import { resplit } from './resplit';
import { recoupon } from './coupon';

export interface CreateOptions {
  /**
   * Each output (`output`) is read before the next edit and never after — a Monte Carlo's, a
   * sweep's, a goal seek's draws — so a run replaced by a run of its own gives its ledger's
   * columns to the next run (ledger.ts releaseColumns) instead of leaving them to the collector.
   * Default false: a caller that keeps outputs (the notebook's earlier runs, a trace) keeps them whole.
   */
  readonly transient?: boolean;
}

export type EditOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

const RATE = /^\s*\d+(\.\d+)?\s*(%|‰)\s*$/;

/**
 * How many sale delays' layouts a model keeps (a Monte Carlo plan draws a delay of 0 to 12
 * months), and how many events they may hold in all — about 25 bytes an event with what is noted
 * of it (run-events.ts), so some 125 MB at most: a province-sized model (10,000 parcels × 240
 * months, 2.4 million events) keeps two, the 200-parcel bench plan all thirteen.
 */
const LAYOUTS_KEPT = 16;
const LAYOUT_EVENTS_KEPT = 5_000_000;

export class IncrementalModel {
  private base: Base | null = null;
  /** The parcels the last accepted adjustment made, lending their sections to the next (parcel-reuse.ts). */
  private made: MadeParcels | null = null;
  /**
   * A model of each sale delay met since the scenario was last prepared, whose event layout a
   * later adjustment of that delay may take with its own amounts (run-events.ts, eventsReplaced):
   * where events fall depends on the delay, a factor moves amounts only. At most LAYOUTS_KEPT,
   * of LAYOUT_EVENTS_KEPT events in all (layoutEvents); none from a base prepared before.
   */
  private layouts = new Map<number, Model>();
  private layoutEvents = 0;
  /** Whether `out` is a run of its own (run()), not one derived from an earlier run that shares its columns (a re-split, a re-derived coupon). */
  private outOwn = true;

  private constructor(
    private scenarioNow: unknown,
    private modelNow: Model,
    private out: RunOutput,
    /** Whether each output is read before the next edit and never after (CreateOptions). */
    private readonly transient: boolean,
  ) {}

  static create(scenario: unknown, options: CreateOptions = {}): { ok: true; model: IncrementalModel } | { ok: false; problems: readonly Problem[] } {
    const p = prepare(scenario);
    if (!p.ok) return { ok: false, problems: p.problems };
    return { ok: true, model: new IncrementalModel(scenario, p.model, run(p.model), options.transient === true) };
  }

  get scenario(): unknown {
    return this.scenarioNow;
  }

  get model(): Model {
    return this.modelNow;
  }

  get output(): RunOutput {
    return this.out;
  }

  edit(e: Edit): EditOutcome {
    return this.editAll([e]);
  }

  /**
   * Several edits as one: the scenario with all of them is judged and the model rebuilt once,
   * from the first stage any of them reaches.
   */
  editAll(edits: readonly Edit[]): EditOutcome {
    if (edits.length === 0) return { ok: true };
    let next = this.scenarioNow;
    const kinds: EditKind[] = [];
    for (const e of edits) {
      const path = parsePath(e.path);
      if (!path) return { ok: false, problems: [problem('schema.format', e.path, e.path, { en: 'a JSON path such as parcels[0].sale.price or split.ratios.province', zh: 'JSON 路径，如 parcels[0].sale.price 或 split.ratios.province' })] };
      next = setAt(next, path, e.value);
      kinds.push(editKind(path));
    }
    if (kinds.some((k) => k.kind === 'scenario')) return this.prepared(next);
    let model = this.modelNow;
    let ready = this.base?.ready ?? null;
    if (kinds.some((k) => k.kind === 'split')) {
      const splits = splitEdit(model, getAt(next, ['split', 'ratios']));
      if (!splits) return this.prepared(next);
      model = withFields(model, { splits });
      if (ready) ready = { ...ready, frame: { ...ready.frame, splits } };
    }
    for (const k of kinds) {
      if (k.kind !== 'coupon') continue;
      const rate = couponOf(next, k.bond, model.bonds.length);
      if (!rate) return this.prepared(next);
      model = withFields(model, { bonds: model.bonds.map((b, i) => (i === k.bond ? { ...b, rate: rate.shifted } : b)) });
      if (ready) ready = { ...ready, funding: { ...ready.funding, bonds: ready.funding.bonds.map((b, i) => (i === k.bond ? { ...b, rate: rate.unshifted } : b)) } };
    }
    const stage = earliestStage(kinds.map(firstDirtyStage));
    if (stage === 'parcelFlows' || (stage === 'funding' && kinds.some((k) => k.kind === 'adjustment') && !ready)) {
      const adjustments = getAt(next, ['adjustments']);
      if (!schemaValid(adjustments)) return this.prepared(next);
      // A base prepared from the edited scenario already carries its split and coupons.
      const base: Base = ready ? { scenario: next, ready } : this.preparedBase(next);
      const { prepared: p, made } = adjustFrom(base, adjustments, this.made);
      if (!p.ok) return { ok: false, problems: p.problems };
      this.base = base;
      this.made = made;
      // A price factor alone moves the sale amounts, not where the events fall: their layout is
      // rewritten in place. Another adjustment lays them out afresh, with the last run's size.
      const rescaled = eventsRescaled(this.modelNow, p.model);
      if (!rescaled && !this.layoutOfDelay(p.model, adjustments)) postingsCarried(this.modelNow, p.model);
      // Its payments are the last run's, month for month: the run copies those it proves unchanged.
      return this.commit(next, p.model, run(p.model, rescaled ? this.out : undefined), true);
    }
    this.base = ready ? { scenario: next, ready } : null;
    if (stage === 'funding') {
      if (ready && kinds.some((k) => k.kind === 'adjustment')) {
        // The rate shift alone: every coupon shifted from the base's, the parcel flows as they are.
        const adjustments = getAt(next, ['adjustments']);
        if (!schemaValid(adjustments)) return this.prepared(next);
        const bp = (adjustments as { rateShiftBp?: number } | undefined)?.rateShiftBp ?? 0;
        const bonds = ready.funding.bonds.map((b) => (bp === 0 ? b : { ...b, rate: shiftRate(b.rate, bp) }));
        if (bonds.some((b) => b.rate.num < 0)) return this.prepared(next);
        model = withFields(model, { bonds });
      }
      // Coupons alone: the finished run re-derived where that is exact (coupon.ts), else run again.
      const couponsOnly = kinds.every((k) => k.kind === 'coupon' || (k.kind === 'adjustment' && k.key === 'rateShiftBp'));
      const derived = couponsOnly ? recoupon(this.out, model) : null;
      return this.commit(next, model, derived ?? run(model), derived === null);
    }
    const derived = resplit(this.out, model);
    return this.commit(next, model, derived ?? run(model), derived === null);
  }

  /**
   * Lays out `model`'s events from the kept model of its sale delay when they fall in the same
   * places (true); else keeps `model` as the one of its delay, for the next (false).
   */
  private layoutOfDelay(model: Model, adjustments: unknown): boolean {
    const delay = (adjustments as { saleDelayMonths?: number } | undefined)?.saleDelayMonths ?? 0;
    const kept = this.layouts.get(delay);
    if (kept && eventsReplaced(kept, model)) return true;
    // The newer model of its delay replaces one whose events fell elsewhere; another delay is kept while there is room.
    const events = eventCount(model);
    const room = LAYOUT_EVENTS_KEPT - this.layoutEvents + (kept ? eventCount(kept) : 0);
    if (events <= room && (kept || this.layouts.size < LAYOUTS_KEPT)) {
      this.layoutEvents += events - (kept ? eventCount(kept) : 0);
      this.layouts.set(delay, model);
    }
    return false;
  }

  /** A base prepared from `next`: the layouts kept from the last one are not its events' (other sources), and go. */
  private preparedBase(next: unknown): Base {
    this.clearLayouts();
    return prepareBase(next);
  }

  private clearLayouts(): void {
    this.layouts.clear();
    this.layoutEvents = 0;
  }

  /** Everything prepared again from the edited scenario. */
  private prepared(next: unknown): EditOutcome {
    const p = prepare(next);
    if (!p.ok) return { ok: false, problems: p.problems };
    this.base = null;
    this.made = null;
    this.clearLayouts();
    return this.commit(next, p.model, run(p.model), true);
  }

  /** `own`: `out` is a run of its own (run()), which shares no columns with the one it replaces. */
  private commit(next: unknown, model: Model, out: RunOutput, own: boolean): EditOutcome {
    // The run replaced is read no more (transient) and no run derived from it lives on: its columns are the next run's.
    if (this.transient && own && this.outOwn) releaseColumns(this.out.ledger);
    this.outOwn = own;
    this.scenarioNow = next;
    this.modelNow = model;
    this.out = out;
    return { ok: true };
  }
}


/** A bond's coupon as the edited scenario writes it, shifted by its adjustment; null when prepare must judge it. */
function couponOf(next: unknown, bond: number, bonds: number): { unshifted: Rate; shifted: Rate } | null {
  const text = getAt(next, ['bonds', bond, 'couponRate']);
  if (bond >= bonds || typeof text !== 'string' || !RATE.test(text) || rateBreach(text)) return null;
  const unshifted = parseRate(text);
  if (!unshifted) return null;
  const shifted = shiftRate(unshifted, (getAt(next, ['adjustments', 'rateShiftBp']) as number | undefined) ?? 0);
  return shifted.num < 0 ? null : { unshifted, shifted };
}

/**
 * The model with some fields replaced. A spread would read every getter — the static checks are
 * one, their texts written when first read — so the other fields are copied as they are defined.
 */
function withFields(model: Model, fields: Partial<Model>): Model {
  const next = Object.defineProperties(Object.create(Object.getPrototypeOf(model)) as Model, { ...Object.getOwnPropertyDescriptors(model), ...Object.getOwnPropertyDescriptors(fields) });
  // Neither the splits nor the bonds are events: the layout is the model's.
  eventsCarriedOver(model, next);
  return next;
}
