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
 * (releasing value added held back before), and the rest to the parcel's fund.
 */
import { allocate, mulRate, type Fen } from './money';
import { NONE, type Ledger } from './ledger';
import { parcelProvisions, saleWaterfall, type ProvisionRate, type WaterfallResult } from './sale-waterfall';
import { splitValueAdded } from './revenue-split';
import { YearProvisions } from './year-provisions';
import { ShareLog } from './share-log';
import { ruleIndex } from './rules';
import { yearMonthOf } from './timeline';
import type { BondBook } from './bond';
import type { ProjectDebt } from './project-debt';
import type { Model, ParcelModel } from './model';
import { amountsOf } from './flows';
import type { ParcelOutcome, YearIncome } from './run';

interface ReceiptPlan {
  /** Per receipt, in order: its share of the parcel's quantities and parcel-level provisions. */
  costs: Fen[];
  socialSecurity: Fen[];
  agriDevArea: Fen[];
  parcelKinds: Record<string, Fen[]>;
  /** Per kind: what earlier receipts could not take yet (the income already received was used up). */
  carry: Record<string, Fen>;
  receivedSoFar: Fen;
  postedSoFar: Fen;
  seen: number;
  /** Parcel-level provisions posted (year basis). */
  parcelKindsTotal: Fen;
  parcelKindsCapped: Fen;
}

// Shared by every plan on the parcel basis, which reads them never (only the costs are spread).
const NO_AMOUNTS: Fen[] = [];
const NO_KINDS: Record<string, never> = {};

export class Settlement {
  private readonly treasury: number;
  private readonly buyers: number;
  /** Development compensation paid to the 做地 developer so far, per parcel. */
  private readonly developerPaid: Fen[];
  private readonly provisionAccount: Record<string, number> = {};
  private readonly R: { receipt: number; costRecovery: number; share: number; developerCompensation: number; poolInflow: number; setAside: number; provision: Record<string, number> };
  private readonly yearly: YearProvisions | null;
  private readonly parcelKinds: readonly ProvisionRate[];
  private readonly plans: (ReceiptPlan | null)[];
  private readonly recovered: Fen[];
  /** Costs of each parcel the fund paid and has not had back. */
  readonly fundPaid: Float64Array;
  private readonly pendingFinal: number[] = [];
  /** The calendar year of each period. */
  private readonly yearOf: Int32Array;
  readonly years = new Map<number, YearIncome>();
  /** Every split of value added, so a new split ratio can re-split without re-running (share-log.ts). */
  readonly shareLog = new ShareLog();

  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    private readonly outcomes: ParcelOutcome[],
    private readonly debt: ProjectDebt,
    private readonly bonds: BondBook,
    private readonly returnAdvances: (period: number, fund: number, available: Fen, parcel: ParcelModel) => Fen,
  ) {
    const acc = model.accounts;
    this.treasury = acc.idx('treasury');
    this.buyers = acc.idx('buyers');
    for (const k of model.provisions) this.provisionAccount[k.def.id] = acc.idx(`provision:${k.def.id}`);
    this.R = {
      receipt: ruleIndex('sale.receipt'), costRecovery: ruleIndex('sale.costRecovery'), share: ruleIndex('split.share'),
      developerCompensation: ruleIndex('zone.developerCompensation'), poolInflow: ruleIndex('funding.poolInflow'), setAside: ruleIndex('bond.setAside'),
      provision: Object.fromEntries(model.provisions.map((k) => [k.def.id, ruleIndex(`provision.${k.def.id}`)])),
    };
    const byYear = model.basePeriod === 'year';
    this.parcelKinds = byYear ? model.provisions.filter((k) => k.def.netting === 'parcel') : model.provisions;
    this.yearly = byYear ? new YearProvisions(YearProvisions.kindsOf(model.provisions, (id) => this.provisionAccount[id], (id) => ruleIndex(id)), ledger, this.treasury) : null;
    this.plans = model.parcels.map(() => null);
    this.recovered = model.parcels.map(() => 0);
    this.fundPaid = new Float64Array(model.parcels.length);
    this.developerPaid = model.parcels.map(() => 0);
    this.yearOf = Int32Array.from({ length: model.timeline.months }, (_, period) => yearMonthOf(model.timeline, period).year);
  }

  private costDue(p: ParcelModel): Fen {
    return p.verifiedCost + this.outcomes[p.index].financingCost;
  }

  /** Phase 0: a sale receipt arrives in the treasury. */
  receipt(period: number, p: ParcelModel, amount: Fen): void {
    this.ledger.post(period, this.buyers, this.treasury, amount, this.R.receipt, p.index, p.zone);
    const plan = this.plans[p.index] ?? this.plan(period, p);
    const r = plan.seen++;
    const y = this.yearOf[period];
    const yi = this.years.get(y);
    if (yi) {
      yi.income += amount;
      yi.costRecognised += plan.costs[r];
    } else this.years.set(y, { income: amount, costRecognised: plan.costs[r] });
    if (!this.yearly) return;
    // Each receipt carries its share of the parcel-level provisions, never more than the parcel's
    // income received so far (shares rounded up could pass it by a fen): the rest waits for the next.
    plan.receivedSoFar += amount;
    const amounts: Record<string, Fen> = {};
    for (const k of this.parcelKinds) {
      const want = plan.parcelKinds[k.def.id][r] + plan.carry[k.def.id];
      const x = Math.min(want, plan.receivedSoFar - plan.postedSoFar);
      plan.carry[k.def.id] = want - x;
      plan.postedSoFar += x;
      amounts[k.def.id] = x;
      this.postProvision(period, p, k.def.id, x);
    }
    this.yearly.receipt(y, p.index, { income: amount, reserveCost: plan.costs[r], socialSecurity: plan.socialSecurity[r], agriDevArea: plan.agriDevArea[r] }, amounts);
  }

  /** The first receipt fixes the parcel's financing cost and spreads its quantities over its receipts. */
  private plan(period: number, p: ParcelModel): ReceiptPlan {
    const sale = p.sale!;
    this.outcomes[p.index].financingCost = this.debt.attribute(p.index, period);
    const receipts = sale.receipts;
    const weights = receipts.length <= 1 ? [] : amountsOf(receipts);
    const spread = (total: Fen): Fen[] => {
      if (receipts.length <= 1) return [total];
      return weights.some((w) => w > 0) ? allocate(total, weights) : weights.map((_, i) => (i === weights.length - 1 ? total : 0));
    };
    // On the parcel basis only the cost recognised with each receipt is needed (for the year's 收益).
    const byYear = this.yearly !== null;
    const pk = byYear ? parcelProvisions({ income: sale.revenue, reserveCost: this.costDue(p), socialSecurity: p.socialSecurity, agriDevArea: p.agriDevBase }, this.parcelKinds) : null;
    const plan: ReceiptPlan = {
      costs: spread(this.costDue(p)),
      socialSecurity: byYear ? spread(p.socialSecurity) : NO_AMOUNTS,
      agriDevArea: byYear ? spread(p.agriDevBase) : NO_AMOUNTS,
      parcelKinds: pk ? Object.fromEntries(this.parcelKinds.map((k) => [k.def.id, spread(pk.amounts[k.def.id])])) : NO_KINDS,
      carry: pk ? Object.fromEntries(this.parcelKinds.map((k) => [k.def.id, 0])) : NO_KINDS,
      receivedSoFar: 0,
      postedSoFar: 0,
      seen: 0,
      parcelKindsTotal: pk ? Object.values(pk.amounts).reduce((a, b) => a + b, 0) : 0,
      parcelKindsCapped: pk ? pk.capped : 0,
    };
    this.plans[p.index] = plan;
    return plan;
  }

  private postProvision(period: number, p: ParcelModel, kind: string, amount: Fen): void {
    this.ledger.post(period, this.treasury, this.provisionAccount[kind], amount, this.R.provision[kind], p.index, p.zone);
    // The land income fund may be allocated back to the reserve pool (F-1: its second source).
    if (kind === 'landIncomeFund' && this.model.poolFromLandIncomeFund) {
      this.ledger.post(period, this.provisionAccount[kind], p.fund, mulRate(amount, this.model.poolFromLandIncomeFund), this.R.poolInflow, p.index, p.zone);
    }
  }

  /** After a month's receipts: year-basis kinds timed "receipt" accrue. */
  afterReceipts(period: number): void {
    this.yearly?.accrue(period, yearMonthOf(this.model.timeline, period).year, 'receipt');
  }

  /** Phase 1: the last receipt is in. */
  settle(period: number, p: ParcelModel): void {
    const sale = p.sale!;
    if (!this.plans[p.index]) this.outcomes[p.index].financingCost = this.debt.attribute(p.index, period);
    if (!this.yearly) {
      const w = saleWaterfall({ income: sale.revenue, reserveCost: this.costDue(p), socialSecurity: p.socialSecurity, agriDevArea: p.agriDevBase }, this.parcelKinds);
      for (const k of this.parcelKinds) this.postProvision(period, p, k.def.id, w.provisions[k.def.id]);
      this.finalize(period, p, w.provisions, w.provisionsCapped);
      return;
    }
    // A sale with no receipts (a price of 0) still settles: its plan is made here.
    const plan = this.plans[p.index] ?? this.plan(period, p);
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
      const provisions: Record<string, Fen> = {};
      for (const k of this.parcelKinds) provisions[k.def.id] = plan.parcelKinds[k.def.id].reduce((a, b) => a + b, 0);
      const attributed = this.yearly.attributed.get(i) ?? [];
      this.model.provisions.filter((k) => k.def.netting === 'year').forEach((k, j) => { provisions[k.def.id] = attributed[j] ?? 0; });
      this.finalize(period, p, provisions, plan.parcelKindsCapped);
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
    const toFund = (fund: number, x: Fen) => {
      if (x <= 0) return;
      this.ledger.post(period, this.treasury, fund, x, this.R.costRecovery, p.index, p.zone);
      rest -= x;
      const used = this.returnAdvances(period, fund, x, p);
      if (fund === p.fund && p.project >= 0) this.bonds.redeemEarly(period, p, fund, x - used);
    };
    const own = Math.min(rest, this.fundPaid[p.index]);
    this.fundPaid[p.index] -= own;
    toFund(p.fund, own);
    const g = this.debt.groupOf(p.index);
    if (g !== null) {
      for (const o of this.debt.owedToFund(g)) {
        // Closed operation: a zone's sale money never crosses into another zone's fund (Z-1).
        if (this.model.zoneMode === 'closed' && o.fund !== p.fund) continue;
        const x = Math.min(rest, o.amount);
        o.take(x);
        toFund(o.fund, x);
      }
      if (g >= 0) {
        const account = this.model.projects[g].account;
        const x = Math.min(rest, this.debt.need(g, period));
        if (x > 0) {
          this.ledger.post(period, this.treasury, account, x, this.R.costRecovery, p.index, p.zone);
          rest -= x;
          this.bonds.redeemEarly(period, p, account, x);
        }
        // The project's debt is covered: this recovery replaces value added held back earlier,
        // which the project account now releases to its tiers.
        const released = this.debt.release(g, rest);
        const total = released.reduce((a, r) => a + r.amount, 0);
        if (total > 0) {
          this.ledger.post(period, this.treasury, account, total, this.R.costRecovery, p.index, p.zone);
          rest -= total;
          for (const r of released) {
            this.share(period, this.model.parcels[r.parcel], r.amount, account);
            this.outcomes[r.parcel].heldBack -= r.amount;
          }
        }
      }
    }
    toFund(p.fund, rest);
  }

  private finalize(period: number, p: ParcelModel, provisions: Record<string, Fen>, capped: Fen): void {
    const sale = p.sale!;
    const provisionsTotal = Object.values(provisions).reduce((a, b) => a + b, 0);
    const available = Math.max(0, sale.revenue) - provisionsTotal;
    this.recoverUpTo(period, p, available);
    const costRecovered = this.recovered[p.index];
    let valueAdded = Math.max(0, available - costRecovered);
    const g = this.debt.groupOf(p.index);
    if (g !== null && g >= 0 && valueAdded > 0) {
      const hold = Math.min(valueAdded, this.debt.need(g, period));
      if (hold > 0) {
        const account = this.model.projects[g].account;
        this.ledger.post(period, this.treasury, account, hold, this.R.setAside, p.index, p.zone);
        this.debt.hold(g, p.index, hold);
        this.outcomes[p.index].heldBack += hold;
        this.bonds.redeemEarly(period, p, account, hold);
        valueAdded -= hold;
      }
    }
    const w: WaterfallResult = {
      provisions,
      provisionsTotal,
      provisionsCapped: capped,
      bases: {},
      costRecovered,
      unrecoveredCost: this.costDue(p) - costRecovered,
      valueAdded: Math.max(0, valueAdded),
    };
    this.outcomes[p.index].waterfall = w;
    this.share(period, p, valueAdded, this.treasury, false);
  }

  /** Value added to the parcel's tiers (added to what it already has: a release comes later). */
  private share(period: number, p: ParcelModel, amount: Fen, from = this.treasury, addToWaterfall = true): void {
    if (amount <= 0) return;
    const o = this.outcomes[p.index];
    const shares = splitValueAdded(amount, this.model.splits[p.split]);
    this.shareLog.record(this.ledger.length, p.index, amount, from);
    for (let t = 0; t < shares.length; t++) this.ledger.post(period, from, p.shareAccounts[t], shares[t], this.R.share, p.index, p.zone);
    this.shareLog.close(this.ledger.length);
    o.shares = o.shares.length ? o.shares.map((x, t) => x + shares[t]) : shares;
    if (addToWaterfall && o.waterfall) o.waterfall = { ...o.waterfall, valueAdded: o.waterfall.valueAdded + amount };
  }
}
