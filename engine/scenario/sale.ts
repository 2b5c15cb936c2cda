/**
 * A parcel's sale → its model: the price (a total, or a unit price × the area sold), the payment
 * schedule (stated, or the default ≥ 50% within a month and the balance within twelve, H-3; a
 * slower stated schedule is refused or reported), a year-only date spread by the seasonal profile,
 * the sale administration fee. Stress factors and delays apply here: price × factor in fen,
 * half-up; every receipt moved by the delay.
 */
import { allocate, memo, mulRate, parseMoney, parseRate, roundFen, type Fen } from '../money';
import { areaDisplay, parseArea, parseUnitPrice, priceTimesArea, type Area } from '../units';
import { periodLabel } from '../timeline';
import { joinPath, problem, type ProblemCode } from '../problem';
import type { SaleModel, Text } from '../model';
import { columns, lastPeriod, shifted, type Flows } from '../flows';
import { datePeriod, resolveTranches, scaler } from './payments';
import type { ParcelContext, RawParcel, RuleSeverity } from './parcel';

export type Breach = (s: RuleSeverity, code: ProblemCode, id: string, ref: string, fieldPath: string, value: unknown, expected: Text, en: string, zh: string) => void;

export function normalizeSale(
  raw: RawParcel,
  area: Area,
  path: string,
  ctx: ParcelContext,
  breach: Breach,
): SaleModel | null {
  const s = raw.sale!;
  const { t, params, problems } = ctx;
  const sp = joinPath(path, 'sale');
  const soldArea = s.area ? parseArea(s.area)! : area;
  if ((s.price === undefined) === (s.unitPrice === undefined)) {
    problems.push(problem('schema.required', sp, undefined, { en: 'exactly one of "price" or "unitPrice"', zh: '"price"（成交总价）或 "unitPrice"（单价）二者之一' }));
    return null;
  }
  const gross = s.price !== undefined ? parseMoney(s.price)! : priceAreaFen(s.unitPrice!, s.area ?? raw.area);
  const scalePrice = scaler(ctx.priceFactor);
  const revenue = scalePrice(gross);
  const delay = ctx.saleDelayMonths;
  if (/^\d{4}$/.test(s.date)) return seasonalSale(s, revenue, soldArea, s.area ?? raw.area, sp, ctx);
  const basePeriod = datePeriod(t, s.date, joinPath(sp, 'date'), problems);
  const period = basePeriod + delay;
  let receipts: Flows;
  if (s.payments) {
    receipts = shifted(resolveTranches(s.payments, revenue, t, joinPath(sp, 'payments'), problems, scalePrice), delay);
    // H-3: at least the first-instalment share within its months, everything within the balance months.
    const firstShare = params.rate('sale.firstInstalmentShare');
    const firstMonths = params.months('sale.firstInstalmentMonths');
    const balanceMonths = params.months('sale.balanceMonths');
    let early = 0;
    let late = 0;
    for (let k = 0; k < receipts.length; k++) {
      if (receipts.periodAt(k) <= period + firstMonths) early += receipts.amountAt(k);
      if (receipts.periodAt(k) > period + balanceMonths) late++;
    }
    if (early < mulRate(revenue, firstShare) || late > 0) {
      breach(ctx.policy.saleSchedule, 'rule.saleSchedule', 'rule.saleSchedule', 'H-3', joinPath(sp, 'payments'), s.payments.map((p) => p.date),
        { en: `≥ ${firstShare.text} within ${firstMonths} month(s) of the sale and the balance within ${balanceMonths}`, zh: `出让后 ${firstMonths} 个月内缴纳不少于 ${firstShare.text}，余款 ${balanceMonths} 个月内缴清` },
        `${raw.id}: sale payments slower than H-3 (≥ ${firstShare.text} within ${firstMonths} month, balance within ${balanceMonths})`,
        `${raw.id}：出让价款缴纳慢于规定（${firstMonths} 个月内不少于 ${firstShare.text}，余款 ${balanceMonths} 个月内缴清）`);
    }
  } else {
    const firstShare = params.rate('sale.firstInstalmentShare');
    const first = mulRate(revenue, firstShare);
    const p1 = period + params.months('sale.firstInstalmentMonths');
    const p2 = period + params.months('sale.balanceMonths');
    receipts = first === 0 ? (revenue === 0 ? columns([], []) : columns([p2], [revenue])) : revenue - first === 0 ? columns([p1], [first]) : columns([p1, p2], [first, revenue - first]);
  }
  const last = lastPeriod(receipts, period);
  if (last >= t.months) {
    problems.push(
      problem('date.outsideTimeline', joinPath(sp, 'date'), s.date, {
        en: `a sale whose payments arrive by ${periodLabel(t, t.months - 1)}; they run to ${periodLabel(t, last)}${delay ? ` (with the ${delay}-month delay)` : ''} — extend timeline.months or give sale.payments`,
        zh: `出让价款须在 ${periodLabel(t, t.months - 1)} 前到账；现至 ${periodLabel(t, last)}${delay ? `（含延后 ${delay} 个月）` : ''}——请延长测算期或给出 sale.payments`,
      }),
    );
    return null;
  }
  const businessFee = saleFee(s.businessFee, revenue, ctx);
  return {
    period,
    date: delay ? periodLabel(t, period) : s.date,
    revenue,
    receipts,
    settlementPeriod: last,
    businessFee,
    areaSoldM2: areaDisplay(s.area ?? raw.area).m2,
    areaSold: soldArea,
  };
}

/** The sale administration fee: a rate of the price, or an amount (a cost, so the cost factor applies). */
function saleFee(text: string | undefined, revenue: Fen, ctx: ParcelContext): Fen {
  if (text === undefined) return 0;
  if (/[%‰]\s*$/.test(text)) return mulRate(revenue, parseRate(text)!);
  const fen = parseMoney(text)!;
  return ctx.costFactor ? mulRate(fen, ctx.costFactor) : fen;
}

/** unit price × area, rounded to fen once (memoised: the same texts recur run after run). */
export const priceAreaFen = (() => {
  const byText = memo((key: string) => {
    const [price, area] = key.split('|');
    return roundFen(priceTimesArea(parseUnitPrice(price)!, parseArea(area)!));
  });
  return (price: string, area: string): Fen => byText(`${price}|${area}`);
})();

/**
 * A sale dated by year only ("2024"): its money arrives over that year's months by the seasonal
 * profile (sale.seasonality; seed 000: most of it in the second half), settling in the last month.
 */
function seasonalSale(s: NonNullable<RawParcel['sale']>, revenue: Fen, soldArea: Area, areaText: string, sp: string, ctx: ParcelContext): SaleModel | null {
  const { t, params, problems } = ctx;
  if (s.payments) {
    problems.push(problem('schema.unknownField', joinPath(sp, 'payments'), s.payments.map((p) => p.date), { en: 'no payments for a sale dated by year only (the seasonal profile spreads it); give sale.date as a month to state payments', zh: '按年份出让时不能给出付款计划（按季节分布）；如需列明付款，请将 sale.date 写为月份' }));
    return null;
  }
  const year = Number(s.date);
  const weights = params.weights('sale.seasonality')!;
  const first = (year - t.startYear) * 12 + (1 - t.startMonth) + ctx.saleDelayMonths;
  if (first < 0 || first + 11 >= t.months) {
    problems.push(problem('date.outsideTimeline', joinPath(sp, 'date'), s.date, { en: `a year whose twelve months lie inside the timeline (${periodLabel(t, 0)} to ${periodLabel(t, t.months - 1)})`, zh: `十二个月均在测算期（${periodLabel(t, 0)} 至 ${periodLabel(t, t.months - 1)}）内的年份` }));
    return null;
  }
  const parts = allocate(revenue, Array.from({ length: 12 }, (_, m) => Number(weights[String(m + 1)] ?? '0')));
  const periods: number[] = [];
  const amounts: Fen[] = [];
  parts.forEach((amount, m) => {
    if (amount > 0) {
      periods.push(first + m);
      amounts.push(amount);
    }
  });
  const receipts = columns(periods, amounts);
  const last = periods.length ? periods[periods.length - 1] : first;
  return {
    period: first,
    date: ctx.saleDelayMonths ? periodLabel(t, first) : s.date,
    revenue,
    receipts,
    settlementPeriod: last,
    businessFee: saleFee(s.businessFee, revenue, ctx),
    areaSoldM2: areaDisplay(areaText).m2,
    areaSold: soldArea,
  };
}

