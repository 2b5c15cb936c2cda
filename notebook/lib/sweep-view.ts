/**
 * The sweep (data table) tab as URL state and tables. One or two inputs over a range → every
 * standard output at every point, so picking another output redraws without rerunning:
 *
 *   ?p=analysis&a.x=adjustments.salePriceFactor&a.xr=0.8:1.2:5&a.y=adjustments.saleDelayMonths&a.yr=0:12:3&a.o=totals.valueAdded
 *   → 15 engine runs; a 3 × 5 table of value added (rows: delay, columns: price index) and its heat map.
 *
 * Cells are the engine's own strings (元 to the fen, ratios as written); nothing is recomputed here.
 */
import { sweepMatrix, type SweepResult, type SweepSpec } from '../../engine/analysis/index';
import type { Column, Table } from '../../engine/presentation/tables';
import { defaultRange, labelOf, parseRange, type Choice, type Range } from './analysis-catalog';
import type { Lang } from './format';
import type { Params } from './url-state';

export const MAX_STEPS = 41;

export interface SweepView {
  readonly x: string;
  readonly xr: Range;
  readonly y: string | null;
  readonly yr: Range | null;
  readonly output: string;
}

const capped = (r: Range): Range => ({ ...r, steps: Math.min(MAX_STEPS, r.steps) });

/** The sweep the URL asks for, with defaults: the sale price index 0.8–1.2 against the first standard output. */
export function sweepViewOf(params: Params, s: Record<string, unknown>, outputs: readonly string[]): SweepView {
  const x = params['a.x'] || 'adjustments.salePriceFactor';
  const xr = parseRange(params['a.xr']) ?? defaultRange(s, x) ?? { from: '0', to: '1', steps: 5 };
  const y = params['a.y'] || null;
  const yr = y ? parseRange(params['a.yr']) ?? defaultRange(s, y) ?? { from: '0', to: '1', steps: 3 } : null;
  return { x, xr: capped(xr), y, yr: yr && capped(yr), output: params['a.o'] || outputs[0] || 'totals.valueAdded' };
}

/** The engine's spec: the view's axes, every standard output (and the chosen one after them, if typed in), so a new pick among them needs no rerun. */
export function sweepSpec(v: SweepView, outputs: readonly string[]): SweepSpec {
  const axis = (path: string, r: Range) => ({ path, from: r.from, to: r.to, steps: r.steps });
  return {
    axes: v.y && v.yr ? [axis(v.x, v.xr), axis(v.y, v.yr)] : [axis(v.x, v.xr)],
    outputs: [...new Set([...outputs, v.output.trim()])],
  };
}

const col = (key: string, zh: string, en: string, kind: Column<unknown>['kind'], get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind, get });

/** One row per point: the input values, then every output (one axis), or the chosen output as a matrix (two axes). */
export function sweepTable(res: SweepResult, output: number, inputs: readonly Choice[], outputs: readonly Choice[], lang: Lang): Table {
  const label = (path: string, l: Lang) => labelOf(inputs, path, l);
  const outLabel = (path: string, l: Lang) => labelOf(outputs, path, l);
  const [xa, ya] = res.axes;
  if (!ya) {
    return {
      name: 'sweep', zh: `数据表：${label(xa.path, 'zh')}`, en: `Data table: ${label(xa.path, 'en')}`, rows: res.cells,
      columns: [
        col('x', label(xa.path, 'zh'), label(xa.path, 'en'), 'text', (c) => String(c.inputs[0])),
        ...res.outputs.map((o, k) => col(`out${k}`, outLabel(o.path, 'zh'), outLabel(o.path, 'en'), o.kind, (c) => c.texts[k] ?? '')),
        col('problems', '无法运行的原因', 'Why refused', 'text', (c) => c.problems.map((p: { message: { zh: string; en: string } }) => (lang === 'en' ? p.message.en : p.message.zh)).join('; ')),
      ],
    };
  }
  const m = sweepMatrix(res, output);
  const o = res.outputs[output];
  const rows = m.rows.map((value, j) => ({ value, texts: m.texts[j] }));
  return {
    name: 'sweep-matrix', zh: `${outLabel(o.path, 'zh')}：${label(ya.path, 'zh')}（行）× ${label(xa.path, 'zh')}（列）`, en: `${outLabel(o.path, 'en')}: ${label(ya.path, 'en')} (rows) × ${label(xa.path, 'en')} (columns)`, rows,
    columns: [
      col('y', `${label(ya.path, 'zh')} \\ ${label(xa.path, 'zh')}`, `${label(ya.path, 'en')} \\ ${label(xa.path, 'en')}`, 'text', (r) => String(r.value)),
      ...m.columns.map((x, i) => col(`x${i}`, String(x), String(x), o.kind, (r) => r.texts[i] ?? '')),
    ],
  };
}

/** Index of an output path in a sweep's outputs (-1 if it was not computed). */
export function outputIndex(res: SweepResult, path: string): number {
  return res.outputs.findIndex((o) => o.path === path.trim());
}
