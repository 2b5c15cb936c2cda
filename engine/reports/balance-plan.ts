/**
 * 项目收益与融资自求平衡方案 — the core table of a bond's 实施方案, per project and bond: the
 * investment by use and by what paid it, the financing plan, income, principal and interest by
 * year over the bond's life, the balance carried forward, coverage, and the sensitivity cases.
 * Every figure is a field of the result or a sum of its postings; totals, balances and ratios
 * carry their formula (report-table.ts) with the engine's figure as the value they must reach.
 */
import type { BondReport } from '../funding-report';
import type { Result } from '../report';
import { byYear, accountByYear, resultYears, yearOfPeriod, yearRange, isUseRule, postingsOf } from './ledger-flows';
import { projectScopes, type ProjectScope } from './project-scope';
import type { SensitivityRun } from './sensitivity';
import { blank, columnSum, fen, money, ratio, sumMoney, totalThenValues, tx, yuan, type Cell, type Report, type ReportRow, type ReportSection } from './report-table';

export function balancePlan(result: Result, sensitivity: readonly SensitivityRun[] = []): Report {
  const sections: ReportSection[] = [];
  for (const scope of projectScopes(result)) {
    for (const bond of scope.bonds) sections.push(investment(result, scope, bond), lifeTable(result, scope, bond), projectAccount(result, scope, bond), sensitivityBlock(bond, sensitivity));
  }
  return {
    kind: 'balance',
    title: tx('项目收益与融资自求平衡方案', 'Project income and financing balance plan'),
    subtitle: result.scenario.name,
    unit: 'wan',
    sections: sections.filter((s) => s.rows.length > 0),
    notes: result.bonds.length === 0 ? [tx('本情景没有专项债券，不编制收益与融资平衡方案。', 'This scenario has no special bond, so there is no balance plan.')] : [],
  };
}

function investment(result: Result, scope: ProjectScope, bond: BondReport): ReportSection {
  const ps = scope.parcels;
  const sum = (get: (p: (typeof ps)[number]) => string[]) => sumMoney(ps.flatMap(get));
  const total = sum((p) => [p.reserveCost]);
  const parcelIds = new Set(ps.map((p) => p.id));
  const kindOf = new Map(result.accounts.map((a) => [a.id, a.kind]));
  const paid = (test: (from: string) => boolean) => yuan(postingsOf(result).filter((p) => p.parcel !== null && parcelIds.has(p.parcel) && isUseRule(p.rule) && test(p.from)).reduce((s, p) => s + fen(p.amount), 0));
  const byBond = paid((from) => from.startsWith('project:'));
  const byFund = paid((from) => !from.startsWith('project:') && kindOf.get(from) === 'fund');
  const byBudget = paid((from) => kindOf.get(from) === 'budget');
  const uses = ['use.acq', 'use.dev', 'use.hold', 'use.other'];
  const sources = ['src.bond', 'src.fund', 'src.budget'];
  const one = (key: string, zh: string, en: string, v: string, level: 0 | 1 = 1): ReportRow => ({ key, label: tx(zh, en), level, cells: [money(v)] });
  return {
    key: `${bond.id}.investment`,
    title: tx(`${bond.id} 项目总投资及资金来源`, `${bond.id} investment and funding`),
    head: [tx('金额', 'Amount')],
    note: tx(`${scope.name.zh}；资金来源按支付宗地支出的账户归集（账簿记录）。`, `${scope.name.en}; sources as the ledger shows which account paid each parcel's spending.`),
    rows: [
      one('use.acq', '征收补偿（土地价款）', 'Acquisition compensation', sum((p) => [p.acquisitionCost])),
      one('use.dev', '前期开发（含代建管理费）', 'Pre-development (with management fee)', sum((p) => [p.developmentCost, p.managementFee])),
      one('use.hold', '管护费用', 'Holding and care', sum((p) => [p.holdingCost])),
      one('use.other', '其他（征储服务费、出让业务费）', 'Other (service and sale fees)', sum((p) => [p.serviceFee, p.saleBusinessFee])),
      columnSum('use.total', tx('项目总投资', 'Total investment'), uses.map((row) => ({ row, sign: 1 })), [total]),
      one('src.bond', '专项债券资金', 'Special bond proceeds', byBond),
      one('src.fund', '土地储备资金（财政预算安排、成本返还、自有资金）', 'Reserve fund (appropriations, cost recovered, own funds)', byFund),
      one('src.budget', '财政直接安排', 'Paid directly by the budget', byBudget),
      columnSum('src.total', tx('资金来源合计', 'Total funding'), sources.map((row) => ({ row, sign: 1 })), [total]),
      columnSum('src.nonBond', tx('其中：不含专项债券的项目资金', 'of which: funding other than the bond'), [{ row: 'src.total', sign: 1 }, { row: 'src.bond', sign: -1 }], [yuan(fen(total) - fen(byBond))], 1),
    ],
  };
}

/** The bond's life in calendar years: issue year to maturity, widened to every year its coverage names. */
export function bondYears(bond: BondReport): number[] {
  const ys = [yearOfPeriod(bond.issue), yearOfPeriod(bond.maturity), ...bond.coverageByYear.map((c) => c.year)];
  return yearRange(Math.min(...ys), Math.max(...ys));
}

function lifeTable(result: Result, scope: ProjectScope, bond: BondReport): ReportSection {
  const years = bondYears(bond);
  const parcelIds = new Set(scope.parcels.map((p) => p.id));
  const ofScope = (rule: (r: string) => boolean) => byYear(result, years, (p) => p.parcel !== null && parcelIds.has(p.parcel) && rule(p.rule)).map(yuan);
  const cov = (y: number) => bond.coverageByYear.find((c) => c.year === y);
  // Paid to the bond's holders and agents, from the ledger: the issue fees paid at issue are debt service too.
  const paidTo = (account: string, rule: (r: string) => boolean) => byYear(result, years, (p) => p.to === account && rule(p.rule)).map(yuan);
  const available = years.map((y) => cov(y)?.available ?? '0.00');
  const interest = paidTo(`bondholders:${bond.id}`, (r) => r === 'bond.interest');
  const principal = paidTo(`bondholders:${bond.id}`, (r) => r === 'bond.principal' || r === 'bond.earlyRedemption');
  const fees = paidTo(`bondAgent:${bond.id}`, (r) => r.startsWith('bond.'));
  // Debt service is principal plus interest, as coverage counts it (B-14); the fees are shown below it.
  const debtService = years.map((y, i) => cov(y)?.debtService ?? sumMoney([interest[i], principal[i]]));
  const net = years.map((_, i) => yuan(fen(available[i]) - fen(debtService[i])));
  let carried = 0;
  const carry: Cell[] = [blank, ...net.map((n, i) => {
    carried += fen(n);
    const col = i + 1;
    return money(yuan(carried), { op: 'sum', terms: col === 1 ? [{ row: 'bal.year', col, sign: 1 }] : [{ row: 'bal.carry', col: col - 1, sign: 1 }, { row: 'bal.year', col, sign: 1 }] });
  })];
  const coverage: Cell[] = [
    ratioCell(bond.coverageRatio, 0),
    ...years.map((y, i) => ratioCell(cov(y)?.ratio ?? null, i + 1)),
  ];
  const dsRows = ['ds.interest', 'ds.principal'].map((row) => ({ row, sign: 1 as const }));
  return {
    key: `${bond.id}.life`,
    title: tx(`${bond.id} 收益与融资平衡`, `${bond.id} income and debt service`),
    head: [tx('合计', 'Total'), ...years.map((y) => tx(`${y}年`, String(y)))],
    note: tx(`${bond.name.zh}：${bond.issue} 发行，${bond.maturity} 到期；可用于偿债的收益、还本付息与覆盖倍数取自引擎的债券报告。`, `${bond.name.en}: issued ${bond.issue}, maturing ${bond.maturity}; income available, debt service and coverage are the engine's bond report.`),
    rows: [
      totalThenValues('fin.bond', tx('专项债券融资（分年融资计划）', 'Special bond financing by year'), years.map((y) => (y === yearOfPeriod(bond.issue) ? bond.principal : '0.00')), bond.principal),
      totalThenValues('inc.receipts', tx('土地出让收入', 'Land-sale receipts'), ofScope((r) => r === 'sale.receipt')),
      // Receipts after the bond's maturity month repay nothing and are not in the coverage (coverage.ts):
      // named, so the maturity year's 土地出让收入 and 可用于偿还本息的项目收益 reconcile.
      ...(fen(bond.incomeAfterLife) > 0
        ? [totalThenValues('inc.afterLife', tx(`其中：${bond.coverageWindowEnd} 后到账（不计入偿债收益）`, `of which: received after ${bond.coverageWindowEnd} (not counted)`), byYear(result, years, (p) => p.parcel !== null && parcelIds.has(p.parcel) && p.rule === 'sale.receipt' && p.period > bond.coverageWindowEnd).map(yuan), undefined, 1)]
        : []),
      totalThenValues('inc.provisions', tx('计提各项基金', 'Provisions'), ofScope((r) => r.startsWith('provision.'))),
      totalThenValues('inc.available', tx('可用于偿还本息的项目收益', 'Income available for debt service'), available, bond.available),
      totalThenValues('ds.interest', tx('利息', 'Interest'), interest, undefined, 1),
      totalThenValues('ds.principal', tx('本金', 'Principal'), principal, undefined, 1),
      columnSum('ds.total', tx('还本付息合计', 'Debt service (principal and interest)'), dsRows, [bond.debtService, ...debtService]),
      totalThenValues('ds.fees', tx('发行兑付费用（计入核定成本，不计入本息）', 'Issue and redemption fees (in the verified cost, not in debt service)'), fees, undefined, 1),
      columnSum('bal.year', tx('当年结余', 'Surplus of the year'), [{ row: 'inc.available', sign: 1 }, { row: 'ds.total', sign: -1 }], [yuan(fen(bond.available) - fen(bond.debtService)), ...net]),
      { key: 'bal.carry', label: tx('累计结余（结转下年）', 'Balance carried forward'), cells: carry },
      { key: 'cov', label: tx('本息覆盖倍数', 'Coverage (本息覆盖倍数)'), cells: coverage },
    ],
  };
}

function ratioCell(v: string | null, col: number): Cell {
  return v === null ? ratio(null) : ratio(v, { op: 'ratio', num: { row: 'inc.available', col }, den: { row: 'ds.total', col }, digits: 4 });
}

function projectAccount(result: Result, scope: ProjectScope, bond: BondReport): ReportSection {
  if (!scope.account) return { key: `${bond.id}.account`, title: tx(`${bond.id} 项目专户`, `${bond.id} project account`), head: [], rows: [] };
  const years = resultYears(result);
  const flows = accountByYear(result, scope.account, years);
  let balance = flows.opening;
  const open: Cell[] = [], close: Cell[] = [];
  years.forEach((_, i) => {
    const col = i;
    open.push(money(yuan(balance), i === 0 ? undefined : { op: 'sum', terms: [{ row: 'acct.close', col: col - 1, sign: 1 }] }));
    balance += flows.inflow[i] - flows.outflow[i];
    close.push(money(yuan(balance), { op: 'sum', terms: [{ row: 'acct.open', col, sign: 1 }, { row: 'acct.in', col, sign: 1 }, { row: 'acct.out', col, sign: -1 }] }));
  });
  return {
    key: `${bond.id}.account`,
    title: tx(`${bond.id} 项目专户结转`, `${bond.id} project account`),
    head: years.map((y) => tx(`${y}年`, String(y))),
    note: tx('项目专户（债券资金专户）逐年收支与年末余额，取自账簿记录。', "The project (bond proceeds) account's receipts, payments and year-end balance, from the ledger."),
    rows: [
      { key: 'acct.open', label: tx('年初余额', 'Opening balance'), cells: open },
      { key: 'acct.in', label: tx('本年流入', 'Received'), cells: flows.inflow.map((f) => money(yuan(f))) },
      { key: 'acct.out', label: tx('本年流出', 'Paid out'), cells: flows.outflow.map((f) => money(yuan(f))) },
      { key: 'acct.close', label: tx('年末余额（结转下年）', 'Year-end balance carried forward'), cells: close },
    ],
  };
}

function sensitivityBlock(bond: BondReport, runs: readonly SensitivityRun[]): ReportSection {
  const row = (key: string, label: { zh: string; en: string }, b: BondReport | undefined): ReportRow => ({
    key, label,
    cells: b ? [money(b.available), money(b.debtService), b.coverageRatio === null ? ratio(null) : ratio(b.coverageRatio, { op: 'ratio', num: { row: key, col: 0 }, den: { row: key, col: 1 }, digits: 4 })] : [blank, blank, ratio(null)],
  });
  return {
    key: `${bond.id}.sensitivity`,
    title: tx(`${bond.id} 敏感性分析`, `${bond.id} sensitivity`),
    head: [tx('可用于偿债的收益', 'Income available'), tx('还本付息', 'Debt service'), tx('本息覆盖倍数', 'Coverage')],
    note: tx('每种情形由引擎按压力预设重新测算（engine/multi-run/stress.ts）。', 'Each case is a new run of the engine under a stress preset (engine/multi-run/stress.ts).'),
    rows: runs.length === 0 ? [] : [row('base', tx('基准情景', 'Base case'), bond), ...runs.map((r) => row(r.id, r.name, r.result?.bonds.find((b) => b.id === bond.id)))],
  };
}
