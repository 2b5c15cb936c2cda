/**
 * A bond's debt service replayed under a coupon rate, away from the run: the monthly accrual, the
 * coupons rounded half-up with the remainder carried, principal at maturity or by instalment, and
 * the redemption fee on each payment — bond.ts's arithmetic for a bond whose principal does not
 * depend on the money (no early redemption, no option decided on the funds, no rollover). The
 * coupon edit (coupon.ts) replays the old rate first: only if that gives the finished run's own
 * schedule, row for row, is the replay of the new rate trusted.
 *
 *   replaySchedule(bond, 121, 240) → rows at 13, 25, …, 121 with their interest, and the
 *                                   accrual left over when the timeline ends
 */
import { mulRate, type Fen } from '../money';
import { couponOf, principalOn, type DebtServiceRow } from '../bond';
import type { BondModel } from '../model';

export interface Replay {
  readonly rows: DebtServiceRow[];
  /** What the bond's state holds when the timeline ends: the accrual not yet paid. */
  readonly accrued: bigint;
  readonly interest: Fen;
  readonly fees: Fen;
  /** Σ of the rows' interest, principal and fees: what the fund paid (nothing came from elsewhere). */
  readonly due: Fen;
}

/**
 * The rows `bond` pays over `months` periods when its principal is due at `maturity` (the run's
 * own: the option date of a bond always repaid there, else the maturity).
 */
export function replaySchedule(b: BondModel, maturity: number, months: number): Replay {
  const rows: DebtServiceRow[] = [];
  const den = BigInt(b.rate.den) * 12n;
  const num = BigInt(b.rate.num);
  let issued = false;
  let outstanding = 0;
  let accrued = 0n;
  let interestSum = 0;
  let feesSum = 0;
  let dueSum = 0;
  for (let period = 0; period < months; period++) {
    // Phase 0: a month's accrual on what is outstanding, then the issue.
    if (issued && outstanding > 0 && period > b.issuePeriod) accrued += BigInt(outstanding) * num;
    if (!issued && !b.isRollover && period === b.issuePeriod) {
      issued = true;
      outstanding = b.principal;
    }
    // Phase 2: debt service on coupon dates.
    // As bond.ts: a bond redeemed in full still pays what it accrued until then (coupon.ts refuses such bonds before a replay).
    if (!issued || period <= b.issuePeriod || period > maturity || (outstanding === 0 && accrued <= 0n)) continue;
    const elapsed = period - b.issuePeriod;
    if (elapsed % b.couponMonths !== 0 && period !== maturity) continue;
    const interest = couponOf(accrued, den);
    accrued -= BigInt(interest) * den;
    const principal = principalOn(b, outstanding, period === maturity, elapsed);
    const fees = mulRate(principal + interest, b.redemptionFee);
    const due = interest + principal + fees;
    if (due === 0) continue;
    rows.push({ period, interest, principal, fees, rollover: 0, fiscalSupport: 0 });
    interestSum += interest;
    feesSum += fees;
    dueSum += due;
    outstanding -= principal;
  }
  return { rows, accrued, interest: interestSum, fees: feesSum, due: dueSum };
}

/** Whether two schedules are the same rows (period, interest, principal, fees, rollover; and budget support if `support`). */
export function sameRows(a: readonly DebtServiceRow[], b: readonly DebtServiceRow[], support = true): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.period !== y.period || x.interest !== y.interest || x.principal !== y.principal || x.fees !== y.fees || x.rollover !== y.rollover || (support && x.fiscalSupport !== y.fiscalSupport)) return false;
  }
  return true;
}
