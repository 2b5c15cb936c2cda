/**
 * 债券资金使用情况 — after the fact, for each bond: what its proceeds paid from the project account
 * by category and month, what remained in the account at each month's end (up to a date), and the
 * interest paid, by the account it was paid from (the project account's bond money, the reserve
 * fund, the budget's support). All from the ledger's postings.
 */
import type { BondReport } from '../funding-report';
import type { PostingRow, Result } from '../report';
import { postingsOf } from './ledger-flows';
import { projectScopes } from './project-scope';
import { blank, columnSum, fen, money, totalThenValues, tx, yuan, type Cell, type Report, type ReportRow, type ReportSection } from './report-table';
import type { Text } from '../model';

/**
 * Every way money leaves a project account, each under its own line, so the month-end balance is
 * what the account holds and no outflow is filed under a heading it is not (an unknown rule goes to
 * `use.misc`, named by its rule in the note, never under the fees).
 */
const CATEGORIES: { key: string; label: Text; test: (rule: string) => boolean; always?: true }[] = [
  { key: 'use.acq', label: { zh: '征收补偿（土地价款）', en: 'Acquisition' }, test: (r) => r.startsWith('acquisition.') && r !== 'acquisition.serviceFee', always: true },
  { key: 'use.dev', label: { zh: '前期开发（含代建管理费）', en: 'Pre-development' }, test: (r) => r.startsWith('development.'), always: true },
  { key: 'use.hold', label: { zh: '管护费用', en: 'Holding' }, test: (r) => r === 'holding.cost', always: true },
  { key: 'use.other', label: { zh: '其他（征储服务费、出让业务费）', en: 'Other fees' }, test: (r) => r === 'acquisition.serviceFee' || r === 'sale.businessFee', always: true },
  { key: 'use.fees', label: { zh: '债券发行登记兑付费', en: 'Bond fees' }, test: (r) => r.startsWith('bond.') && r.endsWith('Fee'), always: true },
  { key: 'use.interest', label: { zh: '支付利息', en: 'Interest' }, test: (r) => r === 'bond.interest', always: true },
  { key: 'use.principal', label: { zh: '偿还本金（到期及提前偿还）', en: 'Principal repaid (at maturity and early)' }, test: (r) => r === 'bond.principal' || r === 'bond.earlyRedemption' },
  { key: 'use.repaid', label: { zh: '归还垫付的还本付息及预拨资金', en: 'Debt service and advances paid back' }, test: (r) => r === 'bond.fundRepaid' || r === 'bond.fiscalSupportReturn' || r === 'funding.bridgeReturn' || r === 'funding.preAllocationReturn' },
  { key: 'use.share', label: { zh: '留存增值收益分配（债券偿清后）', en: 'Value added held back, shared once the debt is repaid' }, test: (r) => r === 'split.share' },
  { key: 'use.returned', label: { zh: '专户结余退回土地储备资金', en: 'Balance returned to the reserve fund' }, test: (r) => r === 'bond.accountReturned' },
];
const MISC = { key: 'use.misc', label: { zh: '其他支出', en: 'Other outflows' } };

export function bondUse(result: Result, until?: string): Report {
  const sections: ReportSection[] = [];
  for (const scope of projectScopes(result)) {
    for (const bond of scope.bonds) {
      if (scope.account) sections.push(proceeds(result, bond, scope.account, until));
      sections.push(interest(result, bond, until));
    }
  }
  return {
    kind: 'bond-use',
    title: tx('专项债券资金使用情况', 'Use of special bond proceeds'),
    subtitle: result.scenario.name,
    unit: 'yuan',
    sections,
    notes: sections.length === 0 ? [tx('本情景没有专项债券，无资金使用情况。', 'This scenario has no special bond, so there is no use of proceeds.')] : [],
  };
}

const within = (until: string | undefined) => (p: PostingRow) => until === undefined || p.period <= until;

function proceeds(result: Result, bond: BondReport, account: string, until: string | undefined): ReportSection {
  const ps = postingsOf(result).filter((p) => (p.from === account || p.to === account) && p.from !== p.to && within(until)(p));
  const months = [...new Set(ps.map((p) => p.period))].sort();
  const col = new Map(months.map((m, i) => [m, i]));
  const inflow = months.map(() => 0);
  const out = CATEGORIES.map(() => months.map(() => 0));
  const misc = months.map(() => 0);
  const miscRules = new Set<string>();
  for (const p of ps) {
    const i = col.get(p.period)!;
    if (p.to === account) inflow[i] += fen(p.amount);
    else {
      const c = CATEGORIES.findIndex((k) => k.test(p.rule));
      if (c >= 0) out[c][i] += fen(p.amount);
      else {
        misc[i] += fen(p.amount);
        miscRules.add(p.rule);
      }
    }
  }
  // The project's own lines always; the others only with something in them (most projects never return a balance or share value added from the account).
  const lines = CATEGORIES.map((k, c) => ({ ...k, values: out[c] })).filter((l) => l.always || l.values.some((v) => v !== 0));
  if (miscRules.size > 0) lines.push({ ...MISC, test: () => false, values: misc });
  const paid = months.map((_, i) => lines.reduce((s, l) => s + l.values[i], 0));
  let balance = 0;
  const close: Cell[] = [blank, ...months.map((_, i) => {
    balance += inflow[i] - paid[i];
    const c = i + 1;
    return money(yuan(balance), { op: 'sum', terms: [...(c > 1 ? [{ row: 'balance', col: c - 1, sign: 1 as const }] : []), { row: 'in', col: c, sign: 1 }, { row: 'paid', col: c, sign: -1 }] });
  })];
  const totalPaid = yuan(paid.reduce((a, b) => a + b, 0));
  const rows: ReportRow[] = [
    totalThenValues('in', { zh: '收到资金（债券募集资金等）', en: 'Received (bond proceeds…)' }, inflow.map(yuan)),
    ...lines.map((l) => totalThenValues(l.key, l.label, l.values.map(yuan), undefined, 1)),
    columnSum('paid', { zh: '支出合计', en: 'Paid out' }, lines.map((l) => ({ row: l.key, sign: 1 })), [totalPaid, ...paid.map(yuan)]),
    { key: 'balance', label: { zh: '月末专户余额', en: 'Account balance at month end' }, cells: close },
  ];
  return {
    key: `${bond.id}.use`,
    title: tx(`${bond.id} 资金使用（按月）`, `${bond.id} use by month`),
    head: [tx('合计', 'Total'), ...months.map((m) => tx(m, m))],
    note: tx(
      `${bond.name.zh}：项目专户 ${account} 的收支${until ? `，截至 ${until}` : ''}；最后一列的月末余额即该日专户结存。${miscRules.size > 0 ? `其他支出的记账规则：${[...miscRules].join('、')}。` : ''}`,
      `${bond.name.en}: the project account ${account}${until ? `, up to ${until}` : ''}; the last month-end balance is what remains at that date.${miscRules.size > 0 ? ` Other outflows are postings of ${[...miscRules].join(', ')}.` : ''}`,
    ),
    rows,
  };
}

function interest(result: Result, bond: BondReport, until: string | undefined): ReportSection {
  const holders = `bondholders:${bond.id}`;
  const ps = postingsOf(result).filter((p) => p.to === holders && p.rule === 'bond.interest' && within(until)(p));
  const months = [...new Set(ps.map((p) => p.period))].sort();
  const kind = new Map(result.accounts.map((a) => [a.id, a]));
  const sources = [...new Set(ps.map((p) => p.from))];
  const rows: ReportRow[] = sources.map((s) => totalThenValues(`src:${s}`, { zh: `由${kind.get(s)?.name.zh ?? s}支付`, en: `paid from ${kind.get(s)?.name.en ?? s}` }, months.map((m) => yuan(ps.filter((p) => p.from === s && p.period === m).reduce((a, p) => a + fen(p.amount), 0))), undefined, 1));
  const support = postingsOf(result).filter((p) => p.rule === 'bond.fiscalSupport' && within(until)(p) && months.includes(p.period));
  const total = yuan(ps.reduce((a, p) => a + fen(p.amount), 0));
  return {
    key: `${bond.id}.interest`,
    title: tx(`${bond.id} 利息支付及来源`, `${bond.id} interest and its source`),
    head: [tx('合计', 'Total'), ...months.map((m) => tx(m, m))],
    note: tx('财政预算补助为同月财政拨入土地储备资金用于偿债的金额（bond.fiscalSupport）。', 'Budget support is the money the budget put into the reserve fund for debt service in the same month (bond.fiscalSupport).'),
    rows: [
      ...rows,
      columnSum('total', { zh: '支付利息合计', en: 'Interest paid' }, sources.map((s) => ({ row: `src:${s}`, sign: 1 })), [total, ...months.map((m) => yuan(ps.filter((p) => p.period === m).reduce((a, p) => a + fen(p.amount), 0)))]),
      totalThenValues('support', { zh: '同月财政预算补助偿债', en: 'Budget support for debt service that month' }, months.map((m) => yuan(support.filter((p) => p.period === m).reduce((a, p) => a + fen(p.amount), 0)))),
    ],
  };
}
