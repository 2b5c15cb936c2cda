/**
 * The per-period statement and its roll-ups to calendar (fiscal) years and quarters: each row the
 * catalogue's period figures (figures.ts) summed over the row's months, the balances at its last
 * month, the net and its running total, and 预算执行率 against 序时进度 — spending from the funds
 * so far this year over the year's appropriations (99.58% spent by a December with 100% elapsed).
 *
 * The figures of every month are summed once into a table (month × figure); a year or a quarter
 * is a run of consecutive months, so its row adds up that run of the table.
 */
import { Decimal, fenToYuan, ratioText } from './money';
import { ruleFiguresAt, ruleSum } from './figures';
import { yearMonthOf } from './timeline';
import type { LedgerSums } from './ledger-sums';
import type { PeriodRow, QuarterRow, YearRow } from './result';

const FLOWS = ruleFiguresAt('period').map((f) => ({ key: f.key, rs: ruleSum(f) }));
const KEYS = FLOWS.map((f) => f.key);
const NF = FLOWS.length;
const APPROPRIATIONS = KEYS.indexOf('appropriations');
// Each tier's share follows the value added it divides.
const VALUE_ADDED = KEYS.indexOf('valueAdded');

/** num ÷ den as a percent with 2 places, half-up (the Decimal expression is the reference). */
const percent = (num: number, den: number) => ratioText(num * 100, den, 2, () => new Decimal(num).div(den).times(100).toFixed(2, Decimal.ROUND_HALF_UP));
/** 序时进度 of each month of the year: month ÷ 12. */
const TIME_PROGRESS = Array.from({ length: 12 }, (_, m) => percent(m + 1, 12));

/** What every row reads: the month × figure table, the running figures, and the balances' columns. */
export interface PeriodRunning {
  /** figures[p * FLOWS + f]: figure f of the catalogue's period figures in month p. */
  figures: Float64Array;
  cumulativeNet: Float64Array;
  execution: (string | null)[];
  /** Calendar year and month of each period. */
  year: Int32Array;
  month: Int32Array;
  /** Each tier's id as an own key (an id may be any text, "__proto__" too), copied for each row's shares. */
  sharesTemplate: Record<string, string>;
  /** The fields of a period, year and quarter row, in order (rowTemplate). */
  rowTemplates: Map<string, Record<string, unknown>>;
}

export function periodRunning(s: LedgerSums): PeriodRunning {
  const { model } = s.out;
  const nP = s.periods;
  const net = s.flows.periodNet;
  const fromFundsAt = s.payers.fromFundsAt;
  const byPR = s.byPeriodRule;
  const nR = s.nR;
  const figures = new Float64Array(nP * NF);
  const year = new Int32Array(nP);
  const month = new Int32Array(nP);
  for (let p = 0; p < nP; p++) {
    const ym = yearMonthOf(model.timeline, p);
    year[p] = ym.year;
    month[p] = ym.month;
    for (let f = 0; f < NF; f++) {
      const { plus, minus } = FLOWS[f].rs;
      let v = 0;
      for (let k = 0; k < plus.length; k++) v += byPR[p * nR + plus[k]];
      for (let k = 0; k < minus.length; k++) v -= byPR[p * nR + minus[k]];
      figures[p * NF + f] = v;
    }
  }
  const cumulativeNet = new Float64Array(nP);
  const execution: (string | null)[] = new Array(nP);
  let cum = 0;
  let yearSpent = 0;
  let yearAppropriated = 0;
  for (let p = 0; p < nP; p++) {
    if (month[p] === 1 || p === 0) {
      yearSpent = 0;
      yearAppropriated = 0;
      for (let q = p; q < nP && year[q] === year[p]; q++) yearAppropriated += figures[q * NF + APPROPRIATIONS];
    }
    yearSpent += fromFundsAt[p];
    cumulativeNet[p] = cum += net[p];
    execution[p] = yearAppropriated > 0 ? percent(yearSpent, yearAppropriated) : null;
  }
  const sharesTemplate: Record<string, string> = Object.fromEntries(model.tiers.map((t) => [t.id, '']));
  return { figures, cumulativeNet, execution, year, month, sharesTemplate, rowTemplates: new Map() };
}

/**
 * A row with every field of its kind in order, values to be written: copies of it are filled in
 * place, so each row of a statement has the same fields without adding them one by one.
 */
function rowTemplate(running: PeriodRunning, first: 'period' | 'year' | 'quarter'): Record<string, unknown> {
  let t = running.rowTemplates.get(first);
  if (!t) {
    t = { [first]: null };
    for (let f = 0; f < NF; f++) {
      t[KEYS[f]] = null;
      if (f === VALUE_ADDED) t.shares = null;
    }
    for (const k of ['reserveFundBalance', 'treasuryBalance', 'poolBalance', 'net', 'cumulativeNet', 'budgetExecutionPercent']) t[k] = null;
    if (first === 'period') t.timeProgressPercent = null;
    running.rowTemplates.set(first, t);
  }
  return t;
}

/**
 * The flows of months [from, to) and the balances at the last, written into `row` after the
 * fields it already has: the body shared by periods, years and quarters.
 */
function fillRow(s: LedgerSums, from: number, to: number, running: PeriodRunning, row: Record<string, unknown>): Record<string, unknown> {
  const { model } = s.out;
  const nA = s.out.ledger.accountCount;
  const nT = model.tiers.length;
  const byPT = s.shares.byPeriodTier;
  const { figures } = running;
  for (let f = 0; f < NF; f++) {
    let v = 0;
    for (let p = from; p < to; p++) v += figures[p * NF + f];
    row[KEYS[f]] = fenToYuan(v);
    if (f === VALUE_ADDED) {
      const shares: Record<string, string> = { ...running.sharesTemplate };
      for (let t = 0; t < nT; t++) {
        let x = 0;
        for (let p = from; p < to; p++) x += byPT[p * nT + t];
        shares[model.tiers[t].id] = fenToYuan(x);
      }
      row.shares = shares;
    }
  }
  const last = to - 1;
  const balances = s.balances;
  const netAt = s.flows.periodNet;
  let net = 0;
  for (let p = from; p < to; p++) net += netAt[p];
  row.reserveFundBalance = fenToYuan(balances[last * nA + model.accounts.idx('reserveFund')]);
  row.treasuryBalance = fenToYuan(balances[last * nA + model.accounts.idx('treasury')]);
  row.poolBalance = fenToYuan(s.poolBalanceSeries()[last]);
  row.net = fenToYuan(net);
  row.cumulativeNet = fenToYuan(running.cumulativeNet[last]);
  row.budgetExecutionPercent = running.execution[last];
  return row;
}

export function periodRows(s: LedgerSums, running = periodRunning(s)): PeriodRow[] {
  const labels = s.out.model.periodLabels;
  const rows: PeriodRow[] = new Array(s.periods);
  const template = rowTemplate(running, 'period');
  for (let p = 0; p < s.periods; p++) {
    const row = fillRow(s, p, p + 1, running, { ...template });
    row.period = labels[p];
    row.timeProgressPercent = TIME_PROGRESS[running.month[p] - 1];
    rows[p] = row as unknown as PeriodRow;
  }
  return rows;
}

/** Runs of consecutive months with the same group (a year, a quarter), in timeline order: [first, end) each. */
function runs(s: LedgerSums, groupOf: (p: number) => number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < s.periods; p++) {
    if (p === 0 || groupOf(p) !== groupOf(p - 1)) out.push([p, p + 1]);
    else out[out.length - 1][1] = p + 1;
  }
  return out;
}

export function yearRows(s: LedgerSums, running = periodRunning(s)): YearRow[] {
  const { year } = running;
  const template = rowTemplate(running, 'year');
  return runs(s, (p) => year[p]).map(([from, to]) => fillRow(s, from, to, running, { ...template, year: year[from] }) as unknown as YearRow);
}

export function quarterRows(s: LedgerSums, running = periodRunning(s)): QuarterRow[] {
  const { year, month } = running;
  const quarter = (p: number) => Math.floor((month[p] - 1) / 3) + 1;
  const template = rowTemplate(running, 'quarter');
  return runs(s, (p) => year[p] * 4 + quarter(p)).map(([from, to]) => fillRow(s, from, to, running, { ...template, quarter: `${year[from]}Q${quarter(from)}` }) as unknown as QuarterRow);
}
