/** A Monte Carlo fan chart: a per-period series' P5–P95 and P10–P90 bands month by month, the median drawn as a line. */
import * as Plot from '@observablehq/plot';
import type { McResult } from '../../../engine/analysis/index';
import { formatMoney, L, periodDate, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, money, text, type ChartSpec, type Row } from './common';

const OUTER = '#9db8e0';
const INNER = '#4a78b5';
const MEDIAN = '#0d3d5e';

export function fanChart(series: McResult['series'][number], label: { zh: string; en: string }, lang: Lang, unit: MoneyUnit): ChartSpec {
  const band = (p: number) => series.bands.find((b) => b.p === p) ?? null;
  const [p5, p10, p50, p90, p95] = [5, 10, 50, 90, 95].map(band);
  const at = (b: typeof p5, i: number) => (b ? plotValue(b.texts[i], unit) : NaN);
  const rows: Row[] = series.periods.map((period, i) => ({
    date: periodDate(period), period,
    lo5: at(p5, i), hi95: at(p95, i), lo10: at(p10, i), hi90: at(p90, i), mid: at(p50, i),
    shown: `P5 ${formatMoney(p5?.texts[i], unit)} · P50 ${formatMoney(p50?.texts[i], unit)} · P95 ${formatMoney(p95?.texts[i], unit)} ${unitShort(unit)}`,
  }));
  const name = L(lang, label.zh, label.en);
  const outer = L(lang, 'P5–P95 区间', 'P5–P95 band');
  const inner = L(lang, 'P10–P90 区间', 'P10–P90 band');
  const median = L(lang, '中位数 P50', 'median P50');
  return {
    options: {
      marginLeft: 64,
      x: { type: 'utc', label: null },
      y: { label: `${name}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        ...(p5 && p95 ? [Plot.areaY(rows, { x: 'date', y1: 'lo5', y2: 'hi95', fill: OUTER, fillOpacity: 0.55, curve: 'step-after' })] : []),
        ...(p10 && p90 ? [Plot.areaY(rows, { x: 'date', y1: 'lo10', y2: 'hi90', fill: INNER, fillOpacity: 0.55, curve: 'step-after' })] : []),
        ...(p50 ? [Plot.lineY(rows, { x: 'date', y: 'mid', stroke: MEDIAN, strokeWidth: 2, curve: 'step-after' })] : []),
        Plot.tip(rows, Plot.pointerX({ x: 'date', y: 'mid', title: (d: Row) => `${d.period} ${name}\n${d.shown}` })),
      ],
    },
    legend: [{ label: outer, color: OUTER }, { label: inner, color: INNER }, { label: median, color: MEDIAN, dash: true }],
    table: {
      name: 'monte-carlo-fan', zh: `${label.zh}分位数（逐月）`, en: `${label.en} percentiles by month`, rows: series.periods.map((_, i) => i),
      columns: [text('period', '期间', 'Period', (i) => series.periods[i]), ...series.bands.map((b) => money(`P${b.p}`, `P${b.p}`, `P${b.p}`, (i) => b.texts[i] ?? ''))],
    },
  };
}
