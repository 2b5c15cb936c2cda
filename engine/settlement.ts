/**
 * What happens to a parcel's sale money (DOMAIN §4.3, S-1, S-5, S-6, B-1): receipts into the
 * treasury, provisions, the 核定成本 recovered, debt service set aside, value added split.
 *
 *   on each receipt   the parcel's first receipt fixes its financing cost (project-debt.ts); with
 *                     provisions on the year, parcel-level kinds (land income fund, agricultural
 *                     fund) are posted with each receipt and the receipt joins the year's base
 *   at settlement     (the last receipt) the 核定成本 is recovered as far as the money allows —
 *                     on the year basis, leaving room for the most the year's provisions can take
 *   at finalisation   (settlement on the parcel basis; the year-end true-up on the year basis) the
 *                     rest of the cost is recovered, the project's uncovered debt is held back, and
 *                     value added is split
 *
 * Cost recovered goes first to the fund that paid the parcel's costs, then to the fund that paid
 * its project's debt service, then into the project account as far as the bonds still need it
 * (releasing value added held back before), and the rest to the parcel's fund. Once a project's
 * bonds are repaid its account is emptied (project-account-close.ts); a sale's receipts each take
 * their part of the parcel's cost and quantities (sale-receipts.ts).
 */
import { mulRate, type Fen } from './money';
import { NONE, type Ledger } from './ledger';
import { parcelProvisions, parcelProvisionsInto, type CompiledKinds, type ProvisionRate } from './sale-waterfall';
import { OutcomeColumns } from './run-outcomes';
import { splitValueAdded } from './revenue-split';
import { YearProvisions } from './year-provisions';
import { ShareLog } from './share-log';
import { settlementFrame, type SettlementRules } from './settlement-frame';
import { yearMonthOf } from './timeline';
import type { BondBook } from './bond';
import type { ProjectDebt } from './project-debt';
import type { Model, ParcelModel } from './model';
import type { YearIncome } from './run';
import { inArrivalOrder, receiptPlan, receiptProvisions, receiptWeights, spread, type ReceiptPlan } from './sale-receipts';
import { ProjectAccountClose, type ReturnAdvances } from './project-account-close';

export class Settlement {
  private readonly treasury: number;
  private readonly buyers: number;
  /** Development compensation paid to the 做地 developer so far, per parcel. */
  private readonly developerPaid: Float64Array;
  private readonly provisionAccount: Readonly<Record<string, number>>;
  private readonly R: SettlementRules;
  private readonly yearly: YearProvisions | null;
  private readonly parcelKinds: readonly ProvisionRate[];
  /** Per parcel-level kind, in order: its id, provision account and rule (read per settlement, by index). */
  private readonly kindId: readonly string[];
  private readonly kindAccount: Int32Array;
  private readonly kindRule: Int32Array;
  /** The land income fund's place among the parcel-level kinds (−1 if none or not allocated to the pool). */
  private readonly landIncomeKind: number;
  private readonly plans: (ReceiptPlan | null)[];
  /** 1 once the parcel's first receipt (or its settlement) fixed its financing cost and spread its cost. */
  private readonly planned: Uint8Array;
  /** Receipts of each parcel seen so far. */
  private readonly seen: Int32Array;
  /** The cost recognised with each receipt: parcel i's receipts are receiptCost[costAt[i] …]. */
  private readonly costAt: Int32Array;
  private readonly receiptCost: Float64Array;
  private readonly recovered: Float64Array;
  /** Costs of each parcel the fund paid and has not had back. */
  readonly fundPaid: Float64Array;
  private readonly pendingFinal: number[] = [];
  /** The calendar year of each period. */
  private readonly yearOf: Int32Array;
  readonly years = new Map<number, YearIncome>();
  /** What each parcel's sale came to, by columns (run-outcomes.ts). */
  readonly outcomes: OutcomeColumns;
  /** The parcel-level kinds with their bases read once (parcelProvisionsInto). */
  private readonly compiled: CompiledKinds;
  /** Every split of value added, so a new split ratio can re-split without re-running (share-log.ts). */
  readonly shareLog = new ShareLog();
  /** Empties the account of a project whose bonds are all repaid. */
  private readonly closing: ProjectAccountClose;

  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    private readonly debt: ProjectDebt,
    private readonly bonds: BondBook,
    /** Advances on `fund` returned from money it has just received (posted with the parcel and zone, or none). */
    private readonly returnAdvances: ReturnAdvances,
  ) {
    const f = settlementFrame(model);
    this.treasury = f.treasury;
    this.buyers = f.buyers;
    this.provisionAccount = f.provisionAccount;
    this.R = f.R;
    this.parcelKinds = f.parcelKinds;
    this.kindId = f.kindId;
    this.kindAccount = f.kindAccount;
    this.kindRule = f.kindRule;
    this.landIncomeKind = f.landIncomeKind;
    this.compiled = f.compiled;
    this.yearOf = f.yearOf;
    const byYear = f.yearKinds !== null;
    this.outcomes = new OutcomeColumns(model.parcels.length, f.outcomeKinds, model.tiers.length);
    this.yearly = f.yearKinds ? new YearProvisions(f.yearKinds, ledger, this.treasury) : null;
    this.plans = byYear ? model.parcels.map(() => null) : [];
    // The per-parcel columns as views of one buffer: one allocation a run (a Monte Carlo draw's
    // collector sweeps every buffer made since its last scavenge), doubles first for alignment.
    const n = model.parcels.length;
    let receipts = 0;
    for (let i = 0; i < n; i++) receipts += model.parcels[i].sale?.receipts.length ?? 0;
    const buffer = new ArrayBuffer((3 * n + receipts) * 8 + (2 * n + 1) * 4 + n);
    let at = 0;
    const f64 = (length: number) => { const c = new Float64Array(buffer, at, length); at += 8 * length; return c; };
    const i32 = (length: number) => { const c = new Int32Array(buffer, at, length); at += 4 * length; return c; };
    this.recovered = f64(n);
    this.fundPaid = f64(n);
    this.developerPaid = f64(n);
    this.receiptCost = f64(receipts);
    this.seen = i32(n);
    this.costAt = i32(n + 1);
    this.planned = new Uint8Array(buffer, at, n);
    for (let i = 0; i < n; i++) this.costAt[i + 1] = this.costAt[i] + (model.parcels[i].sale?.receipts.length ?? 0);
    this.closing = new ProjectAccountClose(model, ledger, debt, returnAdvances, (period, g, amount) => { this.release(period, g, amount, null); });
  }

  private costDue(p: ParcelModel): Fen {
    return p.verifiedCost + this.outcomes.financingCost[p.index];
  }

  /** Phase 0: a sale receipt arrives in the treasury. */
  receipt(period: number, p: ParcelModel, amount: Fen): void {
    this.ledger.post(period, this.buyers, this.treasury, amount, this.R.receipt, p.index, p.zone);
    if (!this.planned[p.index]) this.plan(period, p);
    const r = this.seen[p.index]++;
    const cost = this.receiptCost[this.costAt[p.index] + r];
    const y = this.yearOf[period];
    const yi = this.years.get(y);
    if (yi) {
      yi.income += amount;
      yi.costRecognised += cost;
    } else this.years.set(y, { income: amount, costRecognised: cost });
    if (!this.yearly) return;
    const plan = this.plans[p.index]!;
    const amounts = receiptProvisions(plan, r, amount, this.kindId);
    for (let k = 0; k < this.kindId.length; k++) this.postProvision(period, p, k, amounts[this.kindId[k]]);
    this.yearly.receipt(y, p.index, { income: amount, reserveCost: cost, socialSecurity: plan.socialSecurity[r], agriDevArea: plan.agriDevArea[r] }, amounts);
  }

  /** The first receipt fixes the parcel's financing cost and spreads its quantities over its receipts. */
  private plan(period: number, p: ParcelModel): void {
    const sale = p.sale!;
    this.planned[p.index] = 1;
    this.outcomes.financingCost[p.index] = this.debt.attribute(p.index, period);
    // The r-th receipt to arrive takes the r-th part, whatever order the model lists them in.
    const receipts = inArrivalOrder(sale.receipts);
    const n = receipts.length;
    const weights = receiptWeights(receipts);
    // On the parcel basis only the cost recognised with each receipt is needed (for the year's 收益).
    const costs = spread(this.costDue(p), weights, n);
    for (let r = 0; r < n; r++) this.receiptCost[this.costAt[p.index] + r] = costs[r];
    if (!this.yearly) return;
    const pk = parcelProvisions({ income: sale.revenue, reserveCost: this.costDue(p), socialSecurity: p.socialSecurity, agriDevArea: p.agriDevBase }, this.parcelKinds);
    this.plans[p.index] = receiptPlan(p, pk, this.kindId, weights, n);
  }

  /** Posts parcel-level kind number `k` (in this.kindId's order). */
  private postProvision(period: number, p: ParcelModel, k: number, amount: Fen): void {
    this.ledger.post(period, this.treasury, this.kindAccount[k], amount, this.kindRule[k], p.index, p.zone);
    // The land income fund may be allocated back to the reserve pool (F-1: its second source).
    if (k === this.landIncomeKind) {
      this.ledger.post(period, this.kindAccount[k], p.fund, mulRate(amount, this.model.poolFromLandIncomeFund!), this.R.poolInflow, p.index, p.zone);
    }
  }

  /** After a month's receipts: year-basis kinds timed "receipt" accrue. */
  afterReceipts(period: number): void {
    this.yearly?.accrue(period, yearMonthOf(this.model.timeline, period).year, 'receipt');
  }

  /** Phase 1: the last receipt is in. */
  settle(period: number, p: ParcelModel): void {
    const sale = p.sale!;
    if (!this.planned[p.index]) this.outcomes.financingCost[p.index] = this.debt.attribute(p.index, period);
    if (!this.yearly) {
      // The provisions of saleWaterfall() on the parcel's own bases; finalize() does the rest of it.
      const o = this.outcomes;
      const at = p.index * this.kindId.length;
      const capped = parcelProvisionsInto(sale.revenue, this.costDue(p), p.socialSecurity, p.agriDevBase, this.compiled, o.provisions, at);
      for (let k = 0; k < this.kindId.length; k++) this.postProvision(period, p, k, o.provisions[at + k]);
      this.finalize(period, p, capped);
      return;
    }
    // A sale with no receipts (a price of 0) still settles: its plan is made here.
    if (!this.planned[p.index]) this.plan(period, p);
    const plan = this.plans[p.index]!;
    this.recoverUpTo(period, p, sale.revenue - plan.parcelKindsTotal - this.yearly.bound(p.index));
    this.pendingFinal.push(p.index);
  }

  /** Quarter and year ends on the year basis: accrual, true-up, then the waiting parcels finalised. */
  periodEnd(period: number): void {
    if (!this.yearly) return;
    const last = period === this.model.timeline.months - 1;
    const { year, month } = yearMonthOf(this.model.timeline, period);
    if (month % 3 === 0 || last) this.yearly.accrue(period, year, 'quarterly');
    if (month !== 12 && !last) return;
    this.yearly.closeYear(period, year, (i) => this.model.parcels[i].zone);
    const waiting = this.pendingFinal.splice(0);
    for (const i of waiting) {
      const p = this.model.parcels[i];
      const plan = this.plans[i]!;
      const o = this.outcomes;
      const at = i * o.kinds.length;
      const nK = this.kindId.length;
      for (let k = 0; k < nK; k++) o.provisions[at + k] = plan.parcelKinds[this.kindId[k]].reduce((a, b) => a + b, 0);
      const attributed = this.yearly.attributed.get(i) ?? [];
      for (let j = 0; nK + j < o.kinds.length; j++) o.provisions[at + nK + j] = attributed[j] ?? 0;
      this.finalize(period, p, plan.parcelKindsCapped);
    }
  }

  /** Recovers the parcel's cost up to `available` (what the sale leaves after provisions). */
  private recoverUpTo(period: number, p: ParcelModel, available: Fen): void {
    const target = Math.min(Math.max(0, available), this.costDue(p));
    let now = target - this.recovered[p.index];
    if (now <= 0) return;
    this.recovered[p.index] = target;
    // The developer's fee is the first call on the recovered cost (Z-2).
    if (p.developer !== NONE) {
      const toDeveloper = Math.min(p.developerCompensation - this.developerPaid[p.index], now);
      this.ledger.post(period, this.treasury, p.developer, toDeveloper, this.R.developerCompensation, p.index, p.zone);
      this.developerPaid[p.index] += toDeveloper;
      now -= toDeveloper;
    }
    this.route(period, p, now);
  }

  /** Cost recovered: to the fund that paid, the fund that serviced the debt, the project, then the parcel's fund. */
  private route(period: number, p: ParcelModel, amount: Fen): void {
    let rest = amount;
    const own = Math.min(rest, this.fundPaid[p.index]);
    this.fundPaid[p.index] -= own;
    rest -= this.toFund(period, p, p.fund, own);
    const g = this.debt.groupOf(p.index);
    if (g !== null) {
      const closed = this.model.zoneMode === 'closed';
      for (const s of this.debt.bondsOf(g)) {
        // Closed operation: a zone's sale money never crosses into another zone's fund (Z-1).
        if (s.owedToFund <= 0 || (closed && s.bond.fund !== p.fund)) continue;
        const x = Math.min(rest, s.owedToFund);
        s.owedToFund -= x;
        rest -= this.toFund(period, p, s.bond.fund, x);
      }
      if (g >= 0) {
        const account = this.model.projects[g].account;
        const x = Math.min(rest, this.debt.need(g, period));
        if (x > 0) {
          this.ledger.post(period, this.treasury, account, x, this.R.costRecovery, p.index, p.zone);
          this.debt.recover(g, x);
          rest -= x;
          this.bonds.redeemEarly(period, p, account, x);
        }
        // The project's debt is covered: this recovery replaces value added held back earlier,
        // which the project account now releases to its tiers.
        const total = this.release(period, g, rest, p);
        rest -= total;
      }
    }
    this.toFund(period, p, p.fund, rest);
  }

  /**
   * Value added held back in project `g`'s account released to its parcels' tiers, oldest first,
   * up to `amount`: replaced by cost `from` recovered (paid into the account first), or, with no
   * parcel, taken from what is held there once the debt is repaid. Returns what was released.
   */
  private release(period: number, g: number, amount: Fen, from: ParcelModel | null): Fen {
    const released = this.debt.release(g, amount, from === null);
    let total = 0;
    for (const r of released) total += r.amount;
    if (total <= 0) return 0;
    const account = this.model.projects[g].account;
    if (from) this.ledger.post(period, this.treasury, account, total, this.R.costRecovery, from.index, from.zone);
    for (const r of released) {
      this.share(period, this.model.parcels[r.parcel], r.amount, account);
      this.outcomes.heldBack[r.parcel] -= r.amount;
    }
    return total;
  }

  /** After the month's debt service: the account of a project whose bonds are all repaid is emptied. */
  afterDebtService(period: number): void {
    this.closing.afterDebtService(period);
  }

  /** Recovered cost `x` paid into `fund`: advances returned from it, then its project's bonds redeemed early. Returns x (0 if none). */
  private toFund(period: number, p: ParcelModel, fund: number, x: Fen): Fen {
    if (x <= 0) return 0;
    this.ledger.post(period, this.treasury, fund, x, this.R.costRecovery, p.index, p.zone);
    const used = this.returnAdvances(period, fund, x, p.index, p.zone);
    if (fund === p.fund && p.project >= 0) this.bonds.redeemEarly(period, p, fund, x - used);
    return x;
  }

  /** The parcel's waterfall made final: its provisions (in the outcome columns) and what of them was capped. */
  private finalize(period: number, p: ParcelModel, capped: Fen): void {
    const sale = p.sale!;
    const o = this.outcomes;
    let provisionsTotal = 0;
    for (let k = p.index * o.kinds.length, end = k + o.kinds.length; k < end; k++) provisionsTotal += o.provisions[k];
    const available = Math.max(0, sale.revenue) - provisionsTotal;
    this.recoverUpTo(period, p, available);
    const costRecovered = this.recovered[p.index];
    let valueAdded = Math.max(0, available - costRecovered);
    const g = this.debt.groupOf(p.index);
    if (g !== null && g >= 0 && valueAdded > 0) {
      valueAdded -= this.repayFunds(period, p, g, valueAdded);
      const hold = Math.min(valueAdded, this.debt.need(g, period));
      if (hold > 0) {
        const account = this.model.projects[g].account;
        this.ledger.post(period, this.treasury, account, hold, this.R.setAside, p.index, p.zone);
        this.debt.hold(g, p.index, hold);
        o.heldBack[p.index] += hold;
        this.bonds.redeemEarly(period, p, account, hold);
        valueAdded -= hold;
      }
    }
    o.settled[p.index] = 1;
    o.provisionsTotal[p.index] = provisionsTotal;
    o.provisionsCapped[p.index] = capped;
    o.costRecovered[p.index] = costRecovered;
    o.unrecoveredCost[p.index] = this.costDue(p) - costRecovered;
    o.valueAdded[p.index] = Math.max(0, valueAdded);
    this.share(period, p, valueAdded, this.treasury, false);
  }

  /**
   * Value added of `p` (up to `available`) repays the debt service its project's bonds' funds (or
   * the budget through them) paid and have not had back, before any of it is held or shared: that
   * is the project's debt, its cost (S-6, B-13), and value added is what is left after it (S-1).
   * Recovered cost repaid them first (route); in closed operation only the parcel's own zone fund
   * (Z-1). Returns what it took, held back as spent on the debt.
   */
  private repayFunds(period: number, p: ParcelModel, g: number, available: Fen): Fen {
    const closed = this.model.zoneMode === 'closed';
    let used = 0;
    for (const s of this.debt.bondsOf(g)) {
      if (s.owedToFund <= 0 || (closed && s.bond.fund !== p.fund)) continue;
      const x = Math.min(available - used, s.owedToFund);
      if (x <= 0) break;
      s.owedToFund -= x;
      this.ledger.post(period, this.treasury, s.bond.fund, x, this.R.fundRepaid, p.index, p.zone);
      this.returnAdvances(period, s.bond.fund, x, p.index, p.zone);
      used += x;
    }
    this.debt.repaidFunds(g, p.index, used);
    this.outcomes.heldBack[p.index] += used;
    return used;
  }

  /** Value added to the parcel's tiers (added to what it already has: a release comes later). */
  private share(period: number, p: ParcelModel, amount: Fen, from = this.treasury, addToWaterfall = true): void {
    if (amount <= 0) return;
    const shares = splitValueAdded(amount, this.model.splits[p.split]);
    this.shareLog.record(this.ledger.length, p.index, amount, from);
    for (let t = 0; t < shares.length; t++) this.ledger.post(period, from, p.shareAccounts[t], shares[t], this.R.share, p.index, p.zone);
    this.shareLog.close(this.ledger.length);
    this.outcomes.addShares(p.index, shares);
    if (addToWaterfall && this.outcomes.settled[p.index]) this.outcomes.valueAdded[p.index] += amount;
  }
}
