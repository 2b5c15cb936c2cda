/**
 * A parcel's acquisition → its planned cost, its dated payments and the acquisition service fee.
 * The cost is stated one way only: a total price, a unit price × the area, or compensation
 * components (the social-security part kept apart). Tranches must pay the plan in full (E-5, X-2:
 * Xingning's 2 000 + 4 205.27 万元 = 6 205.27 万元); the service fee follows the payments and may not
 * pass 2% of the acquisition cost (C-5), refused or reported as the scenario's rulePolicy says.
 *
 * Read once (acquisitionBasis: texts to fen, dates to periods), then made under a cost factor as
 * often as asked (normalizeAcquisition: integers only).
 */
import { fenToWan, mulRate, parseMoney, parseRate, type Fen, type Rate } from '../money';
import { joinPath, problem, type Problem } from '../problem';
import { parcelCheck, type Check } from '../check';
import { NO_FLOWS, single, totalOf, type Flows } from '../flows';
import type { Timeline } from '../timeline';
import { alongside, datePeriod, periodInside, readTranches, scaled, tranchePayments, type Tranches } from './payments';
import { priceAreaFen } from './sale';
import { breach } from './rule-breach';
import type { ParcelContext, RawParcel } from './parcel';

type Acquisition = NonNullable<RawParcel['acquisition']>;

export interface AcquisitionModel {
  readonly acquisitionPlanned: Fen;
  readonly socialSecurity: Fen;
  readonly acquisitionPayments: Flows;
  readonly serviceFee: Fen;
  readonly serviceFeePayments: Flows;
}

/** What the acquisition states, in fen and periods, before the cost factor. */
export interface AcquisitionBasis {
  readonly problems: readonly Problem[];
  /** The planned cost's parts (one for a price or a unit price, one per component); null when not stated one way. */
  readonly parts: readonly Fen[] | null;
  /** The index of the social-security component, or -1. */
  readonly socialSecurity: number;
  /** Tranches, or the whole plan in one period (a number), or none. */
  readonly schedule: Tranches | number | null;
  /** The service fee as a rate of the cost, or an amount in fen, or none; with its text. */
  readonly fee: { readonly text: string; readonly rate: Rate | null; readonly fen: Fen } | null;
}

/** The acquisition read; its problems go to `problems` (kept with it, reported when it is made). */
export function acquisitionBasis(raw: RawParcel, path: string, t: Timeline, problems: Problem[]): AcquisitionBasis | null {
  const acq = raw.acquisition;
  if (!acq) return null;
  const { parts, socialSecurity } = plannedParts(acq, raw.area, path, problems);
  let schedule: Tranches | number | null = null;
  let p: number;
  if (acq.payments) schedule = readTranches(acq.payments, t, joinPath(path, 'acquisition', 'payments'), problems);
  else if (acq.date) schedule = (p = periodInside(t, acq.date)) >= 0 ? p : datePeriod(t, acq.date, joinPath(path, 'acquisition', 'date'), problems);
  else problems.push(problem('schema.required', joinPath(path, 'acquisition', 'date'), undefined, { en: 'an acquisition "date" or a list of "payments"', zh: '收储日期 "date" 或付款计划 "payments"' }));
  const text = acq.serviceFee;
  const rate = text !== undefined && /[%‰]\s*$/.test(text) ? parseRate(text) : null;
  const fee = text === undefined ? null : { text, rate, fen: rate ? 0 : parseMoney(text)! };
  return { problems, parts, socialSecurity, schedule, fee };
}

/** The planned cost's parts, stated exactly one way. */
function plannedParts(acq: Acquisition, area: string, path: string, problems: Problem[]): { parts: Fen[] | null; socialSecurity: number } {
  const ways = (acq.price !== undefined ? 1 : 0) + (acq.unitPrice !== undefined ? 1 : 0) + (acq.components !== undefined ? 1 : 0);
  if (ways !== 1) {
    problems.push(problem('schema.required', joinPath(path, 'acquisition'), undefined, { en: 'exactly one of "price", "unitPrice" or "components"', zh: '"price"（总价）、"unitPrice"（单价）、"components"（补偿构成）三者之一' }));
    return { parts: null, socialSecurity: -1 };
  }
  if (acq.price !== undefined) return { parts: [parseMoney(acq.price)!], socialSecurity: -1 };
  if (acq.unitPrice !== undefined) return { parts: [priceAreaFen(acq.unitPrice, area)], socialSecurity: -1 };
  // A part set to undefined (a JavaScript caller's "not given") is absent, as it is in JSON.
  const entries = Object.entries(acq.components!).filter(([, v]) => v !== undefined);
  return { parts: entries.map(([, v]) => parseMoney(v)!), socialSecurity: entries.findIndex(([k]) => k === 'socialSecurity') };
}

/** The acquisition under the scenario's cost factor: each part × the factor, half-up, then summed. */
export function normalizeAcquisition(id: string, basis: AcquisitionBasis | null, path: string, ctx: ParcelContext): AcquisitionModel {
  if (!basis) return { acquisitionPlanned: 0, socialSecurity: 0, acquisitionPayments: NO_FLOWS, serviceFee: 0, serviceFeePayments: NO_FLOWS };
  const factor = ctx.costFactor;
  let planned = 0;
  let socialSecurity = 0;
  // The cost is scaled before the schedule is read (an amount past the exact range stops there).
  if (basis.parts) {
    for (let k = 0; k < basis.parts.length; k++) {
      const fen = scaled(basis.parts[k], factor);
      planned += fen;
      if (k === basis.socialSecurity) socialSecurity = fen;
    }
  }
  for (const p of basis.problems) ctx.problems.push(p);
  const s = basis.schedule;
  const payments = s === null ? NO_FLOWS : typeof s === 'number' ? single(s, planned) : tranchePayments(s, planned, factor);
  if (payments.length > 0) {
    const paid = totalOf(payments);
    ctx.checks.push(() => paidInFull(id, planned, paid));
  }
  if (basis.fee === null) return { acquisitionPlanned: planned, socialSecurity, acquisitionPayments: payments, serviceFee: 0, serviceFeePayments: NO_FLOWS };
  const serviceFee = serviceFeeOf(id, basis.fee, planned, path, ctx);
  return { acquisitionPlanned: planned, socialSecurity, acquisitionPayments: payments, serviceFee, serviceFeePayments: alongside(serviceFee, payments) };
}

function paidInFull(id: string, planned: Fen, paid: Fen): Check {
  const diff = planned - paid;
  return parcelCheck(
    'acquisition.paidInFull',
    diff === 0,
    'rule',
    diff === 0
      ? `${id}: acquisition paid in full (${fenToWan(paid)} 万元)`
      : `${id}: acquisition tranches pay ${fenToWan(paid)} 万元 of the planned ${fenToWan(planned)} 万元; ${diff > 0 ? 'unpaid' : 'overpaid'} ${fenToWan(Math.abs(diff), 4)} 万元`,
    diff === 0
      ? `${id}：收储款已足额支付（${fenToWan(paid)} 万元）`
      : `${id}：分期支付 ${fenToWan(paid)} 万元，计划 ${fenToWan(planned)} 万元，${diff > 0 ? '少付' : '多付'} ${fenToWan(Math.abs(diff), 4)} 万元`,
    'E-5, X-2',
    id,
  );
}

/** The service fee (a rate of the cost or an amount), within its cap (C-5); it is paid alongside the acquisition. */
function serviceFeeOf(id: string, fee: NonNullable<AcquisitionBasis['fee']>, planned: Fen, path: string, ctx: ParcelContext): Fen {
  const serviceFee = fee.rate ? mulRate(planned, fee.rate) : scaled(fee.fen, ctx.costFactor);
  const capRate = ctx.rules.serviceFeeCap();
  const cap = mulRate(planned, capRate);
  if (serviceFee > cap) {
    breach(ctx, id, ctx.policy.serviceFeeOverCap, 'rule.serviceFeeCap', 'rule.serviceFeeCap', 'C-5', joinPath(path, 'acquisition', 'serviceFee'), fee.text,
      { en: `at most ${capRate.text} of the acquisition cost (${fenToWan(cap)} 万元)`, zh: `不超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）` },
      `${id}: service fee ${fenToWan(serviceFee)} 万元 exceeds ${capRate.text} of acquisition cost (${fenToWan(cap)} 万元)`,
      `${id}：征储服务费 ${fenToWan(serviceFee)} 万元，超过征储总成本的 ${capRate.text}（${fenToWan(cap)} 万元）`);
  } else {
    ctx.checks.push(() => parcelCheck('rule.serviceFeeCap', true, 'rule', `${id}: service fee ${fenToWan(serviceFee)} 万元 within ${capRate.text} of acquisition cost`, `${id}：征储服务费 ${fenToWan(serviceFee)} 万元，未超过征储总成本的 ${capRate.text}`, 'C-5', id));
  }
  return serviceFee;
}
