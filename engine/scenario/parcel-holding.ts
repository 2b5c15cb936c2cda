/**
 * What a parcel costs and earns while it is held: the holding cost (管护) from the first
 * acquisition payment (or the timeline's start) to the sale (or the end), spread in whole fen; and
 * temporary leases (临时利用), rent to the treasury, at most lease.maxMonths (H-1: two years) and,
 * as a check, ending before the sale so temporary use never holds up the land's supply.
 */
import { parseMoneyDecimal, roundFen, type Fen } from '../money';
import { periodLabel } from '../timeline';
import { joinPath, problem } from '../problem';
import { check } from '../check';
import type { SaleModel } from '../model';
import { columns, evenSpread, firstPeriod, NO_FLOWS, type Flows } from '../flows';
import { datePeriod } from './payments';
import type { Breach } from './sale';
import type { CostScale } from './parcel-acquisition';
import type { ParcelFacts } from './parcel-spec';
import type { ParcelContext, RawParcel } from './parcel';

export function normalizeHolding(raw: RawParcel, path: string, ctx: ParcelContext, facts: ParcelFacts, costs: CostScale, acquisitionPayments: Flows, sale: SaleModel | null): Flows {
  const h = raw.holding;
  if (!h) return NO_FLOWS;
  const { t, problems } = ctx;
  const hp = joinPath(path, 'holding');
  const from = h.from ? datePeriod(t, h.from, joinPath(hp, 'from'), problems) : firstPeriod(acquisitionPayments) ?? 0;
  const until = h.until ? datePeriod(t, h.until, joinPath(hp, 'until'), problems) : sale ? sale.period : t.months;
  if (h.until && (until < from || (h.from !== undefined && h.until < h.from))) {
    const start = h.from ?? 'the first acquisition payment';
    problems.push(problem('date.order', joinPath(hp, 'until'), h.until, { en: `a date on or after holding.from (${start})`, zh: `不早于管护起始日期（${h.from ?? '首笔收储支付'}）的日期` }));
  }
  const months = Math.max(0, until - from);
  const perYear = facts.holdingPerYear;
  const total = costs.scale(perYear ? roundFen(perYear.times(months).div(12)) : h.costPerMonth ? roundFen(parseMoneyDecimal(h.costPerMonth)!.times(months)) : 0);
  return evenSpread(total, from, months);
}

export function normalizeLeases(raw: RawParcel, path: string, ctx: ParcelContext, sale: SaleModel | null, breach: Breach): Flows {
  if (!raw.leases || raw.leases.length === 0) return NO_FLOWS;
  const { t, params, problems } = ctx;
  const periods: number[] = [];
  const amounts: Fen[] = [];
  const maxMonths = params.months('lease.maxMonths');
  (raw.leases ?? []).forEach((l, i) => {
    const lp = joinPath(path, 'leases', i);
    const first = datePeriod(t, l.start, joinPath(lp, 'start'), problems);
    if (l.months > maxMonths) {
      breach(ctx.policy.leaseOverLimit, 'rule.leaseTooLong', 'rule.leaseTooLong', 'H-1', joinPath(lp, 'months'), l.months,
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
      periods.push(rent.periodAt(k));
      amounts.push(rent.amountAt(k));
    }
  });
  return columns(periods, amounts);
}
