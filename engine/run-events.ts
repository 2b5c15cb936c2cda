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

type Visit = (kind: Kind, parcel: number, target: number, period: number, amount: number) => void;

/** Every event of the model, in the order events of one (period, phase) keep. */
function visitEvents(model: Model, visit: Visit): void {
  const kindRule: number[] = [];
  for (const [k, id] of Object.entries(PAYMENT_RULE)) kindRule[Number(k)] = ruleIndex(id);
  const many = (kind: Kind, parcel: number, pays: Flows, rule: number) => {
    for (let k = 0; k < pays.length; k++) visit(kind, parcel, rule, periodAt(pays, k), amountAt(pays, k));
  };
  for (const a of model.poolCapital) visit(Kind.PoolCapital, NONE, a.fund, a.period, a.amount);
  for (const a of model.appropriations) visit(Kind.Appropriation, NONE, a.fund, a.period, a.amount);
  for (const a of model.poolInflows) visit(Kind.PoolInflow, NONE, a.fund, a.period, a.amount);
  model.preAllocations.forEach((a, i) => visit(Kind.PreAllocation, NONE, i, a.period, a.amount));
  // Payments of a period are made in priority order (lower first), then in parcel order.
  const order = model.parcels.map((p) => p.index).sort((a, b) => model.parcels[a].priority - model.parcels[b].priority || a - b);
  for (const i of order) {
    const p = model.parcels[i];
    many(Kind.Lease, i, p.leases, NONE);
    many(Kind.Acquisition, i, p.acquisitionPayments, p.acquisitionRule ? ruleIndex(p.acquisitionRule) : NONE);
    many(Kind.ServiceFee, i, p.serviceFeePayments, kindRule[Kind.ServiceFee]);
    many(Kind.Works, i, p.works, kindRule[Kind.Works]);
    many(Kind.ManagementFee, i, p.managementFeePayments, kindRule[Kind.ManagementFee]);
    many(Kind.Holding, i, p.holding, kindRule[Kind.Holding]);
    if (p.sale) {
      many(Kind.Receipt, i, p.sale.receipts, NONE);
      visit(Kind.Settle, i, NONE, p.sale.settlementPeriod, 0);
      if (p.sale.businessFee > 0) visit(Kind.SaleFee, i, kindRule[Kind.SaleFee], p.sale.period, p.sale.businessFee);
    }
  }
}

/** A stable counting sort by (period, phase): counted in one visit, placed in a second. */
function collectEvents(model: Model): Events {
  const keys = model.timeline.months * PHASES;
  const count = new Int32Array(keys + 1);
  let n = 0;
  visitEvents(model, (kind, _parcel, _target, period) => { count[period * PHASES + PHASE_OF[kind] + 1]++; n++; });
  for (let k = 0; k < keys; k++) count[k + 1] += count[k];
  const start = count.slice();
  const cursor = count.slice(0, keys);
  const parcels = model.parcels;
  const ev: Events = {
    kind: new Uint8Array(n), parcel: new Int32Array(n), amount: new Float64Array(n), target: new Int32Array(n), start,
    fund: Int32Array.from(parcels, (p) => p.fund),
    projectAccount: Int32Array.from(parcels, (p) => (p.project >= 0 ? model.projects[p.project].account : NONE)),
    developer: Int32Array.from(parcels, (p) => p.developer),
    zone: Int32Array.from(parcels, (p) => p.zone),
  };
  visitEvents(model, (kind, parcel, target, period, amount) => {
    const i = cursor[period * PHASES + PHASE_OF[kind]]++;
    ev.kind[i] = kind;
    ev.parcel[i] = parcel;
    ev.amount[i] = amount;
    ev.target[i] = target;
  });
  return ev;
}
