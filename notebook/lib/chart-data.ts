/**
 * Chart specifications derived from a result: Plot options (marks, scales), the legend, and the
 * table of the data behind the chart (exact 元 strings, for its CSV). Pages call these in
 * willUpdate; components only draw. Money becomes a float here only as a chart position
 * (plotValue); tips and CSVs show the engine's own figures.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, periodDate, plotValue, tx, unitShort, type Lang, type MoneyUnit } from './format';
import { PROVISION_KINDS, PROVISION_NAMES } from './metrics';
import type { Column, Table } from '../../engine/tables';
import type { ParcelRow, PeriodRow, Result } from '../../engine/report';
import type { LegendItem } from './export';

export interface ChartSpec {
  options: Plot.PlotOptions;
  legend: LegendItem[];
  table: Table;
}

export const COLORS: Record<string, string> = {
  saleReceipts: '#2f7d4f', leaseIncome: '#8cc084', appropriations: '#4a78b5', fiscalTopUp: '#9db8e0', bondProceeds: '#8e6bb8',
  acquisition: '#c0504d', serviceFee: '#e3a08c', development: '#d9822b', managementFee: '#f2c27b', holding: '#a58d6f', saleBusinessFee: '#cdbb9f', debtService: '#6d2e8c',
  preAllocation: '#b7c9a8', poolCapital: '#5aa0a0', interest: '#6d2e8c', principal: '#a77fc4', bondFees: '#d3b8e6', preAllocationReturn: '#7a7a72',
  reserveFundBalance: '#1f5f8b', treasuryBalance: '#2f7d4f', poolBalance: '#8e6bb8', cumulativeNet: '#c0504d',
  a: '#1f5f8b', b: '#d9822b',
};
const TIER_COLORS = ['#1f5f8b', '#d9822b', '#2f7d4f', '#8e6bb8', '#c0504d'];
export const tierColor = (i: number) => TIER_COLORS[i % TIER_COLORS.length];

const money = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'money', get });
const text = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'text', get });
/** Axis ticks as grouped numbers in the display unit ("100,000"). */
const AXIS = (d: number) => (Number.isFinite(d) ? d.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '');
const yLabel = (lang: Lang, unit: MoneyUnit) => `${L(lang, '金额', 'Amount')}（${unitShort(unit)}）`;

type Row = Record<string, unknown>;
const val = (row: PeriodRow, key: string): string | undefined => (row as unknown as Record<string, string | undefined>)[key];

/** Cumulative cash: the fund pool (when the engine has one), the reserve fund and the treasury, month by month. */
export function cashBalanceChart(r: Result, lang: Lang, unit: MoneyUnit): ChartSpec {
  const has = (k: string) => !!r.periods[0] && val(r.periods[0], k) !== undefined;
  const series = [
    ...(has('cumulativeNet') ? [{ key: 'cumulativeNet', zh: '累计净现金流', en: 'Cumulative net cash' }] : []),
    // In pooled operation the pool is the reserve fund: draw it once.
    ...(has('poolBalance') ? [{ key: 'poolBalance', zh: '资金池余额', en: 'Pool balance' }] : [{ key: 'reserveFundBalance', zh: '储备资金余额', en: 'Reserve fund balance' }]),
    { key: 'treasuryBalance', zh: '国库结存（出让收入）', en: 'Treasury (sale income) balance' },
  ];
  const data: Row[] = [];
  for (const p of r.periods) for (const s of series) {
    const v = val(p, s.key) ?? '0.00';
    data.push({ date: periodDate(p.period), period: p.period, series: L(lang, s.zh, s.en), y: plotValue(v, unit), shown: formatMoney(v, unit) });
  }
  const names = series.map((s) => L(lang, s.zh, s.en));
  const colors = series.map((s) => COLORS[s.key]);
  return {
    options: {
      x: { type: 'utc', label: null },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.lineY(data, { x: 'date', y: 'y', stroke: 'series', curve: 'step-after', strokeWidth: 2 }),
        Plot.tip(data, Plot.pointerX({ x: 'date', y: 'y', stroke: 'series', title: (d: Row) => `${d.period} ${d.series}\n${d.shown} ${unitShort(unit)}` })),
      ],
    },
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'cash-balance', zh: '累计资金余额', en: 'Cumulative cash balance', rows: r.periods, columns: [text('period', '期间', 'Period', (p) => p.period), ...series.map((s) => money(s.key, s.zh, s.en, (p) => val(p, s.key) ?? '0.00'))] },
  };
}

const SOURCES = [
  { key: 'saleReceipts', zh: '出让收入', en: 'Sale receipts' },
  { key: 'leaseIncome', zh: '临时利用收入', en: 'Lease income' },
  { key: 'appropriations', zh: '财政预算安排', en: 'Appropriations' },
  { key: 'fiscalTopUp', zh: '财政补足', en: 'Fiscal top-up' },
  { key: 'preAllocation', zh: '财政预拨', en: 'Pre-allocation' },
  { key: 'poolCapital', zh: '资金池筹集', en: 'Pool capital' },
  { key: 'bondProceeds', zh: '债券发行收入', en: 'Bond proceeds' },
];
const USES = [
  { key: 'acquisition', zh: '收储支出', en: 'Acquisition' },
  { key: 'serviceFee', zh: '征储服务费', en: 'Service fee' },
  { key: 'development', zh: '前期开发', en: 'Development' },
  { key: 'managementFee', zh: '代建管理费', en: 'Management fee' },
  { key: 'holding', zh: '管护费用', en: 'Holding' },
  { key: 'saleBusinessFee', zh: '出让业务费', en: 'Sale fee' },
  { key: 'interest', zh: '债券付息', en: 'Bond interest' },
  { key: 'principal', zh: '债券还本', en: 'Bond principal' },
  { key: 'bondFees', zh: '债券费用', en: 'Bond fees' },
  { key: 'preAllocationReturn', zh: '预拨资金返还', en: 'Pre-allocation returned' },
];

/** Sources above the axis, uses below it, stacked by kind, month by month. */
export function sourcesUsesChart(r: Result, lang: Lang, unit: MoneyUnit): ChartSpec {
  const first = r.periods[0];
  const present = (k: string) => !!first && val(first, k) !== undefined;
  const src = SOURCES.filter((s) => present(s.key));
  const use = USES.filter((s) => present(s.key));
  const data: Row[] = [];
  for (const p of r.periods) {
    for (const s of src) {
      const v = val(p, s.key)!;
      if (v !== '0.00') data.push({ date: periodDate(p.period), period: p.period, kind: L(lang, s.zh, s.en), y: plotValue(v, unit), shown: formatMoney(v, unit) });
    }
    for (const s of use) {
      const v = val(p, s.key)!;
      // A use is drawn below the axis: its position is the negated figure (display only).
      if (v !== '0.00') data.push({ date: periodDate(p.period), period: p.period, kind: L(lang, s.zh, s.en), y: -plotValue(v, unit), shown: `−${formatMoney(v, unit)}` });
    }
  }
  const all = [...src, ...use];
  const names = all.map((s) => L(lang, s.zh, s.en));
  const colors = all.map((s) => COLORS[s.key]);
  return {
    options: {
      x: { type: 'utc', label: null },
      y: { label: `${L(lang, '来源（+）/ 运用（−）', 'Sources (+) / uses (−)')}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.rectY(data, { x: 'date', interval: 'month', y: 'y', fill: 'kind', order: names, tip: true, title: (d: Row) => `${d.period} ${d.kind}\n${d.shown} ${unitShort(unit)}` } as Plot.RectYOptions),
        Plot.ruleY([0], { stroke: '#555' }),
      ],
    },
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'sources-uses', zh: '分期资金来源与运用', en: 'Sources and uses by month', rows: r.periods, columns: [text('period', '期间', 'Period', (p) => p.period), ...all.map((s) => money(s.key, s.zh, s.en, (p) => val(p, s.key) ?? '0.00'))] },
  };
}

// ---- Bonds (the funding contract: result.bonds[] with coverageByYear) ----
export interface BondResult {
  id: string;
  name: { zh: string; en: string } | string;
  principal: string;
  coverageRatio: string | null;
  coverageByYear: { year: number; available: string; debtService: string; ratio: string | null }[];
  schedule?: { period: string; interest: string; principal: string; fees?: string }[];
}

export function bondsOf(r: Result): BondResult[] | null {
  const b = (r as unknown as { bonds?: BondResult[] }).bonds;
  return Array.isArray(b) ? b : null;
}

export function coverageFloor(r: Result): string {
  const p = r.parameters.find((x) => x.key === 'bond.coverageFloor');
  return typeof p?.value === 'string' ? p.value : '1.2';
}

/** Revenue available against debt service, year by year, per bond. */
export function debtServiceChart(bonds: BondResult[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const data: Row[] = [];
  const kinds = [L(lang, '可用收入', 'Available revenue'), L(lang, '还本付息', 'Debt service')];
  const rows: Row[] = [];
  for (const b of bonds) for (const y of b.coverageByYear) {
    const bond = tx(b.name, lang) || b.id;
    rows.push({ bond, ...y });
    data.push({ year: String(y.year), bond, kind: kinds[0], y: plotValue(y.available, unit), shown: formatMoney(y.available, unit) });
    data.push({ year: String(y.year), bond, kind: kinds[1], y: plotValue(y.debtService, unit), shown: formatMoney(y.debtService, unit) });
  }
  const colors = ['#2f7d4f', COLORS.debtService];
  return {
    options: {
      x: { label: null, type: 'band' },
      fx: bonds.length > 1 ? { label: null } : undefined,
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: kinds, range: colors },
      marks: [
        Plot.barY(data, { x: 'year', y: 'y', fill: 'kind', fx: bonds.length > 1 ? 'bond' : undefined, order: kinds, offset: null, insetLeft: 2, insetRight: 2, tip: true, title: (d: Row) => `${d.year} ${d.kind}\n${d.shown} ${unitShort(unit)}` } as Plot.BarYOptions),
        Plot.ruleY([0]),
      ],
    },
    legend: kinds.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'debt-service', zh: '偿债资金与还本付息', en: 'Available revenue and debt service', rows, columns: [text('bond', '债券', 'Bond', (x) => x.bond), text('year', '年度', 'Year', (x) => String(x.year)), money('available', '可用收入', 'Available', (x) => x.available), money('debtService', '还本付息', 'Debt service', (x) => x.debtService), text('ratio', '覆盖倍数', 'Coverage', (x) => x.ratio ?? '')] },
  };
}

/** The bonds as a table: terms, what they cost, what they were covered by. */
export function bondTable(r: Result, lang: Lang): Table | null {
  const bonds = (r as unknown as { bonds?: Record<string, unknown>[] }).bonds;
  if (!Array.isArray(bonds) || bonds.length === 0) return null;
  const g = (k: string) => (b: Record<string, unknown>) => (b[k] === undefined || b[k] === null ? '' : String(b[k]));
  const m = (k: string, zh: string, en: string) => money(k, zh, en, (b) => (typeof b[k] === 'string' ? (b[k] as string) : '0.00'));
  return {
    name: 'bonds', zh: '专项债券', en: 'Bonds', rows: bonds,
    columns: [
      text('id', '债券', 'Bond', g('id')),
      text('name', '名称', 'Name', (b) => tx(b.name as { zh: string; en: string } | string, lang)),
      text('issue', '发行', 'Issued', g('issue')),
      text('maturity', '到期', 'Matures', g('maturity')),
      text('couponRate', '票面利率', 'Coupon', g('couponRate')),
      m('principal', '本金', 'Principal'),
      m('interest', '利息', 'Interest'),
      m('fees', '费用', 'Fees'),
      m('debtService', '还本付息合计', 'Debt service'),
      m('available', '可用于偿债的收入', 'Available revenue'),
      text('coverageRatio', '本息覆盖倍数', 'Coverage', g('coverageRatio')),
      m('rolledOver', '借新还旧', 'Rolled over'),
      m('fiscalSupport', '财政安排偿债', 'Fiscal support'),
      m('outstandingAtEnd', '期末余额', 'Outstanding at end'),
    ],
  };
}

/** Coverage ratio by year with the floor drawn (bond.coverageFloor, 1.2 by default). */
export function coverageChart(bonds: BondResult[], floor: string, lang: Lang): ChartSpec {
  const data: Row[] = [];
  for (const b of bonds) for (const y of b.coverageByYear) {
    if (y.ratio === null) continue;
    data.push({ year: String(y.year), bond: tx(b.name, lang) || b.id, y: Number(y.ratio), shown: y.ratio, below: Number(y.ratio) < Number(floor) });
  }
  const floorLabel = L(lang, `覆盖倍数下限 ${floor}`, `coverage floor ${floor}`);
  return {
    options: {
      x: { label: null, type: 'band' },
      y: { label: L(lang, '本息覆盖倍数', 'Debt service coverage'), grid: true },
      color: { domain: [false, true], range: ['#2f7d4f', '#a8201a'] },
      marks: [
        Plot.barY(data, { x: 'year', y: 'y', fill: 'below', fx: bonds.length > 1 ? 'bond' : undefined, insetLeft: 4, insetRight: 4, tip: true, title: (d: Row) => `${d.year} ${d.bond}\n${L(lang, '覆盖倍数', 'coverage')} ${d.shown}` } as Plot.BarYOptions),
        Plot.ruleY([Number(floor)], { stroke: '#a8201a', strokeDasharray: '5,4', strokeWidth: 1.5 }),
        Plot.text([Number(floor)], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => floorLabel, fill: '#a8201a' }),
      ],
    },
    legend: [{ label: L(lang, '达到下限', 'at or above the floor'), color: '#2f7d4f' }, { label: L(lang, '低于下限', 'below the floor'), color: '#a8201a' }, { label: floorLabel, color: '#a8201a', dash: true }],
    table: { name: 'coverage', zh: '本息覆盖倍数', en: 'Coverage by year', rows: data, columns: [text('bond', '债券', 'Bond', (x) => x.bond), text('year', '年度', 'Year', (x) => x.year), text('ratio', '覆盖倍数', 'Coverage', (x) => x.shown), text('floor', '下限', 'Floor', () => floor)] },
  };
}

// ---- The sale waterfall (revenue share page) ----
export interface WaterfallStep { key: string; zh: string; en: string; value: string; kind: 'total' | 'minus' | 'result' | 'share'; color: string }

type Waterfallable = Pick<ParcelRow, 'provisions' | 'costRecovered' | 'unrecoveredCost' | 'valueAdded' | 'shares'> & { revenue: string };

export function waterfallSteps(w: Waterfallable, r: Result, enabled: readonly string[]): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ key: 'saleRevenue', zh: '出让收入', en: 'Sale revenue', value: w.revenue, kind: 'total', color: COLORS.saleReceipts }];
  for (const k of PROVISION_KINDS) {
    if (!enabled.includes(k) && w.provisions[k] === '0.00') continue;
    steps.push({ key: `provisions.${k}`, zh: `计提${PROVISION_NAMES[k].zh}`, en: PROVISION_NAMES[k].en, value: w.provisions[k], kind: 'minus', color: '#d9a52b' });
  }
  steps.push({ key: 'costRecovered', zh: '核定成本返还', en: 'Cost recovered', value: w.costRecovered, kind: 'minus', color: COLORS.acquisition });
  steps.push({ key: 'valueAdded', zh: '增值收益', en: 'Value added', value: w.valueAdded, kind: 'result', color: '#55554f' });
  r.tiers.forEach((t, i) => steps.push({ key: `shares.${t.id}`, zh: `${t.name.zh}分成`, en: `${t.name.en} share`, value: w.shares[t.id] ?? '0.00', kind: 'share', color: tierColor(i) }));
  return steps;
}

/** From sale revenue down through each provision and the cost recovered to value added, then each tier's share of it. */
export function waterfallChart(steps: WaterfallStep[], lang: Lang, unit: MoneyUnit): ChartSpec {
  // Bar positions: a running level in display units (floats, for drawing only; the figures shown are the engine's).
  let level = 0;
  let shareBase = 0;
  const bars: Row[] = steps.map((s) => {
    const v = plotValue(s.value, unit);
    let y1 = 0;
    let y2 = v;
    if (s.kind === 'total') { level = v; }
    else if (s.kind === 'minus') { y1 = level - v; y2 = level; level = y1; }
    else if (s.kind === 'result') { y1 = 0; y2 = v; shareBase = 0; }
    else { y1 = shareBase; y2 = shareBase + v; shareBase = y2; }
    return { step: L(lang, s.zh, s.en), key: s.key, y1, y2, color: s.color, shown: `${s.kind === 'minus' ? '−' : ''}${formatMoney(s.value, unit)}`, value: s.value };
  });
  const domain = bars.map((b) => b.step as string);
  return {
    options: {
      marginBottom: 70,
      marginTop: 30,
      x: { domain, label: null, tickRotate: -30 },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      marks: [
        Plot.barY(bars, { x: 'step', y1: 'y1', y2: 'y2', fill: 'color', insetLeft: 6, insetRight: 6, tip: true, title: (d: Row) => `${d.step}\n${d.shown} ${unitShort(unit)}` }),
        Plot.text(bars, { x: 'step', y: 'y2', text: 'shown', dy: -7, fontSize: 10 }),
        Plot.ruleY([0]),
      ],
    },
    legend: [],
    table: { name: 'waterfall', zh: '出让收入分配瀑布', en: 'Sale revenue waterfall', rows: steps, columns: [text('step', '项目', 'Step', (s) => s.zh), text('stepEn', 'Step', 'Step', (s) => s.en), money('value', '金额（元）', 'Amount (yuan)', (s) => s.value)] },
  };
}

/** Each tier's share, year by year, side by side. */
export function sharesByYearChart(r: Result, lang: Lang, unit: MoneyUnit): ChartSpec {
  const names = r.tiers.map((t) => tx(t.name, lang));
  const data: Row[] = [];
  for (const y of r.years) r.tiers.forEach((t, i) => {
    const v = y.shares[t.id] ?? '0.00';
    data.push({ year: String(y.year), tier: names[i], y: plotValue(v, unit), shown: formatMoney(v, unit) });
  });
  const colors = r.tiers.map((_, i) => tierColor(i));
  return {
    options: {
      x: { axis: null, domain: names },
      fx: { label: null },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.barY(data, { fx: 'year', x: 'tier', y: 'y', fill: 'tier', tip: true, title: (d: Row) => `${d.year} ${d.tier}\n${d.shown} ${unitShort(unit)}` }),
        Plot.ruleY([0]),
      ],
    },
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'shares-by-year', zh: '各级分成（年度）', en: 'Shares by year', rows: r.years, columns: [text('year', '年度', 'Year', (y) => String(y.year)), money('valueAdded', '增值收益', 'Value added', (y) => y.valueAdded), ...r.tiers.map((t) => money(`shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`, (y) => y.shares[t.id] ?? '0.00'))] },
  };
}

// ---- Compare ----
/** One period series of two results overlaid (A solid blue, B orange). */
export function overlayChart(a: Result, b: Result, key: string, label: { zh: string; en: string }, names: [string, string], lang: Lang, unit: MoneyUnit): ChartSpec {
  const data: Row[] = [];
  const get = (p: PeriodRow) => {
    const share = /^shares\.(.+)$/.exec(key);
    return share ? p.shares[share[1]] : val(p, key);
  };
  for (const [res, name] of [[a, names[0]], [b, names[1]]] as [Result, string][]) {
    for (const p of res.periods) {
      const v = get(p);
      if (v === undefined) continue;
      data.push({ date: periodDate(p.period), period: p.period, run: name, y: plotValue(v, unit), shown: formatMoney(v, unit) });
    }
  }
  const periods = [...new Set([...a.periods.map((p) => p.period), ...b.periods.map((p) => p.period)])].sort();
  const rowsA = new Map(a.periods.map((p) => [p.period, p]));
  const rowsB = new Map(b.periods.map((p) => [p.period, p]));
  return {
    options: {
      x: { type: 'utc', label: null },
      y: { label: `${L(lang, label.zh, label.en)}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      color: { domain: names, range: [COLORS.a, COLORS.b] },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.lineY(data, { x: 'date', y: 'y', stroke: 'run', curve: 'step-after', strokeWidth: 2, strokeOpacity: 0.85 }),
        Plot.tip(data, Plot.pointerX({ x: 'date', y: 'y', stroke: 'run', title: (d: Row) => `${d.period} ${d.run}\n${d.shown} ${unitShort(unit)}` })),
      ],
    },
    legend: [{ label: names[0], color: COLORS.a }, { label: names[1], color: COLORS.b }],
    table: {
      name: `compare-${key}`, zh: `${label.zh}对比`, en: `${label.en} compared`, rows: periods,
      columns: [text('period', '期间', 'Period', (p) => p), money('a', `${label.zh}（A）`, `${label.en} (A)`, (p) => (rowsA.get(p) ? get(rowsA.get(p)!) ?? '' : '')), money('b', `${label.zh}（B）`, `${label.en} (B)`, (p) => (rowsB.get(p) ? get(rowsB.get(p)!) ?? '' : ''))],
    },
  };
}

// ---- Zones (the funding contract: result.zones[] with balance, developer and byPeriod) ----
export interface ZoneResult {
  id: string;
  name: { zh: string; en: string } | string;
  mode?: string;
  revenue: string;
  provisions?: string;
  cost: string;
  balance: string;
  peakFundingNeed: string;
  fiscalSupport?: string;
  developer: { name?: { zh: string; en: string } | string; compensationRate?: string; compensation: string; cost: string; result: string; peakFundingNeed?: string } | null;
  byPeriod: { period: string; net: string; cumulative: string }[];
}

/** The zones of a result when the engine reports their balances; null when it reports names only. */
export function zonesOf(r: Result): ZoneResult[] | null {
  const z = r.zones as unknown as ZoneResult[];
  return Array.isArray(z) && z.length > 0 && typeof z[0].balance === 'string' ? z : null;
}

/** Each zone's revenue, provisions, cost and balance, side by side. */
export function zoneBalanceChart(zones: ZoneResult[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const kinds = [
    { key: 'revenue', zh: '出让收入', en: 'Revenue', color: COLORS.saleReceipts },
    { key: 'provisions', zh: '计提', en: 'Provisions', color: '#d9a52b' },
    { key: 'cost', zh: '成本', en: 'Cost', color: COLORS.acquisition },
    { key: 'balance', zh: '收支差额', en: 'Balance', color: '#1f5f8b' },
  ];
  const names = kinds.map((k) => L(lang, k.zh, k.en));
  const zoneNames = zones.map((z) => tx(z.name, lang) || z.id);
  const data: Row[] = [];
  for (const z of zones) for (const k of kinds) {
    const v = (z as unknown as Record<string, string | undefined>)[k.key];
    if (v === undefined) continue;
    data.push({ zone: tx(z.name, lang) || z.id, kind: L(lang, k.zh, k.en), y: plotValue(v, unit), shown: formatMoney(v, unit) });
  }
  return {
    options: {
      x: { axis: null, domain: names },
      fx: { label: null, domain: zoneNames },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: names, range: kinds.map((k) => k.color) },
      marks: [
        Plot.barY(data, { fx: 'zone', x: 'kind', y: 'y', fill: 'kind', tip: true, title: (d: Row) => `${d.zone} ${d.kind}\n${d.shown} ${unitShort(unit)}` }),
        Plot.ruleY([0]),
      ],
    },
    legend: kinds.map((k, i) => ({ label: names[i], color: k.color })),
    table: zoneTable(zones, lang),
  };
}

export function zoneTable(zones: ZoneResult[], lang: Lang): Table {
  return {
    name: 'zones', zh: '片区收支平衡', en: 'Zone balance', rows: zones,
    columns: [
      text('id', '片区', 'Zone', (z) => z.id),
      text('name', '名称', 'Name', (z) => tx(z.name, lang)),
      text('mode', '运行方式', 'Mode', (z) => (z.mode === 'closed' ? L(lang, '封闭运行', 'closed') : z.mode === 'pooled' ? L(lang, '全市统筹', 'pooled') : z.mode ?? '')),
      money('revenue', '出让收入', 'Revenue', (z) => z.revenue),
      money('provisions', '计提', 'Provisions', (z) => z.provisions ?? '0.00'),
      money('cost', '成本', 'Cost', (z) => z.cost),
      money('balance', '收支差额', 'Balance', (z) => z.balance),
      money('peakFundingNeed', '峰值资金需求', 'Peak funding need', (z) => z.peakFundingNeed),
      money('fiscalSupport', '财政支持', 'Fiscal support', (z) => z.fiscalSupport ?? '0.00'),
      text('developerRate', '做地补偿费率', 'Developer fee rate', (z) => z.developer?.compensationRate ?? ''),
      money('developerCompensation', '做地补偿', 'Developer compensation', (z) => z.developer?.compensation ?? '0.00'),
      money('developerCost', '做地主体成本', 'Developer cost', (z) => z.developer?.cost ?? '0.00'),
      money('developerResult', '做地主体盈亏', 'Developer result', (z) => z.developer?.result ?? '0.00'),
    ],
  };
}

/** Each zone's cumulative net cash, month by month. */
export function zoneCumulativeChart(zones: ZoneResult[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const names = zones.map((z) => tx(z.name, lang) || z.id);
  const colors = zones.map((_, i) => tierColor(i));
  const data: Row[] = [];
  zones.forEach((z, i) => { for (const p of z.byPeriod) data.push({ date: periodDate(p.period), period: p.period, zone: names[i], y: plotValue(p.cumulative, unit), shown: formatMoney(p.cumulative, unit) }); });
  const periods = zones[0]?.byPeriod.map((p) => p.period) ?? [];
  return {
    options: {
      x: { type: 'utc', label: null },
      y: { label: `${L(lang, '累计净现金流', 'Cumulative net cash')}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.lineY(data, { x: 'date', y: 'y', stroke: 'zone', curve: 'step-after', strokeWidth: 2 }),
        Plot.tip(data, Plot.pointerX({ x: 'date', y: 'y', stroke: 'zone', title: (d: Row) => `${d.period} ${d.zone}\n${d.shown} ${unitShort(unit)}` })),
      ],
    },
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'zone-cumulative', zh: '片区累计净现金流', en: 'Zone cumulative net cash', rows: periods.map((_, i) => i), columns: [text('period', '期间', 'Period', (i) => periods[i]), ...zones.map((z) => money(`zone.${z.id}`, `${tx(z.name, 'zh') || z.id}累计`, `${tx(z.name, 'en') || z.id} cumulative`, (i) => z.byPeriod[i]?.cumulative ?? ''))] },
  };
}

export interface SweepPoint { rate: string; zones: ZoneResult[] }

/** The developer's result in each zone as the fee rate moves: where a line crosses zero is its break-even. */
export function breakEvenChart(points: SweepPoint[], current: string, lang: Lang, unit: MoneyUnit): ChartSpec {
  const zoneIds = points[0]?.zones.filter((z) => z.developer).map((z) => z.id) ?? [];
  const names = zoneIds.map((id) => tx(points[0].zones.find((z) => z.id === id)!.name, lang) || id);
  const colors = zoneIds.map((_, i) => tierColor(i));
  const data: Row[] = [];
  const rows: Row[] = [];
  for (const pt of points) for (const z of pt.zones) {
    if (!z.developer) continue;
    const i = zoneIds.indexOf(z.id);
    data.push({ rate: Number(pt.rate), zone: names[i], y: plotValue(z.developer.result, unit), shown: formatMoney(z.developer.result, unit) });
    rows.push({ rate: `${pt.rate}%`, zone: z.id, compensation: z.developer.compensation, cost: z.developer.cost, result: z.developer.result });
  }
  return {
    options: {
      x: { label: L(lang, '做地补偿费率（%）', 'Developer fee rate (%)') },
      y: { label: `${L(lang, '做地主体盈亏', 'Developer result')}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.ruleY([0], { stroke: '#555' }),
        Plot.ruleX([Number(current)], { stroke: '#d9822b', strokeDasharray: '4,3' }),
        Plot.lineY(data, { x: 'rate', y: 'y', stroke: 'zone', strokeWidth: 2, marker: 'circle' }),
        Plot.tip(data, Plot.pointer({ x: 'rate', y: 'y', stroke: 'zone', title: (d: Row) => `${d.zone} ${d.rate}%\n${d.shown} ${unitShort(unit)}` })),
      ],
    },
    legend: [...names.map((label, i) => ({ label, color: colors[i] })), { label: L(lang, `当前费率 ${current}%`, `current rate ${current}%`), color: '#d9822b', dash: true }],
    table: { name: 'developer-break-even', zh: '做地主体盈亏平衡', en: 'Developer break-even', rows, columns: [text('rate', '费率', 'Rate', (x) => x.rate), text('zone', '片区', 'Zone', (x) => x.zone), money('compensation', '做地补偿', 'Compensation', (x) => x.compensation), money('cost', '做地主体成本', 'Cost', (x) => x.cost), money('result', '盈亏', 'Result', (x) => x.result)] },
  };
}

/** Where each zone's developer stops losing money: the last swept rate with a loss and the first without (a sign test, no arithmetic). */
export function breakEvenRates(points: SweepPoint[]): Map<string, { below: string | null; at: string | null }> {
  const out = new Map<string, { below: string | null; at: string | null }>();
  const ids = points[0]?.zones.filter((z) => z.developer).map((z) => z.id) ?? [];
  for (const id of ids) {
    const i = points.findIndex((pt) => { const d = pt.zones.find((z) => z.id === id)?.developer; return !!d && !d.result.startsWith('-'); });
    out.set(id, { below: i > 0 ? points[i - 1].rate : null, at: i >= 0 ? points[i].rate : null });
  }
  return out;
}
