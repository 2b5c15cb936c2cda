/**
 * Phase 3 of a month: the parcels' payments — acquisition, fees, works, holding. Works and the
 * management fee in a 做地 zone are the developer's; everything else is paid from the bond
 * project's account as far as it holds money other than value added held back there for the debt
 * (that is for debt service only, project-debt.ts), then from the parcel's fund. When the fund is short
 * the scenario's policy decides: a fiscal top-up, a bridge advance (returned later from cost
 * recovery), wait (the payment queues, and later payments on that fund queue behind it), or let
 * the fund go negative.
 */
import { ruleIndex } from './rules';
import { NONE, type Ledger } from './ledger';
import type { Fen } from './money';
import type { Model } from './model';
import type { Advances } from './advances';
import type { Delay } from './run';
import { Kind, PHASES, paymentRuleId, type Events } from './run-events';
import { PaymentBlocks, copyBlock, sameBlock } from './payment-blocks';

/**
 * Per parcel of a layout: 1 when its payments come from its fund alone (no bond project, no 做地
 * developer). Keyed on the layout's per-parcel project column, which a rewritten layout shares.
 */
const DIRECT = new WeakMap<Int32Array, Uint8Array>();

function directOf(ev: Events): Uint8Array {
  let direct = DIRECT.get(ev.projectAccount);
  if (!direct) {
    direct = new Uint8Array(ev.projectAccount.length);
    for (let p = 0; p < direct.length; p++) direct[p] = ev.projectAccount[p] === NONE && ev.developer[p] === NONE ? 1 : 0;
    DIRECT.set(ev.projectAccount, direct);
  }
  return direct;
}

/** Who each kind of parcel payment goes to (the coupon walk tells payments from other postings by these accounts). */
export const PAYEES: readonly (readonly [Kind, string])[] = [
  [Kind.Acquisition, 'landholders'],
  [Kind.ServiceFee, 'serviceProviders'],
  [Kind.Works, 'contractors'],
  [Kind.ManagementFee, 'agentBuilder'],
  [Kind.Holding, 'caretakers'],
  [Kind.SaleFee, 'saleAgent'],
];

interface Pending {
  kind: Kind;
  parcel: number;
  amount: Fen;
  rule: number;
  duePeriod: number;
}

export class Payments {
  readonly delays: Delay[] = [];
  private queue: Pending[] = [];
  private readonly payee: Int32Array;
  private readonly fiscal: number;
  private readonly topUp = ruleIndex('funding.fiscalTopUp');
  private readonly bridge = ruleIndex('funding.bridge');
  /** The shortfall policy as a number, read once per payment. */
  private readonly policy: number;
  /** Where this run's months of payments sit in its ledger, for a later run of the same payments (payment-blocks.ts). */
  readonly blocks: PaymentBlocks;
  /** A top-up or bridge posted in this month's payments. */
  private shortfallSeen = false;

  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    private readonly ev: Events,
    private readonly advances: Advances,
    /** Costs of each parcel its fund paid (and has not had back): settlement recovers them first. */
    private readonly fundPaid: Float64Array,
    /** Per account: money ring-fenced in it for debt service, which no payment may spend (project-account.ts fenced). */
    private readonly fenced: Float64Array,
    /** An earlier run's blocks of the same payments, which a month may copy when it proves them the same. */
    private readonly prior?: PaymentBlocks,
  ) {
    const acc = model.accounts;
    this.fiscal = acc.idx('fiscal');
    this.payee = new Int32Array(Kind.SaleFee + 1).fill(NONE);
    for (const [kind, id] of PAYEES) this.payee[kind] = acc.idx(id);
    this.policy = ['wait', 'fiscalTopUp', 'bridge', 'negative'].indexOf(model.shortfall);
    this.blocks = new PaymentBlocks(ev, ledger, model.timeline.months);
  }

  /** Those that waited first, then this period's, in priority order. */
  payDue(period: number): void {
    this.blocks.open(period);
    this.shortfallSeen = false;
    if (this.queue.length > 0) {
      const waiting = this.queue;
      this.queue = [];
      for (const w of waiting) {
        if (this.pay(period, w.kind, w.parcel, w.amount, w.rule)) {
          this.delays.push({ parcel: w.parcel, rule: this.ruleId(w), amount: w.amount, duePeriod: w.duePeriod, paidPeriod: period });
        } else this.queue.push(w);
      }
    }
    const base = period * PHASES + 2;
    if (this.policy === 0) this.payOrWait(period, this.ev.start[base], this.ev.start[base + 1]);
    else if (this.prior && sameBlock(this.prior, this.ev, this.ledger, period, this.policy)) {
      copyBlock(this.prior, this.ledger, period);
      this.blocks.copied++;
      this.paidFromFunds(this.ev.start[base], this.ev.start[base + 1]);
      this.shortfallSeen = this.prior.shortfall[period] === 1;
    } else this.payAll(period, this.ev.start[base], this.ev.start[base + 1]);
    this.blocks.close(period, this.shortfallSeen);
  }

  /** What a copied month's payments took from their parcels' funds (none draws on a project account). */
  private paidFromFunds(from: number, to: number): void {
    const { kind, parcel, amount, developer } = this.ev;
    for (let i = from; i < to; i++) {
      const p = parcel[i];
      if (amount[i] <= 0 || (developer[p] !== NONE && (kind[i] === Kind.Works || kind[i] === Kind.ManagementFee))) continue;
      this.fundPaid[p] += amount[i];
    }
  }

  /** Events from … to − 1 under "wait": a payment may not jump the queue of those already waiting on the same fund. */
  private payOrWait(period: number, from: number, to: number): void {
    const ev = this.ev;
    for (let i = from; i < to; i++) {
      const kind = ev.kind[i] as Kind;
      const parcel = ev.parcel[i];
      const blocked = this.queue.length > 0 && this.waitingOn(ev.fund[parcel]);
      if (blocked || !this.pay(period, kind, parcel, ev.amount[i], ev.target[i])) {
        this.queue.push({ kind, parcel, amount: ev.amount[i], rule: ev.target[i], duePeriod: period });
      }
    }
  }

  /**
   * Events from … to − 1 under a policy that never makes a payment wait. Most payments — every
   * one of a parcel with neither a bond project nor a 做地 developer — come from the parcel's fund
   * alone: that path is pay()'s, written out here, so that the month's loop reads its columns once,
   * and its postings are written straight into the ledger's columns (a month's payments are a few
   * thousand postings a draw, most of them holding costs: post()'s call and checks a posting cost
   * more than the posting).
   */
  private payAll(period: number, from: number, to: number): void {
    const ledger = this.ledger;
    // A payment posts at most three times (a top-up, from the project, from the fund); past the
    // columns' room, every posting goes through post(), which grows them (and the columns read here go stale).
    const posted = ledger.length + 3 * (to - from) > ledger.period.length;
    const { kind, parcel, amount, target, fund: fundOf, zone } = this.ev;
    const { payee, fundPaid } = this;
    const direct = directOf(this.ev);
    const bal = ledger.balances;
    const { period: periodCol, from: fromCol, to: toCol, amount: amountCol, rule: ruleCol, parcel: parcelCol, zone: zoneCol } = ledger;
    let n = ledger.length;
    for (let i = from; i < to; i++) {
      const p = parcel[i];
      if (direct[p] === 0) {
        ledger.length = n;
        this.pay(period, kind[i] as Kind, p, amount[i], target[i]);
        n = ledger.length;
        continue;
      }
      const x = amount[i];
      if (x <= 0) continue;
      const fund = fundOf[p];
      const gap = x - Math.max(0, bal[fund]);
      const paidTo = payee[kind[i]];
      if (posted || gap > 0 || !Number.isSafeInteger(x) || fund === paidTo) {
        // A top-up first, an amount post() refuses, or no room: post() writes them, with its checks.
        ledger.length = n;
        if (gap > 0) this.shortfall(period, fund, gap, p, zone[p]);
        ledger.post(period, fund, paidTo, x, target[i], p, zone[p]);
        n = ledger.length;
      } else {
        periodCol[n] = period;
        fromCol[n] = fund;
        toCol[n] = paidTo;
        amountCol[n] = x;
        ruleCol[n] = target[i];
        parcelCol[n] = p;
        zoneCol[n] = zone[p];
        n++;
        bal[fund] -= x;
        bal[paidTo] += x;
      }
      fundPaid[p] += x;
    }
    ledger.length = n;
  }

  /** A fund short of `gap` for a payment, under a policy that pays anyway: a fiscal top-up, a bridge advance, or nothing (negative). */
  private shortfall(period: number, fund: number, gap: Fen, p: number, zone: number): void {
    if (this.policy !== 3) this.shortfallSeen = true;
    if (this.policy === 1) this.ledger.post(period, this.fiscal, fund, gap, this.topUp, p, zone);
    else if (this.policy === 2) {
      this.ledger.post(period, this.fiscal, fund, gap, this.bridge, p, zone);
      this.advances.add(fund, gap, 'bridge');
    }
  }

  private waitingOn(fund: number): boolean {
    const fundOf = this.ev.fund;
    for (const w of this.queue) if (fundOf[w.parcel] === fund) return true;
    return false;
  }

  /** Payments still waiting when the timeline ends. */
  finish(): void {
    for (const w of this.queue) this.delays.push({ parcel: w.parcel, rule: this.ruleId(w), amount: w.amount, duePeriod: w.duePeriod, paidPeriod: -1 });
    this.queue = [];
  }

  private ruleId(w: Pending): string {
    return paymentRuleId(w.kind, this.model.parcels[w.parcel].acquisitionRule);
  }

  /** Pays `amount` for parcel p from its project account, then its fund; false if it must wait. */
  private pay(period: number, kind: Kind, p: number, amount: Fen, rule: number): boolean {
    const ev = this.ev;
    const ledger = this.ledger;
    const to = this.payee[kind];
    const zone = ev.zone[p];
    const developer = ev.developer[p];
    if (developer !== NONE && (kind === Kind.Works || kind === Kind.ManagementFee)) {
      ledger.post(period, developer, to, amount, rule, p, zone);
      return true;
    }
    const bal = ledger.balances;
    const fund = ev.fund[p];
    const proj = ev.projectAccount[p];
    const fromProject = proj === NONE ? 0 : Math.min(amount, Math.max(0, bal[proj] - this.fenced[proj]));
    const rest = amount - fromProject;
    const gap = rest - Math.max(0, bal[fund]);
    if (gap > 0) {
      if (this.policy === 0) return false;
      this.shortfall(period, fund, gap, p, zone);
    }
    if (fromProject > 0) ledger.post(period, proj, to, fromProject, rule, p, zone);
    if (rest > 0) {
      ledger.post(period, fund, to, rest, rule, p, zone);
      this.fundPaid[p] += rest;
    }
    return true;
  }
}
