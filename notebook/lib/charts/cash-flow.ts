/** Cash over time: the cumulative balances month by month, and sources and uses stacked by kind. */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, periodDate, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { stepLines } from './step-lines';
import { AXIS, COLORS, figureName, money, text, yLabel, type ChartSpec, type MoneyKey, type Row } from './common';
import type { PeriodRow, Result } from '../../../engine/index';

type PeriodKey = MoneyKey<PeriodRow>;
interface Series { key: PeriodKey; zh: string; en: string }
const named = (key: PeriodKey): Series => ({ key, ...figureName(key) });

/** Series over the months: a line or a stack per series, and the table behind it. */
function periodTable(r: Pick<Result, 'periods'>, name: string, zh: string, en: string, series: readonly Series[]): ChartSpec['table'] {
  return { name, zh, en, rows: r.periods, columns: [text('period', '期间', 'Period', (p: PeriodRow) => p.period), ...series.map((s) => money(s.key, s.zh, s.en, (p: PeriodRow) => p[s.key]))] };
}

/** Cumulative cash: the net flow, the fund pool and the treasury, month by month. */
export function cashBalanceChart(r: Pick<Result, 'periods'>, lang: Lang, unit: MoneyUnit): ChartSpec {
  const series: Series[] = [
    { key: 'cumulativeNet', zh: '累计净现金流', en: 'Cumulative net cash' },
    // In pooled operation the pool is the reserve fund: drawn once.
    named('poolBalance'),
    { key: 'treasuryBalance', zh: '国库结存（出让收入）', en: 'Treasury (sale income) balance' },
  ];
  const data: Row[] = [];
  for (const p of r.periods) for (const s of series) {
    const v = p[s.key];
    data.push({ date: periodDate(p.period), period: p.period, series: L(lang, s.zh, s.en), y: plotValue(v, unit), shown: formatMoney(v, unit) });
  }
  const names = series.map((s) => L(lang, s.zh, s.en));
  const colors = series.map((s) => COLORS[s.key]);
  return {
    options: stepLines(data, 'series', names, colors, yLabel(lang, unit), unit),
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: periodTable(r, 'cash-balance', '累计资金余额', 'Cumulative cash balance', series),
  };
}

const SOURCES: readonly PeriodKey[] = ['saleRevenue', 'leaseIncome', 'appropriations', 'fiscalTopUp', 'advances', 'poolCapital', 'poolInflows', 'bondProceeds'];
const USES: readonly PeriodKey[] = ['acquisitionCost', 'serviceFee', 'developmentCost', 'managementFee', 'holdingCost', 'saleBusinessFee', 'interest', 'principalRepaid', 'bondFees', 'advancesReturned'];

/** Sources above the axis, uses below it, stacked by kind, month by month. */
export function sourcesUsesChart(r: Pick<Result, 'periods'>, lang: Lang, unit: MoneyUnit): ChartSpec {
  const src = SOURCES.map(named);
  const use = USES.map(named);
  const data: Row[] = [];
  for (const p of r.periods) {
    // A use is drawn below the axis: its position is the negated figure (display only).
    for (const [list, sign] of [[src, 1], [use, -1]] as const) for (const s of list) {
      const v = p[s.key];
      if (v !== '0.00') data.push({ date: periodDate(p.period), period: p.period, kind: L(lang, s.zh, s.en), y: sign * plotValue(v, unit), shown: `${sign < 0 ? '−' : ''}${formatMoney(v, unit)}` });
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
    table: periodTable(r, 'sources-uses', '分期资金来源与运用', 'Sources and uses by month', all),
  };
}
