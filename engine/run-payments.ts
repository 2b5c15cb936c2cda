/**
 * Phase 3 of a month: the parcels' payments — acquisition, fees, works, holding. Works and the
 * management fee in a 做地 zone are the developer's; everything else is paid from the bond
 * project's account as far as it holds money, then from the parcel's fund. When the fund is short
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

  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    private readonly ev: Events,
    private readonly advances: Advances,
    /** Costs of each parcel its fund paid (and has not had back): settlement recovers them first. */
    private readonly fundPaid: Float64Array,
  ) {
    const acc = model.accounts;
    this.fiscal = acc.idx('fiscal');
    this.payee = new Int32Array(Kind.SaleFee + 1).fill(NONE);
    for (const [kind, id] of PAYEES) this.payee[kind] = acc.idx(id);
    this.policy = ['wait', 'fiscalTopUp', 'bridge', 'negative'].indexOf(model.shortfall);
  }

  /** Those that waited first, then this period's, in priority order. */
  payDue(period: number): void {
    if (this.queue.length > 0) {
      const waiting = this.queue;
      this.queue = [];
      for (const w of waiting) {
        if (this.pay(period, w.kind, w.parcel, w.amount, w.rule)) {
          this.delays.push({ parcel: w.parcel, rule: this.ruleId(w), amount: w.amount, duePeriod: w.duePeriod, paidPeriod: period });
        } else this.queue.push(w);
      }
    }
    const ev = this.ev;
    const base = period * PHASES + 2;
    const waitPolicy = this.policy === 0;
    for (let i = ev.start[base]; i < ev.start[base + 1]; i++) {
      const kind = ev.kind[i] as Kind;
      const parcel = ev.parcel[i];
      // A payment may not jump the queue of those already waiting on the same fund.
      const blocked = waitPolicy && this.queue.length > 0 && this.waitingOn(ev.fund[parcel]);
      if (blocked || !this.pay(period, kind, parcel, ev.amount[i], ev.target[i])) {
        this.queue.push({ kind, parcel, amount: ev.amount[i], rule: ev.target[i], duePeriod: period });
      }
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
    const fromProject = proj === NONE ? 0 : Math.min(amount, Math.max(0, bal[proj]));
    const rest = amount - fromProject;
    const gap = rest - Math.max(0, bal[fund]);
    if (gap > 0) {
      switch (this.policy) {
        case 0: return false;
        case 1: ledger.post(period, this.fiscal, fund, gap, this.topUp, p, zone); break;
        case 2:
          ledger.post(period, this.fiscal, fund, gap, this.bridge, p, zone);
          this.advances.add(fund, gap, 'bridge');
          break;
      }
    }
    if (fromProject > 0) ledger.post(period, proj, to, fromProject, rule, p, zone);
    if (rest > 0) {
      ledger.post(period, fund, to, rest, rule, p, zone);
      this.fundPaid[p] += rest;
    }
    return true;
  }
}
