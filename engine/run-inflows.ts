/**
 * Phase 0 of a month: pool capital and pool inflows, appropriations, pre-allocations (recorded as
 * advances to return), temporary-use rent to the treasury, and sale receipts (handed to settlement).
 * Bond proceeds are the bond book's (bond.ts).
 */
import { ruleIndex } from './rules';
import type { Ledger } from './ledger';
import type { Model } from './model';
import type { Advances } from './advances';
import type { Settlement } from './settlement';
import { Kind, PHASES, type Events } from './run-events';

/** Phase 0 of a month: pool capital and inflows, appropriations, pre-allocations, rent and sale receipts. */
export class Inflows {
  private readonly A: { fiscal: number; poolCapital: number; treasury: number; tenants: number };
  private readonly R = {
    appropriation: ruleIndex('funding.appropriation'), poolCapital: ruleIndex('funding.poolCapital'), poolInflow: ruleIndex('funding.poolInflow'),
    preAllocation: ruleIndex('funding.preAllocation'), lease: ruleIndex('lease.income'),
  };

  constructor(private readonly model: Model, private readonly ledger: Ledger, private readonly ev: Events, private readonly advances: Advances, private readonly settlement: Settlement) {
    const acc = model.accounts;
    this.A = { fiscal: acc.idx('fiscal'), poolCapital: acc.idx('poolCapital'), treasury: acc.idx('treasury'), tenants: acc.idx('tenants') };
  }

  receive(period: number): void {
    const { ev, ledger, A, R } = this;
    const base = period * PHASES;
    for (let i = ev.start[base]; i < ev.start[base + 1]; i++) {
      const amt = ev.amount[i];
      switch (ev.kind[i] as Kind) {
        case Kind.PoolCapital: ledger.post(period, A.poolCapital, ev.target[i], amt, R.poolCapital); break;
        case Kind.Appropriation: ledger.post(period, A.fiscal, ev.target[i], amt, R.appropriation); break;
        case Kind.PoolInflow: ledger.post(period, A.fiscal, ev.target[i], amt, R.poolInflow); break;
        case Kind.PreAllocation: {
          const fund = this.model.preAllocations[ev.target[i]].fund;
          ledger.post(period, A.fiscal, fund, amt, R.preAllocation);
          this.advances.add(fund, amt, 'preAllocation', ev.target[i]);
          break;
        }
        case Kind.Lease: ledger.post(period, A.tenants, A.treasury, amt, R.lease, ev.parcel[i], ev.zone[ev.parcel[i]]); break;
        case Kind.Receipt: this.settlement.receipt(period, this.model.parcels[ev.parcel[i]], amt); break;
      }
    }
  }
}
