/**
 * A model's dated events — inflows, receipts, settlements, payments — sorted once by (period,
 * phase) into typed columns, with the parcel facts the run reads per payment (fund, project
 * account, developer, zone, rule) as columns too: the monthly loop then touches no parcel object.
 * Events depend on the model alone, so a model run many times (sweeps, Monte Carlo) sorts them once.
 */
import { ruleIndex } from './rules';
import { NONE } from './ledger';
import type { Model } from './model';
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

/**
 * The model's events in the order events of one (period, phase) keep, written to columns as they
 * are met: pool capital, appropriations, pool inflows, pre-allocations, then each parcel in
 * payment-priority order (lower first, then parcel order) with its leases, acquisition, fees,
 * works, holding, receipts, settlement and sale fee.
 */
class Collector {
  readonly kind: Uint8Array;
  readonly parcel: Int32Array;
  readonly amount: Float64Array;
  readonly target: Int32Array;
  /** (period, phase) of each event, −1 outside the timeline; count[key + 1] counts them. */
  readonly key: Int32Array;
  readonly count: Int32Array;
  length = 0;

  constructor(n: number, private readonly keys: number) {
    // One buffer for the columns: a draw of a Monte Carlo sorts a new model's events.
    const buffer = new ArrayBuffer(n * 21 + (keys + 1) * 4);
    this.amount = new Float64Array(buffer, 0, n);
    this.parcel = new Int32Array(buffer, n * 8, n);
    this.target = new Int32Array(buffer, n * 12, n);
    this.key = new Int32Array(buffer, n * 16, n);
    this.count = new Int32Array(buffer, n * 20, keys + 1);
    this.kind = new Uint8Array(buffer, n * 20 + (keys + 1) * 4, n);
  }

  add(kind: Kind, parcel: number, target: number, period: number, amount: number): void {
    const i = this.length++;
    this.kind[i] = kind;
    this.parcel[i] = parcel;
    this.target[i] = target;
    this.amount[i] = amount;
    const k = period * PHASES + PHASE_BY_KIND[kind];
    if (k >= 0 && k < this.keys) {
      this.key[i] = k;
      this.count[k + 1]++;
    } else this.key[i] = -1;
  }

  many(kind: Kind, parcel: number, pays: Flows, rule: number): void {
    for (let k = 0; k < pays.length; k++) this.add(kind, parcel, rule, periodAt(pays, k), amountAt(pays, k));
  }
}

function eventCount(model: Model): number {
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

function visitEvents(model: Model, c: Collector): void {
  const serviceFee = ruleIndex(PAYMENT_RULE[Kind.ServiceFee]!);
  const works = ruleIndex(PAYMENT_RULE[Kind.Works]!);
  const managementFee = ruleIndex(PAYMENT_RULE[Kind.ManagementFee]!);
  const holding = ruleIndex(PAYMENT_RULE[Kind.Holding]!);
  const saleFee = ruleIndex(PAYMENT_RULE[Kind.SaleFee]!);
  for (const a of model.poolCapital) c.add(Kind.PoolCapital, NONE, a.fund, a.period, a.amount);
  for (const a of model.appropriations) c.add(Kind.Appropriation, NONE, a.fund, a.period, a.amount);
  for (const a of model.poolInflows) c.add(Kind.PoolInflow, NONE, a.fund, a.period, a.amount);
  for (let i = 0; i < model.preAllocations.length; i++) c.add(Kind.PreAllocation, NONE, i, model.preAllocations[i].period, model.preAllocations[i].amount);
  for (const i of paymentOrder(model)) {
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
  }
}

/**
 * A stable counting sort by (period, phase) of the events in the order met. An event dated
 * outside the timeline has no (period, phase) and is left out; the columns keep one slot per event met.
 */
function collectEvents(model: Model): Events {
  const keys = model.timeline.months * PHASES;
  const c = new Collector(eventCount(model), keys);
  visitEvents(model, c);
  const n = c.length;
  const { key, count } = c;
  for (let k = 0; k < keys; k++) count[k + 1] += count[k];
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
  ev.start.set(count);
  for (let i = 0; i < np; i++) {
    const p = parcels[i];
    ev.fund[i] = p.fund;
    ev.projectAccount[i] = p.project >= 0 ? model.projects[p.project].account : NONE;
    ev.developer[i] = p.developer;
    ev.zone[i] = p.zone;
  }
  const cursor = count;
  for (let i = 0; i < n; i++) {
    if (key[i] < 0) continue;
    const at = cursor[key[i]]++;
    ev.kind[at] = c.kind[i];
    ev.parcel[at] = c.parcel[i];
    ev.amount[at] = c.amount[i];
    ev.target[at] = c.target[i];
  }
  return ev;
}
