/**
 * A parcel's pre-development works and the 504 management fee (M-1): each work paid on its date;
 * the fee is the 财建〔2016〕504号 cap on the works' total ("504"), none, or a stated amount that may
 * not pass the cap (refused or reported as the scenario's rulePolicy says), paid alongside the works.
 * Read once (worksBasis), made under a cost factor as often as asked (normalizeWorks).
 */
import { fenToWan, parseMoney, type Fen } from '../money';
import { joinPath, type Problem } from '../problem';
import type { Timeline } from '../timeline';
import { parcelCheck } from '../check';
import { managementFeeCap } from '../management-fee';
import { columns, totalOf, type Flows } from '../flows';
import { alongside, datePeriod, periodInside, scaled } from './payments';
import { breach } from './rule-breach';
import type { ParcelContext, RawParcel } from './parcel';

export interface WorksModel {
  readonly developmentPlanned: Fen;
  readonly works: Flows;
  readonly managementFee: Fen;
  readonly managementFeeCap: Fen;
  readonly managementFeePayments: Flows;
}

/** The works as stated (periods, fen before the cost factor) and the fee: the cap, none, or an amount. */
export interface WorksBasis {
  readonly problems: readonly Problem[];
  /** How many of the problems were found up to each work (a work's date is read before its amount is scaled). */
  readonly problemsUpTo: readonly number[];
  readonly periods: readonly number[];
  readonly fens: readonly Fen[];
  readonly feeText: string;
  readonly feeFen: Fen;
}

/** The works read; their problems go to `problems` (kept with them, reported when they are made). */
export function worksBasis(raw: RawParcel, path: string, t: Timeline, problems: Problem[]): WorksBasis {
  const stated = raw.development?.works ?? [];
  const periods: number[] = [];
  const fens: Fen[] = [];
  const problemsUpTo: number[] = [];
  for (let i = 0; i < stated.length; i++) {
    const w = stated[i];
    const p = periodInside(t, w.date);
    periods.push(p >= 0 ? p : datePeriod(t, w.date, joinPath(path, 'development', 'works', i, 'date'), problems));
    problemsUpTo.push(problems.length);
    fens.push(parseMoney(w.amount)!);
  }
  const feeText = raw.development?.managementFee ?? 'none';
  return { problems, problemsUpTo, periods, fens, feeText, feeFen: feeText === '504' || feeText === 'none' ? 0 : parseMoney(feeText)! };
}

/** The works under the scenario's cost factor: each amount × the factor, half-up; the fee within the 504 cap. */
export function normalizeWorks(id: string, basis: WorksBasis, path: string, ctx: ParcelContext): WorksModel {
  const factor = ctx.costFactor;
  let amounts = basis.fens;
  if (basis.problems.length > 0 || factor) {
    // Each work's problems, then its amount scaled, work by work.
    const scaledAmounts: Fen[] = [];
    let told = 0;
    for (let i = 0; i < basis.fens.length; i++) {
      while (told < basis.problemsUpTo[i]) ctx.problems.push(basis.problems[told++]);
      scaledAmounts.push(scaled(basis.fens[i], factor));
    }
    amounts = scaledAmounts;
  }
  const works = columns(basis.periods, amounts);
  // The works' sum, which columns() made (a for…of here made an iterator a parcel: the amounts are
  // read as small integers from the basis, as doubles when scaled).
  const developmentPlanned = works.total;
  const feeCap = developmentPlanned > 0 ? managementFeeCap(developmentPlanned, ctx.rules.managementFeeTable()) : 0;
  const feeText = basis.feeText;
  const managementFee = feeText === '504' ? feeCap : feeText === 'none' ? 0 : scaled(basis.feeFen, factor);
  if (feeText !== '504' && feeText !== 'none') {
    if (managementFee > feeCap) {
      const dp = joinPath(path, 'development');
      breach(ctx, id, ctx.policy.managementFeeOverCap, 'rule.managementFeeCap', 'rule.managementFeeCap', 'M-1', joinPath(dp, 'managementFee'), feeText,
        { en: `at most the 财建〔2016〕504号 cap, ${fenToWan(feeCap)} 万元 on ${fenToWan(developmentPlanned)} 万元 of works`, zh: `不超过财建〔2016〕504号上限：工程 ${fenToWan(developmentPlanned)} 万元对应 ${fenToWan(feeCap)} 万元` },
        `${id}: management fee ${fenToWan(managementFee)} 万元 exceeds the 504 cap ${fenToWan(feeCap)} 万元`,
        `${id}：代建管理费 ${fenToWan(managementFee)} 万元，超过财建〔2016〕504号上限 ${fenToWan(feeCap)} 万元`);
    } else {
      ctx.checks.push(parcelCheck('rule.managementFeeCap', true, 'rule', `${id}: management fee within the 504 cap`, `${id}：代建管理费未超过504号上限`, 'M-1', id));
    }
  }
  return { developmentPlanned, works, managementFee, managementFeeCap: feeCap, managementFeePayments: alongside(managementFee, works) };
}
