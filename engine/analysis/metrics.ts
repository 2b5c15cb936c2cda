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
import { NONE, balancesByPeriod } from '../ledger';
import { fundingReport, type FundingReport } from '../funding-report';
import { PROVISION_KINDS, RULE_IDS } from '../rules';
import type { RunOutput } from '../run';
import type { PathSegment } from '../scenario/json-path';
import type { Fen } from '../money';

/** A rule's number, or nothing if this engine has no such rule (the list is not ours). */
const R = (id: string): number[] => (RULE_IDS.includes(id) ? [RULE_IDS.indexOf(id)] : []);
const ACQ = RULE_IDS.map((id, i) => (id.startsWith('acquisition.') && id !== 'acquisition.serviceFee' ? i : -1)).filter((i) => i >= 0);
const PROV = PROVISION_KINDS.flatMap((k) => R(`provision.${k}`));
// Provisions are net of year-end true-ups returned to the treasury.
const PROV_BACK = PROVISION_KINDS.flatMap((k) => R(`provision.${k}.trueUp`));
const PROVISIONS: RuleSum = { plus: PROV, minus: PROV_BACK };
const USES = [...ACQ, ...R('acquisition.serviceFee'), ...R('development.works'), ...R('development.managementFee'), ...R('holding.cost'), ...R('sale.businessFee')];
const FEES = [...R('bond.issuanceFee'), ...R('bond.registrationFee'), ...R('bond.redemptionFee')];

/** A signed sum of rules: plus − minus. */
interface RuleSum { readonly plus: readonly number[]; readonly minus?: readonly number[] }
const sum = (...plus: number[][]): RuleSum => ({ plus: plus.flat() });

/** Result field name → the rules whose postings it sums. */
const TOTAL_RULES: Record<string, RuleSum> = {
  acquisitionCost: sum(ACQ),
  serviceFee: sum(R('acquisition.serviceFee')),
  developmentCost: sum(R('development.works')),
  managementFee: sum(R('development.managementFee')),
  holdingCost: sum(R('holding.cost')),
  saleBusinessFee: sum(R('sale.businessFee')),
  reserveCost: sum(USES),
  spending: sum(USES),
  leaseIncome: sum(R('lease.income')),
  saleRevenue: sum(R('sale.receipt')),
  provisions: PROVISIONS,
  reserveCostRecovered: sum(R('sale.costRecovery')),
  valueAdded: sum(R('split.share')),
  appropriations: sum(R('funding.appropriation')),
  fiscalTopUp: sum(R('funding.fiscalTopUp')),
  poolCapital: sum(R('funding.poolCapital')),
  poolInflows: sum(R('funding.poolInflow')),
  preAllocations: sum(R('funding.preAllocation')),
  preAllocationsReturned: sum(R('funding.preAllocationReturn'), R('funding.bridgeReturn')),
  bridges: sum(R('funding.bridge')),
  bondProceeds: sum(R('bond.proceeds'), R('bond.rollover')),
  interest: sum(R('bond.interest')),
  bondFees: sum(FEES),
  principalRepaid: sum(R('bond.principal'), R('bond.earlyRedemption')),
  fiscalDebtSupport: sum(R('bond.fiscalSupport')),
  fiscalDebtSupportReturned: sum(R('bond.fiscalSupportReturn')),
  financingCost: sum(R('bond.interest'), FEES),
  advancesOutstanding: { plus: [...R('funding.preAllocation'), ...R('funding.bridge')], minus: [...R('funding.preAllocationReturn'), ...R('funding.bridgeReturn')] },
};

const PERIOD_RULES: Record<string, RuleSum> = {
  appropriations: sum(R('funding.appropriation')),
  fiscalTopUp: sum(R('funding.fiscalTopUp')),
  saleReceipts: sum(R('sale.receipt')),
  leaseIncome: sum(R('lease.income')),
  acquisition: sum(ACQ),
  serviceFee: sum(R('acquisition.serviceFee')),
  development: sum(R('development.works')),
  managementFee: sum(R('development.managementFee')),
  holding: sum(R('holding.cost')),
  saleBusinessFee: sum(R('sale.businessFee')),
  provisions: PROVISIONS,
  costRecovered: sum(R('sale.costRecovery')),
  valueAdded: sum(R('split.share')),
  preAllocation: sum(R('funding.preAllocation'), R('funding.bridge')),
  preAllocationReturn: sum(R('funding.preAllocationReturn'), R('funding.bridgeReturn')),
  poolCapital: sum(R('funding.poolCapital'), R('funding.poolInflow')),
  bondProceeds: sum(R('bond.proceeds'), R('bond.rollover')),
  interest: sum(R('bond.interest')),
  principal: sum(R('bond.principal'), R('bond.earlyRedemption')),
  bondFees: sum(FEES),
  debtService: sum(R('bond.interest'), R('bond.principal'), R('bond.earlyRedemption'), FEES),
};

const PARCEL_RULES: Record<string, RuleSum> = {
  acquisitionPaid: sum(ACQ),
  serviceFee: sum(R('acquisition.serviceFee')),
  developmentCost: sum(R('development.works')),
  managementFee: sum(R('development.managementFee')),
  holdingCost: sum(R('holding.cost')),
  saleBusinessFee: sum(R('sale.businessFee')),
  leaseIncome: sum(R('lease.income')),
  provisionsTotal: PROVISIONS,
  costRecovered: sum(R('sale.costRecovery')),
  valueAdded: sum(R('split.share')),
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
  private fundingCache?: FundingReport;
  readonly nR = RULE_IDS.length;
  readonly periods: number;

  constructor(readonly out: RunOutput) {
    this.periods = out.model.timeline.months;
  }

  ruleTotal(rules: readonly number[] | RuleSum): Fen {
    if (!Array.isArray(rules)) { const rs = rules as RuleSum; return this.ruleTotal(rs.plus) - (rs.minus ? this.ruleTotal(rs.minus) : 0); }
    if (!this.byRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.nR);
      for (let i = 0; i < l.length; i++) s[l.rule[i]] += l.amount[i];
      this.byRule = s;
    }
    let t = 0;
    for (const r of rules as readonly number[]) t += this.byRule[r];
    return t;
  }

  periodRules(period: number, rules: readonly number[] | RuleSum): Fen {
    if (!Array.isArray(rules)) { const rs = rules as RuleSum; return this.periodRules(period, rs.plus) - (rs.minus ? this.periodRules(period, rs.minus) : 0); }
    if (!this.byPeriodRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.periods * this.nR);
      for (let i = 0; i < l.length; i++) s[l.period[i] * this.nR + l.rule[i]] += l.amount[i];
      this.byPeriodRule = s;
    }
    let t = 0;
    for (const r of rules as readonly number[]) t += this.byPeriodRule[period * this.nR + r];
    return t;
  }

  parcelRules(parcel: number, rules: readonly number[] | RuleSum): Fen {
    if (!Array.isArray(rules)) { const rs = rules as RuleSum; return this.parcelRules(parcel, rs.plus) - (rs.minus ? this.parcelRules(parcel, rs.minus) : 0); }
    if (!this.byParcelRule) {
      const l = this.out.ledger;
      const s = new Float64Array(this.out.model.parcels.length * this.nR);
      for (let i = 0; i < l.length; i++) if (l.parcel[i] !== NONE) s[l.parcel[i] * this.nR + l.rule[i]] += l.amount[i];
      this.byParcelRule = s;
    }
    let t = 0;
    for (const r of rules as readonly number[]) t += this.byParcelRule[parcel * this.nR + r];
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

  /** The funding views (bonds, projects, zones, pool) as report() computes them, made once. */
  funding(): FundingReport {
    if (!this.fundingCache) this.fundingCache = fundingReport(this.out, balancesByPeriod(this.out.ledger, this.periods));
    return this.fundingCache;
  }

  /** All programme funds together (every fund account but the treasury), end of each period. */
  poolBalanceSeries(): Float64Array {
    const out = new Float64Array(this.periods);
    this.out.model.accounts.list.forEach((a, i) => {
      if (a.kind !== 'fund' || a.id === 'treasury') return;
      const b = this.balanceSeries(i);
      for (let p = 0; p < this.periods; p++) out[p] += b[p];
    });
    return out;
  }

  private shares(): void {
    const { model, ledger: l } = this.out;
    const nT = model.tiers.length;
    const tierOf = new Int32Array(l.accountCount).fill(-1);
    for (const p of model.parcels) p.shareAccounts.forEach((a, t) => (tierOf[a] = t));
    const share = R('split.share')[0];
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
      if (b === 'peakFundingNeed') return (m) => m.funding().peakFundingNeed;
    }
    if (path.length === 3 && b === 'shares' && typeof c === 'string') {
      return (m) => { const t = m.out.model.tiers.findIndex((x) => x.id === c); return t < 0 ? NaN : m.tierShare(t); };
    }
    if (path.length === 3 && b === 'provisionsByKind' && typeof c === 'string') {
      const k = PROVISION_KINDS.indexOf(c as (typeof PROVISION_KINDS)[number]);
      if (k >= 0) { const rules: RuleSum = { plus: R(`provision.${c}`), minus: R(`provision.${c}.trueUp`) }; return (m) => m.ruleTotal(rules); }
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
  if (tail.length === 1 && a === 'poolBalance') return (m) => m.poolBalanceSeries();
  if (tail.length === 1 && a === 'net') return (m) => Float64Array.from(m.funding().periodNet);
  if (tail.length === 1 && a === 'cumulativeNet') {
    return (m) => { const n = m.funding().periodNet; const out = new Float64Array(n.length); let c = 0; for (let p = 0; p < n.length; p++) out[p] = c += n[p]; return out; };
  }
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

/** Result sections the funding views give whole: bonds[…], projects[…], zones[…], pool.… */
export const FUNDING_SECTIONS = ['bonds', 'projects', 'zones', 'pool'] as const;

/** The part of a Result the funding views make, for reading with output paths. */
export function fundingView(m: LedgerMetrics): Pick<FundingReport, 'bonds' | 'projects' | 'zones' | 'pool'> {
  const f = m.funding();
  return { bonds: f.bonds, projects: f.projects, zones: f.zones, pool: f.pool };
}

/**
 * Every path the fast path answers for a run with these tiers, parcels and periods — what the
 * metrics test checks against report(), figure by figure.
 */
export function fastOutputPaths(tiers: readonly string[], parcelIds: readonly string[], periods: number): string[] {
  const paths = [
    ...Object.keys(TOTAL_RULES).map((k) => `totals.${k}`),
    'totals.unrecoveredCost', 'totals.acquisitionPlanned', 'totals.peakFundingNeed',
    ...tiers.map((t) => `totals.shares.${t}`),
    ...PROVISION_KINDS.map((k) => `totals.provisionsByKind.${k}`),
  ];
  parcelIds.forEach((id, i) => {
    const at = i % 2 ? `parcels[${i}]` : `parcels[${JSON.stringify(id)}]`;
    paths.push(...Object.keys(PARCEL_RULES).map((k) => `${at}.${k}`), `${at}.unrecoveredCost`, `${at}.acquisitionPlanned`, `${at}.sale.revenue`, ...tiers.map((t) => `${at}.shares.${t}`));
  });
  const fields = [...Object.keys(BALANCE_ACCOUNTS), ...Object.keys(PERIOD_RULES), 'poolBalance', 'net', 'cumulativeNet', ...tiers.map((t) => `shares.${t}`)];
  for (const f of fields) paths.push(`periods[*].${f}`, `min(periods[*].${f})`, `max(periods[*].${f})`, `periods[${periods - 1}].${f}`);
  return paths;
}
