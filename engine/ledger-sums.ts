/**
 * The sums every view of a run is made of, each one pass over the ledger's columns, made when
 * first asked for and kept: by rule, by (period, rule), by (parcel, rule), the balances at each
 * period's end, the shares by tier, spending by who paid it, and the funding views. report() and
 * the analysis fast path (analysis/metrics.ts) read the same sums, so a figure asked for alone
 * costs only the passes it needs — a Monte Carlo draw reading totals.valueAdded makes one.
 */
import { NONE, balancesByPeriod } from './ledger';
import { RULE_IDS, RULES } from './rules';
import { fundingReport, type FundingReport } from './funding-report';
import { fundingFlows, peakOf, type FundingFlows } from './funding-flows';
import { figuresAt, ruleSum, type RuleSum } from './figures';
import { assert } from './assert';
import type { RunOutput } from './run';
import type { Fen } from './money';

const IS_USE = RULE_IDS.map((id) => RULES.get(id)!.line === 'use');
const SHARE = RULE_IDS.indexOf('split.share');

/** Spending by who paid it: the funds (which hold the appropriations), bond project accounts, developers. */
export interface Payers { fromFundsAt: Float64Array; fromFunds: Fen; fromBonds: Fen; byDevelopers: Fen }

/**
 * The rules a parcel-level figure reads are the columns of the (parcel, rule) table: about half of
 * all rules, and a province's table is tens of thousands of rows.
 */
const PARCEL_RULES = [...new Set(figuresAt('parcel').flatMap((f) => { const r = ruleSum(f); return [...r.plus, ...r.minus]; }))].sort((a, b) => a - b);
const PARCEL_COLUMN = new Int32Array(RULE_IDS.length).fill(-1);
PARCEL_RULES.forEach((r, c) => (PARCEL_COLUMN[r] = c));
/** Columns of the (parcel, rule) table. */
export const PARCEL_COLUMNS = PARCEL_RULES.length;

const COLUMNS_OF = new WeakMap<RuleSum, RuleSum>();
/** A rule sum as columns of the (parcel, rule) table; a rule no parcel figure reads has none (an engine bug). */
export function parcelColumns(rs: RuleSum): RuleSum {
  let c = COLUMNS_OF.get(rs);
  if (!c) {
    const column = (r: number) => {
      assert(PARCEL_COLUMN[r] >= 0, `rule ${RULE_IDS[r]} is not read by any parcel-level figure (figures.ts), so it has no parcel column`);
      return PARCEL_COLUMN[r];
    };
    COLUMNS_OF.set(rs, (c = { plus: rs.plus.map(column), minus: rs.minus.map(column) }));
  }
  return c;
}

/** A rule sum over one row of a (row, rule) table: called per parcel and figure, so no closure. */
function sumAt(table: Float64Array, base: number, rs: RuleSum): Fen {
  let s = 0;
  for (const r of rs.plus) s += table[base + r];
  for (const r of rs.minus) s -= table[base + r];
  return s;
}

/** What each account received, and the posting that first paid it (−1 for none). */
export interface Received { readonly received: Float64Array; readonly firstTo: Int32Array }

export interface ShareSums {
  readonly byPeriodTier: Float64Array;
  readonly byTier: Float64Array;
  readonly byAccount: Map<number, number>;
}

export class LedgerSums {
  readonly nR = RULE_IDS.length;
  readonly periods: number;
  private byRuleCache?: Float64Array;
  private byPeriodRuleCache?: Float64Array;
  private byParcelRuleCache?: Float64Array;
  private balancesCache?: Float64Array;
  private accountSeries = new Map<number, Float64Array>();
  private sharesCache?: ShareSums;
  private fundingCache?: FundingReport;
  private flowsCache?: FundingFlows;
  private peakCache?: Fen;
  private payersCache?: Payers;
  private poolCache?: Float64Array;
  private receivedCache?: Received;

  constructor(readonly out: RunOutput) {
    this.periods = out.model.timeline.months;
  }

  /**
   * The sums a whole report reads — by (period, rule), by (parcel, rule), the balances at each
   * period's end, the shares and who paid the spending — made together in one pass over the
   * columns instead of one pass each. Sums already made are kept; the values are the same either way.
   */
  sumAll(): this {
    if (this.byPeriodRuleCache || this.byParcelRuleCache || this.balancesCache || this.sharesCache || this.payersCache || this.receivedCache) return this;
    const { model, ledger: l } = this.out;
    const nR = this.nR;
    const nP = this.periods;
    const nA = l.accountCount;
    const nT = model.tiers.length;
    const byPR = new Float64Array(nP * nR);
    const byParR = new Float64Array(model.parcels.length * PARCEL_COLUMNS);
    const parcelColumn = PARCEL_COLUMN;
    const balances = new Float64Array(nP * nA);
    const tierOf = this.tierOfAccount();
    const byPeriodTier = new Float64Array(nP * nT);
    const byTier = new Float64Array(nT);
    const sumByAccount = new Float64Array(nA);
    const payer = this.payerOfAccount();
    const fromFundsAt = new Float64Array(nP);
    let fromBonds = 0;
    let byDevelopers = 0;
    // What each account received: in this same pass.
    const received = new Float64Array(nA);
    const firstTo = new Int32Array(nA).fill(-1);
    for (let i = 0; i < l.length; i++) {
      const r = l.rule[i];
      const a = l.amount[i];
      const p = l.period[i];
      const parcel = l.parcel[i];
      const from = l.from[i];
      const to = l.to[i];
      received[to] += a;
      if (firstTo[to] < 0) firstTo[to] = i;
      byPR[p * nR + r] += a;
      if (parcel !== NONE && parcelColumn[r] >= 0) byParR[parcel * PARCEL_COLUMNS + parcelColumn[r]] += a;
      balances[p * nA + from] -= a;
      balances[p * nA + to] += a;
      if (r === SHARE) {
        const t = tierOf[to];
        byPeriodTier[p * nT + t] += a;
        byTier[t] += a;
        sumByAccount[to] += a;
      }
      if (IS_USE[r]) {
        const who = payer[from];
        if (who === 1) fromBonds += a;
        else if (who === 2) byDevelopers += a;
        else fromFundsAt[p] += a;
      }
    }
    for (let p = 1; p < nP; p++) for (let a = 0; a < nA; a++) balances[p * nA + a] += balances[(p - 1) * nA + a];
    this.byPeriodRuleCache = byPR;
    this.byParcelRuleCache = byParR;
    this.balancesCache = balances;
    this.sharesCache = { byPeriodTier, byTier, byAccount: this.shareAccountSums(sumByAccount) };
    this.payersCache = { fromFundsAt, fromFunds: fromFundsAt.reduce((x, y) => x + y, 0), fromBonds, byDevelopers };
    this.receivedCache = { received, firstTo };
    return this;
  }

  /**
   * What each account received over the run (the sum of the postings to it), and the posting that
   * first paid it (−1 for none): the order in which the accounts start receiving.
   */
  get received(): Received {
    if (!this.receivedCache) {
      const l = this.out.ledger;
      const received = new Float64Array(l.accountCount);
      const firstTo = new Int32Array(l.accountCount).fill(-1);
      for (let i = 0; i < l.length; i++) {
        received[l.to[i]] += l.amount[i];
        if (firstTo[l.to[i]] < 0) firstTo[l.to[i]] = i;
      }
      this.receivedCache = { received, firstTo };
    }
    return this.receivedCache;
  }

  /** A sum over columns of one parcel's row of the (parcel, rule) table, the columns mapped once by parcelColumns. */
  inParcelColumns(i: number, columns: RuleSum): Fen {
    return sumAt(this.byParcelRule, i * PARCEL_COLUMNS, columns);
  }

  get byRule(): Float64Array {
    if (!this.byRuleCache) {
      const s = new Float64Array(this.nR);
      const byPR = this.byPeriodRuleCache;
      if (byPR) {
        // Already summed by (period, rule): adding up its rows is a pass over months, not postings.
        for (let k = 0; k < byPR.length; k++) s[k % this.nR] += byPR[k];
      } else {
        const l = this.out.ledger;
        for (let i = 0; i < l.length; i++) s[l.rule[i]] += l.amount[i];
      }
      this.byRuleCache = s;
    }
    return this.byRuleCache;
  }

  /** out[p * nR + r]. */
  get byPeriodRule(): Float64Array {
    if (!this.byPeriodRuleCache) {
      const l = this.out.ledger;
      const s = new Float64Array(this.periods * this.nR);
      for (let i = 0; i < l.length; i++) s[l.period[i] * this.nR + l.rule[i]] += l.amount[i];
      this.byPeriodRuleCache = s;
    }
    return this.byPeriodRuleCache;
  }

  /** out[parcel * PARCEL_COLUMNS + column] (parcelColumns maps rules to columns); postings without a parcel are left out. */
  get byParcelRule(): Float64Array {
    if (!this.byParcelRuleCache) {
      const l = this.out.ledger;
      const s = new Float64Array(this.out.model.parcels.length * PARCEL_COLUMNS);
      for (let i = 0; i < l.length; i++) {
        const c = PARCEL_COLUMN[l.rule[i]];
        if (l.parcel[i] !== NONE && c >= 0) s[l.parcel[i] * PARCEL_COLUMNS + c] += l.amount[i];
      }
      this.byParcelRuleCache = s;
    }
    return this.byParcelRuleCache;
  }

  /** Every account's balance at every period's end: out[p * accounts + a]. */
  get balances(): Float64Array {
    return (this.balancesCache ??= balancesByPeriod(this.out.ledger, this.periods));
  }

  total(rs: RuleSum): Fen {
    return sumAt(this.byRule, 0, rs);
  }

  inPeriod(p: number, rs: RuleSum): Fen {
    return sumAt(this.byPeriodRule, p * this.nR, rs);
  }

  inParcel(i: number, rs: RuleSum): Fen {
    return sumAt(this.byParcelRule, i * PARCEL_COLUMNS, parcelColumns(rs));
  }

  /** End-of-period balance of one account, every period (without the all-accounts table). */
  balanceSeries(account: number): Float64Array {
    let b = this.accountSeries.get(account);
    if (!b) {
      if (this.balancesCache) {
        const n = this.out.ledger.accountCount;
        b = Float64Array.from({ length: this.periods }, (_, p) => this.balancesCache![p * n + account]);
      } else {
        const l = this.out.ledger;
        b = new Float64Array(this.periods);
        for (let i = 0; i < l.length; i++) {
          if (l.from[i] === account) b[l.period[i]] -= l.amount[i];
          else if (l.to[i] === account) b[l.period[i]] += l.amount[i];
        }
        for (let p = 1; p < this.periods; p++) b[p] += b[p - 1];
      }
      this.accountSeries.set(account, b);
    }
    return b;
  }

  /** The programme's funds together (every fund account but the treasury), end of each period. */
  poolBalanceSeries(): Float64Array {
    if (this.poolCache) return this.poolCache;
    const out = (this.poolCache = new Float64Array(this.periods));
    this.out.model.accounts.list.forEach((a, i) => {
      if (a.kind !== 'fund' || a.id === 'treasury') return;
      const b = this.balanceSeries(i);
      for (let p = 0; p < this.periods; p++) out[p] += b[p];
    });
    return out;
  }

  /** The value-added shares by (period, tier), by tier and by share account. */
  get shares(): ShareSums {
    const l = this.out.ledger;
    return (this.sharesCache ??= this.sumShares((visit) => {
      for (let i = 0; i < l.length; i++) if (l.rule[i] === SHARE) visit(i);
    }));
  }

  /** Sums the share postings `each` visits — every posting of the rule, or only those a log points to. */
  protected sumShares(each: (visit: (i: number) => void) => void): ShareSums {
    const { model, ledger: l } = this.out;
    const nT = model.tiers.length;
    const tierOf = this.tierOfAccount();
    const byPeriodTier = new Float64Array(this.periods * nT);
    const byTier = new Float64Array(nT);
    const sumByAccount = new Float64Array(l.accountCount);
    each((i) => {
      const t = tierOf[l.to[i]];
      byPeriodTier[l.period[i] * nT + t] += l.amount[i];
      byTier[t] += l.amount[i];
      sumByAccount[l.to[i]] += l.amount[i];
    });
    return { byPeriodTier, byTier, byAccount: this.shareAccountSums(sumByAccount) };
  }

  /** The tier each share account belongs to, -1 for other accounts. */
  private tierOfAccount(): Int32Array {
    const tierOf = new Int32Array(this.out.ledger.accountCount).fill(-1);
    const parcels = this.out.model.parcels;
    for (let i = 0; i < parcels.length; i++) {
      const accounts = parcels[i].shareAccounts;
      for (let t = 0; t < accounts.length; t++) tierOf[accounts[t]] = t;
    }
    return tierOf;
  }

  /** Every share account's sum, in account order. */
  private shareAccountSums(sumByAccount: Float64Array): Map<number, number> {
    const byAccount = new Map<number, number>();
    this.out.model.accounts.list.forEach((a, i) => { if (a.kind === 'share') byAccount.set(i, sumByAccount[i]); });
    return byAccount;
  }

  /** Who each account pays for: 1 a bond project account, 2 an actor (a 做地 developer), 0 the funds. */
  private payerOfAccount(): Uint8Array {
    const payer = new Uint8Array(this.out.ledger.accountCount);
    this.out.model.accounts.list.forEach((a, i) => { if (a.kind === 'actor') payer[i] = 2; });
    for (const x of this.out.model.projects) payer[x.account] = 1;
    return payer;
  }

  /** The funding views (bonds, projects, zones, pool, peak funding need, net by period), made once. */
  get funding(): FundingReport {
    return (this.fundingCache ??= fundingReport(this.out, this.balances, this.flows));
  }

  /** The programme's net by period, financing cost and zone flows: one pass, without the views. */
  get flows(): FundingFlows {
    return (this.flowsCache ??= fundingFlows(this.out));
  }

  /** The deepest cumulative net: how much money has to be found before the sales pay it back. */
  get peakFundingNeed(): Fen {
    return (this.peakCache ??= peakOf((p) => this.flows.periodNet[p], this.periods));
  }

  get payers(): Payers {
    if (!this.payersCache) {
      const { model, ledger: l } = this.out;
      const payer = this.payerOfAccount();
      const fromFundsAt = new Float64Array(this.periods);
      let fromBonds = 0;
      let byDevelopers = 0;
      for (let i = 0; i < l.length; i++) {
        if (!IS_USE[l.rule[i]]) continue;
        const who = payer[l.from[i]];
        if (who === 1) fromBonds += l.amount[i];
        else if (who === 2) byDevelopers += l.amount[i];
        else fromFundsAt[l.period[i]] += l.amount[i];
      }
      this.payersCache = { fromFundsAt, fromFunds: fromFundsAt.reduce((a, b) => a + b, 0), fromBonds, byDevelopers };
    }
    return this.payersCache;
  }
}
