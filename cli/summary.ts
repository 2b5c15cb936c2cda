/**
 * The readable summary the CLI prints by default: 万元, Chinese labels first (English with
 * --lang en), totals, each tier's share, and every check that failed plus the invariants.
 */
import { figure, money, type PartialResult } from '../engine/index';
import { terminalSafe } from '../engine/presentation/terminal-text';
import { displayWidth, padEnd as pad } from '../engine/presentation/display-width';

/** The views the summary reads: report(out, {views: SUMMARY_VIEWS}) makes no period or parcel rows. */
export const SUMMARY_VIEWS = ['totals', 'bonds', 'zones', 'pool', 'checks'] as const;
export type SummaryResult = PartialResult<(typeof SUMMARY_VIEWS)[number]>;

const { fenToWan, groupThousands, parseMoney } = money;

/** The totals the summary lists, in order; their names come from the figure catalogue. */
const TOTAL_ROWS = [
  'acquisitionCost', 'acquisitionPlanned', 'serviceFee', 'developmentCost', 'managementFee', 'holdingCost', 'leaseIncome',
  'saleRevenue', 'provisions', 'costRecovered', 'unrecoveredCost', 'valueAdded', 'appropriations', 'fiscalTopUp',
] as const;
/** The funding totals, listed when the scenario raises money beyond the budget. */
const FUNDING_ROWS = [
  'poolCapital', 'bondProceeds', 'interest', 'bondFees', 'fiscalDebtSupport', 'preAllocations', 'bridges',
  'advancesReturned', 'advancesOutstanding', 'peakFundingNeed',
] as const;

/** A summary line: the catalogue's names for the figure, or the names given where the line is not a catalogue total. */
function row(key: string, value: string, names?: { zh: string; en: string }): [string, string, string] {
  const n = names ?? figure(key);
  if (!n) throw new Error(`summary row ${key} is not in the figure catalogue`);
  return [n.zh, n.en, value];
}

function wan(yuan: string): string {
  return groupThousands(fenToWan(parseMoney(yuan)!));
}

export function formatSummary(r: SummaryResult, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const L = (z: string, e: string) => (zh ? z : e);
  const t = r.totals;
  const lines: string[] = [];
  lines.push(`${zh ? r.scenario.name.zh : r.scenario.name.en}  (${r.scenario.id})`);
  lines.push(L(`测算期 ${r.timeline.start} 起 ${r.timeline.months} 个月 · 辖区 ${r.scenario.jurisdiction} · 参数日期 ${r.scenario.asOf}`, `Timeline ${r.timeline.start}, ${r.timeline.months} months · jurisdiction ${r.scenario.jurisdiction} · parameters as of ${r.scenario.asOf}`));
  lines.push('');
  lines.push(L('金额单位：万元', 'Amounts in 万元 (10,000 yuan)'));
  const rows = TOTAL_ROWS.map((key) => row(key, t[key]));
  const width = Math.max(...rows.map(([z, e]) => displayWidth(zh ? z : e))) + 2;
  for (const [z, e, v] of rows) lines.push(`  ${pad(zh ? z : e, width)}${wan(v).padStart(16)}`);
  if (t.budgetExecutionRatePercent !== null) lines.push(`  ${pad(L('预算执行率', 'Budget execution'), width)}${(t.budgetExecutionRatePercent + '%').padStart(16)}`);
  lines.push('');
  lines.push(L('增值收益分成：', 'Value-added shares:'));
  for (const tier of r.tiers) lines.push(`  ${pad(zh ? tier.name.zh : tier.name.en, width)}${wan(t.shares[tier.id]).padStart(16)}`);
  const govs = Object.entries(t.sharesByGovernment);
  if (govs.length > r.tiers.length) {
    for (const [id, v] of govs) lines.push(`    ${pad(id.replace(/^share:/, ''), width - 2)}${wan(v).padStart(16)}`);
  }
  if (r.bonds.length || r.zones.length || parseMoney(r.pool.opening)! > 0 || parseMoney(t.preAllocations)! > 0 || parseMoney(t.bridges)! > 0) {
    lines.push('');
    lines.push(L('资金筹措：', 'Funding:'));
    const f = [
      ...FUNDING_ROWS.map((key) => row(key, t[key])),
      row('poolBalance', r.pool.minBalance, { zh: '资金池最低余额', en: 'Lowest pool balance' }),
      row('npv', t.npv, { zh: `净现值（折现率 ${t.discountRate}）`, en: `NPV at ${t.discountRate}` }),
    ];
    for (const [z, e, v] of f) lines.push(`  ${pad(zh ? z : e, width)}${wan(v).padStart(16)}`);
    for (const b of r.bonds) {
      lines.push(`  ${zh ? b.name.zh : b.name.en}: ${wan(b.principal)} ${L('万元', '万元')} ${b.couponRate} ${b.issue}→${b.maturity} · ${L('本息覆盖倍数', 'coverage')} ${b.coverageRatio ?? '-'}`);
    }
    for (const z of r.zones) {
      lines.push(`  ${zh ? z.name.zh : z.name.en}（${z.mode === 'closed' ? L('封闭运行', 'closed') : L('统筹', 'pooled')}）: ${L('收支差额', 'balance')} ${wan(z.balance)} · ${L('峰值需求', 'peak need')} ${wan(z.peakFundingNeed)}${z.developer ? ` · ${L('做地主体盈亏', 'developer')} ${wan(z.developer.result)}` : ''}`);
    }
    const irr = t.irrAnnual === null ? L('无（现金流未变号）', 'none (the flow never changes sign)') : `${new money.Decimal(t.irrRoots[0]).times(100).toFixed(2)}%${t.irrNote === 'multiple' ? L(`（多个解：${t.irrRoots.join('、')}）`, ` (several roots: ${t.irrRoots.join(', ')})`) : ''}`;
    lines.push(`  ${pad(L('内部收益率', 'IRR'), width)}${irr.padStart(16)}`);
    lines.push(`  ${pad(L('回收期（累计转正）', 'Payback (cumulative ≥ 0 from)'), width)}${(t.paybackPeriod ?? L('未回收', 'not within the timeline')).padStart(16)}`);
    if (r.pool.delays.length) lines.push(L(`  因资金不足延后支付 ${r.pool.delays.length} 笔`, `  ${r.pool.delays.length} payment(s) waited for money`));
  }
  lines.push('');
  lines.push(L('检查：', 'Checks:'));
  for (const c of r.checks) {
    if (c.severity === 'info') continue;
    lines.push(`  ${c.ok ? '✓' : '✗'} ${c.id}: ${zh ? c.messageZh : c.message}`);
  }
  const info = r.checks.filter((c) => c.severity === 'info').length;
  if (info) lines.push(L(`  （另有 ${info} 条提示：未经核实的默认参数等，见 --json 的 checks）`, `  (${info} notes — unverified default parameters etc. — in the checks of --json)`));
  return terminalSafe(lines.join('\n'));
}
