/**
 * `stock [--plan plan.json] [--inventory inventory.json] [--json | --csv]`: stock-land revitalisation.
 *
 * Prints the inventory by county and category (default: Qinzhou at 2020-12-31, seed 004, 3 100.6712
 * ha = 46 510.068 亩), the checks of the plan's targets (4.65 万亩 = the whole stock; 70 % by end-2022
 * = 3.255 万亩), each county's annual task and quarterly cumulative targets (15/40/75/100 %), and —
 * given a plan file with disposals — which county meets which target and next year's quota (+10 % /
 * −20 %). A plan file overrides the seed plan field by field:
 *   { "year": 2022, "annualRates": {"approvedUnsupplied": "18%"}, "quarterlyCumulative": [...],
 *     "quota": {"reward": "10%", "penalty": "20%"}, "baseQuota": {"qinbei": "300亩"},
 *     "disposals": {"qinbei": {"approvedUnsupplied": ["10", "12.5", "8", "6"]}},   (ha per quarter)
 *     "assume": {"achievement": {"default": "100%", "lingshan": "80%"}} }
 * `--json` prints everything as JSON (areas as decimal strings), `--csv` one row per county and category.
 * `--idle cases.json` adds the idle-land cases' standing under 令第53号 (stock-idle.ts) on `--as-of`
 * (default: the file's asOf, else the inventory's date).
 */
import { csvText } from '../../engine/presentation/csv';
import type { Command } from '../io';
import { commandArguments } from '../arguments';
import type { Decimal } from '../../engine/money';
import { formatPercent } from '../../engine/evaluation';
import { problem, type Problem } from '../../engine/problem';
import {
  CATEGORY_LABELS,
  STOCK_CATEGORIES,
  categoryTotalHa,
  checkRevitalisationTarget,
  countyShares,
  countyTotalHa,
  fixed,
  grandTotalHa,
  haToMu,
  muToWanMu,
  parseDisposalPlan,
  parseRevitalisationTarget,
  parseStockInventory,
  idleLandStatus,
  parseIdleLandFile,
  simulateDisposalYear,
  type DisposalPlan,
  type IdleLandStatus,
  type DisposalYearResult,
  type PlanInput,
  type RevitalisationCheck,
  type StockInventory,
} from '../../engine/stock-land';
import { fail, readJsonFile } from './evaluate';
import { idleLandJson, renderIdleLand } from './stock-idle';
import { isIsoDate } from '../../engine/evaluation/fields';
import { displayWidth, padEnd, padStart } from '../../engine/presentation/display-width';
import qinzhou from '../../data/qinzhou-stock-2020.json';

const USAGE = `stock [--plan plan.json] [--inventory inventory.json] [--idle cases.json [--as-of YYYY-MM-DD]] [--json | --csv]
  --plan       disposals per county and quarter, and overrides of the seed plan
  --inventory  another inventory file (default: data/qinzhou-stock-2020.json)
  --idle       idle-land cases (令第53号): idle parcels, the idle fee due, the recovery dates
  --as-of      the date the idle land is assessed on (default: the file's asOf, else the inventory's)
  --json       print inventory, checks and outcome as JSON
  --csv        print one row per county and category`;

const DEFAULT_INVENTORY = 'data/qinzhou-stock-2020.json';

export const stock: Command = async (args, io) => {
  const parsed = commandArguments(args, io, { plan: { type: 'string' }, inventory: { type: 'string' }, idle: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } }, { usage: USAGE, positionals: 0 });
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  let invJson: unknown = qinzhou;
  const invFile = v.inventory ?? DEFAULT_INVENTORY;
  if (v.inventory !== undefined) {
    const loaded = await readJsonFile(v.inventory);
    if ('problems' in loaded) return fail(io, loaded.problems, v.inventory);
    invJson = loaded.json;
  }
  const { inventory, problems } = parseStockInventory(invJson);
  if (!inventory) return fail(io, problems, invFile);
  const planSection = (invJson as { plan?: unknown }).plan;
  const base = planSection === undefined ? null : parseDisposalPlan(planSection, inventory, null, 'plan');
  if (base && !base.input) return fail(io, base.problems, invFile);
  const targetProblems: Problem[] = [];
  const revSection = (planSection as { revitalisation?: unknown } | undefined)?.revitalisation;
  const target = revSection === undefined ? null : parseRevitalisationTarget(revSection, 'plan.revitalisation', targetProblems);
  if (targetProblems.length > 0) return fail(io, targetProblems, invFile);
  const check = target ? checkRevitalisationTarget(inventory, target) : null;

  let input: PlanInput | null = base?.input ?? null;
  let outcome: DisposalYearResult | null = null;
  if (v.plan !== undefined) {
    const loaded = await readJsonFile(v.plan);
    if ('problems' in loaded) return fail(io, loaded.problems, v.plan);
    const p = parseDisposalPlan(loaded.json, inventory, base?.input?.plan ?? null);
    if (!p.input) return fail(io, p.problems, v.plan);
    input = p.input;
    outcome = simulateDisposalYear(inventory, input.plan, input.disposals);
  } else if (!input) {
    return fail(io, [problem('schema.required', 'plan', undefined, { en: 'a plan: --plan plan.json or a "plan" section in the inventory file', zh: '处置计划：--plan plan.json 或清单文件中的 "plan" 部分' })], invFile);
  }
  const idle = v.idle === undefined ? null : await idleLand(v.idle, v['as-of'] ?? null, inventory.asOf);
  if (idle !== null && 'problems' in idle) return fail(io, idle.problems, idle.file);
  const plan = input.plan;
  const planned = outcome ?? simulateDisposalYear(inventory, plan, {});
  if (v.json) io.out(JSON.stringify({ ...(toJson(inventory, check, plan, outcome ? input : null, planned, outcome !== null) as object), ...(idle ? { idleLand: idleLandJson(idle) } : {}) }, null, 2));
  else if (v.csv) io.out(toCsv(planned, outcome !== null, input));
  else io.out(render(inventory, check, plan, planned, outcome !== null, input) + (idle ? '\n' + renderIdleLand(idle) : ''));
  return 0;
};

/** The idle-land file read and assessed on the date asked, the file's own, or the inventory's. */
async function idleLand(file: string, asOfOption: string | null, inventoryAsOf: string): Promise<IdleLandStatus | { problems: Problem[]; file: string }> {
  if (asOfOption !== null && !isIsoDate(asOfOption)) {
    return { file: '--as-of', problems: [problem('date.format', '', asOfOption, { en: 'a date YYYY-MM-DD, e.g. "2022-06-30"', zh: '日期，格式 YYYY-MM-DD，如 "2022-06-30"' })] };
  }
  const loaded = await readJsonFile(file);
  if ('problems' in loaded) return { problems: loaded.problems, file };
  const parsed = parseIdleLandFile(loaded.json);
  if (parsed.problems.length > 0) return { problems: parsed.problems, file };
  return idleLandStatus(parsed.cases, asOfOption ?? parsed.asOf ?? inventoryAsOf);
}

const HA = 4;
const f = (d: Decimal) => fixed(d, HA);

function render(inv: StockInventory, check: RevitalisationCheck | null, plan: DisposalPlan, r: DisposalYearResult, hasDisposals: boolean, input: PlanInput): string {
  const lines: string[] = [inv.title, `source: ${inv.source}`, '', '单位 unit: 公顷 ha'];
  const cols = [...STOCK_CATEGORIES.map((c) => CATEGORY_LABELS[c].zh), '合计 ha', '合计 亩', '占比 share'];
  lines.push(padEnd('县区', 20) + cols.map((c) => padStart(c, 13)).join(''));
  const shares = countyShares(inv);
  for (const [i, c] of inv.counties.entries()) {
    const cells = [...STOCK_CATEGORIES.map((k) => f(c.areaHa[k])), f(countyTotalHa(c)), fixed(haToMu(countyTotalHa(c)), 3), formatPercent(shares[i].share)];
    lines.push(padEnd(c.name, 20) + cells.map((x) => padStart(x, 13)).join(''));
  }
  const tot = [...STOCK_CATEGORIES.map((k) => f(categoryTotalHa(inv, k))), f(grandTotalHa(inv)), fixed(haToMu(grandTotalHa(inv)), 3)];
  lines.push(padEnd('合计', 20) + tot.map((x) => padStart(x, 13)).join(''));
  lines.push('✓ rows and columns agree with the totals the source states 行列合计与原表一致');
  if (check) {
    lines.push('', `盘活目标 target: stock ${check.stockMu.toString()} 亩 = ${check.stockWanMu.toString()} 万亩 → ${check.stockWanMuRounded} 万亩 ${check.targetIsWholeStock ? '= the target: the whole 2020 stock ✓' : '≠ the target'}`);
    for (const m of check.milestones) {
      lines.push(`  by ${m.date}: ${formatPercent(m.share, 0)} × target = ${muToWanMu(m.fromTargetMu).toString()} 万亩` +
        (m.statedMu ? ` (stated ${muToWanMu(m.statedMu).toString()} 万亩 ${m.statedMatchesTarget ? '✓' : '✗'})` : '') +
        `; of the unrounded stock ${fixed(muToWanMu(m.fromStockMu), 4)} 万亩`);
    }
  }
  const rates = STOCK_CATEGORIES.filter((c) => plan.annualRates[c] !== undefined).map((c) => `${CATEGORY_LABELS[c].zh} ${formatPercent(plan.annualRates[c]!, 0)}/年`);
  lines.push('', `处置计划 plan ${plan.year}: ${rates.join(', ')}; 季度累计 ${plan.quarterlyCumulative.map((q) => formatPercent(q, 0)).join('/')}; 增存挂钩 +${formatPercent(plan.quota.reward, 0)} / −${formatPercent(plan.quota.penalty, 0)}`);
  if (!hasDisposals) lines.push('no disposals given (--plan plan.json): targets only 仅列任务');
  const head = padEnd('县区', 20) + padStart('任务 ha', 12) + [1, 2, 3, 4].map((q) => padStart(hasDisposals ? `Q${q} 实际/目标` : `Q${q} 目标`, hasDisposals ? 24 : 12)).join('');
  lines.push(head + (hasDisposals ? '   ' + STOCK_CATEGORIES.filter((c) => plan.annualRates[c] !== undefined).map((c) => CATEGORY_LABELS[c].zh).join(' ') + '  增存挂钩  下年指标' : ''));
  for (const c of r.counties) {
    const qs = [0, 1, 2, 3].map((q) => {
      if (!hasDisposals) return padStart(f(c.targetCumulativeHa[q]), 12);
      return padStart(`${f(c.progressHa[q])}/${f(c.targetCumulativeHa[q])} ${c.quarterMet[q] ? '✓' : '✗'}`, 24);
    });
    let tail = '';
    if (hasDisposals) {
      const cats = c.categories.filter((k) => k.taskHa !== null).map((k) => padStart(k.annualMet ? '✓' : '✗', displayWidth(CATEGORY_LABELS[k.category].zh))).join(' ');
      const src = Object.values(input.disposalSource[c.countyId] ?? {}).includes('assumed') ? ' (assumed)' : '';
      tail = `   ${cats}  ${padEnd(c.linkageMet ? '达成 met' : '未完成 missed', 9)} ${c.quota.change}${c.quota.nextMu ? ` → ${c.quota.nextMu.toString()} 亩` : ''}${src}`;
    }
    lines.push(padEnd(c.name, 20) + padStart(f(c.taskHa), 12) + qs.join('') + tail);
  }
  if (hasDisposals) lines.push('', `disposed in ${r.year}: ${f(r.disposedHa)} ha = ${fixed(r.disposedMu, 3)} 亩`);
  return lines.join('\n');
}

function toJson(inv: StockInventory, check: RevitalisationCheck | null, plan: DisposalPlan, input: PlanInput | null, r: DisposalYearResult, hasDisposals: boolean): unknown {
  const s = (d: { toString(): string }) => d.toString();
  const q4 = (xs: readonly { toString(): string }[]) => xs.map(s);
  return {
    inventory: {
      id: inv.id,
      asOf: inv.asOf,
      source: inv.source,
      counties: inv.counties.map((c) => ({ id: c.id, name: c.name, areaHa: Object.fromEntries(STOCK_CATEGORIES.map((k) => [k, s(c.areaHa[k])])), totalHa: s(countyTotalHa(c)), totalMu: s(haToMu(countyTotalHa(c))) })),
      totalsHa: { ...Object.fromEntries(STOCK_CATEGORIES.map((k) => [k, s(categoryTotalHa(inv, k))])), all: s(grandTotalHa(inv)) },
      totalMu: s(haToMu(grandTotalHa(inv))),
    },
    revitalisation: check && {
      stockMu: s(check.stockMu),
      stockWanMu: s(check.stockWanMu),
      stockWanMuRounded: check.stockWanMuRounded,
      targetIsWholeStock: check.targetIsWholeStock,
      milestones: check.milestones.map((m) => ({ date: m.date, share: s(m.share), fromTargetMu: s(m.fromTargetMu), fromStockMu: s(m.fromStockMu), statedMu: m.statedMu && s(m.statedMu), statedMatchesTarget: m.statedMatchesTarget })),
    },
    plan: {
      year: plan.year,
      annualRates: Object.fromEntries(Object.entries(plan.annualRates).map(([k, d]) => [k, s(d!)])),
      quarterlyCumulative: q4(plan.quarterlyCumulative),
      quota: { reward: s(plan.quota.reward), penalty: s(plan.quota.penalty) },
    },
    outcome: {
      hasDisposals,
      disposedHa: s(r.disposedHa),
      disposedMu: s(r.disposedMu),
      counties: r.counties.map((c) => ({
        id: c.countyId,
        name: c.name,
        taskHa: s(c.taskHa),
        targetCumulativeHa: q4(c.targetCumulativeHa),
        progressHa: q4(c.progressHa),
        quarterMet: hasDisposals ? c.quarterMet : null,
        linkageMet: hasDisposals ? c.linkageMet : null,
        quota: hasDisposals ? { change: c.quota.change, factor: s(c.quota.factor), baseMu: c.quota.baseMu && s(c.quota.baseMu), nextMu: c.quota.nextMu && s(c.quota.nextMu) } : null,
        categories: c.categories.map((k) => ({
          category: k.category,
          source: input?.disposalSource[c.countyId]?.[k.category] ?? null,
          openingHa: s(k.openingHa),
          taskHa: k.taskHa && s(k.taskHa),
          disposedHa: q4(k.disposedHa),
          cumulativeHa: q4(k.cumulativeHa),
          targetCumulativeHa: k.targetCumulativeHa && q4(k.targetCumulativeHa),
          annualMet: hasDisposals ? k.annualMet : null,
          rateAchieved: k.rateAchieved && s(k.rateAchieved),
          closingHa: s(k.closingHa),
        })),
      })),
    },
  };
}

function toCsv(r: DisposalYearResult, hasDisposals: boolean, input: PlanInput): string {
  const head = ['year', 'countyId', 'county', 'category', 'categoryZh', 'source', 'openingHa', 'taskHa'];
  for (let q = 1; q <= 4; q++) head.push(`q${q}TargetHa`, `q${q}CumulativeHa`, `q${q}Met`);
  head.push('annualMet', 'closingHa', 'linkageMet', 'quotaChange', 'nextQuotaMu');
  const rows: string[][] = [head];
  const b = (x: boolean | null) => (x === null || !hasDisposals ? '' : String(x));
  for (const c of r.counties) {
    for (const k of c.categories) {
      const cells = [String(r.year), c.countyId, c.name, k.category, CATEGORY_LABELS[k.category].zh, input.disposalSource[c.countyId]?.[k.category] ?? '', k.openingHa.toString(), k.taskHa?.toString() ?? ''];
      for (let q = 0; q < 4; q++) cells.push(k.targetCumulativeHa?.[q].toString() ?? '', k.cumulativeHa[q].toString(), b(k.quarterMet?.[q] ?? null));
      cells.push(b(k.annualMet), k.closingHa.toString(), b(c.linkageMet), hasDisposals ? c.quota.change : '', hasDisposals ? c.quota.nextMu?.toString() ?? '' : '');
      rows.push(cells);
    }
  }
  return csvText(rows);
}


