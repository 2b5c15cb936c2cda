/**
 * What a parcel costs and earns while it is held: the holding cost (管护) from the first
 * acquisition payment (or the timeline's start) to the sale (or the end), spread in whole fen; and
 * temporary leases (临时利用), rent to the treasury, at most lease.maxMonths (H-1: two years) and,
 * as a check, ending before the sale so temporary use never holds up the land's supply.
 */
import { mulDivHalfUp, parseMoneyDecimal, parseMoneyExact, roundFen, type Decimal, type Fen } from '../money';
import { periodLabel, type Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';
import { check } from '../check';
import type { SaleModel } from '../model';
import { amountAt, columns, evenSpread, NO_FLOWS, periodAt, type Flows } from '../flows';
import { datePeriod, periodInside, scaled } from './payments';
import { breach } from './rule-breach';
import type { ParcelFacts } from './parcel-spec';
import type { ParcelContext, RawParcel } from './parcel';

/** The holding cost as stated: its first period, its last (stated, or the sale's), and its cost for a number of months. */
export interface HoldingBasis {
  readonly problems: readonly Problem[];
  readonly from: number;
  /** The stated end, or null to end at the sale (or the timeline's end). */
  readonly until: number | null;
  /** The cost of `months` months in fen, before the cost factor. */
  readonly costOf: (months: number) => Fen;
}

/** The holding cost read; its problems go to `problems` (kept with it, reported when it is made). */
export function holdingBasis(raw: RawParcel, path: string, t: Timeline, facts: ParcelFacts, acquisitionFirst: number | null, problems: Problem[]): HoldingBasis | null {
  const h = raw.holding;
  if (!h) return null;
  const from = h.from ? holdingPeriod(t, h.from, path, 'from', problems) : acquisitionFirst ?? 0;
  const until = h.until ? holdingPeriod(t, h.until, path, 'until', problems) : null;
  if (h.until && (until! < from || (h.from !== undefined && h.until < h.from))) {
    const start = h.from ?? 'the first acquisition payment';
    problems.push(problem('date.order', joinPath(path, 'holding', 'until'), h.until, { en: `a date on or after holding.from (${start})`, zh: `不早于管护起始日期（${h.from ?? '首笔收储支付'}）的日期` }));
  }
  const perYear = facts.holdingPerYear;
  const perMonth = !perYear && h.costPerMonth ? h.costPerMonth : null;
  return { problems, from, until, costOf: perYear ? costByYear(perYear) : perMonth ? costByMonth(perMonth) : () => 0 };
}

/** The period of holding.from or holding.until (its path written only for a problem). */
function holdingPeriod(t: Timeline, date: string, path: string, key: string, problems: Problem[]): number {
  const p = periodInside(t, date);
  return p >= 0 ? p : datePeriod(t, date, joinPath(path, 'holding', key), problems);
}

/**
 * perYear × months ÷ 12 in fen, half-up (roundFen). A cost per year in whole fen takes the integer
 * path — its twelfths are never within the Decimal's 40 digits of a half fen but at a half fen
 * exactly — and any other is computed with Decimal once per number of months.
 */
function costByYear(perYear: Decimal): (months: number) => Fen {
  const fen = perYear.times(100);
  const whole = fen.isInteger() && fen.abs().lte(Number.MAX_SAFE_INTEGER) ? fen.toNumber() : null;
  if (whole !== null) return (months) => mulDivHalfUp(whole, months, 12);
  const memo = new Map<number, Fen>();
  return (months) => {
    let v = memo.get(months);
    if (v === undefined) memo.set(months, (v = roundFen(perYear.times(months).div(12))));
    return v;
  };
}

/** perMonth × months in fen, half-up (roundFen): an integer product when the cost is written in whole fen. */
function costByMonth(text: string): (months: number) => Fen {
  const whole = parseMoneyExact(text);
  return (months) => {
    if (whole !== null) {
      const v = whole * months;
      if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
    }
    return roundFen(parseMoneyDecimal(text)!.times(months));
  };
}

/** The holding cost under the cost factor, spread evenly from its first period to its end (the sale, with its delay). */
export function normalizeHolding(basis: HoldingBasis | null, ctx: ParcelContext, sale: SaleModel | null): Flows {
  if (!basis) return NO_FLOWS;
  for (const p of basis.problems) ctx.problems.push(p);
  const until = basis.until ?? (sale ? sale.period : ctx.t.months);
  const months = Math.max(0, until - basis.from);
  return evenSpread(scaled(basis.costOf(months), ctx.costFactor), basis.from, months);
}

export function normalizeLeases(raw: RawParcel, path: string, ctx: ParcelContext, sale: SaleModel | null): Flows {
  if (!raw.leases || raw.leases.length === 0) return NO_FLOWS;
  const { t, params, problems } = ctx;
  const periods: number[] = [];
  const amounts: Fen[] = [];
  const maxMonths = params.months('lease.maxMonths');
  (raw.leases ?? []).forEach((l, i) => {
    const lp = joinPath(path, 'leases', i);
    const first = datePeriod(t, l.start, joinPath(lp, 'start'), problems);
    if (l.months > maxMonths) {
      breach(ctx, raw.id, ctx.policy.leaseOverLimit, 'rule.leaseTooLong', 'rule.leaseTooLong', 'H-1', joinPath(lp, 'months'), l.months,
        { en: `at most ${maxMonths} months of temporary use`, zh: `临时利用不超过 ${maxMonths} 个月` },
        `${raw.id}: temporary lease of ${l.months} months exceeds ${maxMonths}`,
        `${raw.id}：临时利用 ${l.months} 个月，超过 ${maxMonths} 个月上限`);
    }
    if (first + l.months > t.months) {
      problems.push(problem('date.outsideTimeline', joinPath(lp, 'months'), l.months, { en: `at most ${t.months - first} months (the lease must end by ${periodLabel(t, t.months - 1)})`, zh: `不超过 ${t.months - first} 个月（须在 ${periodLabel(t, t.months - 1)} 前结束）` }));
      return;
    }
    if (sale && first + l.months > sale.period) {
      ctx.checks.push(check('rule.leaseBeforeSale', false, 'rule', `${raw.id}: lease runs past the sale in ${sale.date} (temporary use must not affect supply)`, `${raw.id}：临时利用期限超过出让时间 ${sale.date}（不得影响土地供应）`, { ref: 'H-1', parcel: raw.id }));
    }
    const total = l.totalRent ? parseMoneyDecimal(l.totalRent)! : l.rentPerYear ? parseMoneyDecimal(l.rentPerYear)!.times(l.months).div(12) : null;
    if (!total) {
      problems.push(problem('schema.required', lp, undefined, { en: '"rentPerYear" or "totalRent"', zh: '"rentPerYear"（年租金）或 "totalRent"（总租金）' }));
      return;
    }
    const rent = evenSpread(roundFen(total), first, l.months);
    for (let k = 0; k < rent.length; k++) {
      periods.push(periodAt(rent, k));
      amounts.push(amountAt(rent, k));
    }
  });
  return columns(periods, amounts);
}
