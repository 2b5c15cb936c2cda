/**
 * A parcel's sale → its model: the price (a total, or a unit price × the area sold), the payment
 * schedule (stated, or the default ≥ 50% within a month and the balance within twelve, H-3; a
 * slower stated schedule is refused or reported), a year-only date spread by the seasonal profile,
 * the sale administration fee. Stress factors and delays apply here: price × factor in fen,
 * half-up; every receipt moved by the delay.
 *
 * Read once (saleBasis: texts to fen, dates to periods), then made under a price factor, a cost
 * factor and a delay as often as asked (normalizeSale: integers only).
 */
import { allocate, memo, mulRate, parseMoney, parseRate, roundFen, type Fen, type Rate } from '../money';
import { areaDisplay, parseArea, parseUnitPrice, priceTimesArea, type Area } from '../units';
import { periodLabel, type Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';
import type { ParameterSet } from '../parameters';
import type { SaleModel } from '../model';
import { amountAt, columns, lastPeriod, periodAt, type Flows } from '../flows';
import { datePeriod, periodInside, readTranches, scaled, tranchePayments, type Tranches } from './payments';
import type { ParcelContext, RawParcel } from './parcel';
import { breach } from './rule-breach';

/** What the sale states, in fen and periods, before the factors and the delay. */
export interface SaleBasis {
  readonly problems: readonly Problem[];
  /** Why the sale is refused as written: its price not stated one way, or payments on a year-only date (priced first); else null. */
  readonly refused: 'price' | 'payments' | null;
  readonly gross: Fen;
  readonly dateText: string;
  readonly soldArea: Area;
  readonly areaSoldM2: string;
  /** A year-only date: the first month of that year (before a delay) and the seasonal weights; else null. */
  readonly seasonal: { readonly first: number; readonly weights: readonly number[] } | null;
  /** The sale's period before a delay (a dated sale). */
  readonly basePeriod: number;
  /** Stated payments (null when they cannot be read), or undefined for the default schedule; their dates as written. */
  readonly tranches: Tranches | null | undefined;
  readonly paymentDates: readonly string[] | null;
  /** The administration fee as a rate of the price, or an amount in fen (a cost), or none. */
  readonly fee: { readonly rate: Rate | null; readonly fen: Fen } | null;
}

/** The sale read; its problems go to `problems` (kept with it, reported when it is made). */
export function saleBasis(raw: RawParcel, area: Area, path: string, t: Timeline, params: ParameterSet, problems: Problem[]): SaleBasis {
  const s = raw.sale!;
  const soldArea = s.area ? parseArea(s.area)! : area;
  if ((s.price === undefined) === (s.unitPrice === undefined)) {
    problems.push(problem('schema.required', joinPath(path, 'sale'), undefined, { en: 'exactly one of "price" or "unitPrice"', zh: '"price"（成交总价）或 "unitPrice"（单价）二者之一' }));
    return refused(problems, soldArea, 'price', 0);
  }
  const gross = s.price !== undefined ? parseMoney(s.price)! : priceAreaFen(s.unitPrice!, s.area ?? raw.area);
  const fee = s.businessFee === undefined ? null : /[%‰]\s*$/.test(s.businessFee) ? { rate: parseRate(s.businessFee)!, fen: 0 } : { rate: null, fen: parseMoney(s.businessFee)! };
  if (/^\d{4}$/.test(s.date)) {
    if (s.payments) {
      problems.push(problem('schema.unknownField', joinPath(path, 'sale', 'payments'), s.payments.map((p) => p.date), { en: 'no payments for a sale dated by year only (the seasonal profile spreads it); give sale.date as a month to state payments', zh: '按年份出让时不能给出付款计划（按季节分布）；如需列明付款，请将 sale.date 写为月份' }));
      return refused(problems, soldArea, 'payments', gross);
    }
    const weights = params.weights('sale.seasonality')!;
    const first = (Number(s.date) - t.startYear) * 12 + (1 - t.startMonth);
    const seasonal = { first, weights: Array.from({ length: 12 }, (_, m) => Number(weights[String(m + 1)] ?? '0')) };
    return { problems, refused: null, gross, dateText: s.date, soldArea, areaSoldM2: areaDisplay(s.area ?? raw.area).m2, seasonal, basePeriod: 0, tranches: undefined, paymentDates: null, fee };
  }
  const inside = periodInside(t, s.date);
  const basePeriod = inside >= 0 ? inside : datePeriod(t, s.date, joinPath(path, 'sale', 'date'), problems);
  const tranches = s.payments ? readTranches(s.payments, t, joinPath(path, 'sale', 'payments'), problems) : undefined;
  const paymentDates = s.payments ? s.payments.map((p) => p.date) : null;
  return { problems, refused: null, gross, dateText: s.date, soldArea, areaSoldM2: areaDisplay(s.area ?? raw.area).m2, seasonal: null, basePeriod, tranches, paymentDates, fee };
}

function refused(problems: Problem[], soldArea: Area, why: 'price' | 'payments', gross: Fen): SaleBasis {
  return { problems, refused: why, gross, dateText: '', soldArea, areaSoldM2: '', seasonal: null, basePeriod: 0, tranches: undefined, paymentDates: null, fee: null };
}

/** The sale under the scenario's price factor, cost factor and delay; null when refused (a problem says why). */
export function normalizeSale(id: string, basis: SaleBasis, path: string, ctx: ParcelContext): SaleModel | null {
  const { t, problems } = ctx;
  if (basis.refused === 'price') {
    for (const p of basis.problems) problems.push(p);
    return null;
  }
  // The price is scaled before the date and the payments are read (an amount past the exact range stops there).
  const revenue = scaled(basis.gross, ctx.priceFactor);
  for (const p of basis.problems) problems.push(p);
  if (basis.refused === 'payments') return null;
  const delay = ctx.saleDelayMonths;
  if (basis.seasonal) return seasonalSale(basis, basis.seasonal, revenue, path, ctx);
  const period = basis.basePeriod + delay;
  let receipts: Flows;
  if (basis.tranches !== undefined) {
    receipts = tranchePayments(basis.tranches, revenue, ctx.priceFactor, delay);
    // H-3: at least the first-instalment share within its months, everything within the balance months.
    const firstShare = ctx.rules.firstInstalmentShare();
    const firstMonths = ctx.rules.firstInstalmentMonths();
    const balanceMonths = ctx.rules.saleBalanceMonths();
    let early = 0;
    let late = 0;
    for (let k = 0; k < receipts.length; k++) {
      if (periodAt(receipts, k) <= period + firstMonths) early += amountAt(receipts, k);
      if (periodAt(receipts, k) > period + balanceMonths) late++;
    }
    if (early < mulRate(revenue, firstShare) || late > 0) {
      const sp = joinPath(path, 'sale');
      breach(ctx, id, ctx.policy.saleSchedule, 'rule.saleSchedule', 'rule.saleSchedule', 'H-3', joinPath(sp, 'payments'), basis.paymentDates,
        { en: `≥ ${firstShare.text} within ${firstMonths} month(s) of the sale and the balance within ${balanceMonths}`, zh: `出让后 ${firstMonths} 个月内缴纳不少于 ${firstShare.text}，余款 ${balanceMonths} 个月内缴清` },
        `${id}: sale payments slower than H-3 (≥ ${firstShare.text} within ${firstMonths} month, balance within ${balanceMonths})`,
        `${id}：出让价款缴纳慢于规定（${firstMonths} 个月内不少于 ${firstShare.text}，余款 ${balanceMonths} 个月内缴清）`);
    }
  } else {
    const first = mulRate(revenue, ctx.rules.firstInstalmentShare());
    const p1 = period + ctx.rules.firstInstalmentMonths();
    const p2 = period + ctx.rules.saleBalanceMonths();
    receipts = first === 0 ? (revenue === 0 ? columns([], []) : columns([p2], [revenue])) : revenue - first === 0 ? columns([p1], [first]) : columns([p1, p2], [first, revenue - first]);
  }
  const last = lastPeriod(receipts, period);
  if (last >= t.months) {
    problems.push(
      problem('date.outsideTimeline', joinPath(path, 'sale', 'date'), basis.dateText, {
        en: `a sale whose payments arrive by ${periodLabel(t, t.months - 1)}; they run to ${periodLabel(t, last)}${delay ? ` (with the ${delay}-month delay)` : ''} — extend timeline.months or give sale.payments`,
        zh: `出让价款须在 ${periodLabel(t, t.months - 1)} 前到账；现至 ${periodLabel(t, last)}${delay ? `（含延后 ${delay} 个月）` : ''}——请延长测算期或给出 sale.payments`,
      }),
    );
    return null;
  }
  return new SaleRecord(period, delay ? periodLabel(t, period) : basis.dateText, revenue, receipts, last, saleFee(basis.fee, revenue, ctx), basis);
}

/**
 * A sale, made by a constructor rather than a literal: V8 tracks a literal's allocation site, and
 * as an adjusted model's sales outlive a scavenge it comes to allocate them straight into the old
 * generation, where each field pointing at just-made receipts is a write-barrier entry (a price
 * factor's edit then ran at twice its time). The fields are SaleModel's, in its order.
 */
class SaleRecord implements SaleModel {
  declare readonly period: number;
  declare readonly date: string;
  declare readonly revenue: Fen;
  declare readonly receipts: Flows;
  declare readonly settlementPeriod: number;
  declare readonly businessFee: Fen;
  declare readonly areaSoldM2: string;
  declare readonly areaSold: Area;
  constructor(period: number, date: string, revenue: Fen, receipts: Flows, settlementPeriod: number, businessFee: Fen, basis: SaleBasis) {
    this.period = period;
    this.date = date;
    this.revenue = revenue;
    this.receipts = receipts;
    this.settlementPeriod = settlementPeriod;
    this.businessFee = businessFee;
    this.areaSoldM2 = basis.areaSoldM2;
    this.areaSold = basis.soldArea;
  }
}

/** The sale administration fee: a rate of the price, or an amount (a cost, so the cost factor applies). */
function saleFee(fee: SaleBasis['fee'], revenue: Fen, ctx: ParcelContext): Fen {
  if (fee === null) return 0;
  return fee.rate ? mulRate(revenue, fee.rate) : scaled(fee.fen, ctx.costFactor);
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
function seasonalSale(basis: SaleBasis, seasonal: NonNullable<SaleBasis['seasonal']>, revenue: Fen, path: string, ctx: ParcelContext): SaleModel | null {
  const { t, problems } = ctx;
  const first = seasonal.first + ctx.saleDelayMonths;
  if (first < 0 || first + 11 >= t.months) {
    problems.push(problem('date.outsideTimeline', joinPath(path, 'sale', 'date'), basis.dateText, { en: `a year whose twelve months lie inside the timeline (${periodLabel(t, 0)} to ${periodLabel(t, t.months - 1)})`, zh: `十二个月均在测算期（${periodLabel(t, 0)} 至 ${periodLabel(t, t.months - 1)}）内的年份` }));
    return null;
  }
  const parts = allocate(revenue, seasonal.weights);
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
  return new SaleRecord(first, ctx.saleDelayMonths ? periodLabel(t, first) : basis.dateText, revenue, receipts, last, saleFee(basis.fee, revenue, ctx), basis);
}
