/**
 * The per-period statement and its roll-ups to calendar (fiscal) years and quarters: each row the
 * catalogue's period figures (figures.ts) summed over the row's months, the balances at its last
 * month, the net and its running total, and 预算执行率 against 序时进度 — spending from the funds
 * so far this year over the year's appropriations (99.58% spent by a December with 100% elapsed).
 */
import { Decimal, fenToYuan } from './money';
import { ruleFiguresAt, ruleSum } from './figures';
import { quarterLabel, yearMonthOf, yearOf } from './timeline';
import type { LedgerSums } from './ledger-sums';
import type { Money, PeriodRow, QuarterRow, YearRow } from './result';

const FLOWS = ruleFiguresAt('period').map((f) => ({ key: f.key, rs: ruleSum(f) }));
const APPROPRIATION = ruleSum(ruleFiguresAt('period').find((f) => f.key === 'appropriations')!);
const percent = (num: number, den: number) => new Decimal(num).div(den).times(100).toFixed(2, Decimal.ROUND_HALF_UP);

/** The running figures a period row carries beyond its own flows: cumulative net and execution rate. */
export interface PeriodRunning { cumulativeNet: Float64Array; execution: (string | null)[] }

export function periodRunning(s: LedgerSums): PeriodRunning {
  const { model } = s.out;
  const nP = s.periods;
  const net = s.flows.periodNet;
  const fromFundsAt = s.payers.fromFundsAt;
  const cumulativeNet = new Float64Array(nP);
  const execution: (string | null)[] = [];
  let cum = 0;
  let yearSpent = 0;
  let yearAppropriated = 0;
  for (let p = 0; p < nP; p++) {
    const { year, month } = yearMonthOf(model.timeline, p);
    if (month === 1 || p === 0) {
      yearSpent = 0;
      yearAppropriated = 0;
      for (let q = p; q < nP && yearOf(model.timeline, q) === year; q++) yearAppropriated += s.inPeriod(q, APPROPRIATION);
    }
    yearSpent += fromFundsAt[p];
    cumulativeNet[p] = cum += net[p];
    execution.push(yearAppropriated > 0 ? percent(yearSpent, yearAppropriated) : null);
  }
  return { cumulativeNet, execution };
}

/** The flows of a set of months and the balances at the last: the body shared by periods, years, quarters. */
function rowOver(s: LedgerSums, ps: readonly number[], running: PeriodRunning) {
  const { model } = s.out;
  const nA = s.out.ledger.accountCount;
  const nT = model.tiers.length;
  const row: Record<string, unknown> = {};
  const byPT = s.shares.byPeriodTier;
  for (const f of FLOWS) {
    let v = 0;
    for (const p of ps) v += s.inPeriod(p, f.rs);
    row[f.key] = fenToYuan(v);
    // Each tier's share follows the value added it divides.
    if (f.key === 'valueAdded') row.shares = Object.fromEntries(model.tiers.map((tier, t) => [tier.id, fenToYuan(ps.reduce((a, p) => a + byPT[p * nT + t], 0))]));
  }
  const last = ps[ps.length - 1];
  const balances = s.balances;
  const pool = s.poolBalanceSeries();
  return {
    ...row,
    reserveFundBalance: fenToYuan(balances[last * nA + model.accounts.idx('reserveFund')]),
    treasuryBalance: fenToYuan(balances[last * nA + model.accounts.idx('treasury')]),
    poolBalance: fenToYuan(pool[last]),
    net: fenToYuan(ps.reduce((a, p) => a + s.flows.periodNet[p], 0)),
    cumulativeNet: fenToYuan(running.cumulativeNet[last]),
    budgetExecutionPercent: running.execution[last],
  } as Record<string, Money | Record<string, Money> | string | null>;
}

export function periodRows(s: LedgerSums, running = periodRunning(s)): PeriodRow[] {
  const { model } = s.out;
  return model.periodLabels.map((label, p) => ({
    period: label,
    ...rowOver(s, [p], running),
    timeProgressPercent: percent(yearMonthOf(model.timeline, p).month, 12),
  }) as PeriodRow);
}

/** Months grouped by a label (a year, a quarter), in timeline order. */
function groups(s: LedgerSums, groupOf: (p: number) => string): [string, number[]][] {
  const g = new Map<string, number[]>();
  for (let p = 0; p < s.periods; p++) {
    const k = groupOf(p);
    const list = g.get(k);
    if (list) list.push(p);
    else g.set(k, [p]);
  }
  return [...g.entries()];
}

export function yearRows(s: LedgerSums, running = periodRunning(s)): YearRow[] {
  const tl = s.out.model.timeline;
  return groups(s, (p) => String(yearOf(tl, p))).map(([key, ps]) => ({ year: Number(key), ...rowOver(s, ps, running) }) as YearRow);
}

export function quarterRows(s: LedgerSums, running = periodRunning(s)): QuarterRow[] {
  const tl = s.out.model.timeline;
  return groups(s, (p) => quarterLabel(tl, p)).map(([key, ps]) => ({ quarter: key, ...rowOver(s, ps, running) }) as QuarterRow);
}
