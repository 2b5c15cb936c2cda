/**
 * The fast metrics path: figures read straight from a run's columnar ledger in whole fen, without
 * formatting a Result. `report()` turns every row of every period and parcel into strings, which
 * costs more than the run itself; a Monte Carlo of 10 000 runs wants three numbers from each.
 *
 * A metric is addressed by the same JSON path as the Result field it equals:
 *   totals.valueAdded, totals.shares.province, totals.provisionsByKind.education,
 *   parcels[3].unrecoveredCost, parcels["HN-SY-01"].shares.city,
 *   periods[12].reserveFundBalance, periods[*].treasuryBalance (a series).
 * test/analysis-metrics.test.ts proves, for every path below, fenToYuan(metric) === the Result's
 * string on the seed scenarios and generated portfolios. A path not listed here returns null and
 * the caller falls back to report().
 */
import { NONE } from '../ledger';
import { PROVISION_KINDS, RULE_IDS, ruleIndex } from '../rules';
import type { RunOutput } from '../run';
import type { PathSegment } from '../scenario/json-path';
import type { Fen } from '../money';

const R = (id: string) => ruleIndex(id);
const ACQ = ['acquisition.expropriation', 'acquisition.recovery', 'acquisition.purchase', 'acquisition.buyback'].map(R);
const PROV = PROVISION_KINDS.map((k) => R(`provision.${k}`));
const USES = [...ACQ, R('acquisition.serviceFee'), R('development.works'), R('development.managementFee'), R('holding.cost'), R('sale.businessFee')];

/** Result field name → the rules whose postings it sums. */
const TOTAL_RULES: Record<string, readonly number[]> = {
  acquisitionCost: ACQ,
  serviceFee: [R('acquisition.serviceFee')],
  developmentCost: [R('development.works')],
  managementFee: [R('development.managementFee')],
  holdingCost: [R('holding.cost')],
  saleBusinessFee: [R('sale.businessFee')],
  reserveCost: USES,
  spending: USES,
  leaseIncome: [R('lease.income')],
  saleRevenue: [R('sale.receipt')],
  provisions: PROV,
  reserveCostRecovered: [R('sale.costRecovery')],
  valueAdded: [R('split.share')],
  appropriations: [R('funding.appropriation')],
  fiscalTopUp: [R('funding.fiscalTopUp')],
};

const PERIOD_RULES: Record<string, readonly number[]> = {
  appropriations: [R('funding.appropriation')],
  fiscalTopUp: [R('funding.fiscalTopUp')],
  saleReceipts: [R('sale.receipt')],
  leaseIncome: [R('lease.income')],
  acquisition: ACQ,
  serviceFee: [R('acquisition.serviceFee')],
  development: [R('development.works')],
  managementFee: [R('development.managementFee')],
  holding: [R('holding.cost')],
  saleBusinessFee: [R('sale.businessFee')],
  provisions: PROV,
  costRecovered: [R('sale.costRecovery')],
  valueAdded: [R('split.share')],
};

const PARCEL_RULES: Record<string, readonly number[]> = {
  acquisitionPaid: ACQ,
  serviceFee: [R('acquisition.serviceFee')],
  developmentCost: [R('development.works')],
  managementFee: [R('development.managementFee')],
  holdingCost: [R('holding.cost')],
  saleBusinessFee: [R('sale.businessFee')],
  leaseIncome: [R('lease.income')],
  provisionsTotal: PROV,
  costRecovered: [R('sale.costRecovery')],
  valueAdded: [R('split.share')],
};

const BALANCE_ACCOUNTS: Record<string, string> = { reserveFundBalance: 'reserveFund', treasuryBalance: 'treasury' };

/** Lazily computed sums over one run's ledger; each is one pass over the columns, made once. */
export class LedgerMetrics {
  private byRule?: Float64Array;
  private byPeriodRule?: Float64Array;
  private byParcelRule?: Float64Array;
  private balances = new Map<number, Float64Array>();
  private sharesByTier?: Float64Array;
  private sharesByPeriodTier?: Float64Array;
  readonly nR = RULE_IDS.length;
  readonly periods: number;

  constructor(readonly out: RunOutput) {
    this.periods = out.model.timeline.months;
  }

  ruleTotal(rules: readonly number[]): Fen {
    if (!this.byRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.nR);
      for (let i = 0; i < l.length; i++) s[l.rule[i]] += l.amount[i];
      this.byRule = s;
    }
    let t = 0;
    for (const r of rules) t += this.byRule[r];
    return t;
  }

  periodRules(period: number, rules: readonly number[]): Fen {
    if (!this.byPeriodRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.periods * this.nR);
      for (let i = 0; i < l.length; i++) s[l.period[i] * this.nR + l.rule[i]] += l.amount[i];
      this.byPeriodRule = s;
    }
    let t = 0;
    for (const r of rules) t += this.byPeriodRule[period * this.nR + r];
    return t;
  }

  parcelRules(parcel: number, rules: readonly number[]): Fen {
    if (!this.byParcelRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.out.model.parcels.length * this.nR);
      for (let i = 0; i < l.length; i++) if (l.parcel[i] !== NONE) s[l.parcel[i] * this.nR + l.rule[i]] += l.amount[i];
      this.byParcelRule = s;
    }
    let t = 0;
    for (const r of rules) t += this.byParcelRule[parcel * this.nR + r];
    return t;
  }

  /** End-of-period balance of one account, for every period. */
  balanceSeries(account: number): Float64Array {
    let b = this.balances.get(account);
    if (!b) {
      const l = this.out.ledger;
      b = new Float64Array(this.periods);
      for (let i = 0; i < l.length; i++) {
        if (l.from[i] === account) b[l.period[i]] -= l.amount[i];
        else if (l.to[i] === account) b[l.period[i]] += l.amount[i];
      }
      for (let p = 1; p < this.periods; p++) b[p] += b[p - 1];
      this.balances.set(account, b);
    }
    return b;
  }

  private shares(): void {
    const { model, ledger: l } = this.out;
    const nT = model.tiers.length;
    const tierOf = new Int32Array(l.accountCount).fill(-1);
    for (const p of model.parcels) p.shareAccounts.forEach((a, t) => (tierOf[a] = t));
    const share = R('split.share');
    const byTier = new Float64Array(nT);
    const byPT = new Float64Array(this.periods * nT);
    for (let i = 0; i < l.length; i++) {
      if (l.rule[i] !== share) continue;
      const t = tierOf[l.to[i]];
      byTier[t] += l.amount[i];
      byPT[l.period[i] * nT + t] += l.amount[i];
    }
    this.sharesByTier = byTier;
    this.sharesByPeriodTier = byPT;
  }

  tierShare(tier: number): Fen {
    if (!this.sharesByTier) this.shares();
    return this.sharesByTier![tier];
  }

  tierSharePeriod(period: number, tier: number): Fen {
    if (!this.sharesByPeriodTier) this.shares();
    return this.sharesByPeriodTier![period * this.out.model.tiers.length + tier];
  }
}

export type FastReader = (m: LedgerMetrics) => Fen;
export type FastSeriesReader = (m: LedgerMetrics) => Float64Array;

/** Finds an element index by number or by id. */
function indexIn(seg: PathSegment, ids: readonly string[]): number {
  if (typeof seg === 'number') return seg < ids.length ? seg : -1;
  return ids.indexOf(seg);
}

/** A reader of one figure in whole fen for a Result path, or null if the fast path does not know it. */
export function fastReader(path: readonly PathSegment[]): FastReader | null {
  const [a, b, c, d] = path;
  if (a === 'totals') {
    if (path.length === 2 && typeof b === 'string') {
      if (TOTAL_RULES[b]) { const rules = TOTAL_RULES[b]; return (m) => m.ruleTotal(rules); }
      if (b === 'unrecoveredCost') return (m) => m.out.parcels.reduce((s, o) => s + (o.waterfall?.unrecoveredCost ?? 0), 0);
      if (b === 'acquisitionPlanned') return (m) => m.out.model.parcels.reduce((s, p) => s + p.acquisitionPlanned, 0);
    }
    if (path.length === 3 && b === 'shares' && typeof c === 'string') {
      return (m) => { const t = m.out.model.tiers.findIndex((x) => x.id === c); return t < 0 ? NaN : m.tierShare(t); };
    }
    if (path.length === 3 && b === 'provisionsByKind' && typeof c === 'string') {
      const k = PROVISION_KINDS.indexOf(c as (typeof PROVISION_KINDS)[number]);
      if (k >= 0) return (m) => m.ruleTotal([PROV[k]]);
    }
    return null;
  }
  if (a === 'parcels' && b !== undefined) {
    const at = (m: LedgerMetrics) => indexIn(b, m.out.model.parcels.map((p) => p.id));
    const guard = (f: (m: LedgerMetrics, i: number) => number): FastReader => (m) => { const i = at(m); return i < 0 ? NaN : f(m, i); };
    if (path.length === 3 && typeof c === 'string') {
      if (PARCEL_RULES[c]) { const rules = PARCEL_RULES[c]; return guard((m, i) => m.parcelRules(i, rules)); }
      if (c === 'unrecoveredCost') return guard((m, i) => m.out.parcels[i].waterfall?.unrecoveredCost ?? 0);
      if (c === 'acquisitionPlanned') return guard((m, i) => m.out.model.parcels[i].acquisitionPlanned);
    }
    if (path.length === 4 && c === 'shares' && typeof d === 'string') {
      return guard((m, i) => { const t = m.out.model.tiers.findIndex((x) => x.id === d); return t < 0 ? NaN : m.out.parcels[i].shares[t] ?? 0; });
    }
    if (path.length === 4 && c === 'sale' && d === 'revenue') return guard((m, i) => m.out.model.parcels[i].sale?.revenue ?? NaN);
    return null;
  }
  if (a === 'periods' && typeof b === 'number') {
    const series = fastSeriesReader(path.slice(2));
    return series ? (m) => (b < m.periods ? series(m)[b] : NaN) : null;
  }
  return null;
}

/** A reader of a per-period series (the part after `periods[*].`), or null. */
export function fastSeriesReader(tail: readonly PathSegment[]): FastSeriesReader | null {
  const [a, b] = tail;
  if (tail.length === 1 && typeof a === 'string' && BALANCE_ACCOUNTS[a]) {
    const id = BALANCE_ACCOUNTS[a];
    return (m) => m.balanceSeries(m.out.model.accounts.idx(id));
  }
  if (tail.length === 1 && typeof a === 'string' && PERIOD_RULES[a]) {
    const rules = PERIOD_RULES[a];
    return (m) => Float64Array.from({ length: m.periods }, (_, p) => m.periodRules(p, rules));
  }
  if (tail.length === 2 && a === 'shares' && typeof b === 'string') {
    return (m) => { const t = m.out.model.tiers.findIndex((x) => x.id === b); return Float64Array.from({ length: m.periods }, (_, p) => (t < 0 ? NaN : m.tierSharePeriod(p, t))); };
  }
  return null;
}
