/**
 * What each parcel's sale came to — its waterfall, its tiers' shares, the financing cost in its
 * 核定成本 and the value added held back for its project's debt — kept during the run as columns
 * of numbers, one row per parcel. A province's run settles thousands of parcels; objects per
 * parcel made while the loop runs are what the garbage collector then copies and promotes, so the
 * ParcelOutcome objects readers see are built from the columns the first time they are asked for.
 */
import type { Fen } from './money';
import type { WaterfallResult } from './sale-waterfall';

export interface ParcelOutcome {
  waterfall: WaterfallResult | null;
  shares: Fen[];
  /** Financing cost attributed to the parcel (inside its 核定成本). */
  financingCost: Fen;
  /** Value added held back for its project's debt service and not released. */
  heldBack: Fen;
}

export class OutcomeColumns {
  readonly financingCost: Float64Array;
  readonly heldBack: Float64Array;
  /** 1 once the parcel's waterfall is final (a ParcelOutcome's waterfall is null before). */
  readonly settled: Uint8Array;
  /** Per parcel, the provisions of each kind in `kinds` order: provisions[parcel × kinds + k]. */
  readonly provisions: Float64Array;
  readonly provisionsTotal: Float64Array;
  readonly provisionsCapped: Float64Array;
  readonly costRecovered: Float64Array;
  readonly unrecoveredCost: Float64Array;
  readonly valueAdded: Float64Array;
  /** Per parcel, each tier's share: shares[parcel × tiers + t]; a row counts once `shared` is 1. */
  readonly shares: Float64Array;
  readonly shared: Uint8Array;

  constructor(readonly parcels: number, readonly kinds: readonly string[], readonly tiers: number, from?: OutcomeColumns, shares?: Float64Array) {
    if (from) {
      this.financingCost = from.financingCost;
      this.heldBack = from.heldBack;
      this.settled = from.settled;
      this.provisions = from.provisions;
      this.provisionsTotal = from.provisionsTotal;
      this.provisionsCapped = from.provisionsCapped;
      this.costRecovered = from.costRecovered;
      this.unrecoveredCost = from.unrecoveredCost;
      this.valueAdded = from.valueAdded;
      this.shared = from.shared;
      this.shares = shares ?? from.shares;
      return;
    }
    // One buffer for all the columns (a draw of a Monte Carlo makes them anew each run).
    const n = parcels;
    const doubles = n * (7 + kinds.length + tiers);
    const buffer = new ArrayBuffer(doubles * 8 + 2 * n);
    let at = 0;
    const f64 = (length: number) => {
      const column = new Float64Array(buffer, at * 8, length);
      at += length;
      return column;
    };
    this.financingCost = f64(n);
    this.heldBack = f64(n);
    this.provisionsTotal = f64(n);
    this.provisionsCapped = f64(n);
    this.costRecovered = f64(n);
    this.unrecoveredCost = f64(n);
    this.valueAdded = f64(n);
    this.provisions = f64(n * kinds.length);
    this.shares = shares ?? f64(n * tiers);
    this.settled = new Uint8Array(buffer, doubles * 8, n);
    this.shared = new Uint8Array(buffer, doubles * 8 + n, n);
  }

  /** The same outcomes with other shares (a re-split: nothing else moves). */
  withShares(shares: Float64Array): OutcomeColumns {
    return new OutcomeColumns(this.parcels, this.kinds, this.tiers, this, shares);
  }

  /** Adds a split to the parcel's shares (the first split is its shares). */
  addShares(parcel: number, split: readonly Fen[]): void {
    const at = parcel * this.tiers;
    if (this.shared[parcel]) for (let t = 0; t < split.length; t++) this.shares[at + t] += split[t];
    else {
      this.shared[parcel] = 1;
      for (let t = 0; t < split.length; t++) this.shares[at + t] = split[t];
    }
  }

  outcome(i: number): ParcelOutcome {
    const shares: Fen[] = [];
    if (this.shared[i]) for (let t = 0; t < this.tiers; t++) shares.push(this.shares[i * this.tiers + t]);
    return { waterfall: this.settled[i] ? this.waterfall(i) : null, shares, financingCost: this.financingCost[i], heldBack: this.heldBack[i] };
  }

  private waterfall(i: number): WaterfallResult {
    const provisions: Record<string, Fen> = {};
    const at = i * this.kinds.length;
    for (let k = 0; k < this.kinds.length; k++) provisions[this.kinds[k]] = this.provisions[at + k];
    return {
      provisions,
      provisionsTotal: this.provisionsTotal[i],
      provisionsCapped: this.provisionsCapped[i],
      bases: {},
      costRecovered: this.costRecovered[i],
      unrecoveredCost: this.unrecoveredCost[i],
      valueAdded: this.valueAdded[i],
    };
  }

  objects(): ParcelOutcome[] {
    const out = new Array<ParcelOutcome>(this.parcels);
    for (let i = 0; i < this.parcels; i++) out[i] = this.outcome(i);
    return out;
  }

  /** Σ over parcels of a column, as the objects would sum it (unsettled parcels add nothing). */
  total(column: 'unrecoveredCost' | 'heldBack' | 'financingCost'): Fen {
    const c = this[column];
    let s = 0;
    for (let i = 0; i < this.parcels; i++) s += c[i];
    return s;
  }
}
