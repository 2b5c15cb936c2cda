/**
 * A parcel's acquisition → its planned cost, its dated payments and the acquisition service fee.
 * The cost is stated one way only: a total price, a unit price × the area, or compensation
 * components (the social-security part kept apart). Tranches must pay the plan in full (E-5, X-2:
 * Xingning's 2 000 + 4 205.27 万元 = 6 205.27 万元); the service fee follows the payments and may not
 * pass 2% of the acquisition cost (C-5), refused or reported as the scenario's rulePolicy says.
 */
import { fenToWan, mulRate, parseRate, type Fen } from '../money';
import { joinPath, problem, type Problem } from '../problem';
import { check } from '../check';
import { NO_FLOWS, single, totalOf, type Flows } from '../flows';
import { alongside, datePeriod, resolveTranches } from './payments';
import { priceAreaFen, type Breach } from './sale';
import type { ParcelContext, RawParcel } from './parcel';

type Acquisition = NonNullable<RawParcel['acquisition']>;

export interface AcquisitionModel {
  readonly acquisitionPlanned: Fen;
  readonly socialSecurity: Fen;
  readonly acquisitionPayments: Flows;
  readonly serviceFee: Fen;
  readonly serviceFeePayments: Flows;
}

/** Costs in fen with the scenario's cost factor applied. */
export interface CostScale {
  /** A stated amount ("1200万元") in fen, scaled. */
  readonly cost: (text: string) => Fen;
  /** An amount already in fen, scaled. */
  readonly scale: (fen: Fen) => Fen;
}

export function normalizeAcquisition(raw: RawParcel, path: string, ctx: ParcelContext, costs: CostScale, breach: Breach): AcquisitionModel {
  const acq = raw.acquisition;
  if (!acq) return { acquisitionPlanned: 0, socialSecurity: 0, acquisitionPayments: NO_FLOWS, serviceFee: 0, serviceFeePayments: NO_FLOWS };
  const ap = joinPath(path, 'acquisition');
  const { planned, socialSecurity } = plannedCost(acq, raw.area, ap, ctx.problems, costs);
  const payments = acquisitionSchedule(acq, planned, ap, ctx, costs);
  if (payments.length > 0) ctx.checks.push(paidInFull(raw.id, planned, payments));
  const fee = acq.serviceFee === undefined ? { serviceFee: 0, serviceFeePayments: NO_FLOWS } : serviceFeeOf(raw.id, acq.serviceFee, planned, payments, joinPath(ap, 'serviceFee'), ctx, costs, breach);
  return { acquisitionPlanned: planned, socialSecurity, acquisitionPayments: payments, ...fee };
}

/** The planned cost, stated exactly one way. */
function plannedCost(acq: Acquisition, area: string, ap: string, problems: Problem[], costs: CostScale): { planned: Fen; socialSecurity: Fen } {
  const ways = [acq.price !== undefined, acq.unitPrice !== undefined, acq.components !== undefined].filter(Boolean).length;
  if (ways !== 1) {
    problems.push(problem('schema.required', ap, undefined, { en: 'exactly one of "price", "unitPrice" or "components"', zh: '"price"（总价）、"unitPrice"（单价）、"components"（补偿构成）三者之一' }));
    return { planned: 0, socialSecurity: 0 };
  }
  if (acq.price !== undefined) return { planned: costs.cost(acq.price), socialSecurity: 0 };
  if (acq.unitPrice !== undefined) return { planned: costs.scale(priceAreaFen(acq.unitPrice, area)), socialSecurity: 0 };
  let planned = 0;
  let socialSecurity = 0;
  for (const [k, v] of Object.entries(acq.components!)) {
    const fen = costs.cost(v);
    planned += fen;
    if (k === 'socialSecurity') socialSecurity = fen;
  }
  return { planned, socialSecurity };
}

/** Tranches as stated, or the whole plan on the acquisition date. */
function acquisitionSchedule(acq: Acquisition, planned: Fen, ap: string, ctx: ParcelContext, costs: CostScale): Flows {
  if (acq.payments) return resolveTranches(acq.payments, planned, ctx.t, joinPath(ap, 'payments'), ctx.problems, costs.scale);
  if (acq.date) return single(datePeriod(ctx.t, acq.date, joinPath(ap, 'date'), ctx.problems), planned);
  ctx.problems.push(problem('schema.required', joinPath(ap, 'date'), undefined, { en: 'an acquisition "date" or a list of "payments"', zh: '收储日期 "date" 或付款计划 "payments"' }));
  return NO_FLOWS;
}

function paidInFull(id: string, planned: Fen, payments: Flows) {
  const paid = totalOf(payments);
  const diff = planned - paid;
  return check(
    'acquisition.paidInFull',
    diff === 0,
    'rule',
    diff === 0
      ? `${id}: acquisition paid in full (${fenToWan(paid)} 万元)`
      : `${id}: acquisition tranches pay ${fenToWan(paid)} 万元 of the planned ${fenToWan(planned)} 万元; ${diff > 0 ? 'unpaid' : 'overpaid'} ${fenToWan(Math.abs(diff), 4)} 万元`,
    diff === 0
      ? `${id}：收储款已足额支付（${fenToWan(paid)} 万元）`
      : `${id}：分期支付 ${fenToWan(paid)} 万元，计划 ${fenToWan(planned)} 万元，${diff > 0 ? '少付' : '多付'} ${fenToWan(Math.abs(diff), 4)} 万元`,
    { ref: 'E-5, X-2', parcel: id },
  );
}

/** The service fee (a rate of the cost or an amount), paid alongside the acquisition, within its cap (C-5). */
function serviceFeeOf(id: string, text: string, planned: Fen, payments: Flows, fieldPath: string, ctx: ParcelContext, costs: CostScale, breach: Breach): { serviceFee: Fen; serviceFeePayments: Flows } {
  const rate = /[%‰]\s*$/.test(text) ? parseRate(text) : null;
  const serviceFee = rate ? mulRate(planned, rate) : costs.cost(text);
  const capRate = ctx.params.rate('acquisition.serviceFee.capRate');
  const cap = mulRate(planned, capRate);
  if (serviceFee > cap) {
    breach(ctx.policy.serviceFeeOverCap, 'rule.serviceFeeCap', 'rule.serviceFeeCap', 'C-5', fieldPath, text,
      { en: `at most ${capRate.text} of the acquisition cost (${fenToWan(cap)} 万元)`, zh: `不超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）` },
      `${id}: service fee ${fenToWan(serviceFee)} 万元 exceeds ${capRate.text} of acquisition cost (${fenToWan(cap)} 万元)`,
      `${id}：征储服务费 ${fenToWan(serviceFee)} 万元，超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）`);
  } else {
    ctx.checks.push(check('rule.serviceFeeCap', true, 'rule', `${id}: service fee ${fenToWan(serviceFee)} 万元 within ${capRate.text} of acquisition cost`, `${id}：征储服务费 ${fenToWan(serviceFee)} 万元，未超过征储总成本的 ${capRate.text}`, { ref: 'C-5', parcel: id }));
  }
  return { serviceFee, serviceFeePayments: alongside(serviceFee, payments) };
}
