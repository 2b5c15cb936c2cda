/** Two runs overlaid on the same axes (the compare page). */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, periodDate, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, COLORS, figureAt, money, text, type ChartSpec, type Row } from './common';
import type { PeriodRow, Result } from '../../../engine/report';

/** One period series of two results overlaid (A solid blue, B orange). */
export function overlayChart(a: Result, b: Result, key: string, label: { zh: string; en: string }, names: [string, string], lang: Lang, unit: MoneyUnit): ChartSpec {
  const data: Row[] = [];
  const get = (p: PeriodRow) => {
    const share = /^shares\.(.+)$/.exec(key);
    return share ? p.shares[share[1]] : figureAt(p, key);
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
