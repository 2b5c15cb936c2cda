/**
 * The walk over a model's events: every dated event a run meets — pool capital, appropriations,
 * pool inflows, pre-allocations, then each parcel in payment order with its leases, payments,
 * receipts, settlement and sale fee — in the one order a layout keeps, and what a walk does with
 * each. Laying events out (run-events.ts) walks twice, counting then placing; taking an earlier
 * model's layout (event-layout-reuse.ts) walks to note where each event went, then to fill in a new
 * model's amounts where the notes say. One walk for all four is what makes a reused layout the very
 * one a fresh layout would have been: the same events, met in the same order, land in the same places.
 */
import { ruleIndex } from './rules';
import { NONE } from './ledger';
import type { Model } from './model';
import type { Events } from './run-events';
import { amountAt, periodAt, type Flows } from './flows';

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
export const enum Visit {
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
export class Collector {
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
export function paymentOrder(model: Model): number[] {
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

/** Hands each of the model's events to `c`, parcels in `order`, in the order the Collector's comment gives. */
export function visitEvents(model: Model, order: readonly number[], c: Collector): void {
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
