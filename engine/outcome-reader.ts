/**
 * What the report reads of each parcel's outcome — settled or not, unrecovered cost, provisions
 * capped, financing cost, value added held back, each tier's share — read from the run's outcome
 * columns while no reader has built the ParcelOutcome objects (simulate() never does: ten thousand
 * parcels' objects are megabytes the report would make only to read four numbers of each), and
 * from the objects once built, for a reader of the objects may have changed them.
 *
 *   const o = outcomeReader(out);  o.settled(3) ? o.unrecoveredCost(3) : 0
 */
import { unbuiltOutcomeColumnsOf, type RunOutput } from './run';
import type { OutcomeColumns } from './run-outcomes';
import type { Fen } from './money';

export interface OutcomeReader {
  /** The parcel's waterfall is final (its sale settled). */
  settled(i: number): boolean;
  /** 0 for a parcel not settled. */
  unrecoveredCost(i: number): Fen;
  provisionsCapped(i: number): Fen;
  financingCost(i: number): Fen;
  heldBack(i: number): Fen;
  /** Tier t's share of the parcel's value added; 0 when none was split. */
  share(i: number, t: number): Fen;
}

export function outcomeReader(out: RunOutput): OutcomeReader {
  const c = unbuiltOutcomeColumnsOf(out);
  return c ? new ColumnReader(c) : new ObjectReader(out);
}

class ColumnReader implements OutcomeReader {
  constructor(private readonly c: OutcomeColumns) {}
  settled(i: number): boolean {
    return this.c.settled[i] === 1;
  }
  unrecoveredCost(i: number): Fen {
    return this.c.settled[i] ? this.c.unrecoveredCost[i] : 0;
  }
  provisionsCapped(i: number): Fen {
    return this.c.settled[i] ? this.c.provisionsCapped[i] : 0;
  }
  financingCost(i: number): Fen {
    return this.c.financingCost[i];
  }
  heldBack(i: number): Fen {
    return this.c.heldBack[i];
  }
  share(i: number, t: number): Fen {
    const c = this.c;
    return c.shared[i] && t < c.tiers ? c.shares[i * c.tiers + t] : 0;
  }
}

class ObjectReader implements OutcomeReader {
  // The outcomes read once: out.parcels is a shared accessor (run.ts), a map look-up per read.
  private readonly parcels: RunOutput['parcels'];
  constructor(out: RunOutput) {
    this.parcels = out.parcels;
  }
  settled(i: number): boolean {
    return this.parcels[i].waterfall !== null;
  }
  unrecoveredCost(i: number): Fen {
    return this.parcels[i].waterfall?.unrecoveredCost ?? 0;
  }
  provisionsCapped(i: number): Fen {
    return this.parcels[i].waterfall?.provisionsCapped ?? 0;
  }
  financingCost(i: number): Fen {
    return this.parcels[i].financingCost;
  }
  heldBack(i: number): Fen {
    return this.parcels[i].heldBack;
  }
  share(i: number, t: number): Fen {
    return this.parcels[i].shares[t] ?? 0;
  }
}
