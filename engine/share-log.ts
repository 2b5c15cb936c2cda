/**
 * The log of a run's splits of value added: for each call, where its postings sit in the ledger,
 * the parcel, the amount split and the account it left. Share accounts are sinks — nothing in the
 * run reads their balances — so a split ratio never feeds back into funding or timing, and a new
 * ratio is applied by re-splitting these amounts alone (engine/incremental/resplit.ts).
 */
import type { Fen } from './money';

export class ShareLog {
  length = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  parcel = new Int32Array(64);
  from = new Int32Array(64);
  amount = new Float64Array(64);

  record(at: number, parcel: number, amount: Fen, from: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length;
    this.start[i] = at;
    this.parcel[i] = parcel;
    this.amount[i] = amount;
    this.from[i] = from;
  }

  close(at: number): void {
    this.end[this.length++] = at;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.parcel = g(this.parcel);
    this.from = g(this.from);
    this.amount = g(this.amount);
  }
}
