/**
 * A parcel's pre-development works and the 504 management fee (M-1): each work paid on its date;
 * the fee is the 财建〔2016〕504号 cap on the works' total ("504"), none, or a stated amount that may
 * not pass the cap (refused or reported as the scenario's rulePolicy says), paid alongside the works.
 */
import { fenToWan, type Fen } from '../money';
import { joinPath } from '../problem';
import { check } from '../check';
import { managementFeeCap } from '../management-fee';
import { columns, totalOf, type Flows } from '../flows';
import { alongside, datePeriod } from './payments';
import type { Breach } from './sale';
import type { CostScale } from './parcel-acquisition';
import type { ParcelContext, RawParcel } from './parcel';

export interface WorksModel {
  readonly developmentPlanned: Fen;
  readonly works: Flows;
  readonly managementFee: Fen;
  readonly managementFeeCap: Fen;
  readonly managementFeePayments: Flows;
}

export function normalizeWorks(raw: RawParcel, path: string, ctx: ParcelContext, costs: CostScale, breach: Breach): WorksModel {
  const { t, params, problems } = ctx;
  const dp = joinPath(path, 'development');
  const stated = raw.development?.works ?? [];
  const periods: number[] = [];
  const amounts: Fen[] = [];
  stated.forEach((w, i) => {
    periods.push(datePeriod(t, w.date, joinPath(dp, 'works', i, 'date'), problems));
    amounts.push(costs.cost(w.amount));
  });
  const works = columns(periods, amounts);
  const developmentPlanned = totalOf(works);
  const feeCap = managementFeeCap(developmentPlanned, params.table('managementFee.table'));
  const feeText = raw.development?.managementFee ?? 'none';
  const managementFee = feeText === '504' ? feeCap : feeText === 'none' ? 0 : costs.cost(feeText);
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
  return { developmentPlanned, works, managementFee, managementFeeCap: feeCap, managementFeePayments: alongside(managementFee, works) };
}
