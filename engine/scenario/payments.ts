/**
 * Dated payment schedules: tranches stated by amount or by share, spread payments, and the
 * default sale schedule (≥ 50% within one month of the sale, the balance within twelve: H-3).
 *
 * Xingning's buy-back (seed 001) is two tranches by amount: 2 000 万元 on 2022-09-16 and
 * 4 205.07 万元 on 2023-01-16. A 50%/50% schedule by share of 6 205.27 万元 allocates whole fen
 * so the tranches sum to the total exactly.
 */
import { allocate, mulRate, parseMoney, parseRate, type Fen, type Rate } from '../money';
import type { Payment } from '../model';
import { periodLabel, periodLabels, periodOfText, type Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';

export interface RawPayment {
  readonly date: string;
  readonly amount?: string;
  readonly share?: string;
}

/**
 * Resolves tranches against a planned total. Shares must all be shares and sum to 100%;
 * amounts are taken as stated (the caller compares their sum with the plan).
 */
export function resolveTranches(
  raw: readonly RawPayment[],
  planned: Fen,
  t: Timeline,
  path: string,
  problems: Problem[],
  /** Applied to amounts stated in money (a stress factor); shares already follow the planned total. */
  scaleFen: (fen: Fen) => Fen = (fen) => fen,
): Payment[] {
  const periods = raw.map((p, i) => datePeriod(t, p.date, joinPath(path, i, 'date'), problems));
  const byShare = raw.filter((p) => p.share !== undefined).length;
  const both = raw.findIndex((p) => (p.share === undefined) === (p.amount === undefined));
  if (both >= 0) {
    problems.push(problem('payments.shares', joinPath(path, both), raw[both], { en: 'exactly one of "amount" or "share" per payment', zh: '每笔付款须且只能给出 "amount"（金额）或 "share"（比例）之一' }));
    return [];
  }
  if (byShare > 0 && byShare < raw.length) {
    problems.push(problem('payments.shares', path, raw.map((p) => p.share ?? p.amount), { en: 'all payments by share or all by amount, not a mix', zh: '付款须全部按比例或全部按金额，不可混用' }));
    return [];
  }
  if (byShare > 0) {
    const rates = raw.map((p) => parseRate(p.share!)!);
    const den = rates.reduce((d, r) => lcm(d, r.den), 1);
    const weights = rates.map((r) => r.num * (den / r.den));
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum !== den) {
      problems.push(problem('payments.shares', path, raw.map((p) => p.share), { en: 'shares that add up to 100%', zh: '合计为 100% 的比例' }));
      return [];
    }
    const parts = allocate(planned, weights);
    return raw.map((p, i) => ({ period: periods[i], amount: parts[i], date: p.date }));
  }
  return raw.map((p, i) => ({ period: periods[i], amount: scaleFen(parseMoney(p.amount!)!), date: p.date }));
}

/** Each amount in fen × a stress factor, half-up; as it is without a factor. */
export function scaler(factor: Rate | null): (fen: Fen) => Fen {
  return factor ? (fen) => mulRate(fen, factor) : (fen) => fen;
}

/** A date's period, with a problem if it falls outside the timeline. */
export function datePeriod(t: Timeline, date: string, path: string, problems: Problem[]): number {
  const p = periodOfText(t, date);
  if (p === null) {
    // The schema refuses such a date first; this keeps a bare call from reading period null as 0.
    problems.push(problem('date.format', path, date, { en: 'a real calendar date', zh: '真实存在的日期' }));
    return 0;
  }
  if (p < 0 || p >= t.months) {
    problems.push(
      problem('date.outsideTimeline', path, date, {
        en: `a date from ${periodLabel(t, 0)} to ${periodLabel(t, t.months - 1)} (the timeline)`,
        zh: `${periodLabel(t, 0)} 至 ${periodLabel(t, t.months - 1)} 之间的日期（测算期）`,
      }),
    );
    return Math.max(0, Math.min(t.months - 1, p));
  }
  return p;
}

/** Spreads `total` evenly over `months` consecutive periods from `first`, whole fen, exact. */
export function spread(total: Fen, first: number, months: number, t: Timeline): Payment[] {
  if (months <= 0 || total === 0) return [];
  // allocate(total, months equal weights) without the weights: ⌊|total| ÷ months⌋ fen a month, one
  // fen more in each of the first (remainder) months, the sign put back.
  const neg = total < 0;
  const abs = neg ? -total : total;
  let q = Math.floor(abs / months);
  while (q * months > abs) q -= 1;
  while ((q + 1) * months <= abs) q += 1;
  const left = abs - q * months;
  const labels = labelsOf(t);
  const out: Payment[] = new Array(months);
  for (let i = 0; i < months; i++) {
    const a = i < left ? q + 1 : q;
    const period = first + i;
    out[i] = { period, amount: neg && a !== 0 ? -a : a, date: labels[period] ?? periodLabel(t, period) };
  }
  return out;
}

// A timeline's month labels, made once: a holding cost spread over 240 months on 10,000 parcels
// would otherwise format 2.4 million "2022-09" strings.
const LABELS = new WeakMap<Timeline, readonly string[]>();
function labelsOf(t: Timeline): readonly string[] {
  let labels = LABELS.get(t);
  if (!labels) LABELS.set(t, (labels = periodLabels(t)));
  return labels;
}

/** Splits a fee across the periods of another schedule, in proportion to its amounts. */
export function alongside(fee: Fen, schedule: readonly Payment[]): Payment[] {
  if (fee === 0 || schedule.length === 0) return [];
  const weights = schedule.map((p) => p.amount);
  if (weights.every((w) => w === 0)) return [{ ...schedule[0], amount: fee }];
  const parts = allocate(fee, weights);
  return schedule.map((p, i) => ({ period: p.period, amount: parts[i], date: p.date }));
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}
