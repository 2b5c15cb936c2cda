/**
 * The log of a run's splits of value added: for each call, where its postings sit in the ledger,
 * the parcel, the amount split and the account it left. Share accounts are sinks — nothing in the
 * run reads their balances — so a split ratio never feeds back into funding or timing, and a new
 * ratio is applied by re-splitting these amounts alone (engine/incremental/resplit.ts).
 */
import type { Fen } from './money';

export class ShareLog {
  length = 0;
  // Plain arrays: a run splits once per sale receipt, a few thousand times at most, so the
  // columns grow by push rather than by the ledger's doubling of typed arrays.
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly parcel: number[] = [];
  readonly from: number[] = [];
  readonly amount: Fen[] = [];

  record(at: number, parcel: number, amount: Fen, from: number): void {
    this.start.push(at);
    this.parcel.push(parcel);
    this.amount.push(amount);
    this.from.push(from);
  }

  close(at: number): void {
    this.end.push(at);
    this.length++;
  }
}
