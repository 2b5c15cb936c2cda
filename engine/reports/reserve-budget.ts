/**
 * 年度土地储备资金收支预算表 (决算 for a year already past the scenario's as-of date): the reserve
 * funds' income by the sources of 财综〔2018〕8号 (land-sale income returned as cost, budget
 * appropriations and top-ups, bond proceeds, pre-allocations, other funds) and spending by its
 * permitted uses (acquisition, pre-development, holding, debt service, other), per year, then the
 * value added each government level received. The result's year rows, and the flows they do not
 * hold read from the ledger (the budget's advances for debt service, the land income fund allocated
 * back, value added parked in a project account, a 做地 developer's compensation), so that a year's
 * 收支差额 is what the reserve funds gained or lost that year; summed by formula.
 */
import type { Result, YearRow } from '../report';
import { byYear } from './ledger-flows';
import { columnSum, fen, sumMoney, totalThenValues, tx, yuan, type Report, type ReportRow, type ReportSection } from './report-table';
import type { Text } from '../model';

type Line = { key: string; label: Text; get: (y: YearRow) => string[] };

/** Flows the year rows do not hold, read from the ledger by year, in 元. */
interface LedgerYears {
  /** The pool's inflows that are the 国有土地收益基金 allocated back (F-1 source 2). */
  readonly fundInflows: (y: YearRow) => string;
  /** Debt service the budget paid into a fund when the project's money was not there (B-13), and its return. */
  readonly debtSupport: (y: YearRow) => string;
  readonly debtSupportReturned: (y: YearRow) => string;
  /** Value added held back in a project account for its debt (bond.setAside), and what of it the account later shares out. */
  readonly heldBack: (y: YearRow) => string;
  readonly heldBackShared: (y: YearRow) => string;
  /** Works and fees a 做地 developer paid from its own money (not the reserve's), and the compensation the reserve paid it (Z-2). */
  readonly byDevelopers: (y: YearRow) => string;
  readonly developerCompensation: (y: YearRow) => string;
}

const incomeLines = ({ fundInflows, debtSupport, heldBack, developerCompensation }: LedgerYears): Line[] => [
  { key: 'inc.costRecovered', label: { zh: '从已供应储备土地出让收入中安排（成本返还）', en: 'From land-sale income (cost recovered)' }, get: (y) => [y.costRecovered] },
  // The part of a 做地 parcel's recovered cost that is the developer's compensation: the reserve
  // agency pays it on (seed 002: 做地主体…向市土地储备机构申请拨付开发补偿费).
  { key: 'inc.devComp', label: { zh: '从已供应储备土地出让收入中安排（做地开发补偿费）', en: 'From land-sale income (developer compensation)' }, get: (y) => [developerCompensation(y)] },
  { key: 'inc.appropriations', label: { zh: '财政预算安排', en: 'Budget appropriations' }, get: (y) => [y.appropriations, y.fiscalTopUp] },
  // The budget's money for debt service is the fund's income the year it comes, and its return a
  // spending the year it goes: left out, a year's 收支差额 missed the budget's advance.
  { key: 'inc.debtSupport', label: { zh: '财政垫付偿债资金', en: 'Budget advance for debt service' }, get: (y) => [debtSupport(y)] },
  { key: 'inc.bond', label: { zh: '地方政府债券资金', en: 'Local government bond proceeds' }, get: (y) => [y.bondProceeds] },
  { key: 'inc.preAllocation', label: { zh: '财政预拨资金', en: 'Fiscal pre-allocations' }, get: (y) => [y.advances] },
  // 财综〔2018〕8号 names the 国有土地收益基金 a source of its own: a sale's fund provision allocated
  // back to the pool is filed there, not with the pool's capital.
  { key: 'inc.landIncomeFund', label: { zh: '从国有土地收益基金中安排', en: 'From the state land income fund' }, get: (y) => [fundInflows(y)] },
  { key: 'inc.pool', label: { zh: '其他财政资金（资金池筹资）', en: 'Other fiscal funds (pool capital)' }, get: (y) => [y.poolCapital, yuan(fen(y.poolInflows) - fen(fundInflows(y)))] },
  // Value added held back secures the project's debt from the project account (which may spend it
  // on debt service) until it is shared: reserve money while it is there.
  { key: 'inc.heldBack', label: { zh: '留存偿债的增值收益（转入项目专户）', en: 'Value added held back for debt service (into the project account)' }, get: (y) => [heldBack(y)] },
];
const spendingLines = ({ debtSupportReturned, heldBackShared, byDevelopers, developerCompensation }: LedgerYears): Line[] => [
  { key: 'exp.acq', label: { zh: '征收、收购、收回土地价款及补偿', en: 'Acquisition and compensation' }, get: (y) => [y.acquisitionCost] },
  // A 做地 developer's works are its own spending, met later by its compensation (below), not the reserve's.
  { key: 'exp.dev', label: { zh: '储备土地前期开发（含代建管理费）', en: 'Pre-development (with management fee)' }, get: (y) => [yuan(fen(y.developmentCost) + fen(y.managementFee) - fen(byDevelopers(y)))] },
  { key: 'exp.devComp', label: { zh: '做地开发补偿费（拨付做地主体）', en: 'Developer compensation (paid to the 做地 developer)' }, get: (y) => [developerCompensation(y)] },
  { key: 'exp.hold', label: { zh: '储备土地管护', en: 'Holding and care' }, get: (y) => [y.holdingCost] },
  { key: 'exp.other', label: { zh: '其他费用（征储服务费、出让业务费）', en: 'Other (service and sale fees)' }, get: (y) => [y.serviceFee, y.saleBusinessFee] },
  { key: 'exp.debt', label: { zh: '偿还债券本息及发行费用', en: 'Bond principal, interest and fees' }, get: (y) => [y.debtService] },
  { key: 'exp.preReturn', label: { zh: '归还财政预拨资金', en: 'Pre-allocations returned' }, get: (y) => [y.advancesReturned] },
  { key: 'exp.debtSupportReturn', label: { zh: '归还财政垫付偿债资金', en: 'Budget debt-service advance returned' }, get: (y) => [debtSupportReturned(y)] },
  { key: 'exp.heldBackShared', label: { zh: '留存增值收益释放分成', en: 'Held-back value added shared out' }, get: (y) => [heldBackShared(y)] },
];

export function reserveBudget(result: Result, year?: number): Report {
  const years = result.years.filter((y) => year === undefined || y.year === year);
  const yearList = years.map((y) => y.year);
  const ofYear = (fens: number[]) => (y: YearRow) => yuan(fens[years.indexOf(y)]);
  const ledger: LedgerYears = {
    fundInflows: ofYear(byYear(result, yearList, (p) => p.rule === 'funding.poolInflow' && p.from === 'provision:landIncomeFund')),
    debtSupport: ofYear(byYear(result, yearList, (p) => p.rule === 'bond.fiscalSupport')),
    debtSupportReturned: ofYear(byYear(result, yearList, (p) => p.rule === 'bond.fiscalSupportReturn')),
    heldBack: ofYear(byYear(result, yearList, (p) => p.rule === 'bond.setAside')),
    heldBackShared: ofYear(byYear(result, yearList, (p) => p.rule === 'split.share' && p.from.startsWith('project:'))),
    byDevelopers: ofYear(byYear(result, yearList, (p) => (p.rule === 'development.works' || p.rule === 'development.managementFee') && p.from.startsWith('developer:'))),
    developerCompensation: ofYear(byYear(result, yearList, (p) => p.rule === 'zone.developerCompensation')),
  };
  const INCOME = incomeLines(ledger);
  const SPENDING = spendingLines(ledger);
  const asOfYear = Number(result.scenario.asOf.slice(0, 4));
  const kind = (y: number) => (y < asOfYear ? tx('决算', 'outturn') : y > asOfYear ? tx('预算', 'budget') : tx('执行', 'in progress'));
  const lines = (ls: Line[]): ReportRow[] => ls.map((l) => totalThenValues(l.key, l.label, years.map((y) => sumMoney(l.get(y))), undefined, 1));
  const colTotals = (ls: Line[]) => [sumMoney(years.flatMap((y) => ls.flatMap((l) => l.get(y)))), ...years.map((y) => sumMoney(ls.flatMap((l) => l.get(y))))];
  const incomeTotal = colTotals(INCOME), spendingTotal = colTotals(SPENDING);
  const head = [tx('合计', 'Total'), ...years.map((y) => tx(`${y.year}年${kind(y.year).zh}`, `${y.year} ${kind(y.year).en}`))];
  const funds: ReportSection = {
    key: 'funds',
    title: tx('土地储备资金收支', 'Reserve fund income and spending'),
    head,
    note: tx('收入按财综〔2018〕8号的资金来源、支出按其允许用途归类；临时利用收入全额缴入国库，不列入。', 'Income by the sources and spending by the uses of 财综〔2018〕8号; temporary-use income goes to the treasury and is not listed.'),
    rows: [
      ...lines(INCOME),
      columnSum('inc.total', tx('收入合计', 'Total income'), INCOME.map((l) => ({ row: l.key, sign: 1 })), incomeTotal),
      ...lines(SPENDING),
      columnSum('exp.total', tx('支出合计', 'Total spending'), SPENDING.map((l) => ({ row: l.key, sign: 1 })), spendingTotal),
      columnSum('net', tx('收支差额', 'Income less spending'), [{ row: 'inc.total', sign: 1 }, { row: 'exp.total', sign: -1 }], incomeTotal.map((v, i) => yuan(fen(v) - fen(spendingTotal[i])))),
    ],
  };
  const tierRows = result.tiers.map((t) => totalThenValues(`tier:${t.id}`, tx(`${t.name.zh}分成`, `${t.name.en} share`), years.map((y) => y.shares[t.id] ?? '0.00'), undefined, 1));
  const levels: ReportSection = {
    key: 'levels',
    title: tx('出让收入分配（分级次）', 'Land income by government level'),
    head,
    rows: [
      totalThenValues('sale', tx('土地出让收入', 'Land-sale receipts'), years.map((y) => y.saleRevenue)),
      totalThenValues('provisions', tx('计提各项基金', 'Provisions'), years.map((y) => y.provisions), undefined, 1),
      totalThenValues('costRecovered', tx('成本返还', 'Cost recovered'), years.map((y) => y.costRecovered), undefined, 1),
      ...tierRows,
      columnSum('valueAdded', tx('增值收益合计', 'Value added'), result.tiers.map((t) => ({ row: `tier:${t.id}`, sign: 1 })), [sumMoney(years.map((y) => y.valueAdded)), ...years.map((y) => y.valueAdded)]),
    ],
  };
  const title = year === undefined
    ? tx('土地储备资金收支预算（决算）表（分年）', 'Land reserve fund budget and outturn by year')
    : tx(`${year}年度土地储备资金收支${kind(year).zh === '决算' ? '决算' : '预算'}表`, `${year} land reserve fund ${kind(year).en === 'outturn' ? 'outturn' : 'budget'}`);
  return { kind: 'budget', title, subtitle: result.scenario.name, unit: 'wan', sections: years.length ? [funds, levels] : [], notes: years.length ? [] : [tx(`测算期内没有 ${year} 年。`, `The timeline has no year ${year}.`)] };
}
