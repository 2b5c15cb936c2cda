/**
 * Stock land (盘活存量土地): the inventory stacked by category for each county, and each county's
 * cumulative disposal by quarter against its 15 / 40 / 75 / 100 % targets. Areas and shares arrive
 * as the engine's exact decimals; they become floats here only as chart positions.
 */
import * as Plot from '@observablehq/plot';
import { L, type Lang } from '../format';
import { AXIS, type ChartSpec, type Row } from './common';
import { CATEGORY_LABELS, STOCK_CATEGORIES, type StockInventory } from '../../../engine/stock-land';
import { formatPercent } from '../../../engine/evaluation';
import type { Table } from '../../../engine/presentation/tables';
import type { ProgressRow } from '../stock-view';

const CATEGORY_COLORS: Record<string, string> = { approvedUnsupplied: '#1f5f8b', suspectedIdle: '#d9822b', inefficientUrban: '#8cc084' };
const MET = '#2f7d4f';
const MISSED = '#c0504d';
const TARGET = '#1d1d1b';

/** A decimal as a float, for a chart position only (shares are drawn in percent). */
const pos = (d: { toString(): string }) => Number(d.toString());

/** Each county's stock, stacked by category (hectares). */
export function inventoryChart(inv: StockInventory, table: Table, lang: Lang): ChartSpec {
  const names = STOCK_CATEGORIES.map((k) => L(lang, CATEGORY_LABELS[k].zh, CATEGORY_LABELS[k].en));
  const data: Row[] = [];
  for (const c of inv.counties) STOCK_CATEGORIES.forEach((k, i) => data.push({ county: c.name, category: names[i], y: pos(c.areaHa[k]), shown: c.areaHa[k].toString() }));
  return {
    options: {
      marginLeft: 60,
      x: { domain: inv.counties.map((c) => c.name), label: null },
      y: { label: L(lang, '面积（公顷）', 'Area (ha)'), grid: true, tickFormat: AXIS },
      color: { domain: names, range: STOCK_CATEGORIES.map((k) => CATEGORY_COLORS[k]) },
      marks: [
        Plot.barY(data, { x: 'county', y: 'y', fill: 'category', tip: true, title: (d: Row) => `${d.county} ${d.category}\n${d.shown} ${L(lang, '公顷', 'ha')}` }),
        Plot.ruleY([0]),
      ],
    },
    legend: names.map((label, i) => ({ label, color: CATEGORY_COLORS[STOCK_CATEGORIES[i]] })),
    table,
  };
}

/** Cumulative progress as a share of each county's annual task, quarter by quarter, against the cumulative target. */
export function progressChart(rows: readonly ProgressRow[], table: Table, lang: Lang): ChartSpec {
  const met = L(lang, '已达成', 'met');
  const missed = L(lang, '未达成', 'missed');
  const data: Row[] = rows.map((p) => ({
    county: p.county, quarter: `Q${p.quarter}`, y: p.share ? pos(p.share) * 100 : 0, target: pos(p.targetShare) * 100, status: p.met ? met : missed,
    shown: p.share ? formatPercent(p.share, 2) : '—', targetShown: formatPercent(p.targetShare, 0), ha: `${p.progressHa.toString()} / ${p.targetHa.toString()}`,
  }));
  const counties = [...new Set(rows.map((p) => p.county))];
  return {
    options: {
      marginBottom: 36,
      x: { domain: ['Q1', 'Q2', 'Q3', 'Q4'], label: null, tickSize: 0 },
      fx: { domain: counties, label: null, padding: 0.12 },
      y: { label: L(lang, '累计进度（占年度任务，%）', 'Cumulative progress (% of the annual task)'), grid: true, domain: [0, Math.max(120, ...data.map((d) => d.y as number))], tickFormat: (d: number) => `${d}%` },
      color: { domain: [met, missed], range: [MET, MISSED] },
      marks: [
        Plot.barY(data, { fx: 'county', x: 'quarter', y: 'y', fill: 'status', insetLeft: 3, insetRight: 3, tip: true,
          title: (d: Row) => `${d.county} ${d.quarter}\n${L(lang, '累计进度', 'progress')} ${d.shown} · ${L(lang, '目标', 'target')} ${d.targetShown}\n${d.ha} ${L(lang, '公顷', 'ha')}` }),
        Plot.tickY(data, { fx: 'county', x: 'quarter', y: 'target', stroke: TARGET, strokeWidth: 2 }),
        Plot.lineY(data, { fx: 'county', x: 'quarter', y: 'target', stroke: TARGET, strokeDasharray: '3,3', strokeWidth: 1 }),
        Plot.ruleY([0]),
      ],
    },
    legend: [{ label: met, color: MET }, { label: missed, color: MISSED }, { label: L(lang, '季度累计目标', 'cumulative target'), color: TARGET, dash: true }],
    table,
  };
}
