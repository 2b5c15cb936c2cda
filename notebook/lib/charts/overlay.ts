/** Two runs overlaid on the same axes (the compare page). */
import { formatMoney, L, periodDate, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { stepLines } from './step-lines';
import { COLORS, figureAt, money, text, type ChartSpec, type Row } from './common';
import type { PeriodRow, Result } from '../../../engine/index';

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
    options: stepLines(data, 'run', names, [COLORS.a, COLORS.b], `${L(lang, label.zh, label.en)}（${unitShort(unit)}）`, unit, 0.85),
    legend: [{ label: names[0], color: COLORS.a }, { label: names[1], color: COLORS.b }],
    table: {
      name: `compare-${key}`, zh: `${label.zh}对比`, en: `${label.en} compared`, rows: periods,
      columns: [text('period', '期间', 'Period', (p) => p), money('a', `${label.zh}（A）`, `${label.en} (A)`, (p) => (rowsA.get(p) ? get(rowsA.get(p)!) ?? '' : '')), money('b', `${label.zh}（B）`, `${label.en} (B)`, (p) => (rowsB.get(p) ? get(rowsB.get(p)!) ?? '' : ''))],
    },
  };
}
