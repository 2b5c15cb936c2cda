/** A sweep drawn: one input → a line of the chosen output; two inputs → a heat map with each cell's figure written in. */
import * as Plot from '@observablehq/plot';
import { sweepMatrix, type SweepResult } from '../../../engine/analysis/index';
import { L, type Lang, type MoneyUnit } from '../format';
import { axisTitle, figure, inputPosition } from '../analysis-figures';
import { AXIS, COLORS, type ChartSpec, type Row } from './common';
import type { Table } from '../../../engine/presentation/tables';

export interface SweepLabels { readonly x: string; readonly y: string; readonly output: string }

/** The output at each value of the one input (refused points are left out of the line, kept in the table). */
export function sweepLineChart(res: SweepResult, output: number, labels: SweepLabels, table: Table, lang: Lang, unit: MoneyUnit): ChartSpec {
  const o = res.outputs[output];
  const data: Row[] = res.cells.filter((c) => c.ok && c.texts[output] !== null).map((c) => {
    const f = figure(o.kind, c.texts[output], unit);
    return { x: inputPosition(c.inputs[0]), input: String(c.inputs[0]), y: f.y, shown: f.shown };
  });
  return {
    options: {
      marginLeft: 64,
      x: { label: labels.x, grid: true },
      y: { label: axisTitle(labels.output, o.kind, unit), grid: true, tickFormat: AXIS },
      marks: [
        Plot.lineY(data, { x: 'x', y: 'y', stroke: COLORS.a, strokeWidth: 2 }),
        Plot.dot(data, { x: 'x', y: 'y', fill: COLORS.a, r: 3.5 }),
        Plot.tip(data, Plot.pointerX({ x: 'x', y: 'y', title: (d: Row) => `${labels.x} = ${d.input}\n${labels.output}: ${d.shown}` })),
      ],
    },
    legend: [{ label: labels.output, color: COLORS.a }],
    table,
  };
}

/** The chosen output over both inputs: a cell per point, its colour the figure, its text the figure in the display unit. */
export function sweepHeatChart(res: SweepResult, output: number, labels: SweepLabels, table: Table, lang: Lang, unit: MoneyUnit): ChartSpec {
  const o = res.outputs[output];
  const m = sweepMatrix(res, output);
  const xs = m.columns.map(String);
  const ys = m.rows.map(String);
  const data: Row[] = [];
  ys.forEach((yv, j) => xs.forEach((xv, i) => {
    const f = figure(o.kind, m.texts[j][i], unit);
    data.push({ x: xv, y: yv, v: Number.isFinite(f.y) ? f.y : null, shown: m.texts[j][i] === null ? '×' : f.shown.replace(/ (万元|亿元)$/, '') });
  }));
  const refused = L(lang, '无法运行', 'refused');
  return {
    options: {
      marginLeft: 80,
      marginBottom: 44,
      height: Math.max(220, 34 * ys.length + 80),
      x: { label: labels.x, domain: xs, tickRotate: xs.length > 8 ? -30 : 0 },
      y: { label: labels.y, domain: ys },
      color: { type: 'linear', scheme: 'ylgnbu', label: axisTitle(labels.output, o.kind, unit) },
      marks: [
        Plot.cell(data, { x: 'x', y: 'y', fill: 'v', inset: 0.5, tip: true, title: (d: Row) => `${labels.x} = ${d.x}\n${labels.y} = ${d.y}\n${labels.output}: ${d.v === null ? refused : d.shown}` }),
        ...(xs.length <= 12 ? [Plot.text(data, { x: 'x', y: 'y', text: 'shown', fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', fontSize: 10 })] : []),
      ],
    },
    legend: [],
    table,
  };
}
