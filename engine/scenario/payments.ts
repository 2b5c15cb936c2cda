/**
 * Dated payment schedules: tranches stated by amount or by share, spread payments, and the
 * default sale schedule (≥ 50% within one month of the sale, the balance within twelve: H-3).
 *
 * Xingning's buy-back (seed 001) is two tranches by amount: 2 000 万元 on 2022-09-16 and
 * 4 205.07 万元 on 2023-01-16. A 50%/50% schedule by share of 6 205.27 万元 allocates whole fen
 * so the tranches sum to the total exactly.
 */
import { allocate, lcm, mulRate, parseMoney, parseRate, type Fen, type Rate } from '../money';
import { amountAt, amountsOf, columns, NO_FLOWS, periodAt, periodsOf, single, type Flows } from '../flows';
import { periodLabel, periodOfText, type Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';

export interface RawPayment {
  readonly date: string;
  readonly amount?: string;
  readonly share?: string;
}

/**
 * Tranches as read from the scenario, before any amount is known: their periods and either
 * integer weights (by share) or the stated amounts in fen (by amount). The planned total and a
 * stress factor turn them into payments (tranchePayments).
 */
export type Tranches =
  | { readonly byShare: true; readonly periods: readonly number[]; readonly weights: readonly number[] }
  | { readonly byShare: false; readonly periods: readonly number[]; readonly fens: readonly Fen[] };

/**
 * Reads tranches. Shares must all be shares and sum to 100%; amounts are taken as stated (the
 * caller compares their sum with the plan). Null, with a problem, when they cannot be read.
 */
export function readTranches(raw: readonly RawPayment[], t: Timeline, path: string, problems: Problem[]): Tranches | null {
  const periods = raw.map((p, i) => datePeriod(t, p.date, joinPath(path, i, 'date'), problems));
  const byShare = raw.filter((p) => p.share !== undefined).length;
  const both = raw.findIndex((p) => (p.share === undefined) === (p.amount === undefined));
  if (both >= 0) {
    problems.push(problem('payments.shares', joinPath(path, both), raw[both], { en: 'exactly one of "amount" or "share" per payment', zh: '每笔付款须且只能给出 "amount"（金额）或 "share"（比例）之一' }));
    return null;
  }
  if (byShare > 0 && byShare < raw.length) {
    problems.push(problem('payments.shares', path, raw.map((p) => p.share ?? p.amount), { en: 'all payments by share or all by amount, not a mix', zh: '付款须全部按比例或全部按金额，不可混用' }));
    return null;
  }
  if (byShare > 0) {
    const rates = raw.map((p) => parseRate(p.share!)!);
    const den = rates.reduce((d, r) => lcm(d, r.den), 1);
    const weights = rates.map((r) => r.num * (den / r.den));
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum !== den) {
      problems.push(problem('payments.shares', path, raw.map((p) => p.share), { en: 'shares that add up to 100%', zh: '合计为 100% 的比例' }));
      return null;
    }
    return { byShare: true, periods, weights };
  }
  return { byShare: false, periods, fens: raw.map((p) => parseMoney(p.amount!)!) };
}

/**
 * Tranches against a planned total: shares allocate it in whole fen; amounts stated in money take
 * the stress factor (half-up), for shares already follow the planned total. Delayed by `delay` months.
 */
export function tranchePayments(tr: Tranches | null, planned: Fen, factor: Rate | null, delay = 0): Flows {
  if (!tr) return NO_FLOWS;
  const periods = delay === 0 ? tr.periods : tr.periods.map((p) => p + delay);
  return columns(periods, tr.byShare ? allocate(planned, tr.weights) : factor ? tr.fens.map((f) => mulRate(f, factor)) : tr.fens);
}

/** An amount in fen × a stress factor, half-up; as it is without a factor. */
export function scaled(fen: Fen, factor: Rate | null): Fen {
  return factor ? mulRate(fen, factor) : fen;
}

/**
 * A date's period when it is a real date inside the timeline, else −1 (datePeriod then says why).
 * A portfolio reads tens of thousands of dates: their JSON paths are written only for a problem.
 */
export function periodInside(t: Timeline, date: string): number {
  const p = periodOfText(t, date);
  return p !== null && p >= 0 && p < t.months ? p : -1;
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

/** Splits a fee across the periods of another schedule, in proportion to its amounts. */
export function alongside(fee: Fen, schedule: Flows): Flows {
  if (fee === 0 || schedule.length === 0) return NO_FLOWS;
  // One payment takes the whole fee (allocate over one weight, or the all-zero case).
  if (schedule.length === 1 && amountAt(schedule, 0) >= 0) return single(periodAt(schedule, 0), fee);
  // A stated schedule lends its own columns (read-only): no copy of them per adjustment.
  const weights = schedule.amounts ?? amountsOf(schedule);
  let any = false;
  for (let k = 0; k < weights.length && !any; k++) any = weights[k] !== 0;
  if (!any) return single(periodAt(schedule, 0), fee);
  return columns(schedule.periods ?? periodsOf(schedule), allocate(fee, weights));
}

