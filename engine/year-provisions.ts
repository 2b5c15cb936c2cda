/**
 * Provisions on the jurisdiction's year (provisions.basePeriod = year; DOMAIN P-3, P-8, P-9, P-10).
 *
 * 财综〔2011〕62号 takes 教育资金 on the year's 土地出让收益: income received in the year minus the
 * year's cost-type spending, for the whole jurisdiction — so an industrial parcel sold below cost
 * lowers what a commercial parcel sold the same year pays. Each sale receipt brings its income and
 * the matching share of its parcel's 核定成本 (pro rata to the receipts) into the year's base:
 *
 *   commercial: 42 000 received, cost 16 000 → +26 000;  industrial: 3 000 received, cost 6 000 → −3 000
 *   year base 23 000 → education 2 300 (not 2 600 as two parcels floored one by one would give)
 *
 * Accrual follows the money (财综〔2011〕48号): kinds timed "receipt" accrue in each month income
 * arrives, "quarterly" ones at each quarter's end, each time up to rate × max(0, the year's base so
 * far); the year-end true-up settles the year. At the year's end the in-year accruals (posted to no
 * parcel) are reversed and the year's provision is posted again parcel by parcel: shared among the
 * parcels whose receipts brought a positive base that year, in proportion to it (whole fen, the
 * remainder in parcel order). So the per-parcel figures and the year's figure agree to the fen.
 */
import { allocate, mulRate, type Fen } from './money';
import type { Ledger } from './ledger';
import { provisionBase, type BaseQuantities } from './provision-catalogue';
import type { ProvisionRate } from './sale-waterfall';

/** A year-netted kind with its accounts and rules. */
export interface YearKind extends ProvisionRate {
  readonly account: number;
  readonly accrueRule: number;
  readonly trueUpRule: number;
}

interface YearState {
  /** Income received in the year and parcel-level provisions taken from it. */
  income: Fen;
  parcelProvisions: Fen;
  /** Base so far, per kind. */
  base: Fen[];
  accrued: Fen[];
  /** Contribution of each parcel, per kind: parcel → fen. */
  contributions: Map<number, Fen[]>;
  /** Each parcel's income in the year less its parcel-level provisions: the most it can be attributed. */
  room: Map<number, Fen>;
}

export class YearProvisions {
  private readonly years = new Map<number, YearState>();
  /** Attributed provision per parcel and kind, over the closed years. */
  readonly attributed = new Map<number, Fen[]>();
  /** Open-year contributions per parcel: year → per-kind fen. */
  private readonly open = new Map<number, Map<number, Fen[]>>();

  constructor(private readonly kinds: readonly YearKind[], private readonly ledger: Ledger, private readonly treasury: number) {}

  private year(y: number): YearState {
    let s = this.years.get(y);
    if (!s) {
      s = { income: 0, parcelProvisions: 0, base: this.kinds.map(() => 0), accrued: this.kinds.map(() => 0), contributions: new Map(), room: new Map() };
      this.years.set(y, s);
    }
    return s;
  }

  /** A receipt of parcel `parcel` in year `y`, with its share of the parcel's quantities and parcel-level provisions. */
  receipt(y: number, parcel: number, q: BaseQuantities, parcelProvisions: Readonly<Record<string, Fen>>): void {
    const s = this.year(y);
    let c = s.contributions.get(parcel);
    if (!c) {
      c = this.kinds.map(() => 0);
      s.contributions.set(parcel, c);
      let byYear = this.open.get(parcel);
      if (!byYear) this.open.set(parcel, (byYear = new Map()));
      byYear.set(y, c);
    }
    s.income += q.income;
    let own = q.income;
    for (const v of Object.values(parcelProvisions)) { s.parcelProvisions += v; own -= v; }
    s.room.set(parcel, (s.room.get(parcel) ?? 0) + own);
    for (let k = 0; k < this.kinds.length; k++) {
      const b = provisionBase(this.kinds[k].def, q, parcelProvisions);
      c[k] += b;
      s.base[k] += b;
    }
  }

  /** Accrues the kinds with this timing up to rate × max(0, base so far) in year `y`. */
  accrue(period: number, y: number, timing: 'receipt' | 'quarterly'): void {
    const s = this.years.get(y);
    if (!s) return;
    this.kinds.forEach((k, i) => {
      if (k.def.timing === timing) this.postDelta(period, s, i);
    });
  }

  private postDelta(period: number, s: YearState, i: number): void {
    const k = this.kinds[i];
    // As on a parcel, provisions never take more than the year's income (P-7's per-m² fund on cheap
    // land can): the kinds are served in catalogue order from what is left.
    let room = s.income - s.parcelProvisions;
    for (let j = 0; j < i; j++) room -= s.accrued[j];
    const target = Math.min(Math.max(0, room), mulRate(Math.max(0, s.base[i]), k.rate));
    const delta = target - s.accrued[i];
    if (delta > 0) this.makeRoom(period, s, i, delta);
    if (delta > 0) this.ledger.post(period, this.treasury, k.account, delta, k.accrueRule);
    else if (delta < 0) this.ledger.post(period, k.account, this.treasury, -delta, k.trueUpRule);
    s.accrued[i] = target;
  }

  /**
   * Before kind i takes `delta` more: a kind later in the catalogue that accrued first (timed
   * "receipt" where i is "quarterly") gives back what the year's income cannot hold besides, so
   * the kinds together never hold more than the income left after the parcel-level provisions
   * (the treasury never lends them money) and the earlier kind keeps its place in the order.
   */
  private makeRoom(period: number, s: YearState, i: number, delta: Fen): void {
    let free = s.income - s.parcelProvisions;
    for (const a of s.accrued) free -= a;
    for (let j = this.kinds.length - 1; j > i && free < delta; j--) {
      const back = Math.min(s.accrued[j], delta - free);
      if (back <= 0) continue;
      this.ledger.post(period, this.kinds[j].account, this.treasury, back, this.kinds[j].trueUpRule);
      s.accrued[j] -= back;
      free += back;
    }
  }

  /**
   * Year-end: true-up, then the year's provision moved from the jurisdiction's accrual to its
   * parcels. A parcel takes its share of its positive base, but never more than its own income
   * left that year nor more than rate × its base (+2 fen of rounding); what one cannot take goes
   * to the others, and what none can take is not provisioned (as on a parcel, P-6…P-10 never take
   * more than the income).
   */
  closeYear(period: number, y: number, zoneOf: (parcel: number) => number): void {
    const s = this.years.get(y);
    if (!s) return;
    const parcels = [...s.contributions.keys()].sort((a, b) => a - b);
    this.kinds.forEach((k, i) => {
      this.postDelta(period, s, i);
      const total = s.accrued[i];
      if (total === 0) return;
      this.ledger.post(period, k.account, this.treasury, total, k.trueUpRule);
      const cap = parcels.map((p) => {
        const c = Math.max(0, s.contributions.get(p)![i]);
        return c > 0 ? Math.max(0, Math.min(s.room.get(p) ?? 0, mulRate(c, k.rate) + 2)) : 0;
      });
      const shares = fill(total, parcels.map((p) => Math.max(0, s.contributions.get(p)![i])), cap);
      s.accrued[i] = shares.reduce((a, b) => a + b, 0);
      parcels.forEach((p, j) => {
        if (shares[j] === 0) return;
        s.room.set(p, (s.room.get(p) ?? 0) - shares[j]);
        this.ledger.post(period, this.treasury, k.account, shares[j], k.accrueRule, p, zoneOf(p));
        const a = this.attributed.get(p) ?? this.kinds.map(() => 0);
        a[i] += shares[j];
        this.attributed.set(p, a);
      });
    });
    for (const p of parcels) this.open.get(p)?.delete(y);
    this.years.delete(y);
  }

  /**
   * What the parcel can at most be attributed: its final share for closed years, and for open years
   * rate × its positive contribution plus 2 fen of rounding (a share of a rounded total, rounded).
   */
  bound(parcel: number): Fen {
    let sum = 0;
    for (const a of this.attributed.get(parcel) ?? []) sum += a;
    for (const c of this.open.get(parcel)?.values() ?? []) {
      c.forEach((v, i) => { if (v > 0) sum += mulRate(v, this.kinds[i].rate) + 2; });
    }
    return sum;
  }

  /** The parcel's final attributed provisions (all its years closed). */
  final(parcel: number): Fen {
    return (this.attributed.get(parcel) ?? []).reduce((a, b) => a + b, 0);
  }

  hasOpenYears(parcel: number): boolean {
    return (this.open.get(parcel)?.size ?? 0) > 0;
  }

  static kindsOf(kinds: readonly ProvisionRate[], accountOf: (id: string) => number, ruleOf: (id: string) => number): YearKind[] {
    return kinds.filter((k) => k.def.netting === 'year').map((k) => ({ ...k, account: accountOf(k.def.id), accrueRule: ruleOf(`provision.${k.def.id}`), trueUpRule: ruleOf(`provision.${k.def.id}.trueUp`) }));
  }
}


/** `total` shared by `weights` in whole fen, no part above its cap; what no one can take is left out. */
function fill(total: Fen, weights: readonly Fen[], caps: readonly Fen[]): Fen[] {
  const out = weights.map(() => 0);
  let left = total;
  let active = weights.map((w, j) => (w > 0 && caps[j] > 0 ? j : -1)).filter((j) => j >= 0);
  while (left > 0 && active.length > 0) {
    const parts = allocate(left, active.map((j) => weights[j]));
    const next: number[] = [];
    active.forEach((j, n) => {
      const x = Math.min(parts[n], caps[j] - out[j]);
      out[j] += x;
      left -= x;
      if (out[j] < caps[j]) next.push(j);
    });
    // Nobody reached a cap: every part was given in full and nothing is left.
    if (next.length === active.length) break;
    active = next;
  }
  return out;
}
