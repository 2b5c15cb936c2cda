/**
 * A model's dated events — inflows, receipts, settlements, payments — sorted once by (period,
 * phase) into typed columns, with the parcel facts the run reads per payment (fund, project
 * account, developer, zone, rule) as columns too: the monthly loop then touches no parcel object.
 * Events depend on the model alone, so a model run many times (sweeps, Monte Carlo) sorts them once.
 * A model made again whose events fall where an earlier one's did takes that layout with its own
 * amounts: a price factor rewrites the sale amounts in place (eventsRescaled); a Monte Carlo draw
 * of a sale delay met before fills in every amount of that delay's layout (eventsReplaced). The
 * walk over the events is event-walk.ts; how a layout is taken from another, event-layout-reuse.ts.
 */
import { NONE } from './ledger';
import type { Model } from './model';
import { Collector, PHASES, Visit, eventCount, paymentOrder, visitEvents } from './event-walk';
import { rescaledLayout, replacedLayout, sameEvents } from './event-layout-reuse';

export { Kind, PAYMENT_RULE, PHASES, eventCount, paymentRuleId } from './event-walk';

/** Events in struct-of-arrays form, ordered by (period, phase) with a stable counting sort. */
export interface Events {
  kind: Uint8Array;
  parcel: Int32Array;
  amount: Float64Array;
  /** The fund an inflow goes to, the pre-allocation index, or a payment's rule number. */
  target: Int32Array;
  /** Events of (period, phase) k are start[k] .. start[k + 1] − 1. */
  start: Int32Array;
  /** Per parcel: its fund, its project's account (or NONE), its developer (or NONE), its zone. */
  fund: Int32Array;
  projectAccount: Int32Array;
  developer: Int32Array;
  zone: Int32Array;
}

const EVENTS = new WeakMap<Model, Events>();

/**
 * How many postings a run of these events made (or, for a layout rewritten from another, about
 * how many it will make): the size of the next run's ledger, whose zeroed columns cost GC time.
 */
const POSTED = new WeakMap<Events, number>();
/** The most postings a run of this layout, or of the layouts it was carried from, made. */
const PEAK = new WeakMap<Events, number>();

/** The ledger size a run of `ev` should start with, when a run of it (or of the layout it came from) is known. */
export function postingsHint(ev: Events): number | undefined {
  return POSTED.get(ev);
}

/** Notes how many postings a run of `ev` made. */
export function notePostings(ev: Events, count: number): void {
  POSTED.set(ev, count);
  PEAK.set(ev, Math.max(count, PEAK.get(ev) ?? 0));
}

/**
 * A layout made from another's runs: as many postings as the most they made, moved by the events
 * added or taken away, and a margin for the postings an edit's amounts move (a price factor moves
 * the top-ups, and the provisions and shares that round to 0, by up to a tenth). A ledger that
 * must grow doubles, so the margin errs large; the plain estimate errs larger still.
 */
function carryPostings(from: Events, to: Events): void {
  const peak = PEAK.get(from);
  if (peak === undefined || POSTED.has(to)) return;
  const n = to.kind.length;
  POSTED.set(to, Math.max(1024, peak + n - from.kind.length + (n >> 4) + 64));
  PEAK.set(to, peak);
}

/**
 * Gives the layout of `to` (laid out now, as a run of it would) the ledger size of `from`'s run:
 * an adjustment that moves where events fall (a delay, a cost factor) still makes about as many postings.
 */
export function postingsCarried(from: Model, to: Model): void {
  const ev = EVENTS.get(from);
  if (ev && PEAK.has(ev)) carryPostings(ev, eventsOf(to));
}

export function eventsOf(model: Model): Events {
  let ev = EVENTS.get(model);
  if (!ev) {
    ev = collectEvents(model);
    EVENTS.set(model, ev);
  }
  return ev;
}

/**
 * The events sorted, stably, by (period, phase). An event dated outside the timeline is left
 * out; the columns keep one slot per event met (the slots of those left out stay at the end, zero).
 */
function collectEvents(model: Model): Events {
  const keys = model.timeline.months * PHASES;
  const n = eventCount(model);
  const parcels = model.parcels;
  const np = parcels.length;
  const buffer = new ArrayBuffer(n * 17 + (keys + 1) * 4 + np * 16);
  const ev: Events = {
    amount: new Float64Array(buffer, 0, n),
    parcel: new Int32Array(buffer, n * 8, n),
    target: new Int32Array(buffer, n * 12, n),
    start: new Int32Array(buffer, n * 16, keys + 1),
    fund: new Int32Array(buffer, n * 16 + (keys + 1) * 4, np),
    projectAccount: new Int32Array(buffer, n * 16 + (keys + 1 + np) * 4, np),
    developer: new Int32Array(buffer, n * 16 + (keys + 1 + 2 * np) * 4, np),
    zone: new Int32Array(buffer, n * 16 + (keys + 1 + 3 * np) * 4, np),
    kind: new Uint8Array(buffer, n * 16 + (keys + 1 + 4 * np) * 4, n),
  };
  for (let i = 0; i < np; i++) {
    const p = parcels[i];
    ev.fund[i] = p.fund;
    ev.projectAccount[i] = p.project >= 0 ? model.projects[p.project].account : NONE;
    ev.developer[i] = p.developer;
    ev.zone[i] = p.zone;
  }
  const order = paymentOrder(model);
  const c = new Collector(keys, Visit.Count);
  visitEvents(model, order, c);
  c.place(ev);
  visitEvents(model, order, c);
  return ev;
}

/**
 * Gives `to` the events of `from` when every field they are made of is the very same (an edit of
 * the splits or the coupons: neither is an event).
 */
export function eventsCarriedOver(from: Model, to: Model): void {
  const ev = EVENTS.get(from);
  if (ev && sameEvents(from, to)) EVENTS.set(to, ev);
}

/**
 * Lays out `to`'s events from `from`'s when its parcels differ from theirs only in their sale
 * amounts (rescaledLayout); false when `to` needs a fresh layout.
 */
export function eventsRescaled(from: Model, to: Model): boolean {
  const ev = EVENTS.get(from);
  const next = ev ? rescaledLayout(ev, from, to) : null;
  if (!ev || !next) return false;
  if (next !== ev) carryPostings(ev, next);
  EVENTS.set(to, next);
  return true;
}

/**
 * Lays out `to`'s events from `from`'s when every event of `to` falls where `from`'s fell
 * (replacedLayout); false when `to` needs a fresh layout, or has one already.
 */
export function eventsReplaced(from: Model, to: Model): boolean {
  const ev = EVENTS.get(from);
  if (!ev || EVENTS.has(to)) return false;
  const next = replacedLayout(ev, from, to);
  if (!next) return false;
  carryPostings(ev, next);
  EVENTS.set(to, next);
  return true;
}
