/** Cash over time: the cumulative balances month by month, and sources and uses stacked by kind. */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, periodDate, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, COLORS, money, text, val, yLabel, type ChartSpec, type Row } from './common';
import type { Result } from '../../../engine/report';
import { figure } from '../../../engine/figures';

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

// The statement's lines by catalogue key; names from the catalogue (engine/figures.ts).
const named = (keys: string[]) => keys.map((key) => { const f = figure(key)!; return { key, zh: f.zh, en: f.en }; });
const SOURCES = named(['saleRevenue', 'leaseIncome', 'appropriations', 'fiscalTopUp', 'advances', 'poolCapital', 'poolInflows', 'bondProceeds']);
const USES = named(['acquisitionCost', 'serviceFee', 'developmentCost', 'managementFee', 'holdingCost', 'saleBusinessFee', 'interest', 'principalRepaid', 'bondFees', 'advancesReturned']);

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
