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
 *                  rollover bond or the budget (B-7, B-13); a project whose debt is then repaid
 *                  empties its account: debt service its fund paid, value added still held back
 *                  to its tiers, the rest back to the reserve fund
 *   3 payments     acquisition, fees, works, holding — from the developer (works in a 做地 zone), the
 *                  bond project's account (its proceeds, not the sale money held there for the debt:
 *                  project-account.ts), then the parcel's fund; a shortfall goes to the
 *                  scenario's policy: fiscal top-up, a bridge advance, wait, or a negative fund
 *
 * Settlement before payments is what lets a sale pay for the land's last tranche in the same month
 * (Xingning sold in December 2022 and paid its second tranche in January 2023).
 *
 * Each section is its own file: run-events.ts (the model's events, sorted once), run-inflows.ts,
 * settlement.ts, bond.ts, run-payments.ts; advances.ts keeps what the budget advanced.
 */
import { Ledger } from './ledger';
import { OutcomeColumns, type ParcelOutcome } from './run-outcomes';
import { type Fen } from './money';
import type { Model } from './model';
import { BondBook, type BondState } from './bond';
import { ProjectDebt } from './project-debt';
import { ProjectAccounts } from './project-account';
import { Settlement } from './settlement';
import { Advances } from './advances';
import { Payments } from './run-payments';
import { Inflows } from './run-inflows';
import { PHASES, eventsOf, notePostings, postingsHint } from './run-events';
import { priorBlocksFor, type PaymentBlocks } from './payment-blocks';
import type { ShareLog } from './share-log';

export type { ParcelOutcome } from './run-outcomes';

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
  /** Built from the run's outcome columns when first read (outcomeColumnsOf gives the columns). */
  readonly parcels: readonly ParcelOutcome[];
  readonly delays: readonly Delay[];
  readonly bonds: readonly BondState[];
  readonly years: ReadonlyMap<number, YearIncome>;
  /** Budget advances for debt service (B-13) not returned by the end. */
  readonly debtSupportOutstanding: Fen;
  /** Rollovers or fiscal support refused by the quota, and other notes from the run. */
  readonly notes: readonly { id: string; message: string; messageZh: string }[];
}

/**
 * The run of `model`. `prior`, a run of a model whose layout was rewritten into this one's (a sale
 * price factor: the same payments in the same months), lends the months of payments it can prove
 * come out the same (payment-blocks.ts); the output is the same, posting for posting.
 */
export function run(model: Model, prior?: RunOutput): RunOutput {
  const ev = eventsOf(model);
  // Most events post once, a settlement a handful of times, a period a top-up or two, a bond its
  // coupons; a scenario that posts more grows the ledger. Sized close, as zeroed columns cost GC
  // time: a model run again (the same events) posts what it posted before.
  const ledger = new Ledger(model.accounts.list.length, postingsHint(ev) ?? Math.max(1024, ev.kind.length + model.parcels.length * 8 + model.timeline.months * 8 + model.bonds.length * 64));
  const notes: { id: string; message: string; messageZh: string }[] = [];
  const advances = new Advances(model, ledger);
  const accounts = new ProjectAccounts(ledger.balances);
  const bonds = new BondBook(model, ledger, accounts, (fund, amount) => advances.add(fund, amount, 'debtSupport'));
  const debt = new ProjectDebt(model, bonds, ledger, accounts);
  const settlement = new Settlement(model, ledger, debt, bonds, (period, fund, available, parcel, zone) => advances.returnFrom(period, fund, available, parcel, zone));
  const lent = prior && prior.model.shortfall === model.shortfall ? priorBlocksFor(BLOCKS.get(prior), ev, ledger.accountCount) : undefined;
  const payments = new Payments(model, ledger, ev, advances, settlement.fundPaid, accounts.fenced, lent);
  const inflows = new Inflows(model, ledger, ev, advances, settlement);

  for (let period = 0; period < model.timeline.months; period++) {
    // Phase 0: inflows.
    bonds.issueDue(period);
    inflows.receive(period);
    settlement.afterReceipts(period);
    advances.returnDue(period);
    // Phase 1: settlement of parcels whose sale money is all in; quarter and year ends.
    const base = period * PHASES + 1;
    for (let i = ev.start[base]; i < ev.start[base + 1]; i++) settlement.settle(period, model.parcels[ev.parcel[i]]);
    settlement.periodEnd(period);
    // Phase 2: debt service.
    bonds.serviceDue(period, notes);
    settlement.afterDebtService(period);
    // Phase 3: payments.
    payments.payDue(period);
  }
  payments.finish();
  notePostings(ev, ledger.length);
  const out = runOutput({ model, ledger, delays: payments.delays, bonds: bonds.states, notes, years: settlement.years, debtSupportOutstanding: advances.debtSupportOutstanding() }, settlement.outcomes, settlement.shareLog);
  BLOCKS.set(out, payments.blocks);
  return out;
}

/** Each run's months of payments, for a later run of the same payments to copy. */
const BLOCKS = new WeakMap<RunOutput, PaymentBlocks>();

/** A run's months of payments (how many it copied from the run it was given, for tests and benches). */
export function paymentBlocksOf(out: RunOutput): PaymentBlocks | undefined {
  return BLOCKS.get(out);
}

/** A run's output: its parcels' outcomes built from `outcomes` when first read; its log of splits kept beside it. */
export function runOutput(fields: Omit<RunOutput, 'parcels'>, outcomes: OutcomeColumns, log: ShareLog): RunOutput {
  // The getter is one for every output, defined among the fields: an object literal with a getter
  // is made in dictionary mode, and a getter of each output's own would give each its own map.
  const out = { model: fields.model, ledger: fields.ledger } as RunOutput;
  Object.defineProperty(out, 'parcels', PARCELS);
  Object.assign(out, { delays: fields.delays, bonds: fields.bonds, years: fields.years, debtSupportOutstanding: fields.debtSupportOutstanding, notes: fields.notes });
  SHARE_LOGS.set(out, log);
  OUTCOMES.set(out, outcomes);
  return out;
}

/** A run derived from `out` (a re-split, a re-derived coupon): its fields but those `changed`, with new outcomes and log. */
export function derivedRun(out: RunOutput, changed: Partial<Omit<RunOutput, 'parcels'>>, outcomes: OutcomeColumns, log: ShareLog): RunOutput {
  const { model, ledger, delays, bonds, years, debtSupportOutstanding, notes } = out;
  return runOutput({ model, ledger, delays, bonds, years, debtSupportOutstanding, notes, ...changed }, outcomes, log);
}

const PARCEL_OBJECTS = new WeakMap<RunOutput, ParcelOutcome[]>();
const PARCELS: PropertyDescriptor = {
  get(this: RunOutput): ParcelOutcome[] {
    let parcels = PARCEL_OBJECTS.get(this);
    if (!parcels) {
      parcels = OUTCOMES.get(this)!.objects();
      PARCEL_OBJECTS.set(this, parcels);
      BUILT.add(this);
    }
    return parcels;
  },
  enumerable: true,
  configurable: true,
};

const OUTCOMES = new WeakMap<RunOutput, OutcomeColumns>();
/** Runs whose ParcelOutcome objects have been built (and may since have been read or changed by their reader). */
const BUILT = new WeakSet<RunOutput>();

/**
 * The columns a run's parcel outcomes are read from by a check that must see what readers see:
 * the columns until the objects are built, and none (read the objects) after.
 */
export function unbuiltOutcomeColumnsOf(out: RunOutput): OutcomeColumns | undefined {
  return BUILT.has(out) ? undefined : OUTCOMES.get(out);
}

/** The columns a run's parcel outcomes are built from (totals over parcels read them without building objects). */
export function outcomeColumnsOf(out: RunOutput): OutcomeColumns | undefined {
  return OUTCOMES.get(out);
}

/** Each run's log of its splits, kept beside the output (the Result does not show it). */
const SHARE_LOGS = new WeakMap<RunOutput, ShareLog>();

export function shareLogOf(out: RunOutput): ShareLog | undefined {
  return SHARE_LOGS.get(out);
}

/** Σ over the parcels of an outcome figure, read from the columns (no outcome objects built). */
export function parcelTotal(out: RunOutput, column: 'unrecoveredCost' | 'heldBack' | 'financingCost'): Fen {
  const c = OUTCOMES.get(out);
  if (c) return c.total(column);
  let s = 0;
  for (const o of out.parcels) s += column === 'unrecoveredCost' ? (o.waterfall?.unrecoveredCost ?? 0) : o[column];
  return s;
}
