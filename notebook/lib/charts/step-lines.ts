/**
 * The shape of every "over time" chart: one step line per series month by month, the zero line,
 * and a tip at the pointer naming the period, the series and the figure as shown. Rows carry
 * `date`, `period`, `y` (the display position), `shown` (the figure as text) and the series field.
 */
import * as Plot from '@observablehq/plot';
import { unitShort, type MoneyUnit } from '../format';
import { AXIS, type Row } from './common';

export function stepLines(data: Row[], series: string, domain: string[], range: string[], yLabel: string, unit: MoneyUnit, strokeOpacity = 1): Plot.PlotOptions {
  return {
    x: { type: 'utc', label: null },
    y: { label: yLabel, grid: true, tickFormat: AXIS },
    color: { domain, range },
    marks: [
      Plot.ruleY([0], { stroke: '#999' }),
      Plot.lineY(data, { x: 'date', y: 'y', stroke: series, curve: 'step-after', strokeWidth: 2, strokeOpacity }),
      Plot.tip(data, Plot.pointerX({ x: 'date', y: 'y', stroke: series, title: (d: Row) => `${d.period} ${d[series]}\n${d.shown} ${unitShort(unit)}` })),
    ],
  };
}
