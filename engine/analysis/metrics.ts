/**
 * The fast metrics path: figures read straight from a run's columnar ledger in whole fen, without
 * formatting a Result. `report()` turns every row of every period and parcel into strings, which
 * costs more than the run itself; a Monte Carlo of 10 000 runs wants three numbers from each.
 *
 * A metric is addressed by the same JSON path as the Result field it equals:
 *   totals.valueAdded, totals.shares.province, totals.provisionsByKind.education,
 *   parcels[3].unrecoveredCost, parcels["HN-SY-01"].shares.city,
 *   periods[12].reserveFundBalance, periods[*].treasuryBalance (a series).
 * Which rules make which figure is the figure catalogue's (figures.ts), the same table report()
 * reads; test/figures.test.ts proves fenToYuan(metric) === the Result's string for every figure
 * of the catalogue, on the seed scenarios and generated portfolios. A path not answered here
 * returns null and the caller falls back to report().
 */
import { netAndPool } from './ledger-passes';
import { type Coverage, type Fen, figuresAt, type FundingReport, knownRuleTotals, LedgerSums, parcelTotal, type PathSegment, peakOf, projectCoverage, sumByRule, ruleFiguresAt, ruleSum, ruleSumsSource, type RuleSum, type RunOutput, type RunSums, shareLogOf } from '../index';

const rulesAt = (level: 'total' | 'period' | 'parcel'): Record<string, RuleSum> => Object.fromEntries(ruleFiguresAt(level).map((f) => [f.key, ruleSum(f)]));
/** Result field name → the rules whose postings it sums, at each level. */
const TOTAL_RULES = rulesAt('total');
const PERIOD_RULES = rulesAt('period');
const PARCEL_RULES = rulesAt('parcel');

const BALANCE_ACCOUNTS: Record<string, string> = { reserveFundBalance: 'reserveFund', treasuryBalance: 'treasury' };

/** Sums of runs that re-split runs share (incremental/resplit.ts), kept with the run they were made from. */
const SHARED_SUMS = new WeakMap<RunOutput, LedgerSums>();

/**
 * The ledger's sums (made lazily, each once) as the fast readers use them. A run re-split from
 * another moves the same value added in the same periods, so its sums by rule, by period and by
 * parcel are that run's, made once for all its re-splits.
 */
export class LedgerMetrics extends LedgerSums {
  private ruleSums?: Float64Array;

  /** `sums`: what the invariants' pass over this run made besides (run-invariants.ts), read instead of passes of their own. */
  constructor(out: RunOutput, private readonly sums: RunSums | null = null) {
    super(out);
  }

  /** Sums by rule (as LedgerSums has them): a pass of its own function, whose optimised code is made from whole calls. */
  override get byRule(): Float64Array {
    return this.sums?.byRule ?? knownRuleTotals(this.out) ?? this.sharedSums()?.byRule ?? (this.ruleSums ??= sumByRule(this.out.ledger, this.nR));
  }

  override get byPeriodRule(): Float64Array {
    return this.sharedSums()?.byPeriodRule ?? super.byPeriodRule;
  }

  override get byParcelRule(): Float64Array {
    return this.sharedSums()?.byParcelRule ?? super.byParcelRule;
  }

  private sharesFromLog?: LedgerSums['shares'];

  /** The shares by tier, read from the postings the run's log of splits points to rather than from every posting. */
  override get shares(): LedgerSums['shares'] {
    const log = shareLogOf(this.out);
    if (!log) return super.shares;
    this.sharesFromLog ??= this.sumShares((visit) => {
      for (let k = 0; k < log.length; k++) for (let i = log.start[k]; i < log.end[k]; i++) visit(i);
    });
    return this.sharesFromLog;
  }

  private netAndPool?: { net: Float64Array; pool: Float64Array };
  private peak?: Fen;

  /** The deepest cumulative net (as LedgerSums has it), from one pass that makes the pool's balances too. */
  override get peakFundingNeed(): Fen {
    if (this.peak === undefined) {
      const { net } = this.scanNetAndPool();
      this.peak = peakOf((p) => net[p], this.periods);
    }
    return this.peak;
  }

  /** The programme's funds together, end of each period (as LedgerSums has it), from the same pass. */
  override poolBalanceSeries(): Float64Array {
    return this.scanNetAndPool().pool;
  }

  /** The net and the pool's balances by period, from one pass (ledger-passes.ts). */
  private scanNetAndPool(): { net: Float64Array; pool: Float64Array } {
    return (this.netAndPool ??= this.sums ?? netAndPool(this.out));
  }

  private sharedSums(): LedgerSums | null {
    const source = ruleSumsSource(this.out);
    if (source === this.out) return null;
    let s = SHARED_SUMS.get(source);
    if (!s) SHARED_SUMS.set(source, (s = new LedgerSums(source)));
    return s;
  }

  ruleTotal(rules: RuleSum): Fen {
    return this.total(rules);
  }

  periodRules(period: number, rules: RuleSum): Fen {
    return this.inPeriod(period, rules);
  }

  parcelRules(parcel: number, rules: RuleSum): Fen {
    return this.inParcel(parcel, rules);
  }

  tierShare(tier: number): Fen {
    return this.shares.byTier[tier];
  }

  tierSharePeriod(period: number, tier: number): Fen {
    return this.shares.byPeriodTier[period * this.out.model.tiers.length + tier];
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
      if (b === 'unrecoveredCost') return (m) => parcelTotal(m.out, 'unrecoveredCost');
      if (b === 'acquisitionPlanned') return (m) => m.out.model.parcels.reduce((s, p) => s + p.acquisitionPlanned, 0);
      if (b === 'peakFundingNeed') return (m) => m.peakFundingNeed;
      if (b === 'valueAddedHeldBack') return (m) => parcelTotal(m.out, 'heldBack');
    }
    if (path.length === 3 && b === 'shares' && typeof c === 'string') {
      return (m) => { const t = m.out.model.tiers.findIndex((x) => x.id === c); return t < 0 ? NaN : m.tierShare(t); };
    }
    if (path.length === 3 && b === 'provisionsByKind' && typeof c === 'string' && TOTAL_RULES[`provisionsByKind.${c}`]) {
      const rules = TOTAL_RULES[`provisionsByKind.${c}`];
      return (m) => m.ruleTotal(rules);
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
      if (c === 'valueAddedHeldBack') return guard((m, i) => m.out.parcels[i].heldBack);
    }
    if (path.length === 4 && c === 'shares' && typeof d === 'string') {
      return guard((m, i) => { const t = m.out.model.tiers.findIndex((x) => x.id === d); return t < 0 ? NaN : m.out.parcels[i].shares[t] ?? 0; });
    }
    if (path.length === 4 && c === 'provisionsByKind' && typeof d === 'string' && PARCEL_RULES[`provisionsByKind.${d}`]) {
      const rules = PARCEL_RULES[`provisionsByKind.${d}`];
      return guard((m, i) => m.parcelRules(i, rules));
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
  if (tail.length === 1 && a === 'net') return (m) => Float64Array.from(m.flows.periodNet);
  if (tail.length === 1 && a === 'cumulativeNet') {
    return (m) => { const n = m.flows.periodNet; const out = new Float64Array(n.length); let c = 0; for (let p = 0; p < n.length; p++) out[p] = c += n[p]; return out; };
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
  const f = m.funding;
  return { bonds: f.bonds, projects: f.projects, zones: f.zones, pool: f.pool };
}

/** Whether an output reads only the bonds' coverage ratios (bonds[i].coverageRatio, min(bonds[*].coverageRatio), …). */
export function readsCoverageOnly(head: readonly PathSegment[], tail: readonly PathSegment[] | null): boolean {
  const last = tail ?? head.slice(2);
  return head[0] === 'bonds' && head.length === (tail ? 1 : 3) && last.length === 1 && last[0] === 'coverageRatio';
}

/**
 * The bonds' coverage ratios as the funding view gives them (each bond its project's ratio,
 * coverage.ts), without the rest of the funding report: a Monte Carlo reading one coverage ratio
 * per draw need not format every bond's schedule, every zone and the pool.
 */
export function coverageView(m: LedgerMetrics): { bonds: { id: string; coverageRatio: string | null }[] } {
  const byProject = new Map<number, Coverage>();
  const bonds = m.out.bonds.map((s) => {
    let c = byProject.get(s.bond.project);
    if (!c) byProject.set(s.bond.project, (c = projectCoverage(m.out, s.bond.project)));
    return { id: s.bond.id, coverageRatio: c.ratio };
  });
  return { bonds };
}

/**
 * Every figure of the catalogue at the total, parcel and period levels (figures.ts), as paths for
 * a run with these tiers, parcels and periods — what the figures test holds the fast path and
 * report() to, figure by figure. A figure the fast path cannot read is a failure there, not a gap.
 */
export function fastOutputPaths(tiers: readonly string[], parcelIds: readonly string[], periods: number): string[] {
  const keys = (level: 'total' | 'period' | 'parcel') => [...figuresAt(level).map((f) => f.key), ...tiers.map((t) => `shares.${t}`)];
  const paths = keys('total').map((k) => `totals.${k}`);
  parcelIds.forEach((id, i) => {
    const at = i % 2 ? `parcels[${i}]` : `parcels[${JSON.stringify(id)}]`;
    paths.push(...keys('parcel').map((k) => `${at}.${k}`), `${at}.sale.revenue`);
  });
  for (const f of keys('period')) paths.push(`periods[*].${f}`, `min(periods[*].${f})`, `max(periods[*].${f})`, `periods[${periods - 1}].${f}`);
  return paths;
}
