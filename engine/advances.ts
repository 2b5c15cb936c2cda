/**
 * Money the budget advanced to a fund and wants back: pre-allocations (预拨), bridge advances for
 * a shortfall, and budget support for debt service (B-13). Each is returned from money the fund
 * later receives, oldest first, never taking the fund below zero; a pre-allocation repaid on a
 * date goes back on that date instead.
 */
import { ruleIndex } from './rules';
import { NONE, type Ledger } from './ledger';
import type { Fen } from './money';
import type { Model } from './model';

interface Advance {
  fund: number;
  outstanding: Fen;
  kind: 'preAllocation' | 'bridge' | 'debtSupport';
  preAllocation: number;
}

export class Advances {
  private readonly list: Advance[] = [];
  private readonly fiscal: number;
  private readonly R = {
    preAllocationReturn: ruleIndex('funding.preAllocationReturn'), bridgeReturn: ruleIndex('funding.bridgeReturn'), supportReturn: ruleIndex('bond.fiscalSupportReturn'),
  };

  constructor(private readonly model: Model, private readonly ledger: Ledger) {
    this.fiscal = model.accounts.idx('fiscal');
  }

  add(fund: number, amount: Fen, kind: Advance['kind'], preAllocation = NONE): void {
    this.list.push({ fund, outstanding: amount, kind, preAllocation });
  }

  /** Returns advances outstanding on `fund` from money it has just received, oldest first. */
  returnFrom(period: number, fund: number, available: Fen, parcel: number, zone: number): Fen {
    const bal = this.ledger.balances;
    let used = 0;
    for (const a of this.list) {
      if (a.fund !== fund || a.outstanding === 0) continue;
      if (a.kind === 'preAllocation' && this.model.preAllocations[a.preAllocation].repay !== 'fromCostRecovery') continue;
      const back = Math.min(a.outstanding, available - used, Math.max(0, bal[fund]));
      if (back <= 0) break;
      const rule = a.kind === 'bridge' ? this.R.bridgeReturn : a.kind === 'debtSupport' ? this.R.supportReturn : this.R.preAllocationReturn;
      this.ledger.post(period, fund, this.fiscal, back, rule, parcel, zone);
      a.outstanding -= back;
      used += back;
    }
    return used;
  }

  /** Pre-allocations due back on a date. */
  returnDue(period: number): void {
    const bal = this.ledger.balances;
    for (const a of this.list) {
      if (a.kind !== 'preAllocation' || a.outstanding === 0) continue;
      const pa = this.model.preAllocations[a.preAllocation];
      if (pa.repay !== 'onDate' || pa.repayPeriod !== period) continue;
      const back = Math.min(a.outstanding, Math.max(0, bal[a.fund]));
      if (back > 0) this.ledger.post(period, a.fund, this.fiscal, back, this.R.preAllocationReturn);
      a.outstanding -= back;
    }
  }

  /** Budget support for debt service not returned. */
  debtSupportOutstanding(): Fen {
    return this.list.reduce((s, a) => s + (a.kind === 'debtSupport' ? a.outstanding : 0), 0);
  }
}
