/**
 * `lrsim stress <scenario.json>` — the base case and every stress preset side by side (coverage,
 * shortfall, peak funding need); `lrsim zones <scenario.json>` — closed operation against one pool,
 * zone by zone. Both in 万元 with Chinese labels (--lang en), or --json / --csv.
 */
import { csvText } from '../../engine/presentation/csv';
import { compareZoneModes, formatProblems, money, stressTable } from '../../engine/index';
import { loadScenario } from '../load-workbook';
import type { CliIO, Command } from '../io';
import { commandArguments, languageOf } from '../arguments';
import { padEnd as pad } from '../../engine/presentation/display-width';
import { STRESS_USAGE, ZONES_USAGE } from '../usage';

const { fenToWan, groupThousands, parseMoney } = money;
const wan = (y: string) => (y === '-' ? '-' : groupThousands(fenToWan(parseMoney(y)!)));

/** The options both commands share and the scenario they read; an exit code after a mistake (printed). */
async function optionsAndScenario(args: string[], io: CliIO, usage: string) {
  const o = commandArguments(args, io, { json: { type: 'boolean' }, csv: { type: 'boolean' }, lang: { type: 'string', default: 'zh' } }, { usage });
  if (typeof o === 'number') return o;
  if (!languageOf(o.values.lang)) {
    io.err(`--lang must be zh or en, got "${o.values.lang}"\nusage: ${usage}`);
    return 2;
  }
  const file = o.positionals[0];
  const c = await loadScenario(file);
  if (!c.ok) {
    io.err(`${file}: ${c.problems.length} problem(s) / ${c.problems.length} 个问题\n${formatProblems(c.problems)}`);
    return 1;
  }
  return { values: o.values, scenario: c.scenario };
}

export const stressCommand: Command = async (args, io) => {
  const o = await optionsAndScenario(args, io, STRESS_USAGE);
  if (typeof o === 'number') return o;
  const { scenario } = o;
  const rows = stressTable(scenario);
  const bad = rows.filter((r) => r.problems.length > 0);
  for (const r of bad) io.err(`${r.id}: ${formatProblems(r.problems)}`);
  if (rows[0].problems.length > 0) return 1;
  const zh = o.values.lang === 'zh';
  if (o.values.json) io.out(JSON.stringify(rows, null, 2));
  else if (o.values.csv) {
    io.out(csvText([zh ? ['情景', '最低本息覆盖倍数', '财政兜底（元）', '峰值资金需求（元）', '增值收益（元）', '未弥补成本（元）'] : ['case', 'min coverage', 'shortfall (yuan)', 'peak funding need (yuan)', 'value added (yuan)', 'unrecovered cost (yuan)'],
      ...rows.map((r) => [zh ? r.name.zh : r.name.en, r.minCoverage, r.shortfall, r.peakFundingNeed, r.valueAdded, r.unrecoveredCost])], { bom: true, newline: '\r\n' }));
  } else {
    io.out(zh ? '压力测试（金额：万元）' : 'Stress test (万元)');
    io.out(`${pad(zh ? '情景' : 'case', 22)}${(zh ? '覆盖倍数' : 'coverage').padStart(10)}${(zh ? '财政兜底' : 'shortfall').padStart(14)}${(zh ? '峰值资金需求' : 'peak need').padStart(14)}${(zh ? '增值收益' : 'value added').padStart(14)}`);
    const arrow = (m: string | undefined) => (m === 'up' ? '↑' : m === 'down' ? '↓' : m === 'same' ? '=' : ' ');
    for (const r of rows) io.out(`${pad(zh ? r.name.zh : r.name.en, 22)}${((r.minCoverage ?? '-') + arrow(r.moves.minCoverage)).padStart(10)}${(wan(r.shortfall) + arrow(r.moves.shortfall)).padStart(14)}${(wan(r.peakFundingNeed) + arrow(r.moves.peakFundingNeed)).padStart(14)}${(wan(r.valueAdded) + arrow(r.moves.valueAdded)).padStart(14)}`);
    io.out('');
    for (const r of rows) if (r.why) io.out(`${zh ? r.name.zh : r.name.en}: ${zh ? r.why.zh : r.why.en}`);
  }
  return bad.length > 0 ? 1 : 0;
};

export const zonesCommand: Command = async (args, io) => {
  const o = await optionsAndScenario(args, io, ZONES_USAGE);
  if (typeof o === 'number') return o;
  const { scenario } = o;
  const c = compareZoneModes(scenario);
  if (!c.ok) {
    io.err(formatProblems(c.problems));
    return 1;
  }
  const zh = o.values.lang === 'zh';
  const rows = c.closed.zones.map((z, i) => {
    const p = c.pooled.zones[i];
    return { zone: z.id, name: z.name, balance: z.balance, peakFundingNeed: z.peakFundingNeed, closedSupport: z.fiscalSupport, pooledSupport: p.fiscalSupport, developerResult: z.developer?.result ?? null };
  });
  const totals = { closed: c.closed.totals, pooled: c.pooled.totals };
  if (o.values.json) io.out(JSON.stringify({ zones: rows, advancesOutstanding: { closed: totals.closed.advancesOutstanding, pooled: totals.pooled.advancesOutstanding }, fiscalTopUp: { closed: totals.closed.fiscalTopUp, pooled: totals.pooled.fiscalTopUp } }, null, 2));
  else if (o.values.csv) {
    io.out(csvText([zh ? ['片区', '收支差额（元）', '峰值资金需求（元）', '封闭运行财政支持（元）', '统筹运行财政支持（元）', '做地主体盈亏（元）'] : ['zone', 'balance (yuan)', 'peak need (yuan)', 'budget support closed (yuan)', 'budget support pooled (yuan)', 'developer result (yuan)'],
      ...rows.map((r) => [zh ? r.name.zh : r.name.en, r.balance, r.peakFundingNeed, r.closedSupport, r.pooledSupport, r.developerResult])], { bom: true, newline: '\r\n' }));
  } else {
    io.out(zh ? '片区平衡：封闭运行 vs 统筹运行（金额：万元）' : 'Zone balance: closed vs pooled (万元)');
    io.out(`${pad(zh ? '片区' : 'zone', 14)}${(zh ? '收支差额' : 'balance').padStart(12)}${(zh ? '峰值需求' : 'peak need').padStart(12)}${(zh ? '封闭-财政' : 'closed: budget').padStart(14)}${(zh ? '统筹-财政' : 'pooled: budget').padStart(14)}${(zh ? '做地盈亏' : 'developer').padStart(12)}`);
    for (const r of rows) io.out(`${pad(zh ? r.name.zh : r.name.en, 14)}${wan(r.balance).padStart(12)}${wan(r.peakFundingNeed).padStart(12)}${wan(r.closedSupport).padStart(14)}${wan(r.pooledSupport).padStart(14)}${(r.developerResult ? wan(r.developerResult) : '-').padStart(12)}`);
    io.out(zh
      ? `期末未返还的预拨资金：封闭运行 ${wan(totals.closed.advancesOutstanding)}，统筹运行 ${wan(totals.pooled.advancesOutstanding)}`
      : `Advances not returned at the end: closed ${wan(totals.closed.advancesOutstanding)}, pooled ${wan(totals.pooled.advancesOutstanding)}`);
  }
  return 0;
};
