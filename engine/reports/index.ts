/** The filed documents built from a result: one builder per report kind, one table model for all. */
import type { Result } from '../report';
import { balancePlan } from './balance-plan';
import { disclosureTable } from './disclosure';
import { projectCard } from './project-card';
import { bondUse } from './bond-use';
import { reserveBudget } from './reserve-budget';
import type { SensitivityRun } from './sensitivity';
import type { Report, ReportKind } from './report-table';

export * from './report-table';
export { reportText, reportCsv, cellText } from './report-text';
export { sensitivityRuns, type SensitivityRun } from './sensitivity';

export const REPORT_KINDS: readonly { kind: ReportKind; zh: string; en: string }[] = [
  { kind: 'balance', zh: '收益与融资平衡方案', en: 'Balance plan' },
  { kind: 'disclosure', zh: '专项债券信息披露表', en: 'Bond disclosure table' },
  { kind: 'card', zh: '项目信息卡', en: 'Project card' },
  { kind: 'bond-use', zh: '债券资金使用情况', en: 'Use of bond proceeds' },
  { kind: 'budget', zh: '土地储备资金收支预算（决算）表', en: 'Reserve fund budget / outturn' },
];

export interface ReportOptions {
  /** budget: one year; bond-use: months up to the end of that year. */
  readonly year?: number;
  /** bond-use: months up to this one ("2022-06"), so the last balance is what remained then. */
  readonly until?: string;
  /** balance: the stress runs of the same scenario (sensitivityRuns). */
  readonly sensitivity?: readonly SensitivityRun[];
}

/** A report of a result run with its postings (report(run(model), { postings: true })). */
export function buildReport(kind: ReportKind, result: Result, options: ReportOptions = {}): Report {
  switch (kind) {
    case 'balance': return balancePlan(result, options.sensitivity ?? []);
    case 'disclosure': return disclosureTable(result);
    case 'card': return projectCard(result);
    case 'bond-use': return bondUse(result, options.until ?? (options.year === undefined ? undefined : `${options.year}-12`));
    case 'budget': return reserveBudget(result, options.year);
  }
}
