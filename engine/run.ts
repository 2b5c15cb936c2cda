/**
 * The time-stepped run: integer fen, period by period, every movement a posting. Funding feeds
 * back into timing, so each month is stepped in order:
 *
 *   0 inflows      pool capital and inflows, appropriations, pre-allocations, bond proceeds (and
 *                  their issue fees), rent and sale receipts
 *   1 settlement   a parcel whose last sale receipt arrived: provisions, the 做地 developer's fee,
 *                  its 核定成本 (with its financing cost) recovered — first what the fund paid for
 *                  it, then what its bond project still owes, then to its fund — value added held
 *                  back while the project's debt is not covered, the split; advances returned and
 *                  bonds redeemed early from that money, as the scenario says. With provisions on
 *                  the year (the default), the split waits for the year-end true-up (year-provisions.ts).
 *   2 debt service coupons, principal at maturity or by instalment; if the money is not there, a
 *                  rollover bond or the budget (B-7, B-13)
 *   3 payments     acquisition, fees, works, holding — from the developer (works in a 做地 zone), the
 *                  bond project's account, then the parcel's fund; a shortfall goes to the
 *                  scenario's policy: fiscal top-up, a bridge advance, wait, or a negative fund
 *
 * Settlement before payments is what lets a sale pay for the land's last tranche in the same month
 * (Xingning sold in December 2022 and paid its second tranche in January 2023).
 */
import { ruleIndex } from './rules';
import { Ledger, NONE } from './ledger';
import { type WaterfallResult } from './sale-waterfall';
import { type Fen } from './money';
import type { Model, ParcelModel, Payment } from './model';
import { BondBook, type BondState } from './bond';
import { ProjectDebt } from './project-debt';
import { Settlement } from './settlement';
import type { ShareLog } from './share-log';

export interface ParcelOutcome {
  waterfall: WaterfallResult | null;
  shares: Fen[];
  /** Financing cost attributed to the parcel (inside its 核定成本). */
  financingCost: Fen;
  /** Value added held back for its project's debt service and not released. */
  heldBack: Fen;
}

/** Land income and the cost-type deduction recognised with it, per calendar year (P-3, P-11). */
export interface YearIncome {
  income: Fen;
  costRecognised: Fen;
}

/** A payment that could not be made when due and waited (shortfall policy "wait"). */
export interface Delay {
  readonly parcel: number;
  readonly rule: string;
  readonly amount: Fen;
  readonly duePeriod: number;
  /** -1 if still unpaid when the timeline ends. */
  readonly paidPeriod: number;
}

export interface RunOutput {
  readonly model: Model;
  readonly ledger: Ledger;
  readonly parcels: readonly ParcelOutcome[];
  readonly delays: readonly Delay[];
  readonly bonds: readonly BondState[];
  readonly years: ReadonlyMap<number, YearIncome>;
  /** Budget advances for debt service (B-13) not returned by the end. */
  readonly debtSupportOutstanding: Fen;
  /** Rollovers or fiscal support refused by the quota, and other notes from the run. */
  readonly notes: readonly { id: string; message: string; messageZh: string }[];
}

const enum Kind {
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

const PHASE_OF: Record<Kind, number> = {
  [Kind.Appropriation]: 0, [Kind.PoolCapital]: 0, [Kind.PoolInflow]: 0, [Kind.PreAllocation]: 0, [Kind.Lease]: 0, [Kind.Receipt]: 0,
  [Kind.Settle]: 1,
  [Kind.Acquisition]: 2, [Kind.ServiceFee]: 2, [Kind.Works]: 2, [Kind.ManagementFee]: 2, [Kind.Holding]: 2, [Kind.SaleFee]: 2,
};
const PHASES = 3;

/** Events in struct-of-arrays form, ordered by (period, phase) with a stable counting sort. */
interface Events {
  kind: Uint8Array;
  parcel: Int32Array;
  amount: Float64Array;
  /** The fund an inflow goes to, or the pre-allocation index. */
  target: Int32Array;
  start: Int32Array;
}

/** Events depend on the model alone, so a model run many times (sweeps, Monte Carlo) sorts them once. */
const EVENTS = new WeakMap<Model, Events>();

function eventsOf(model: Model): Events {
  let ev = EVENTS.get(model);
  if (!ev) {
    ev = collectEvents(model);
    EVENTS.set(model, ev);
  }
  return ev;
}

type Visit = (kind: Kind, parcel: number, target: number, period: number, amount: Fen) => void;

/** Every event of the model, in the order events of one (period, phase) keep. */
function visitEvents(model: Model, visit: Visit): void {
  const many = (kind: Kind, parcel: number, pays: readonly Payment[]) => {
    for (let k = 0; k < pays.length; k++) visit(kind, parcel, NONE, pays[k].period, pays[k].amount);
  };
  for (const a of model.poolCapital) visit(Kind.PoolCapital, NONE, a.fund, a.period, a.amount);
  for (const a of model.appropriations) visit(Kind.Appropriation, NONE, a.fund, a.period, a.amount);
  for (const a of model.poolInflows) visit(Kind.PoolInflow, NONE, a.fund, a.period, a.amount);
  model.preAllocations.forEach((a, i) => visit(Kind.PreAllocation, NONE, i, a.period, a.amount));
  // Payments of a period are made in priority order (lower first), then in parcel order.
  const order = model.parcels.map((p) => p.index).sort((a, b) => model.parcels[a].priority - model.parcels[b].priority || a - b);
  for (const i of order) {
    const p = model.parcels[i];
    many(Kind.Lease, i, p.leases);
    many(Kind.Acquisition, i, p.acquisitionPayments);
    many(Kind.ServiceFee, i, p.serviceFeePayments);
    many(Kind.Works, i, p.works);
    many(Kind.ManagementFee, i, p.managementFeePayments);
    many(Kind.Holding, i, p.holding);
    if (p.sale) {
      many(Kind.Receipt, i, p.sale.receipts);
      visit(Kind.Settle, i, NONE, p.sale.settlementPeriod, 0);
      if (p.sale.businessFee > 0) visit(Kind.SaleFee, i, NONE, p.sale.period, p.sale.businessFee);
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
  const ev: Events = { kind: new Uint8Array(n), parcel: new Int32Array(n), amount: new Float64Array(n), target: new Int32Array(n), start };
  visitEvents(model, (kind, parcel, target, period, amount) => {
    const i = cursor[period * PHASES + PHASE_OF[kind]]++;
    ev.kind[i] = kind;
    ev.parcel[i] = parcel;
    ev.amount[i] = amount;
    ev.target[i] = target;
  });
  return ev;
}

const PAYMENT_RULE: Partial<Record<Kind, string>> = {
  [Kind.ServiceFee]: 'acquisition.serviceFee',
  [Kind.Works]: 'development.works',
  [Kind.ManagementFee]: 'development.managementFee',
  [Kind.Holding]: 'holding.cost',
  [Kind.SaleFee]: 'sale.businessFee',
};

interface Pending {
  kind: Kind;
  parcel: number;
  amount: Fen;
  duePeriod: number;
}

interface Advance {
  fund: number;
  outstanding: Fen;
  kind: 'preAllocation' | 'bridge' | 'debtSupport';
  preAllocation: number;
}

export function run(model: Model): RunOutput {
  const acc = model.accounts;
  const id = (x: string) => acc.idx(x);
  const A = {
    fiscal: id('fiscal'), poolCapital: id('poolCapital'), reserveFund: id('reserveFund'), treasury: id('treasury'),
    landholders: id('landholders'), serviceProviders: id('serviceProviders'), contractors: id('contractors'), agentBuilder: id('agentBuilder'),
    caretakers: id('caretakers'), saleAgent: id('saleAgent'), tenants: id('tenants'), buyers: id('buyers'),
  };
  const R = {
    appropriation: ruleIndex('funding.appropriation'), topUp: ruleIndex('funding.fiscalTopUp'), poolCapital: ruleIndex('funding.poolCapital'), poolInflow: ruleIndex('funding.poolInflow'),
    preAllocation: ruleIndex('funding.preAllocation'), preAllocationReturn: ruleIndex('funding.preAllocationReturn'), bridge: ruleIndex('funding.bridge'), bridgeReturn: ruleIndex('funding.bridgeReturn'),
    lease: ruleIndex('lease.income'), supportReturn: ruleIndex('bond.fiscalSupportReturn'),
  };
  const payee: Partial<Record<Kind, number>> = {
    [Kind.Acquisition]: A.landholders, [Kind.ServiceFee]: A.serviceProviders, [Kind.Works]: A.contractors, [Kind.ManagementFee]: A.agentBuilder, [Kind.Holding]: A.caretakers, [Kind.SaleFee]: A.saleAgent,
  };
  // Rule numbers looked up once, not per payment.
  const acquisitionRule = model.parcels.map((p) => (p.acquisitionRule ? ruleIndex(p.acquisitionRule) : -1));
  const kindRule: number[] = [];
  for (const [k, id] of Object.entries(PAYMENT_RULE)) kindRule[Number(k)] = ruleIndex(id);
  const ruleOfPayment = (kind: Kind, parcel: ParcelModel) => (kind === Kind.Acquisition ? acquisitionRule[parcel.index] : kindRule[kind]);

  const ev = eventsOf(model);
  // Most events post once, a settlement a handful of times, a period a top-up or two, a bond its
  // coupons; a scenario that posts more grows the ledger. Sized close, as zeroed columns cost GC time.
  const ledger = new Ledger(acc.list.length, Math.max(1024, ev.kind.length + model.parcels.length * 8 + model.timeline.months * 8 + model.bonds.length * 64));
  const bal = ledger.balances;
  const outcomes: ParcelOutcome[] = model.parcels.map(() => ({ waterfall: null, shares: [], financingCost: 0, heldBack: 0 }));
  const delays: Delay[] = [];
  const notes: { id: string; message: string; messageZh: string }[] = [];
  let queue: Pending[] = [];
  const advances: Advance[] = [];
  const bonds = new BondBook(model, ledger, (fund, amount) => advances.push({ fund, outstanding: amount, kind: 'debtSupport', preAllocation: NONE }));
  const debt = new ProjectDebt(model, bonds, ledger);
  const projectAccount = (p: ParcelModel) => (p.project >= 0 ? model.projects[p.project].account : -1);

  /** Returns advances outstanding on `fund` from money it has just received, oldest first. */
  const returnAdvances = (period: number, fund: number, available: Fen, parcel: ParcelModel): Fen => {
    let used = 0;
    for (const a of advances) {
      if (a.fund !== fund || a.outstanding === 0) continue;
      if (a.kind === 'preAllocation' && model.preAllocations[a.preAllocation].repay !== 'fromCostRecovery') continue;
      const back = Math.min(a.outstanding, available - used, Math.max(0, bal[fund]));
      if (back <= 0) break;
      const rule = a.kind === 'bridge' ? R.bridgeReturn : a.kind === 'debtSupport' ? R.supportReturn : R.preAllocationReturn;
      ledger.post(period, fund, A.fiscal, back, rule, parcel.index, parcel.zone);
      a.outstanding -= back;
      used += back;
    }
    return used;
  };
  const settlement = new Settlement(model, ledger, outcomes, debt, bonds, returnAdvances);

  /** Pays `amount` for parcel p from its project account, then its fund; false if it must wait. */
  const NO = NONE; // a local: imported bindings are slower to read in the hot loop
  const pay = (period: number, kind: Kind, p: ParcelModel, amount: Fen, rule: number): boolean => {
    const to = payee[kind]!;
    if (p.developer !== NO && (kind === Kind.Works || kind === Kind.ManagementFee)) {
      ledger.post(period, p.developer, to, amount, rule, p.index, p.zone);
      return true;
    }
    const proj = projectAccount(p);
    const fromProject = proj === NO ? 0 : Math.min(amount, Math.max(0, bal[proj]));
    const rest = amount - fromProject;
    const gap = rest - Math.max(0, bal[p.fund]);
    if (gap > 0) {
      switch (model.shortfall) {
        case 'wait': return false;
        case 'fiscalTopUp': ledger.post(period, A.fiscal, p.fund, gap, R.topUp, p.index, p.zone); break;
        case 'bridge':
          ledger.post(period, A.fiscal, p.fund, gap, R.bridge, p.index, p.zone);
          advances.push({ fund: p.fund, outstanding: gap, kind: 'bridge', preAllocation: NONE });
          break;
        case 'negative': break;
      }
    }
    if (fromProject > 0) ledger.post(period, proj, to, fromProject, rule, p.index, p.zone);
    if (rest > 0) {
      ledger.post(period, p.fund, to, rest, rule, p.index, p.zone);
      settlement.fundPaid[p.index] += rest;
    }
    return true;
  };

  const waitPolicy = model.shortfall === 'wait';
  for (let period = 0; period < model.timeline.months; period++) {
    const base = period * PHASES;
    // Phase 0: inflows.
    bonds.issueDue(period);
    for (let i = ev.start[base]; i < ev.start[base + 1]; i++) {
      const p = ev.parcel[i];
      const z = p === NO ? NO : model.parcels[p].zone;
      const amt = ev.amount[i];
      switch (ev.kind[i] as Kind) {
        case Kind.PoolCapital: ledger.post(period, A.poolCapital, ev.target[i], amt, R.poolCapital); break;
        case Kind.Appropriation: ledger.post(period, A.fiscal, ev.target[i], amt, R.appropriation); break;
        case Kind.PoolInflow: ledger.post(period, A.fiscal, ev.target[i], amt, R.poolInflow); break;
        case Kind.PreAllocation: {
          const pa = model.preAllocations[ev.target[i]];
          ledger.post(period, A.fiscal, pa.fund, amt, R.preAllocation);
          advances.push({ fund: pa.fund, outstanding: amt, kind: 'preAllocation', preAllocation: ev.target[i] });
          break;
        }
        case Kind.Lease: ledger.post(period, A.tenants, A.treasury, amt, R.lease, p, z); break;
        case Kind.Receipt: settlement.receipt(period, model.parcels[p], amt); break;
      }
    }
    settlement.afterReceipts(period);
    // Pre-allocations due back on a date.
    for (const a of advances) {
      if (a.kind !== 'preAllocation' || a.outstanding === 0) continue;
      const pa = model.preAllocations[a.preAllocation];
      if (pa.repay !== 'onDate' || pa.repayPeriod !== period) continue;
      const back = Math.min(a.outstanding, Math.max(0, bal[a.fund]));
      if (back > 0) ledger.post(period, a.fund, A.fiscal, back, R.preAllocationReturn);
      a.outstanding -= back;
    }
    // Phase 1: settlement of parcels whose sale money is all in; quarter and year ends.
    for (let i = ev.start[base + 1]; i < ev.start[base + 2]; i++) settlement.settle(period, model.parcels[ev.parcel[i]]);
    settlement.periodEnd(period);
    // Phase 2: debt service.
    bonds.serviceDue(period, notes);
    // Phase 3: payments — those that waited first, then this period's, in priority order.
    const waiting = queue;
    queue = [];
    for (const w of waiting) {
      const parcel = model.parcels[w.parcel];
      if (pay(period, w.kind, parcel, w.amount, ruleOfPayment(w.kind, parcel))) delays.push({ parcel: w.parcel, rule: ruleIdOf(w.kind, parcel), amount: w.amount, duePeriod: w.duePeriod, paidPeriod: period });
      else queue.push(w);
    }
    for (let i = ev.start[base + 2]; i < ev.start[base + 3]; i++) {
      const kind = ev.kind[i] as Kind;
      const parcel = model.parcels[ev.parcel[i]];
      // A payment may not jump the queue of those already waiting on the same fund.
      const blocked = waitPolicy && queue.length > 0 && queue.some((w) => model.parcels[w.parcel].fund === parcel.fund);
      if (blocked || !pay(period, kind, parcel, ev.amount[i], ruleOfPayment(kind, parcel))) {
        queue.push({ kind, parcel: parcel.index, amount: ev.amount[i], duePeriod: period });
      }
    }
  }
  for (const w of queue) delays.push({ parcel: w.parcel, rule: ruleIdOf(w.kind, model.parcels[w.parcel]), amount: w.amount, duePeriod: w.duePeriod, paidPeriod: -1 });
  const debtSupportOutstanding = advances.reduce((s, a) => s + (a.kind === 'debtSupport' ? a.outstanding : 0), 0);
  return remember({ model, ledger, parcels: outcomes, delays, bonds: bonds.states, notes, years: settlement.years, debtSupportOutstanding }, settlement.shareLog);
}

/** Keeps a run's log of splits beside its output. */
export function remember(out: RunOutput, log: ShareLog): RunOutput {
  SHARE_LOGS.set(out, log);
  return out;
}

/** Each run's log of its splits, kept beside the output (the Result does not show it). */
const SHARE_LOGS = new WeakMap<RunOutput, ShareLog>();

export function shareLogOf(out: RunOutput): ShareLog | undefined {
  return SHARE_LOGS.get(out);
}

function ruleIdOf(kind: Kind, parcel: ParcelModel): string {
  return kind === Kind.Acquisition ? parcel.acquisitionRule! : PAYMENT_RULE[kind]!;
}
