/**
 * The stock-land page's view: the URL's controls turned into the engine's plan and disposals, the
 * engine's answer (inventory, the year by county and quarter, next year's quota, the seed's target
 * checks, a three-year outlook) and the tables behind every chart and export. Areas stay the
 * engine's exact decimal strings; nothing here does arithmetic on them.
 *
 *   ach=90              every county disposes 90 % of its task, quarter by quarter
 *   ach.qinbei=80       钦北区 at 80 % (the others at the global value)
 *   pace=late           disposals reach 10 / 30 / 60 / 100 % of the year's total by Q1…Q4
 *   quota.qinbei=300    钦北区's quota this year is 300 亩 → next year 330 亩 or 240 亩
 */
import qinzhou from '../../data/qinzhou-stock-2020.json';
import { dec, type Decimal } from '../../engine/money';
import { formatPercent } from '../../engine/evaluation';
import {
  CATEGORY_LABELS, STOCK_CATEGORIES, assumeDisposals, assumedDisposalPath, categoryTotalHa, checkRevitalisationTarget, countyTotalHa,
  grandTotalHa, haToMu, milestoneProgress, muToWanMu, parseAreaMu, parseDisposalPlan, parseRevitalisationTarget, parseStockInventory,
  progressShareOfTask, simulateDisposalYear,
  type CountyOutcome, type CountyStock, type DisposalPlan, type DisposalYearResult, type RevitalisationCheck, type RevitalisationTarget, type StockInventory,
} from '../../engine/stock-land';
import type { Check } from '../../engine/check';
import type { Problem } from '../../engine/problem';
import type { Column, Table } from '../../engine/presentation/tables';
import { percentToFactor } from './controls';
import { L, type Lang, type Text } from './format';
import type { Params } from './url-state';

export const PACES = {
  plan: { zh: '按计划节奏', en: 'on the plan’s pace', cumulative: null },
  even: { zh: '均衡推进（25/50/75/100%）', en: 'even (25/50/75/100%)', cumulative: ['0.25', '0.5', '0.75', '1'] },
  late: { zh: '前慢后快（10/30/60/100%）', en: 'back-loaded (10/30/60/100%)', cumulative: ['0.1', '0.3', '0.6', '1'] },
} as const;
export type Pace = keyof typeof PACES;

export const OUTLOOK_YEARS = [2021, 2022, 2023] as const;

export interface StockView {
  inventory: StockInventory;
  plan: DisposalPlan;
  year: DisposalYearResult;
  /** Each county's achievement as a percent text ("90"), as applied. */
  achievement: Record<string, string>;
  globalAchievement: string;
  pace: Pace;
  target: RevitalisationTarget | null;
  check: RevitalisationCheck | null;
  outlook: DisposalYearResult[];
  milestones: { date: string; requiredMu: Decimal; disposedMu: Decimal; met: boolean }[];
  /** URL values that could not be used, with the reason. */
  ignored: { key: string; reason: Text }[];
}

type Loaded = { inventory: StockInventory; plan: DisposalPlan; target: RevitalisationTarget | null } | { problems: Problem[] };

let cache: Loaded | null = null;
/** The bundled Qinzhou inventory and its plan, read once by the engine. */
export function loadQinzhou(): Loaded {
  if (cache) return cache;
  const { inventory, problems } = parseStockInventory(qinzhou);
  if (!inventory) return (cache = { problems });
  const base = parseDisposalPlan(qinzhou.plan, inventory, null, 'plan');
  if (!base.input) return (cache = { problems: base.problems });
  const tp: Problem[] = [];
  const target = parseRevitalisationTarget(qinzhou.plan.revitalisation, 'plan.revitalisation', tp);
  if (tp.length) return (cache = { problems: tp });
  return (cache = { inventory, plan: base.input.plan, target });
}

/** The view for the URL's controls, or the engine's problems with the bundled file. */
export function stockView(params: Params): StockView | { problems: Problem[] } {
  const loaded = loadQinzhou();
  if ('problems' in loaded) return loaded;
  const { inventory, target } = loaded;
  const ignored: StockView['ignored'] = [];
  const factor = (key: string, fallback: string): { pct: string; f: Decimal } => {
    const v = params[key];
    const f = v === undefined ? null : percentToFactor(v);
    if (v !== undefined && f === null) ignored.push({ key, reason: { zh: `${key}=${v} 不是整数百分比，按 ${fallback}% 计`, en: `${key}=${v} is not a whole percent; ${fallback}% is used` } });
    return f === null ? { pct: fallback, f: dec(percentToFactor(fallback)!) } : { pct: String(Number(v)), f: dec(f) };
  };
  const global = factor('ach', '100');
  const achievement: Record<string, string> = {};
  const byCounty: Record<string, Decimal> = {};
  for (const c of inventory.counties) {
    const a = params[`ach.${c.id}`] === undefined ? global : factor(`ach.${c.id}`, global.pct);
    achievement[c.id] = a.pct;
    byCounty[c.id] = a.f;
  }
  const baseQuotaMu: Record<string, Decimal> = { ...loaded.plan.baseQuotaMu };
  for (const c of inventory.counties) {
    const v = params[`quota.${c.id}`];
    if (v === undefined) continue;
    const mu = /^\d{1,7}(\.\d{1,4})?$/.test(v) ? parseAreaMu(`${v}亩`) : null;
    if (mu === null) ignored.push({ key: `quota.${c.id}`, reason: { zh: `${c.name}的指标基数“${v}”不是亩数`, en: `${c.name}: quota base “${v}” is not an area in 亩` } });
    else baseQuotaMu[c.id] = mu;
  }
  const plan: DisposalPlan = { ...loaded.plan, baseQuotaMu };
  const pace: Pace = params.pace && params.pace in PACES ? (params.pace as Pace) : 'plan';
  const profile = PACES[pace].cumulative;
  const pacedPlan: DisposalPlan = profile ? { ...plan, quarterlyCumulative: [dec(profile[0]), dec(profile[1]), dec(profile[2]), dec(profile[3])] } : plan;
  const year = simulateDisposalYear(inventory, plan, assumeDisposals(inventory, pacedPlan, byCounty, global.f));
  const check = target ? checkRevitalisationTarget(inventory, target) : null;
  const outlook = assumedDisposalPath(inventory, plan, OUTLOOK_YEARS, byCounty, global.f);
  const milestones = target ? milestoneProgress(target, outlook) : [];
  return { inventory, plan, year, achievement, globalAchievement: global.pct, pace, target, check, outlook, milestones, ignored };
}

// ---- Tables (the data behind every chart and export) ----

const s = (d: Decimal | null | undefined) => (d === null || d === undefined ? '' : d.toString());
const num = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'number', get });
const txt = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'text', get });
const yes = (b: boolean | null, lang: Lang) => (b === null ? '—' : b ? L(lang, '达成', 'met') : L(lang, '未达成', 'missed'));

type InvRow = { id: string; name: string; areaHa: Record<string, Decimal>; totalHa: Decimal };

/** 存量土地统计表: hectares by county and category, the total row, and 亩. */
export function inventoryTable(inv: StockInventory, lang: Lang): Table {
  const rows: InvRow[] = inv.counties.map((c: CountyStock) => ({ id: c.id, name: c.name, areaHa: { ...c.areaHa }, totalHa: countyTotalHa(c) }));
  rows.push({ id: 'all', name: L(lang, '合计', 'Total'), areaHa: Object.fromEntries(STOCK_CATEGORIES.map((k) => [k, categoryTotalHa(inv, k)])), totalHa: grandTotalHa(inv) });
  return {
    name: 'stock-inventory', zh: '存量土地统计表（公顷）', en: 'Stock land by county and category (ha)', rows,
    columns: [
      txt('county', '县区', 'County', (r: InvRow) => r.name),
      ...STOCK_CATEGORIES.map((k) => num(k, `${CATEGORY_LABELS[k].zh}（公顷）`, `${CATEGORY_LABELS[k].en} (ha)`, (r: InvRow) => s(r.areaHa[k]))),
      num('totalHa', '合计（公顷）', 'Total (ha)', (r: InvRow) => s(r.totalHa)),
      num('totalMu', '合计（亩）', 'Total (mu)', (r: InvRow) => s(haToMu(r.totalHa))),
    ],
  };
}

export interface ProgressRow { countyId: string; county: string; quarter: number; targetShare: Decimal; targetHa: Decimal; progressHa: Decimal; share: Decimal | null; met: boolean }

/** Each county's cumulative progress by quarter against its cumulative target (long form, one row per county and quarter). */
export function progressRows(r: DisposalYearResult, plan: DisposalPlan): ProgressRow[] {
  return r.counties.flatMap((c: CountyOutcome) => {
    const shares = progressShareOfTask(c);
    return [0, 1, 2, 3].map((q) => ({
      countyId: c.countyId, county: c.name, quarter: q + 1, targetShare: plan.quarterlyCumulative[q],
      targetHa: c.targetCumulativeHa[q], progressHa: c.progressHa[q], share: shares[q], met: c.quarterMet[q],
    }));
  });
}

export function progressTable(rows: ProgressRow[], lang: Lang): Table {
  return {
    name: 'stock-progress', zh: '季度累计进度与目标', en: 'Cumulative progress against quarterly targets', rows,
    columns: [
      txt('county', '县区', 'County', (p: ProgressRow) => p.county),
      txt('quarter', '季度', 'Quarter', (p: ProgressRow) => `Q${p.quarter}`),
      txt('targetShare', '累计目标（占年度任务）', 'Cumulative target (of the task)', (p: ProgressRow) => formatPercent(p.targetShare, 0)),
      num('targetHa', '累计目标（公顷）', 'Cumulative target (ha)', (p: ProgressRow) => s(p.targetHa)),
      num('progressHa', '累计处置（公顷）', 'Cumulative disposed (ha)', (p: ProgressRow) => s(p.progressHa)),
      txt('share', '累计进度（占年度任务）', 'Progress (of the task)', (p: ProgressRow) => (p.share ? formatPercent(p.share, 2) : '—')),
      txt('met', '是否达成', 'Met', (p: ProgressRow) => yes(p.met, lang)),
    ],
  };
}

/** Each county's year: tasks by category, the 增存挂钩 verdict and next year's quota. */
export function countyTable(v: StockView, lang: Lang): Table {
  const cat = (c: CountyOutcome, k: string) => c.categories.find((x) => x.category === k)!;
  const rated = STOCK_CATEGORIES.filter((k) => v.plan.annualRates[k] !== undefined);
  return {
    name: 'stock-counties', zh: '县区任务完成与下年指标', en: 'County tasks and next year’s quota', rows: v.year.counties,
    columns: [
      txt('county', '县区', 'County', (c: CountyOutcome) => c.name),
      txt('achievement', '完成度假设', 'Assumed achievement', (c: CountyOutcome) => `${v.achievement[c.countyId]}%`),
      num('taskHa', '年度任务（公顷）', 'Annual task (ha)', (c: CountyOutcome) => s(c.taskHa)),
      ...rated.flatMap((k) => [
        num(`${k}.taskHa`, `${CATEGORY_LABELS[k].zh}任务（${formatPercent(v.plan.annualRates[k]!, 0)}，公顷）`, `${CATEGORY_LABELS[k].en} task (${formatPercent(v.plan.annualRates[k]!, 0)}, ha)`, (c: CountyOutcome) => s(cat(c, k).taskHa)),
        num(`${k}.disposedHa`, `${CATEGORY_LABELS[k].zh}处置（公顷）`, `${CATEGORY_LABELS[k].en} disposed (ha)`, (c: CountyOutcome) => s(cat(c, k).cumulativeHa[3])),
        txt(`${k}.met`, `${CATEGORY_LABELS[k].zh}`, `${CATEGORY_LABELS[k].en}`, (c: CountyOutcome) => yes(cat(c, k).annualMet, lang)),
      ]),
      txt('quartersMet', '达成的季度', 'Quarters met', (c: CountyOutcome) => c.quarterMet.map((m, q) => (m ? `Q${q + 1}` : '')).filter(Boolean).join(' ') || '—'),
      txt('linkageMet', '增存挂钩任务', '增存挂钩 task', (c: CountyOutcome) => yes(c.linkageMet, lang)),
      txt('quotaChange', '下年新增建设用地指标', 'Next year’s quota', (c: CountyOutcome) => c.quota.change),
      num('baseQuotaMu', '本年指标（亩）', 'This year’s quota (mu)', (c: CountyOutcome) => s(c.quota.baseMu)),
      num('nextQuotaMu', '下年指标（亩）', 'Next year’s quota (mu)', (c: CountyOutcome) => s(c.quota.nextMu)),
    ],
  };
}

type OutlookRow = { year: number; disposedHa: Decimal; disposedMu: Decimal; closingHa: Decimal };

/** The three-year outlook at the same achievement, year by year. */
export function outlookTable(v: StockView): Table {
  const rows: OutlookRow[] = v.outlook.map((r) => ({ year: r.year, disposedHa: r.disposedHa, disposedMu: r.disposedMu, closingHa: grandTotalHa(r.closing) }));
  return {
    name: 'stock-outlook', zh: '三年推演（同一完成度）', en: 'Three-year outlook (same achievement)', rows,
    columns: [
      txt('year', '年度', 'Year', (r: OutlookRow) => String(r.year)),
      num('disposedHa', '当年处置（公顷）', 'Disposed (ha)', (r: OutlookRow) => s(r.disposedHa)),
      num('disposedMu', '当年处置（亩）', 'Disposed (mu)', (r: OutlookRow) => s(r.disposedMu)),
      num('closingHa', '年末存量（公顷）', 'Stock at year end (ha)', (r: OutlookRow) => s(r.closingHa)),
    ],
  };
}

/** The seed's target checks as the notebook's checks: 4.65 万亩 is the whole stock; 70 % by 2022 = 3.255 万亩; and where the outlook gets. */
export function seedChecks(v: StockView): Check[] {
  const out: Check[] = [];
  const c = v.check;
  const t = v.target;
  out.push({ id: 'stock.inventory', ok: true, severity: 'rule', message: `rows and columns agree with the source's totals: ${grandTotalHa(v.inventory).toString()} ha = ${haToMu(grandTotalHa(v.inventory)).toString()} mu`, messageZh: `行列合计与原表一致：${grandTotalHa(v.inventory).toString()} 公顷 = ${haToMu(grandTotalHa(v.inventory)).toString()} 亩`, ref: 'X-5' });
  if (c && t) {
    out.push({ id: 'stock.target', ok: c.targetIsWholeStock, severity: 'rule', message: `the 2023 target ${t.targetText} is the whole 2020 stock: ${c.stockMu.toString()} mu = ${c.stockWanMu.toString()} 万亩 → ${c.stockWanMuRounded} 万亩`, messageZh: `2023 年目标 ${t.targetText} 即 2020 年末全部存量：${c.stockMu.toString()} 亩 = ${c.stockWanMu.toString()} 万亩 → ${c.stockWanMuRounded} 万亩`, ref: 'X-5' });
    for (const m of c.milestones) {
      out.push({ id: `stock.milestone.${m.date}`, ok: m.statedMatchesTarget !== false, severity: 'rule',
        message: `by ${m.date}: ${formatPercent(m.share, 0)} × ${t.targetText} = ${muToWanMu(m.fromTargetMu).toString()} 万亩${m.statedMu ? ` (stated ${muToWanMu(m.statedMu).toString()} 万亩)` : ''}; of the unrounded stock it would be ${muToWanMu(m.fromStockMu).toFixed(4)} 万亩`,
        messageZh: `${m.date} 前：${formatPercent(m.share, 0)} × ${t.targetText} = ${muToWanMu(m.fromTargetMu).toString()} 万亩${m.statedMu ? `（原文 ${muToWanMu(m.statedMu).toString()} 万亩）` : ''}；按未取整存量则为 ${muToWanMu(m.fromStockMu).toFixed(4)} 万亩`, ref: 'X-5' });
    }
    for (const m of v.milestones) {
      out.push({ id: `stock.outlook.${m.date}`, ok: m.met, severity: 'rule',
        message: `outlook at the assumed achievement: ${m.disposedMu.toFixed(3)} mu disposed by ${m.date}, ${m.requiredMu.toString()} mu required`,
        messageZh: `按当前完成度推演：截至 ${m.date} 累计处置 ${m.disposedMu.toFixed(3)} 亩，要求 ${m.requiredMu.toString()} 亩`, ref: 'X-5' });
    }
  }
  return out;
}
