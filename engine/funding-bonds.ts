/**
 * The bond views: each bond's debt service, fees, fiscal support and coverage (本息覆盖倍数), each
 * project's coverage, and the checks a run's bonds can fail — coverage under the floor, principal
 * still outstanding, debt service the budget paid that the land income never returned.
 *
 * Each bond's coverage is its project's: the project's income within the bonds' life over all of
 * the project's principal and interest (coverage.ts); principal counts once, even when rolled over.
 */
import { Decimal, fenToYuan } from './money';
import { check, type Check } from './check';
import { COVERAGE_BASIS_TEXT, projectCoverage, type Coverage } from './coverage';
import type { RunOutput } from './run';
import type { BondReport, FundingReport } from './funding-report';

export function bondViews(out: RunOutput): Pick<FundingReport, 'bonds' | 'projects' | 'checks'> {
  const { model } = out;
  const nP = model.timeline.months;
  const label = (p: number) => model.periodLabels[p];
  const checks: Check[] = [];
  const floor = new Decimal(model.coverageFloor.num).div(model.coverageFloor.den);
  const warn = new Decimal(model.coverageWarn.num).div(model.coverageWarn.den);
  const basisText = COVERAGE_BASIS_TEXT[model.coverageBasis];
  const coverageOf = new Map<number, Coverage>();
  const cover = (project: number) => {
    let c = coverageOf.get(project);
    if (!c) coverageOf.set(project, (c = projectCoverage(out, project)));
    return c;
  };
  const bonds: BondReport[] = out.bonds.map((s) => {
    const b = s.bond;
    const c = cover(b.project);
    const afterYears = b.callPeriod >= 0 ? (b.callPeriod - b.issuePeriod) / 12 : 0;
    return {
      id: b.id,
      name: b.name,
      rolloverOf: s.rolloverOf,
      project: b.project >= 0 ? model.projects[b.project].id : null,
      principal: fenToYuan(b.principal),
      couponRate: b.rate.text,
      issue: label(b.issuePeriod),
      maturity: b.maturityPeriod < nP ? label(b.maturityPeriod) : `${label(nP - 1)}+`,
      termYears: b.termYears,
      termText: afterYears > 0 ? `${afterYears}+${b.termYears - afterYears}` : String(b.termYears),
      repaidAtOption: s.called,
      repaid: s.maturity < nP ? label(s.maturity) : null,
      interest: fenToYuan(s.interestPaid),
      bondFees: fenToYuan(s.feesPaid),
      principalRepaid: fenToYuan(s.principalPaid),
      earlyRedeemed: fenToYuan(s.earlyRedeemed),
      rolledOver: fenToYuan(s.rolledOver),
      fiscalDebtSupport: fenToYuan(s.fiscalSupport),
      outstandingAtEnd: fenToYuan(s.outstanding),
      coverageBasis: model.coverageBasis,
      coverageWindowEnd: label(c.windowEnd),
      available: fenToYuan(c.available),
      incomeAfterLife: fenToYuan(c.incomeAfterLife),
      debtService: fenToYuan(c.debtService),
      coverageRatio: c.ratio,
      coverageByYear: c.byYear.map((y) => ({ year: y.year, available: fenToYuan(y.available), debtService: fenToYuan(y.debtService), ratio: y.ratio, carryIn: fenToYuan(y.carryIn), ratioWithCarry: y.ratioWithCarry })),
      schedule: s.schedule.map((r) => ({ period: label(r.period), interest: fenToYuan(r.interest), principalRepaid: fenToYuan(r.principal), bondFees: fenToYuan(r.fees), rollover: fenToYuan(r.rollover), fiscalDebtSupport: fenToYuan(r.fiscalSupport) })),
    };
  });
  out.bonds.forEach((s) => {
    if (s.rolloverOf) return;
    const c = cover(s.bond.project);
    const r = c.ratio === null ? null : new Decimal(c.ratio);
    const ok = r !== null && r.gte(floor);
    const late = c.incomeAfterLife > 0 ? { en: `; ${fenToYuan(c.incomeAfterLife)} 元 arriving after ${label(c.windowEnd)} not counted`, zh: `；${label(c.windowEnd)} 后到账的 ${fenToYuan(c.incomeAfterLife)} 元不计入` } : { en: '', zh: '' };
    checks.push(check('bond.coverageFloor', ok, 'rule',
      r === null ? `${s.bond.id}: no debt service, no coverage` : `${s.bond.id}: coverage ${c.ratio}× ${ok ? '≥' : '<'} floor ${floor.toFixed()}×${!ok && r.lt(warn) ? ` (below the ${warn.toFixed()}× warning level)` : ''} (${basisText.en} over principal and interest${late.en})`,
      r === null ? `${s.bond.id}：无还本付息，不计算覆盖倍数` : `${s.bond.id}：本息覆盖倍数 ${c.ratio}，${ok ? '不低于' : '低于'}下限 ${floor.toFixed()}${!ok && r.lt(warn) ? `（低于 ${warn.toFixed()} 预警线）` : ''}（${basisText.zh} ÷ 本息合计${late.zh}）`,
      { ref: 'B-14, B-16' }));
    if (s.outstanding > 0) checks.push(check('bond.repaid', false, 'rule', `${s.bond.id}: ${fenToYuan(s.outstanding)} 元 still outstanding at the end of the timeline`, `${s.bond.id}：测算期末仍有 ${fenToYuan(s.outstanding)} 元未偿还`, { ref: 'B-7' }));
  });
  const supportPaid = out.bonds.reduce((s, b) => s + b.fiscalSupport, 0);
  if (supportPaid > 0) {
    const left = out.debtSupportOutstanding;
    checks.push(check('bond.fiscalSupport', left === 0, 'rule',
      left === 0 ? `the budget advanced ${fenToYuan(supportPaid)} 元 of debt service before the sale income arrived; the projects' income returned all of it` : `the budget paid ${fenToYuan(left)} 元 of debt service the land income never covered (of ${fenToYuan(supportPaid)} 元 advanced)`,
      left === 0 ? `财政垫付偿债资金 ${fenToYuan(supportPaid)} 元（出让收入到账前），已由项目出让收入全部归还` : `土地收入不足偿债，财政最终负担 ${fenToYuan(left)} 元（共垫付 ${fenToYuan(supportPaid)} 元）`,
      { ref: 'B-13' }));
  }
  const projects = model.projects.map((p, i) => {
    const c = cover(i);
    const hasBond = out.bonds.some((s) => s.bond.project === i);
    return { id: p.id, name: p.name, parcels: p.parcels.map((x) => model.parcels[x].id), coverageRatio: hasBond ? c.ratio : null, available: fenToYuan(c.available), debtService: fenToYuan(hasBond ? c.debtService : 0) };
  });

  return { bonds, projects, checks };
}
