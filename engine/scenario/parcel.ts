/**
 * One parcel of a scenario → its model: planned costs, dated payments, holding, leases and sale,
 * all in fen and periods. Rule breaches the documents forbid are refused or reported here, as the
 * scenario's rulePolicy says: service fee over 2% of acquisition cost (C-5), a 504 management fee
 * over its cap (M-1), a lease over two years (H-1), a sale schedule slower than H-3.
 */
import { fenToWan, mulRate, parseMoney, parseMoneyDecimal, parseRate, roundFen, type Fen, type Rate } from '../money';
import { areaDisplay, parseArea } from '../units';
import { periodLabel, type Timeline } from '../timeline';
import { joinPath, problem, type Problem } from '../problem';
import { check, type Check } from '../check';
import { managementFeeCap } from '../management-fee';
import { ACQUISITION_RULE } from '../rules';
import type { ParameterSet } from '../parameters';
import type { ParcelModel, Payment, SaleModel, Text, ZoneModel } from '../model';
import { alongside, datePeriod, resolveTranches, scaler, spread, type RawPayment } from './payments';
import { normalizeSale, priceAreaFen, type Breach } from './sale';
import { parcelFacts, type ParcelFacts } from './parcel-spec';

export interface RawParcel {
  id: string;
  name?: string | Text;
  zone?: string;
  area: string;
  holdings?: { name: string; area: string; households?: number }[];
  landUse?: string;
  jurisdictions?: Record<string, string>;
  splitCase?: string;
  acquisition?: {
    mode: keyof typeof ACQUISITION_RULE;
    date?: string;
    price?: string;
    unitPrice?: string;
    components?: Record<string, string>;
    payments?: RawPayment[];
    serviceFee?: string;
  };
  development?: { works?: { date: string; amount: string; item?: string }[]; managementFee?: string };
  holding?: { costPerYear?: string; costPerMonth?: string; unitCostPerYear?: string; from?: string; until?: string };
  leases?: { start: string; months: number; rentPerYear?: string; totalRent?: string; tenant?: string }[];
  sale?: { date: string; price?: string; unitPrice?: string; area?: string; payments?: RawPayment[]; businessFee?: string };
  priority?: number;
  verifiedCost?: string;
  appraisedValue?: string;
}

export type RuleSeverity = 'error' | 'warning';

export interface ParcelContext {
  readonly t: Timeline;
  readonly params: ParameterSet;
  readonly problems: Problem[];
  readonly checks: Check[];
  readonly policy: {
    serviceFeeOverCap: RuleSeverity;
    leaseOverLimit: RuleSeverity;
    managementFeeOverCap: RuleSeverity;
    saleSchedule: RuleSeverity;
  };
  /** Stress factors as exact rates, applied to each amount in fen, half-up (costs +10% = every cost × 1.1). */
  readonly costFactor: Rate | null;
  readonly priceFactor: Rate | null;
  readonly saleDelayMonths: number;
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly zones: readonly ZoneModel[];
  readonly projectOfParcel: ReadonlyMap<string, number>;
  readonly reserveFund: number;
  readonly splitIndex: ReadonlyMap<string, number>;
  readonly shareAccounts: (parcel: RawParcel, index: number) => number[];
}

export function normalizeParcel(raw: RawParcel, index: number, ctx: ParcelContext, facts: ParcelFacts = parcelFacts(raw, ctx.params)): ParcelModel {
  const path = `parcels[${index}]`;
  const { t, params, problems } = ctx;
  const area = parseArea(raw.area)!;
  if (facts.holdingsSum) {
    // The parts must make the whole exactly, in the parcel's own unit (seed 001: 13 cooperatives = 34.9928 亩).
    const sum = facts.holdingsSum;
    if (!sum.eq(area.value)) {
      problems.push(problem('schema.range', joinPath(path, 'area'), raw.area, { en: `the sum of the holdings' areas, ${sum.toFixed()} ${area.unit}`, zh: `各权属地块面积之和 ${sum.toFixed()}（${area.unit}）` }));
    }
  }
  const scaleCost = scaler(ctx.costFactor);
  const cost = costOf(scaleCost);
  const breach = breachOf(raw.id, ctx);

  // Acquisition.
  const acq = raw.acquisition;
  let acquisitionPlanned = 0;
  let socialSecurity = 0;
  let acquisitionPayments: Payment[] = [];
  let serviceFee = 0;
  let serviceFeePayments: Payment[] = [];
  if (acq) {
    const ap = joinPath(path, 'acquisition');
    const ways = [acq.price !== undefined, acq.unitPrice !== undefined, acq.components !== undefined].filter(Boolean).length;
    if (ways !== 1) {
      problems.push(problem('schema.required', ap, undefined, { en: 'exactly one of "price", "unitPrice" or "components"', zh: '"price"（总价）、"unitPrice"（单价）、"components"（补偿构成）三者之一' }));
    } else if (acq.price !== undefined) {
      acquisitionPlanned = cost(acq.price);
    } else if (acq.unitPrice !== undefined) {
      acquisitionPlanned = scaleCost(priceAreaFen(acq.unitPrice, raw.area));
    } else {
      for (const [k, v] of Object.entries(acq.components!)) {
        const fen = cost(v);
        acquisitionPlanned += fen;
        if (k === 'socialSecurity') socialSecurity = fen;
      }
    }
    if (acq.payments) {
      acquisitionPayments = resolveTranches(acq.payments, acquisitionPlanned, t, joinPath(ap, 'payments'), problems, scaleCost);
    } else if (acq.date) {
      acquisitionPayments = [{ period: datePeriod(t, acq.date, joinPath(ap, 'date'), problems), amount: acquisitionPlanned, date: acq.date }];
    } else {
      problems.push(problem('schema.required', joinPath(ap, 'date'), undefined, { en: 'an acquisition "date" or a list of "payments"', zh: '收储日期 "date" 或付款计划 "payments"' }));
    }
    const paid = acquisitionPayments.reduce((s, p) => s + p.amount, 0);
    if (acquisitionPayments.length > 0) {
      const diff = acquisitionPlanned - paid;
      ctx.checks.push(
        check(
          'acquisition.paidInFull',
          diff === 0,
          'rule',
          diff === 0
            ? `${raw.id}: acquisition paid in full (${fenToWan(paid)} 万元)`
            : `${raw.id}: acquisition tranches pay ${fenToWan(paid)} 万元 of the planned ${fenToWan(acquisitionPlanned)} 万元; ${diff > 0 ? 'unpaid' : 'overpaid'} ${fenToWan(Math.abs(diff), 4)} 万元`,
          diff === 0
            ? `${raw.id}：收储款已足额支付（${fenToWan(paid)} 万元）`
            : `${raw.id}：分期支付 ${fenToWan(paid)} 万元，计划 ${fenToWan(acquisitionPlanned)} 万元，${diff > 0 ? '少付' : '多付'} ${fenToWan(Math.abs(diff), 4)} 万元`,
          { ref: 'E-5, X-2', parcel: raw.id },
        ),
      );
    }
    if (acq.serviceFee !== undefined) {
      const rate = /[%‰]\s*$/.test(acq.serviceFee) ? parseRate(acq.serviceFee) : null;
      serviceFee = rate ? mulRate(acquisitionPlanned, rate) : cost(acq.serviceFee);
      serviceFeePayments = alongside(serviceFee, acquisitionPayments);
      const capRate = params.rate('acquisition.serviceFee.capRate');
      const cap = mulRate(acquisitionPlanned, capRate);
      if (serviceFee > cap) {
        breach(ctx.policy.serviceFeeOverCap, 'rule.serviceFeeCap', 'rule.serviceFeeCap', 'C-5', joinPath(ap, 'serviceFee'), acq.serviceFee,
          { en: `at most ${capRate.text} of the acquisition cost (${fenToWan(cap)} 万元)`, zh: `不超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）` },
          `${raw.id}: service fee ${fenToWan(serviceFee)} 万元 exceeds ${capRate.text} of acquisition cost (${fenToWan(cap)} 万元)`,
          `${raw.id}：征储服务费 ${fenToWan(serviceFee)} 万元，超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）`);
      } else {
        ctx.checks.push(check('rule.serviceFeeCap', true, 'rule', `${raw.id}: service fee ${fenToWan(serviceFee)} 万元 within ${capRate.text} of acquisition cost`, `${raw.id}：征储服务费 ${fenToWan(serviceFee)} 万元，未超过征储总成本的 ${capRate.text}`, { ref: 'C-5', parcel: raw.id }));
      }
    }
  }

  // Pre-development and the 504 management fee.
  const dp = joinPath(path, 'development');
  const works: Payment[] = (raw.development?.works ?? []).map((w, i) => ({ period: datePeriod(t, w.date, joinPath(dp, 'works', i, 'date'), problems), amount: cost(w.amount), date: w.date }));
  const developmentPlanned = works.reduce((s, w) => s + w.amount, 0);
  const feeCap = managementFeeCap(developmentPlanned, params.table('managementFee.table'));
  const feeText = raw.development?.managementFee ?? 'none';
  const managementFee = feeText === '504' ? feeCap : feeText === 'none' ? 0 : cost(feeText);
  if (feeText !== '504' && feeText !== 'none') {
    if (managementFee > feeCap) {
      breach(ctx.policy.managementFeeOverCap, 'rule.managementFeeCap', 'rule.managementFeeCap', 'M-1', joinPath(dp, 'managementFee'), feeText,
        { en: `at most the 财建〔2016〕504号 cap, ${fenToWan(feeCap)} 万元 on ${fenToWan(developmentPlanned)} 万元 of works`, zh: `不超过财建〔2016〕504号上限：工程 ${fenToWan(developmentPlanned)} 万元对应 ${fenToWan(feeCap)} 万元` },
        `${raw.id}: management fee ${fenToWan(managementFee)} 万元 exceeds the 504 cap ${fenToWan(feeCap)} 万元`,
        `${raw.id}：代建管理费 ${fenToWan(managementFee)} 万元，超过财建〔2016〕504号上限 ${fenToWan(feeCap)} 万元`);
    } else {
      ctx.checks.push(check('rule.managementFeeCap', true, 'rule', `${raw.id}: management fee within the 504 cap`, `${raw.id}：代建管理费未超过504号上限`, { ref: 'M-1', parcel: raw.id }));
    }
  }
  const managementFeePayments = alongside(managementFee, works);

  // Sale.
  let sale: SaleModel | null = null;
  if (raw.sale) {
    sale = normalizeSale(raw, area, path, ctx, breach);
  }

  // Holding: from the first acquisition payment (or the timeline start) to the sale (or the end).
  const hp = joinPath(path, 'holding');
  let holding: Payment[] = [];
  if (raw.holding) {
    const h = raw.holding;
    const from = h.from ? datePeriod(t, h.from, joinPath(hp, 'from'), problems) : acquisitionPayments.length ? Math.min(...acquisitionPayments.map((p) => p.period)) : 0;
    const until = h.until ? datePeriod(t, h.until, joinPath(hp, 'until'), problems) : sale ? sale.period : t.months;
    if (h.until && (until < from || (h.from !== undefined && h.until < h.from))) {
      const start = h.from ?? 'the first acquisition payment';
      problems.push(problem('date.order', joinPath(hp, 'until'), h.until, { en: `a date on or after holding.from (${start})`, zh: `不早于管护起始日期（${h.from ?? '首笔收储支付'}）的日期` }));
    }
    const months = Math.max(0, until - from);
    const perYear = facts.holdingPerYear;
    const total = scaleCost(perYear ? roundFen(perYear.times(months).div(12)) : h.costPerMonth ? roundFen(parseMoneyDecimal(h.costPerMonth)!.times(months)) : 0);
    holding = spread(total, from, months, t);
  }
  const holdingPlanned = holding.reduce((s, p) => s + p.amount, 0);

  // Temporary leases: rent to the treasury, at most lease.maxMonths (H-1).
  const leases: Payment[] = [];
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
    leases.push(...spread(roundFen(total), first, l.months, t));
  });
  const leasePlanned = leases.reduce((s, p) => s + p.amount, 0);

  const zone = raw.zone === undefined ? -1 : ctx.zoneIndex.get(raw.zone) ?? -1;
  if (raw.zone !== undefined && zone < 0) {
    problems.push(problem('ref.unknown', joinPath(path, 'zone'), raw.zone, { en: `one of the zones: ${[...ctx.zoneIndex.keys()].join(', ')}`, zh: `已定义的片区之一：${[...ctx.zoneIndex.keys()].join('、')}` }));
  }
  const zoneModel = zone >= 0 ? ctx.zones[zone] : null;
  const developer = zoneModel?.developer ?? null;
  // In a 做地 zone the developer pays the works and is paid a share of the zone's sales instead (Z-2).
  const developerCompensation = developer && sale ? mulRate(sale.revenue, developer.rate) : 0;
  const verifiedCostStated = raw.verifiedCost !== undefined;
  const planned = acquisitionPlanned + serviceFee + (developer ? developerCompensation : developmentPlanned + managementFee) + holdingPlanned + (sale?.businessFee ?? 0);
  const verifiedCost = verifiedCostStated ? cost(raw.verifiedCost!) : planned;

  // Agricultural land development fund base: area sold × net-yield standard (P-7).
  const agriDevBase = sale ? facts.agriDevBase : 0;

  const splitName = raw.splitCase ?? 'default';
  const split = ctx.splitIndex.get(splitName);
  if (split === undefined) {
    problems.push(problem('ref.unknown', joinPath(path, 'splitCase'), raw.splitCase, { en: `one of the split cases: ${[...ctx.splitIndex.keys()].join(', ')}`, zh: `已定义的分成情形之一：${[...ctx.splitIndex.keys()].join('、')}` }));
  }

  const shownArea = areaDisplay(raw.area);
  return {
    index,
    id: raw.id,
    name: facts.name,
    zone,
    landUse: raw.landUse ?? null,
    areaText: raw.area,
    areaM2: shownArea.m2,
    areaMu: shownArea.mu,
    acquisitionMode: acq?.mode ?? null,
    acquisitionRule: acq ? ACQUISITION_RULE[acq.mode] : null,
    acquisitionPlanned,
    socialSecurity,
    acquisitionPayments,
    serviceFee,
    serviceFeePayments,
    developmentPlanned,
    works,
    managementFee,
    managementFeeCap: feeCap,
    managementFeePayments,
    holding,
    holdingPlanned,
    leases,
    leasePlanned,
    sale,
    verifiedCost,
    verifiedCostStated,
    appraisedValue: raw.appraisedValue ? parseMoney(raw.appraisedValue)! : null,
    agriDevBase,
    split: split ?? 0,
    shareAccounts: ctx.shareAccounts(raw, index),
    priority: raw.priority ?? 100,
    fund: zoneModel?.fund ?? ctx.reserveFund,
    project: ctx.projectOfParcel.get(raw.id) ?? -1,
    developer: developer?.account ?? -1,
    developerCompensation,
  };
}

/** A cost stated as money, in fen, scaled. */
function costOf(scaleCost: (fen: Fen) => Fen): (text: string) => Fen {
  return (text) => scaleCost(parseMoney(text)!);
}

/** Breach of a documented rule: refused (a Problem) or reported (a failed Check), as the scenario chooses. */
function breachOf(parcelId: string, ctx: ParcelContext): Breach {
  return (severity, code, id, ref, fieldPath, value, expected, en, zh) => {
    if (severity === 'error') ctx.problems.push(problem(code, fieldPath, value, expected, { en: `${fieldPath}: ${en}`, zh: `${fieldPath}：${zh}` }));
    else ctx.checks.push(check(id, false, 'rule', en, zh, { ref, parcel: parcelId }));
  };
}
