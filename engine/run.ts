/**
 * The time-stepped run: integer fen, period by period, every movement a posting. Funding feeds
 * back into timing, so each month is stepped in order:
 *
 *   0 inflows      pool capital and inflows, appropriations, pre-allocations, bond proceeds (and
 *                  their issue fees), rent and sale receipts
 *   1 settlement   a parcel whose last sale receipt arrived: provisions, the 做地 developer's fee,
 *                  cost recovery to its fund, the split; then advances returned and bonds redeemed
 *                  early from that cost recovery, as the scenario says
 *   2 debt service coupons, principal at maturity or by instalment; if the money is not there, a
 *                  rollover bond or the budget (B-7, B-13)
 *   3 payments     acquisition, fees, works, holding — from the developer (works in a 做地 zone), the
 *                  bond project's account, then the parcel's fund; a shortfall goes to the
 *                  scenario's policy: fiscal top-up, a bridge advance, wait, or a negative fund
 *
 * Settlement before payments is what lets a sale pay for the land's last tranche in the same month
 * (Xingning sold in December 2022 and paid its second tranche in January 2023).
 */
import { ruleIndex, type ProvisionKind } from './rules';
import { Ledger, NONE } from './ledger';
import { saleWaterfall, type WaterfallResult } from './sale-waterfall';
import { splitValueAdded } from './revenue-split';
import { mulRate, type Fen } from './money';
import type { Model, ParcelModel, Payment } from './model';
import { BondBook, type BondState } from './bond';

export interface ParcelOutcome {
  readonly waterfall: WaterfallResult | null;
  readonly shares: readonly Fen[];
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

function collectEvents(model: Model): Events {
  const keys = model.timeline.months * PHASES;
  const raw: { kind: Kind; parcel: number; target: number; pays: readonly Payment[] }[] = [];
  for (const a of model.poolCapital) raw.push({ kind: Kind.PoolCapital, parcel: NONE, target: a.fund, pays: [a] });
  for (const a of model.appropriations) raw.push({ kind: Kind.Appropriation, parcel: NONE, target: a.fund, pays: [a] });
  for (const a of model.poolInflows) raw.push({ kind: Kind.PoolInflow, parcel: NONE, target: a.fund, pays: [a] });
  model.preAllocations.forEach((a, i) => raw.push({ kind: Kind.PreAllocation, parcel: NONE, target: i, pays: [a] }));
  // Payments of a period are made in priority order (lower first), then in parcel order.
  const order = model.parcels.map((p) => p.index).sort((a, b) => model.parcels[a].priority - model.parcels[b].priority || a - b);
  for (const i of order) {
    const p = model.parcels[i];
    raw.push({ kind: Kind.Lease, parcel: i, target: NONE, pays: p.leases });
    raw.push({ kind: Kind.Acquisition, parcel: i, target: NONE, pays: p.acquisitionPayments });
    raw.push({ kind: Kind.ServiceFee, parcel: i, target: NONE, pays: p.serviceFeePayments });
    raw.push({ kind: Kind.Works, parcel: i, target: NONE, pays: p.works });
    raw.push({ kind: Kind.ManagementFee, parcel: i, target: NONE, pays: p.managementFeePayments });
    raw.push({ kind: Kind.Holding, parcel: i, target: NONE, pays: p.holding });
    if (p.sale) {
      raw.push({ kind: Kind.Receipt, parcel: i, target: NONE, pays: p.sale.receipts });
      raw.push({ kind: Kind.Settle, parcel: i, target: NONE, pays: [{ period: p.sale.settlementPeriod, amount: 0, date: '' }] });
      if (p.sale.businessFee > 0) raw.push({ kind: Kind.SaleFee, parcel: i, target: NONE, pays: [{ period: p.sale.period, amount: p.sale.businessFee, date: p.sale.date }] });
    }
  }
  const count = new Int32Array(keys + 1);
  let n = 0;
  for (const r of raw) for (const pay of r.pays) { count[pay.period * PHASES + PHASE_OF[r.kind] + 1]++; n++; }
  for (let k = 0; k < keys; k++) count[k + 1] += count[k];
  const start = count.slice();
  const cursor = count.slice(0, keys);
  const ev: Events = { kind: new Uint8Array(n), parcel: new Int32Array(n), amount: new Float64Array(n), target: new Int32Array(n), start };
  for (const r of raw) {
    for (const pay of r.pays) {
      const i = cursor[pay.period * PHASES + PHASE_OF[r.kind]]++;
      ev.kind[i] = r.kind;
      ev.parcel[i] = r.parcel;
      ev.amount[i] = pay.amount;
      ev.target[i] = r.target;
    }
  }
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
  bridge: boolean;
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
  const provisionAccount: Record<ProvisionKind, number> = {
    landIncomeFund: id('provision:landIncomeFund'), agriDev: id('provision:agriDev'), education: id('provision:education'), water: id('provision:water'), housing: id('provision:housing'),
  };
  const R = {
    appropriation: ruleIndex('funding.appropriation'), topUp: ruleIndex('funding.fiscalTopUp'), poolCapital: ruleIndex('funding.poolCapital'), poolInflow: ruleIndex('funding.poolInflow'),
    preAllocation: ruleIndex('funding.preAllocation'), preAllocationReturn: ruleIndex('funding.preAllocationReturn'), bridge: ruleIndex('funding.bridge'), bridgeReturn: ruleIndex('funding.bridgeReturn'),
    lease: ruleIndex('lease.income'), receipt: ruleIndex('sale.receipt'), costRecovery: ruleIndex('sale.costRecovery'), share: ruleIndex('split.share'),
    developerCompensation: ruleIndex('zone.developerCompensation'),
    provision: {
      landIncomeFund: ruleIndex('provision.landIncomeFund'), agriDev: ruleIndex('provision.agriDev'), education: ruleIndex('provision.education'), water: ruleIndex('provision.water'), housing: ruleIndex('provision.housing'),
    } as Record<ProvisionKind, number>,
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
  // Each event posts once, a settlement up to ~10 times, a period a top-up or two.
  const ledger = new Ledger(acc.list.length, Math.max(1024, ev.kind.length + model.parcels.length * 10 + model.timeline.months * 2 + model.bonds.length * 64));
  const bal = ledger.balances;
  const outcomes: ParcelOutcome[] = model.parcels.map(() => ({ waterfall: null, shares: [] }));
  const delays: Delay[] = [];
  const notes: { id: string; message: string; messageZh: string }[] = [];
  let queue: Pending[] = [];
  const advances: Advance[] = [];
  const bonds = new BondBook(model, ledger);
  const projectAccount = (p: ParcelModel) => (p.project >= 0 ? model.projects[p.project].account : -1);

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
          advances.push({ fund: p.fund, outstanding: gap, bridge: true, preAllocation: NONE });
          break;
        case 'negative': break;
      }
    }
    if (fromProject > 0) ledger.post(period, proj, to, fromProject, rule, p.index, p.zone);
    if (rest > 0) ledger.post(period, p.fund, to, rest, rule, p.index, p.zone);
    return true;
  };

  /** Returns advances outstanding on `fund` from money it has just received, oldest first. */
  const returnAdvances = (period: number, fund: number, available: Fen, parcel: ParcelModel): Fen => {
    let used = 0;
    for (const a of advances) {
      if (a.fund !== fund || a.outstanding === 0) continue;
      if (!a.bridge && model.preAllocations[a.preAllocation].repay !== 'fromCostRecovery') continue;
      const back = Math.min(a.outstanding, available - used, Math.max(0, bal[fund]));
      if (back <= 0) break;
      ledger.post(period, fund, A.fiscal, back, a.bridge ? R.bridgeReturn : R.preAllocationReturn, parcel.index, parcel.zone);
      a.outstanding -= back;
      used += back;
    }
    return used;
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
          advances.push({ fund: pa.fund, outstanding: amt, bridge: false, preAllocation: ev.target[i] });
          break;
        }
        case Kind.Lease: ledger.post(period, A.tenants, A.treasury, amt, R.lease, p, z); break;
        case Kind.Receipt: ledger.post(period, A.buyers, A.treasury, amt, R.receipt, p, z); break;
      }
    }
    // Pre-allocations due back on a date.
    for (const a of advances) {
      if (a.bridge || a.outstanding === 0) continue;
      const pa = model.preAllocations[a.preAllocation];
      if (pa.repay !== 'onDate' || pa.repayPeriod !== period) continue;
      const back = Math.min(a.outstanding, Math.max(0, bal[a.fund]));
      if (back > 0) ledger.post(period, a.fund, A.fiscal, back, R.preAllocationReturn);
      a.outstanding -= back;
    }
    // Phase 1: settlement of parcels whose sale money is all in.
    for (let i = ev.start[base + 1]; i < ev.start[base + 2]; i++) {
      const parcel = model.parcels[ev.parcel[i]];
      const { outcome, recovered } = settle(parcel, period, model, ledger, A.treasury, provisionAccount, R);
      outcomes[parcel.index] = outcome;
      const used = returnAdvances(period, parcel.fund, recovered, parcel);
      if (parcel.project >= 0) bonds.redeemEarly(period, parcel, recovered - used);
    }
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
  return { model, ledger, parcels: outcomes, delays, bonds: bonds.states, notes };
}

function ruleIdOf(kind: Kind, parcel: ParcelModel): string {
  return kind === Kind.Acquisition ? parcel.acquisitionRule! : PAYMENT_RULE[kind]!;
}

function settle(
  parcel: ParcelModel,
  period: number,
  model: Model,
  ledger: Ledger,
  treasury: number,
  provisionAccount: Record<ProvisionKind, number>,
  R: { costRecovery: number; share: number; developerCompensation: number; poolInflow: number; provision: Record<ProvisionKind, number> },
): { outcome: ParcelOutcome; recovered: Fen } {
  const sale = parcel.sale!;
  const byDeveloper = parcel.developer !== NONE;
  const w = saleWaterfall(
    {
      revenue: sale.revenue,
      acquisition: parcel.acquisitionPlanned,
      socialSecurity: parcel.socialSecurity,
      serviceFee: parcel.serviceFee,
      development: byDeveloper ? parcel.developerCompensation : parcel.developmentPlanned,
      managementFee: byDeveloper ? 0 : parcel.managementFee,
      saleBusinessFee: sale.businessFee,
      verifiedCost: parcel.verifiedCost,
      agriDevBase: parcel.agriDevBase,
    },
    model.waterfall,
  );
  const p = parcel.index;
  const z = parcel.zone;
  for (const k of model.waterfall.enabled) ledger.post(period, treasury, provisionAccount[k], w.provisions[k], R.provision[k], p, z);
  // The land income fund may be allocated back to the reserve pool (F-1: its second source).
  if (model.poolFromLandIncomeFund) {
    ledger.post(period, provisionAccount.landIncomeFund, parcel.fund, mulRate(w.provisions.landIncomeFund, model.poolFromLandIncomeFund), R.poolInflow, p, z);
  }
  // The developer's fee is the first call on the recovered cost; the rest returns to the parcel's fund.
  const toDeveloper = byDeveloper ? Math.min(parcel.developerCompensation, w.costRecovered) : 0;
  if (toDeveloper > 0) ledger.post(period, treasury, parcel.developer, toDeveloper, R.developerCompensation, p, z);
  const recovered = w.costRecovered - toDeveloper;
  ledger.post(period, treasury, parcel.fund, recovered, R.costRecovery, p, z);
  const shares = splitValueAdded(w.valueAdded, model.splits[parcel.split]);
  for (let t = 0; t < shares.length; t++) ledger.post(period, treasury, parcel.shareAccounts[t], shares[t], R.share, p, z);
  return { outcome: { waterfall: w, shares }, recovered };
}

