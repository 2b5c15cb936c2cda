/**
 * Taking an earlier model's event layout: a model made again under other adjustments (a Monte
 * Carlo draw, an edited factor) is laid out like the one before it whenever its events fall where
 * that one's did, and only its amounts are written anew — no walk to count, no sort. A price factor
 * moves sale amounts, not months, so its layout is the old one with those amounts rewritten
 * (rescaledLayout); a draw of a sale delay met before finds that delay's layout and fills in every
 * amount, checking each event against the note of where it went (replacedLayout). Any other
 * difference — a month moved, an event more, a parcel paid from another account — is refused
 * (null), and run-events.ts lays the model out afresh.
 */
import type { Model, ParcelModel } from './model';
import type { Events } from './run-events';
import { amountAt, arrivalOrder, periodAt } from './flows';
import { Collector, Kind, PHASES, Visit, paymentOrder, visitEvents } from './event-walk';

/**
 * Whether `to`'s events are `from`'s: every field they are made of is the very same (an edit of
 * the splits or the coupons: neither is an event).
 */
export function sameEvents(from: Model, to: Model): boolean {
  return from.parcels === to.parcels && sameSources(from, to);
}

/**
 * `to`'s layout made from `from`'s (`ev`) when its parcels differ from theirs only in their sale
 * amounts (a price factor: the same receipts in the same months, other amounts): the same
 * columns, but the amounts, copied and rewritten where a receipt or a sale fee changed. Every
 * other difference is left to a fresh layout (null); `ev` itself when no parcel changed.
 */
export function rescaledLayout(ev: Events, from: Model, to: Model): Events | null {
  const a = from.parcels;
  const b = to.parcels;
  if (a.length !== b.length || !sameSources(from, to)) return null;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!amountsOnly(a[i], b[i])) return null;
    changed++;
  }
  if (changed === 0) return ev;
  const at = salePlaces(ev, a.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !placed(at, i, b[i])) return null;
  const amount = ev.amount.slice();
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || !b[i].sale) continue;
    const sale = b[i].sale!;
    const receipts = sale.receipts;
    const first = at.start[i];
    const order = arrivalOrder(receipts);
    for (let j = 0; j < receipts.length; j++) amount[at.receipt[first + j]] = amountAt(receipts, order ? order[j] : j);
    if (sale.businessFee > 0) amount[at.fee[i]] = sale.businessFee;
  }
  const next: Events = { ...ev, amount };
  PLACES.set(next, at);
  return next;
}

/**
 * `to`'s layout made from `from`'s (`ev`) when every event of `to` falls where `from`'s fell — the
 * same sources, and each parcel's payments, receipts, settlement and sale fee in the same months,
 * in the same order, paid from the same accounts — so that only amounts differ: the other columns
 * are `from`'s, the amounts filled in from `to` in one visit. A Monte Carlo draw meets the layout
 * of an earlier draw of the same sale delay this way (a cost or price factor moves amounts, not
 * months). Any other difference is left to a fresh layout (null).
 */
export function replacedLayout(ev: Events, from: Model, to: Model): Events | null {
  const a = from.parcels;
  const b = to.parcels;
  if (a.length !== b.length || !sameSources(from, to)) return null;
  const notes = notesOf(from, ev);
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i] && !factsNoted(notes, i, b[i])) return null;
  // The same priorities: the order `from` was visited in. Each event is checked against the
  // signature `from`'s met there as its amount is filled in: any other month, kind or count, and
  // the layout is not this model's.
  const c = new Collector(to.timeline.months * PHASES, Visit.Fill);
  c.places = notes.places;
  c.signature = notes.signature;
  c.ends = notes.ends;
  // Every event met is filled in (a settlement's 0 too); the slots of those left out stay 0.
  c.amount = new Float64Array(ev.kind.length);
  visitEvents(to, notes.order, c);
  if (c.mismatch || c.met !== notes.signature.length) return null;
  const next: Events = { ...ev, amount: c.amount };
  NOTES.set(next, notes);
  const sales = PLACES.get(ev);
  if (sales) PLACES.set(next, sales);
  return next;
}

/**
 * What a layout's model met, noted once for the models that may take the layout later: each
 * event's place and signature in the order met, where each parcel's events end, the order the
 * parcels were visited in, and the parcel facts the layout's columns are made of.
 */
interface LayoutNotes {
  readonly order: readonly number[];
  readonly places: Int32Array;
  readonly signature: Int32Array;
  readonly ends: Int32Array;
  /** Per parcel: priority, fund, project, developer, zone ([5i] … [5i + 4]); and its acquisition rule. */
  readonly facts: Float64Array;
  readonly rules: readonly (string | null)[];
}

const NOTES = new WeakMap<Events, LayoutNotes>();

function notesOf(model: Model, ev: Events): LayoutNotes {
  let notes = NOTES.get(ev);
  if (notes) return notes;
  const parcels = model.parcels;
  const order = paymentOrder(model);
  const c = new Collector(model.timeline.months * PHASES, Visit.Note);
  c.cursor.set(ev.start);
  c.places = new Int32Array(ev.kind.length);
  c.signature = new Int32Array(ev.kind.length);
  c.ends = new Int32Array(parcels.length);
  visitEvents(model, order, c);
  const facts = new Float64Array(parcels.length * 5);
  parcels.forEach((p, i) => facts.set([p.priority, p.fund, p.project, p.developer, p.zone], 5 * i));
  notes = { order, places: c.places, signature: c.signature, ends: c.ends, facts, rules: parcels.map((p) => p.acquisitionRule) };
  NOTES.set(ev, notes);
  return notes;
}

/** Parcel i's facts are the ones noted: its payments go in the same order, from the same accounts, under the same rule. */
function factsNoted(notes: LayoutNotes, i: number, q: ParcelModel): boolean {
  const f = notes.facts;
  const at = 5 * i;
  return f[at] === q.priority && f[at + 1] === q.fund && f[at + 2] === q.project && f[at + 3] === q.developer && f[at + 4] === q.zone && notes.rules[i] === q.acquisitionRule;
}

/** The fields besides the parcels that events are made of. */
function sameSources(a: Model, b: Model): boolean {
  return a.timeline === b.timeline && a.poolCapital === b.poolCapital && a.appropriations === b.appropriations && a.poolInflows === b.poolInflows && a.preAllocations === b.preAllocations && a.projects === b.projects;
}

/** Where a layout put each parcel's receipts (start[i] .. start[i + 1] − 1 of `receipt`, in layout order) and its sale fee (or −1). */
interface SalePlaces {
  readonly start: Int32Array;
  readonly receipt: Int32Array;
  readonly fee: Int32Array;
}

const PLACES = new WeakMap<Events, SalePlaces>();

function salePlaces(ev: Events, parcels: number): SalePlaces {
  let at = PLACES.get(ev);
  if (at) return at;
  const start = new Int32Array(parcels + 1);
  const fee = new Int32Array(parcels).fill(-1);
  const n = ev.kind.length;
  for (let k = 0; k < n; k++) {
    if (ev.kind[k] === Kind.Receipt) start[ev.parcel[k] + 1]++;
    else if (ev.kind[k] === Kind.SaleFee) fee[ev.parcel[k]] = k;
  }
  for (let i = 0; i < parcels; i++) start[i + 1] += start[i];
  const receipt = new Int32Array(start[parcels]);
  const cursor = start.slice(0, parcels);
  for (let k = 0; k < n; k++) if (ev.kind[k] === Kind.Receipt) receipt[cursor[ev.parcel[k]]++] = k;
  at = { start, receipt, fee };
  PLACES.set(ev, at);
  return at;
}

/** Two makings of a parcel whose events fall in the same places: only sale amounts may differ. */
function amountsOnly(p: ParcelModel, q: ParcelModel): boolean {
  if (p.leases !== q.leases || p.acquisitionPayments !== q.acquisitionPayments || p.serviceFeePayments !== q.serviceFeePayments || p.works !== q.works || p.managementFeePayments !== q.managementFeePayments || p.holding !== q.holding) return false;
  if (p.priority !== q.priority || p.fund !== q.fund || p.project !== q.project || p.developer !== q.developer || p.zone !== q.zone || p.acquisitionRule !== q.acquisitionRule) return false;
  const s = p.sale;
  const t = q.sale;
  if (s === null || t === null) return s === t;
  if (s.period !== t.period || s.settlementPeriod !== t.settlementPeriod || (s.businessFee > 0) !== (t.businessFee > 0) || s.receipts.length !== t.receipts.length) return false;
  for (let k = 0; k < s.receipts.length; k++) if (periodAt(s.receipts, k) !== periodAt(t.receipts, k)) return false;
  return true;
}

/** Every receipt and the fee of parcel `i`'s new sale has its place in the layout (none fell outside the timeline). */
function placed(at: SalePlaces, i: number, q: ParcelModel): boolean {
  const sale = q.sale;
  if (!sale) return true;
  return at.start[i + 1] - at.start[i] === sale.receipts.length && (sale.businessFee <= 0 || at.fee[i] >= 0);
}
