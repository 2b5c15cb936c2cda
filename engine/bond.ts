/**
 * Land reserve special bonds during the run: issue, monthly accrual, coupons, principal, early
 * redemption from sale money, and what happens when a maturity arrives before the money.
 *
 * Interest accrues each month on the principal outstanding, as an exact fraction
 * (principal × rate / 12), and is paid on coupon dates rounded half-up, with the rounding remainder
 * carried to the next coupon — so a 5-year bullet bond of 50 000 万元 at 3.2% pays exactly
 * 1 600 万元 a year. Principal redeemed early from sale money stops accruing; what it earned until
 * then is paid on the next coupon date, even when the whole bond was redeemed. Fees follow B-15's
 * practitioner figures when the scenario states them: issuance and registration on the principal,
 * redemption on each principal-and-interest payment.
 * A maturity the fund cannot meet is rolled over by a new bond (周转偿还, B-7) or paid by the
 * budget (B-13), as the bond's `atMaturity` says; a rollover over the year's quota falls to the budget.
 */
import { allocate, fenToWan, mulRate, type Fen } from './money';
import { ruleIndex } from './rules';
import { NONE, type Ledger } from './ledger';
import { yearOf } from './timeline';
import type { BondModel, Model, ParcelModel } from './model';
import type { ProjectAccounts } from './project-account';

export interface DebtServiceRow {
  period: number;
  interest: Fen;
  principal: Fen;
  fees: Fen;
  /** Paid by a rollover bond's proceeds (part of principal). */
  rollover: Fen;
  /** Paid by the budget because the fund could not (part of the row's total). */
  fiscalSupport: Fen;
}

export interface BondState {
  readonly bond: BondModel;
  /** The original bond's id when this is its rollover. */
  readonly rolloverOf: string | null;
  issued: boolean;
  outstanding: Fen;
  /** Accrued interest numerator over bond.rate.den × 12. */
  accrued: bigint;
  readonly schedule: DebtServiceRow[];
  interestPaid: Fen;
  principalPaid: Fen;
  earlyRedeemed: Fen;
  feesPaid: Fen;
  rolledOver: Fen;
  fiscalSupport: Fen;
  /** A rollover's issue fees, posted once the maturity it pays is settled. */
  pendingFees: Fen;
  /** The period principal is due: the maturity, or the option date of a 含权 bond repaid early. */
  maturity: number;
  /** True when a 含权 bond was repaid at its option date. */
  called: boolean;
  /** Debt service the bond's fund (or the budget through it) paid, not yet recovered from sale income. */
  owedToFund: Fen;
}

/** What a bond still owes after `period` began, as scheduled: principal, interest and redemption fees. */
export interface Remaining {
  principal: Fen;
  interest: Fen;
  fees: Fen;
}

const R = {
  proceeds: ruleIndex('bond.proceeds'),
  rollover: ruleIndex('bond.rollover'),
  interest: ruleIndex('bond.interest'),
  principal: ruleIndex('bond.principal'),
  early: ruleIndex('bond.earlyRedemption'),
  issuanceFee: ruleIndex('bond.issuanceFee'),
  registrationFee: ruleIndex('bond.registrationFee'),
  redemptionFee: ruleIndex('bond.redemptionFee'),
  fiscalSupport: ruleIndex('bond.fiscalSupport'),
};

export class BondBook {
  readonly states: BondState[];
  private readonly fiscal: number;
  private readonly issuedByYear = new Map<number, Fen>();
  private readonly byProject = new Map<number, BondState[]>();
  private byProjectCount = -1;
  constructor(
    private readonly model: Model,
    private readonly ledger: Ledger,
    /** The project accounts' ring-fence: what of each account's money its debt service spends (project-account.ts). */
    private readonly accounts: ProjectAccounts,
    private readonly onFiscalSupport: (fund: number, amount: Fen, period: number) => void = () => {},
  ) {
    this.states = model.bonds.map((bond) => newState(bond, null));
    this.fiscal = model.accounts.idx('fiscal');
    for (const b of model.bonds) {
      const y = yearOf(model.timeline, b.issuePeriod);
      this.issuedByYear.set(y, (this.issuedByYear.get(y) ?? 0) + b.principal);
    }
  }

  private home(b: BondModel): number {
    return b.project >= 0 ? this.model.projects[b.project].account : b.fund;
  }

  /** Phase 0: accrue a month of interest on live bonds, then issue those due this period. */
  issueDue(period: number): void {
    for (const s of this.states) {
      if (s.issued && s.outstanding > 0 && period > s.bond.issuePeriod) s.accrued += BigInt(s.outstanding) * BigInt(s.bond.rate.num);
    }
    for (const s of this.states) {
      if (s.issued || s.bond.isRollover || s.bond.issuePeriod !== period) continue;
      const b = s.bond;
      const home = this.home(b);
      this.ledger.post(period, b.holders, home, b.principal, R.proceeds);
      s.issued = true;
      s.outstanding = b.principal;
      const issuance = mulRate(b.principal, b.issuanceFee);
      const registration = mulRate(b.principal, b.registrationFee);
      this.ledger.post(period, home, b.agent, issuance, R.issuanceFee);
      this.ledger.post(period, home, b.agent, registration, R.registrationFee);
      s.feesPaid += issuance + registration;
    }
  }

  /** Phase 1: a settled parcel's money just paid into `account` (its project's, or its fund) redeems its project's bonds early if they allow it. */
  redeemEarly(period: number, parcel: ParcelModel, account: number, available: Fen): void {
    let left = Math.min(available, Math.max(0, this.ledger.balances[account]));
    const offered = left;
    for (const s of this.states) {
      const b = s.bond;
      if (left <= 0) break;
      if (!s.issued || !b.earlyRedemption || b.project !== parcel.project || s.outstanding === 0) continue;
      // Redeem as much as the money allows, leaving room for the fee on it.
      let amount = Math.min(s.outstanding, left);
      while (amount > 0 && amount + mulRate(amount, b.redemptionFee) > left) amount -= Math.max(1, mulRate(amount, b.redemptionFee));
      if (amount <= 0) continue;
      const fee = mulRate(amount, b.redemptionFee);
      this.ledger.post(period, account, b.holders, amount, R.early, parcel.index, parcel.zone);
      this.ledger.post(period, account, b.agent, fee, R.redemptionFee, parcel.index, parcel.zone);
      s.outstanding -= amount;
      s.principalPaid += amount;
      s.earlyRedeemed += amount;
      s.feesPaid += fee;
      left -= amount + fee;
      s.schedule.push({ period, interest: 0, principal: amount, fees: fee, rollover: 0, fiscalSupport: 0 });
    }
    // Debt service like any other: value added held back in a project account is spent last.
    this.accounts.spent(account, offered - left);
  }

  /** Phase 2: coupons and principal due this period. */
  serviceDue(period: number, notes: { id: string; message: string; messageZh: string }[]): void {
    const count = this.states.length;
    for (let i = 0; i < count; i++) {
      const s = this.states[i];
      const b = s.bond;
      if (!s.issued || period <= b.issuePeriod || period > s.maturity) continue;
      // Redeemed early in full, the interest accrued until then is still due on the coupon date.
      if (s.outstanding === 0 && s.accrued <= 0n) continue;
      if (s.outstanding > 0 && period === b.callPeriod && this.exercises(s, period)) {
        s.maturity = period;
        s.called = true;
      }
      const elapsed = period - b.issuePeriod;
      const couponDate = elapsed % b.couponMonths === 0 || period === s.maturity;
      if (!couponDate) continue;
      const den = BigInt(b.rate.den) * 12n;
      const interest = couponOf(s.accrued, den);
      s.accrued -= BigInt(interest) * den;
      const principal = principalOn(b, s.outstanding, period === s.maturity, elapsed);
      const fees = mulRate(principal + interest, b.redemptionFee);
      const due = interest + principal + fees;
      if (due === 0) continue;
      const row: DebtServiceRow = { period, interest, principal, fees, rollover: 0, fiscalSupport: 0 };
      // Payer: the project's account (recovered cost, proceeds, value added held back last), then the bond's fund.
      const home = this.home(b);
      const fromHome = home === b.fund ? 0 : Math.min(due, Math.max(0, this.ledger.balances[home]));
      const fromFund = Math.min(due - fromHome, Math.max(0, this.ledger.balances[b.fund]));
      let gap = due - fromHome - fromFund;
      if (gap > 0 && principal > 0 && period === s.maturity && b.atMaturity === 'rollover' && b.rolloverHolders !== NONE) {
        const amount = Math.min(gap, principal);
        const year = yearOf(this.model.timeline, period);
        const quota = this.model.bondQuota.get(year);
        const issued = this.issuedByYear.get(year) ?? 0;
        if (quota !== undefined && issued + amount > quota) {
          notes.push({ id: 'bond.rolloverOverQuota', message: `${b.id}: a rollover of ${fenToWan(amount)} 万元 in ${year} would pass the quota of ${fenToWan(quota)} 万元; the budget pays instead`, messageZh: `${b.id}：${year} 年周转偿还 ${fenToWan(amount)} 万元将超过限额 ${fenToWan(quota)} 万元，改由财政安排` });
        } else {
          this.issuedByYear.set(year, issued + amount);
          const roll = this.startRollover(s, period, amount);
          row.rollover = amount;
          // The rollover's own issue fees come out of the fund too: they join what is still missing.
          gap -= amount - roll.feesPaid;
        }
      }
      if (gap > 0) {
        // The budget advances what neither the project account nor the fund holds; it is returned
        // from the project's later sale income like a pre-allocation (B-13, S-6).
        this.ledger.post(period, this.fiscal, b.fund, gap, R.fiscalSupport);
        row.fiscalSupport = gap;
        s.fiscalSupport += gap;
        this.onFiscalSupport(b.fund, gap, period);
      }
      for (const r2 of this.states) {
        if (r2.rolloverOf === b.id && r2.pendingFees > 0) {
          const rb = r2.bond;
          this.ledger.post(period, b.fund, rb.agent, mulRate(rb.principal, rb.issuanceFee), R.issuanceFee);
          this.ledger.post(period, b.fund, rb.agent, mulRate(rb.principal, rb.registrationFee), R.registrationFee);
          r2.owedToFund += r2.pendingFees;
          r2.pendingFees = 0;
        }
      }
      // Interest and fees first from the project's account, then principal, all to the holders.
      let fromH = fromHome;
      fromH -= this.payPart(period, home, b.fund, interest, fromH, b.holders, R.interest);
      fromH -= this.payPart(period, home, b.fund, fees, fromH, b.agent, R.redemptionFee);
      this.payPart(period, home, b.fund, principal, fromH, b.holders, R.principal);
      if (fromHome > 0) this.accounts.spent(home, fromHome);
      // What the fund paid beyond a rollover's proceeds is owed back to it by the project's sales.
      s.owedToFund += due - fromHome - row.rollover;
      s.interestPaid += interest;
      s.principalPaid += principal;
      s.feesPaid += fees;
      s.rolledOver += row.rollover;
      s.outstanding -= principal;
      s.schedule.push(row);
    }
  }

  /** Pays `amount` to `to`: what `fromHome` still covers from the bond's home account, the rest from its fund. Returns the part from home. */
  private payPart(period: number, home: number, fund: number, amount: Fen, fromHome: Fen, to: number, rule: number): Fen {
    const h = Math.min(amount, fromHome);
    this.ledger.post(period, home, to, h, rule);
    this.ledger.post(period, fund, to, amount - h, rule);
    return h;
  }

  /** Whether a 含权 bond is repaid at its option date (ifFunded: the money to repay it is there). */
  private exercises(s: BondState, period: number): boolean {
    const b = s.bond;
    if (b.callExercise !== 'ifFunded') return b.callExercise === 'always';
    const home = this.home(b);
    const held = Math.max(0, this.ledger.balances[home]) + (home === b.fund ? 0 : Math.max(0, this.ledger.balances[b.fund]));
    const r = this.remainingFrom(s, period, period);
    return held >= r.principal + r.interest + r.fees;
  }

  /** The bonds of a project (or of no project: -1), the original and rollover ones. */
  ofProject(project: number): BondState[] {
    // Asked at every settlement: kept per project until a rollover joins the states.
    if (this.byProjectCount !== this.states.length) {
      this.byProject.clear();
      this.byProjectCount = this.states.length;
    }
    let list = this.byProject.get(project);
    if (!list) {
      list = this.states.filter((s) => s.bond.project === project);
      this.byProject.set(project, list);
    }
    return list;
  }

  /**
   * After `period`'s debt service: whether `s` is issued and owes nothing more, as remaining()
   * would find, without walking its schedule: with no principal outstanding nothing accrues, so
   * all that can be left is one coupon of the interest accrued (on the next coupon date, by the
   * maturity at the latest), and nothing once it rounds to no fen.
   */
  paidOff(s: BondState, period: number): boolean {
    if (!s.issued || s.outstanding > 0) return false;
    if (period > s.maturity || s.accrued <= 0n) return true;
    return couponOf(s.accrued, BigInt(s.bond.rate.den) * 12n) === 0;
  }

  /** What `s` still owes from `period` on (phase 1: this period's debt service not yet paid), to its maturity. */
  remaining(s: BondState, period: number): Remaining {
    return this.remainingFrom(s, period, s.maturity);
  }

  /**
   * What `s` owes from `period` on whatever the money does (a bond not redeemed early from sales):
   * its schedule to maturity; while an option to repay early may still be taken, the interest to
   * the option date only (the fees then depend on when the principal is repaid).
   */
  remainingSure(s: BondState, period: number): Remaining {
    const b = s.bond;
    if (s.called || b.callExercise === 'never' || b.callPeriod < period) return this.remainingFrom(s, period, s.maturity);
    const r = this.remainingFrom(s, period, b.callPeriod);
    return { principal: 0, interest: r.interest, fees: 0 };
  }

  private remainingFrom(s: BondState, period: number, maturity: number): Remaining {
    const b = s.bond;
    const out: Remaining = { principal: 0, interest: 0, fees: 0 };
    if (!s.issued || (s.outstanding === 0 && s.accrued <= 0n)) return out;
    const den = BigInt(b.rate.den) * 12n;
    let accrued = s.accrued;
    let outstanding = s.outstanding;
    for (let q = Math.max(period, b.issuePeriod + 1); q <= maturity && (outstanding > 0 || accrued > 0n); q++) {
      if (q > period) accrued += BigInt(outstanding) * BigInt(b.rate.num);
      const elapsed = q - b.issuePeriod;
      if (elapsed % b.couponMonths !== 0 && q !== maturity) continue;
      const interest = couponOf(accrued, den);
      accrued -= BigInt(interest) * den;
      const principal = principalOn(b, outstanding, q === maturity, elapsed);
      outstanding -= principal;
      out.principal += principal;
      out.interest += interest;
      out.fees += mulRate(principal + interest, b.redemptionFee);
    }
    return out;
  }

  private startRollover(original: BondState, period: number, amount: Fen): BondState {
    const b = original.bond;
    const bond: BondModel = {
      ...b,
      index: this.states.length,
      id: `${b.id}-R`,
      name: { zh: `${b.name.zh}（周转偿还）`, en: `${b.name.en} (rollover)` },
      principal: amount,
      issuePeriod: period,
      maturityPeriod: period + b.rolloverTermYears * 12,
      termYears: b.rolloverTermYears,
      callPeriod: -1,
      amortizing: false,
      holders: b.rolloverHolders,
      agent: b.rolloverAgent,
      rolloverHolders: NONE,
      rolloverAgent: NONE,
      atMaturity: 'fiscal',
      isRollover: true,
    };
    const s = newState(bond, b.id);
    s.issued = true;
    // The fund paid the maturity with the rollover's proceeds: the project owes the rollover, not the fund.
    s.outstanding = amount;
    this.ledger.post(period, bond.holders, b.fund, amount, R.rollover);
    s.feesPaid = mulRate(amount, b.issuanceFee) + mulRate(amount, b.registrationFee);
    s.pendingFees = s.feesPaid;
    this.states.push(s);
    return s;
  }
}

/**
 * The whole fen of a coupon from its accrual (a numerator over rate.den × 12), rounded half-up as
 * money.ts's mulDivHalfUp rounds; what is left stays accrued for the next coupon. The run, the
 * pay-off projection and the coupon edit's replay (incremental/coupon-schedule.ts) all round here.
 */
export function couponOf(accrued: bigint, den: bigint): number {
  const q = accrued / den;
  return Number(2n * (accrued - q * den) >= den ? q + 1n : q);
}

/** Equal yearly instalments of an amortizing bond, the fen remainder spread by allocate(); made once per bond. */
const INSTALMENTS = new WeakMap<BondModel, readonly Fen[]>();

/** The principal repaid on a coupon date `elapsed` months after issue: all that is outstanding at maturity, else an amortizing bond's yearly instalment. */
export function principalOn(b: BondModel, outstanding: number, atMaturity: boolean, elapsed: number): number {
  if (atMaturity) return outstanding;
  if (!b.amortizing || elapsed % 12 !== 0) return 0;
  let instalments = INSTALMENTS.get(b);
  if (!instalments) INSTALMENTS.set(b, (instalments = allocate(b.principal, new Array<number>(b.termYears).fill(1))));
  return Math.min(outstanding, instalments[elapsed / 12 - 1]);
}

function newState(bond: BondModel, rolloverOf: string | null): BondState {
  return { bond, rolloverOf, issued: false, outstanding: 0, accrued: 0n, schedule: [], interestPaid: 0, principalPaid: 0, earlyRedeemed: 0, feesPaid: 0, rolledOver: 0, fiscalSupport: 0, pendingFees: 0, maturity: bond.maturityPeriod, called: false, owedToFund: 0 };
}
