/**
 * A model's dated events — inflows, receipts, settlements, payments — sorted once by (period,
 * phase) into typed columns, with the parcel facts the run reads per payment (fund, project
 * account, developer, zone, rule) as columns too: the monthly loop then touches no parcel object.
 * Events depend on the model alone, so a model run many times (sweeps, Monte Carlo) sorts them once.
 * A model made again whose events fall where an earlier one's did takes that layout with its own
 * amounts: a price factor rewrites the sale amounts in place (eventsRescaled); a Monte Carlo draw
 * of a sale delay met before fills in every amount of that delay's layout (eventsReplaced).
 */
import { ruleIndex } from './rules';
import { NONE } from './ledger';
import type { Model, ParcelModel } from './model';
import { amountAt, arrivalOrder, periodAt, type Flows } from './flows';

export const enum Kind {
  Appropriation,
  PoolCapital,
  PoolInflow,
  PreAllocation,
  Lease,
  Receipt,
  Settle,
  Acquisition,
  ServiceFee,
  Works,
  ManagementFee,
  Holding,
  SaleFee,
}

/** Inflows and receipts, settlements, payments: the run's three event phases of a month. */
const PHASE_OF: Record<Kind, number> = {
  [Kind.Appropriation]: 0, [Kind.PoolCapital]: 0, [Kind.PoolInflow]: 0, [Kind.PreAllocation]: 0, [Kind.Lease]: 0, [Kind.Receipt]: 0,
  [Kind.Settle]: 1,
  [Kind.Acquisition]: 2, [Kind.ServiceFee]: 2, [Kind.Works]: 2, [Kind.ManagementFee]: 2, [Kind.Holding]: 2, [Kind.SaleFee]: 2,
};
export const PHASES = 3;

export const PAYMENT_RULE: Partial<Record<Kind, string>> = {
  [Kind.ServiceFee]: 'acquisition.serviceFee',
  [Kind.Works]: 'development.works',
  [Kind.ManagementFee]: 'development.managementFee',
  [Kind.Holding]: 'holding.cost',
  [Kind.SaleFee]: 'sale.businessFee',
};

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

/** The rule id of a payment (for delays). */
export function paymentRuleId(kind: Kind, acquisitionRule: string | null): string {
  return kind === Kind.Acquisition ? acquisitionRule! : PAYMENT_RULE[kind]!;
}

/** Event phase by kind, as a lookup table. */
const PHASE_BY_KIND = Uint8Array.from({ length: Kind.SaleFee + 1 }, (_, k) => PHASE_OF[k as Kind]);

const NO_PLACES = new Int32Array(0);
const NO_KINDS = new Uint8Array(0);
const NO_AMOUNTS = new Float64Array(0);

/**
 * What a visit of the events does with each: counts it, places it, notes its place and its
 * signature, or — checking it against the signature noted — fills in its amount.
 */
const enum Visit {
  Count,
  Place,
  Note,
  Fill,
}

/**
 * An event's signature: where it falls, (period, phase) key × 16 + its kind, or −1 when it falls
 * outside the timeline (and has no place). Two visits whose events have the same signatures, in
 * the same order, parcel for parcel, lay them out in the same places.
 */
const OUTSIDE = -1;

/**
 * The model's events in the order events of one (period, phase) keep, met as visitEvents meets
 * them: pool capital, appropriations, pool inflows, pre-allocations, then each parcel in
 * payment-priority order (lower first, then parcel order) with its leases, acquisition, fees,
 * works, holding, receipts, settlement and sale fee. A stable counting sort in two visits: the
 * first counts the events of each (period, phase), the second writes each event straight to its
 * place — no event is written twice (a layout is laid out once per Monte Carlo draw).
 */
class Collector {
  /** The layout's columns, written by the second visit (Fill: the amounts alone). Set in the constructor, so every collector has one shape. */
  kind: Uint8Array = NO_KINDS;
  parcel: Int32Array = NO_PLACES;
  amount: Float64Array = NO_AMOUNTS;
  target: Int32Array = NO_PLACES;
  /** Count: count[key + 1] counts the events of (period, phase) key. Place, Note: the next place of each key. Fill: none. */
  cursor: Int32Array = NO_PLACES;
  visit = Visit.Count;
  /** Note, Fill: the place and the signature of each event met, in the order met (−1 for one left out), and how many were met. */
  places: Int32Array = NO_PLACES;
  signature: Int32Array = NO_PLACES;
  met = 0;
  /** Note, Fill: how many events were met by the end of each parcel's, by parcel index. */
  ends: Int32Array = NO_PLACES;
  /** Fill: an event met whose signature is not the one noted (the fill is then to be thrown away). */
  mismatch = false;

  constructor(private readonly keys: number, visit: Visit) {
    this.visit = visit;
    if (visit !== Visit.Fill) this.cursor = new Int32Array(keys + 1);
  }

  /** Turns the counts into places: `start` gets each key's first place, the cursor a copy to move. */
  place(ev: Events): void {
    const c = this.cursor;
    for (let k = 0; k < this.keys; k++) c[k + 1] += c[k];
    ev.start.set(c);
    this.kind = ev.kind;
    this.parcel = ev.parcel;
    this.amount = ev.amount;
    this.target = ev.target;
    this.visit = Visit.Place;
  }

  add(kind: Kind, parcel: number, target: number, period: number, amount: number): void {
    const k = period * PHASES + PHASE_BY_KIND[kind];
    // An event dated outside the timeline has no (period, phase) and is left out.
    const inside = k >= 0 && k < this.keys;
    if (this.visit === Visit.Fill) {
      const m = this.met++;
      if (m >= this.signature.length || this.signature[m] !== (inside ? (k << 4) | kind : OUTSIDE)) {
        this.mismatch = true;
        return;
      }
      if (inside) this.amount[this.places[m]] = amount;
      return;
    }
    if (!inside) {
      if (this.visit === Visit.Note) {
        this.signature[this.met] = OUTSIDE;
        this.places[this.met++] = -1;
      }
      return;
    }
    if (this.visit === Visit.Count) {
      this.cursor[k + 1]++;
      return;
    }
    const at = this.cursor[k]++;
    if (this.visit === Visit.Note) {
      this.signature[this.met] = (k << 4) | kind;
      this.places[this.met++] = at;
      return;
    }
    this.kind[at] = kind;
    this.parcel[at] = parcel;
    this.target[at] = target;
    this.amount[at] = amount;
  }

  many(kind: Kind, parcel: number, pays: Flows, rule: number): void {
    if (pays.periods === null) this.spread(kind, parcel, pays, rule);
    else for (let k = 0; k < pays.length; k++) this.add(kind, parcel, rule, periodAt(pays, k), amountAt(pays, k));
  }

  /** An even spread (flows.ts): consecutive months from its first, amountAt's amounts without a call each. */
  private spread(kind: Kind, parcel: number, pays: Flows, rule: number): void {
    const first = pays.first;
    const n = pays.length;
    // The months of the spread inside the timeline: first + j for j in from … to − 1.
    const from = first < 0 ? -first : 0;
    const to = Math.min(n, this.keys / PHASES - first);
    let k = (first + from) * PHASES + PHASE_BY_KIND[kind];
    const { cursor, visit } = this;
    if (visit === Visit.Count) {
      for (let j = from; j < to; j++, k += PHASES) cursor[k + 1]++;
      return;
    }
    const { each, left, sign } = pays;
    const more = sign * (each + 1);
    const plain = each === 0 ? 0 : sign * each;
    if (visit === Visit.Place) {
      for (let j = from; j < to; j++, k += PHASES) {
        const at = cursor[k]++;
        this.kind[at] = kind;
        this.parcel[at] = parcel;
        this.target[at] = rule;
        this.amount[at] = j < left ? more : plain;
      }
      return;
    }
    const m = this.met;
    this.met += n;
    const { places, signature } = this;
    if (visit === Visit.Fill) {
      if (m + n > signature.length) {
        this.mismatch = true;
        return;
      }
      // The months before and after the timeline's are left out; those inside step a month's keys at a time.
      for (let j = 0, before = Math.min(from, n); j < before; j++) if (signature[m + j] !== OUTSIDE) this.mismatch = true;
      for (let j = Math.max(from, to); j < n; j++) if (signature[m + j] !== OUTSIDE) this.mismatch = true;
      for (let j = from, s = (k << 4) | kind; j < to; j++, s += PHASES << 4) {
        if (signature[m + j] !== s) {
          this.mismatch = true;
          return;
        }
        this.amount[places[m + j]] = j < left ? more : plain;
      }
      return;
    }
    for (let j = 0; j < n; j++) {
      places[m + j] = -1;
      signature[m + j] = OUTSIDE;
    }
    for (let j = from; j < to; j++, k += PHASES) {
      signature[m + j] = (k << 4) | kind;
      places[m + j] = cursor[k]++;
    }
  }

  /** The end of parcel i's events: noted, or checked against the note (a parcel with more events, the next with fewer, is another layout). */
  parcelDone(i: number): void {
    if (this.visit === Visit.Note) this.ends[i] = this.met;
    else if (this.visit === Visit.Fill && this.ends[i] !== this.met) this.mismatch = true;
  }
}

/** How many events a model meets, inside its timeline or not: the length of its layout's columns. */
export function eventCount(model: Model): number {
  let n = model.poolCapital.length + model.appropriations.length + model.poolInflows.length + model.preAllocations.length;
  for (const p of model.parcels) {
    n += p.leases.length + p.acquisitionPayments.length + p.serviceFeePayments.length + p.works.length + p.managementFeePayments.length + p.holding.length;
    if (p.sale) n += p.sale.receipts.length + 1 + (p.sale.businessFee > 0 ? 1 : 0);
  }
  return n;
}

/** Parcel indices in payment order: priority (lower first), then parcel order. */
function paymentOrder(model: Model): number[] {
  const parcels = model.parcels;
  const order = parcels.map((p) => p.index);
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) {
    const a = parcels[order[k - 1]];
    const b = parcels[order[k]];
    sorted = a.priority < b.priority || (a.priority === b.priority && order[k - 1] < order[k]);
  }
  return sorted ? order : order.sort((a, b) => parcels[a].priority - parcels[b].priority || a - b);
}

function visitEvents(model: Model, order: readonly number[], c: Collector): void {
  const serviceFee = ruleIndex(PAYMENT_RULE[Kind.ServiceFee]!);
  const works = ruleIndex(PAYMENT_RULE[Kind.Works]!);
  const managementFee = ruleIndex(PAYMENT_RULE[Kind.ManagementFee]!);
  const holding = ruleIndex(PAYMENT_RULE[Kind.Holding]!);
  const saleFee = ruleIndex(PAYMENT_RULE[Kind.SaleFee]!);
  for (const a of model.poolCapital) c.add(Kind.PoolCapital, NONE, a.fund, a.period, a.amount);
  for (const a of model.appropriations) c.add(Kind.Appropriation, NONE, a.fund, a.period, a.amount);
  for (const a of model.poolInflows) c.add(Kind.PoolInflow, NONE, a.fund, a.period, a.amount);
  for (let i = 0; i < model.preAllocations.length; i++) c.add(Kind.PreAllocation, NONE, i, model.preAllocations[i].period, model.preAllocations[i].amount);
  for (const i of order) {
    const p = model.parcels[i];
    c.many(Kind.Lease, i, p.leases, NONE);
    c.many(Kind.Acquisition, i, p.acquisitionPayments, p.acquisitionRule ? ruleIndex(p.acquisitionRule) : NONE);
    c.many(Kind.ServiceFee, i, p.serviceFeePayments, serviceFee);
    c.many(Kind.Works, i, p.works, works);
    c.many(Kind.ManagementFee, i, p.managementFeePayments, managementFee);
    c.many(Kind.Holding, i, p.holding, holding);
    if (p.sale) {
      c.many(Kind.Receipt, i, p.sale.receipts, NONE);
      c.add(Kind.Settle, i, NONE, p.sale.settlementPeriod, 0);
      if (p.sale.businessFee > 0) c.add(Kind.SaleFee, i, saleFee, p.sale.period, p.sale.businessFee);
    }
    c.parcelDone(i);
  }
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
  if (ev && from.parcels === to.parcels && sameSources(from, to)) EVENTS.set(to, ev);
}

/**
 * Lays out `to`'s events from `from`'s when its parcels differ from theirs only in their sale
 * amounts (a price factor: the same receipts in the same months, other amounts): the same
 * columns, but the amounts, copied and rewritten where a receipt or a sale fee changed. Every
 * other difference is left to a fresh layout (false).
 */
export function eventsRescaled(from: Model, to: Model): boolean {
  const ev = EVENTS.get(from);
  const a = from.parcels;
  const b = to.parcels;
  if (!ev || a.length !== b.length || !sameSources(from, to)) return false;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!amountsOnly(a[i], b[i])) return false;
    changed++;
  }
  if (changed === 0) {
    EVENTS.set(to, ev);
    return true;
  }
  const at = salePlaces(ev, a.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !placed(at, i, b[i])) return false;
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
  carryPostings(ev, next);
  EVENTS.set(to, next);
  return true;
}

/**
 * Lays out `to`'s events from `from`'s when every event of `to` falls where `from`'s fell — the
 * same sources, and each parcel's payments, receipts, settlement and sale fee in the same months,
 * in the same order, paid from the same accounts — so that only amounts differ: the other columns
 * are `from`'s, the amounts filled in from `to` in one visit. A Monte Carlo draw meets the layout
 * of an earlier draw of the same sale delay this way (a cost or price factor moves amounts, not
 * months). Any other difference is left to a fresh layout (false).
 */
export function eventsReplaced(from: Model, to: Model): boolean {
  const ev = EVENTS.get(from);
  const a = from.parcels;
  const b = to.parcels;
  if (!ev || EVENTS.has(to) || a.length !== b.length || !sameSources(from, to)) return false;
  const notes = notesOf(from, ev);
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i] && !factsNoted(notes, i, b[i])) return false;
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
  if (c.mismatch || c.met !== notes.signature.length) return false;
  const next: Events = { ...ev, amount: c.amount };
  NOTES.set(next, notes);
  const sales = PLACES.get(ev);
  if (sales) PLACES.set(next, sales);
  carryPostings(ev, next);
  EVENTS.set(to, next);
  return true;
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

