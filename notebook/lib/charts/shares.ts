/** Each tier's share of value added, year by year. */
import * as Plot from '@observablehq/plot';
import { formatMoney, plotValue, tx, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, money, text, tierColor, yLabel, type ChartSpec, type Row } from './common';
import type { Result } from '../../../engine/report';

export function sharesByYearChart(r: Pick<Result, 'tiers' | 'years'>, lang: Lang, unit: MoneyUnit): ChartSpec {
  const names = r.tiers.map((t) => tx(t.name, lang));
  const data: Row[] = [];
  for (const y of r.years) r.tiers.forEach((t, i) => {
    const v = y.shares[t.id] ?? '0.00';
    data.push({ year: String(y.year), tier: names[i], y: plotValue(v, unit), shown: formatMoney(v, unit) });
  });
  const colors = r.tiers.map((_, i) => tierColor(i));
  return {
    options: {
      x: { axis: null, domain: names },
      fx: { label: null },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.barY(data, { fx: 'year', x: 'tier', y: 'y', fill: 'tier', tip: true, title: (d: Row) => `${d.year} ${d.tier}\n${d.shown} ${unitShort(unit)}` }),
        Plot.ruleY([0]),
      ],
    },
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'shares-by-year', zh: '各级分成（年度）', en: 'Shares by year', rows: r.years, columns: [text('year', '年度', 'Year', (y) => String(y.year)), money('valueAdded', '增值收益', 'Value added', (y) => y.valueAdded), ...r.tiers.map((t) => money(`shares.${t.id}`, `${t.name.zh}分成`, `${t.name.en} share`, (y) => y.shares[t.id] ?? '0.00'))] },
  };
}
