/**
 * 专项债券信息披露表 in the published layout: 债券基本信息 (名称, 类型, 计划发行额 in 亿元 to four
 * places, 期限, 还本方式, 付息方式) and 项目总体信息 (对应项目数量, 债券存续期内项目总投资, 其中不含
 * 专项债券的项目资金, 专项债券融资, 其他债务融资, 项目分年融资计划, 债券存续期内项目总收益, 分年收益),
 * per bond, from the result's bond report and the project's parcels.
 */
import type { BondReport } from '../funding-report';
import type { Result } from '../report';
import { projectScopes, type ProjectScope } from './project-scope';
import { bondYears } from './balance-plan';
import { interestText, repaymentText } from './bond-terms';
import { blank, fen, money, sumMoney, text, totalThenValues, tx, yuan, type Report, type ReportRow, type ReportSection } from './report-table';
import { yearOfPeriod } from './ledger-flows';

export function disclosureTable(result: Result): Report {
  const sections: ReportSection[] = [];
  for (const scope of projectScopes(result)) for (const bond of scope.bonds) sections.push(basic(bond), overall(result, scope, bond));
  return {
    kind: 'disclosure',
    title: tx('地方政府专项债券信息披露表（土地储备）', 'Special bond disclosure table (land reserve)'),
    subtitle: result.scenario.name,
    unit: 'yi',
    sections,
    notes: result.bonds.length === 0 ? [tx('本情景没有专项债券，无信息披露表。', 'This scenario has no special bond, so there is no disclosure table.')] : [],
  };
}

function basic(bond: BondReport): ReportSection {
  const row = (key: string, zh: string, en: string, cell: ReturnType<typeof text>): ReportRow => ({ key, label: tx(zh, en), cells: [cell] });
  return {
    key: `${bond.id}.basic`,
    title: tx(`${bond.id} 债券基本信息`, `${bond.id} bond`),
    head: [tx('内容', 'Value')],
    rows: [
      row('name', '债券名称', 'Name', text(bond.name.zh)),
      row('type', '债券类型', 'Type', text('土地储备专项债券')),
      row('amount', '计划发行额（亿元）', 'Planned issue (100m yuan)', money(bond.principal)),
      row('term', '期限', 'Term', text(`${bond.termYears}年`)),
      row('coupon', '票面利率', 'Coupon', text(bond.couponRate)),
      row('repayment', '还本方式', 'Principal', text(repaymentText(bond).zh)),
      row('interest', '付息方式', 'Interest', text(interestText(bond).zh)),
    ],
  };
}

function overall(result: Result, scope: ProjectScope, bond: BondReport): ReportSection {
  const years = bondYears(bond);
  const single = (key: string, zh: string, en: string, v: string, f?: Parameters<typeof money>[1], level: 0 | 1 = 0): ReportRow => ({ key, label: tx(zh, en), level, cells: [money(v, f), ...years.map(() => blank)] });
  const investment = sumMoney(scope.parcels.map((p) => p.reserveCost));
  // No debt but the special bonds: the reserve may not borrow otherwise since 2016 (财综〔2016〕4号),
  // and a bridge or pre-allocation is the budget's advance, part of the funding other than bonds.
  const otherDebt = '0.00';
  // The project's other special bonds: its funding other than special bonds leaves them out too.
  const otherBonds = scope.bonds.filter((b) => b.id !== bond.id);
  const otherBondsTotal = sumMoney(otherBonds.map((b) => b.principal));
  const nonBond = yuan(fen(investment) - fen(bond.principal) - fen(otherBondsTotal) - fen(otherDebt));
  const cov = (y: number) => bond.coverageByYear.find((c) => c.year === y)?.available ?? '0.00';
  return {
    key: `${bond.id}.project`,
    title: tx(`${bond.id} 项目总体信息`, `${bond.id} project`),
    head: [tx('合计', 'Total'), ...years.map((y) => tx(`${y}年`, String(y)))],
    note: tx(`${scope.name.zh}；项目收益为可用于偿还本息的收益（引擎债券报告）。`, `${scope.name.en}; income is the income available for debt service (engine bond report).`),
    rows: [
      { key: 'projects', label: tx('对应项目数量（个）', 'Projects'), cells: [text('1'), ...years.map(() => blank)] },
      single('investment', '债券存续期内项目总投资', 'Project investment over the bond life', investment),
      single('nonBond', '其中：不含专项债券的项目资金', 'of which: funding other than special bonds', nonBond, { op: 'sum', terms: [{ row: 'investment', col: 0, sign: 1 }, { row: 'bond', col: 0, sign: -1 }, ...(otherBonds.length ? [{ row: 'otherBonds', col: 0, sign: -1 as const }] : []), { row: 'otherDebt', col: 0, sign: -1 }] }, 1),
      single('bond', '专项债券融资', 'Special bond financing', bond.principal, undefined, 1),
      ...(otherBonds.length ? [single('otherBonds', `本项目其他专项债券融资（${otherBonds.map((b) => b.id).join('、')}）`, `The project's other special bonds (${otherBonds.map((b) => b.id).join(', ')})`, otherBondsTotal, undefined, 1)] : []),
      single('otherDebt', '其他债务融资', 'Other debt financing', otherDebt, undefined, 1),
      totalThenValues('plan', tx('项目分年融资计划', 'Financing plan by year'), years.map((y) => (y === yearOfPeriod(bond.issue) ? bond.principal : '0.00')), bond.principal),
      totalThenValues('income', tx('债券存续期内项目总收益（分年收益）', 'Project income over the bond life (by year)'), years.map(cov), bond.available),
    ],
  };
}
