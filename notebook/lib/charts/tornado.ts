/** The tornado: one horizontal bar per input from the output at its low to the output at its high, the widest swing on top, the base drawn as a line. */
import * as Plot from '@observablehq/plot';
import type { TornadoResult } from '../../../engine/analysis/index';
import { L, type Lang, type MoneyUnit } from '../format';
import { axisTitle, figure } from '../analysis-figures';
import { AXIS, type ChartSpec, type Row } from './common';
import type { Table } from '../../../engine/presentation/tables';

const LOW = '#c0504d';
const HIGH = '#1f5f8b';

/** `labels` are the bars' input labels in the engine's order (sorted by swing). */
export function tornadoChart(res: TornadoResult, labels: readonly string[], outputLabel: string, table: Table, lang: Lang, unit: MoneyUnit): ChartSpec {
  const k = res.output.kind;
  const base = figure(k, res.base.text, unit);
  const lowName = L(lang, '输入取低值', 'input at its low');
  const highName = L(lang, '输入取高值', 'input at its high');
  const data: Row[] = [];
  res.bars.forEach((b, i) => {
    for (const [side, p, name] of [['low', b.low, lowName], ['high', b.high, highName]] as const) {
      const f = figure(k, p.text, unit);
      if (!Number.isFinite(f.y) || !Number.isFinite(base.y)) continue;
      // The input's value is written beyond the bar's end, on the side the bar points to.
      data.push({ input: labels[i], side: name, x1: base.y, x2: f.y, at: String(p.input), shown: f.shown, left: f.y < base.y || (f.y === base.y && side === 'low') });
    }
  });
  return {
    options: {
      marginLeft: 170,
      marginRight: 16,
      height: Math.max(160, 46 * labels.length + 60),
      x: { label: axisTitle(outputLabel, k, unit), grid: true, tickFormat: AXIS, inset: 40 },
      y: { label: null, domain: [...labels] },
      color: { domain: [lowName, highName], range: [LOW, HIGH] },
      marks: [
        Plot.barX(data, { y: 'input', x1: 'x1', x2: 'x2', fill: 'side', insetTop: 6, insetBottom: 6, tip: true, title: (d: Row) => `${d.input} = ${d.at}\n${outputLabel}: ${d.shown}` }),
        Plot.text(data.filter((d) => d.left), { y: 'input', x: 'x2', text: 'at', dx: -4, textAnchor: 'end', fontSize: 10, fill: '#55554f' }),
        Plot.text(data.filter((d) => !d.left), { y: 'input', x: 'x2', text: 'at', dx: 4, textAnchor: 'start', fontSize: 10, fill: '#55554f' }),
        ...(Number.isFinite(base.y) ? [Plot.ruleX([base.y], { stroke: '#1d1d1b', strokeWidth: 1.5 })] : []),
      ],
    },
    legend: [{ label: lowName, color: LOW }, { label: highName, color: HIGH }, { label: L(lang, `基准 ${base.shown}`, `base ${base.shown}`), color: '#1d1d1b', dash: true }],
    table,
  };
}
