/**
 * The 2020 rural earmark (P-11), year by year: the share of land-sale net income spent on
 * agriculture and rural areas, as a line against the year's target (a step), with the table the
 * bureau files — income, net income, rural uses, required, met or short by how much.
 */
import * as Plot from '@observablehq/plot';
import { COLORS, money, text, type ChartSpec, type Row } from './common';
import { L, type Lang } from '../format';
import type { Result } from '../../../engine/report';

export function earmarkChart(r: Pick<Result, 'ruralEarmark'>, lang: Lang): ChartSpec {
  const used = L(lang, '用于农业农村占土地出让收益比例', 'Rural share of net land income');
  const target = L(lang, '当年目标', 'Target');
  const data: Row[] = [];
  for (const e of r.ruralEarmark) {
    if (e.shareOfNetIncomePercent !== null) data.push({ year: String(e.year), series: used, y: Number(e.shareOfNetIncomePercent) });
    if (e.method === 'netIncome') data.push({ year: String(e.year), series: target, y: Number(e.target.replace('%', '')) });
  }
  const colors = [COLORS.saleRevenue, '#c0392b'];
  return {
    options: {
      x: { label: null, type: 'point' },
      y: { label: '%', grid: true, domain: [0, Math.max(60, ...data.map((d) => d.y as number))] },
      color: { domain: [used, target], range: colors },
      marks: [
        Plot.line(data.filter((d) => d.series === used), { x: 'year', y: 'y', stroke: 'series', marker: 'circle', tip: true }),
        Plot.line(data.filter((d) => d.series === target), { x: 'year', y: 'y', stroke: 'series', curve: 'step', strokeDasharray: '4 3' }),
        Plot.ruleY([0]),
      ],
    },
    legend: [{ label: used, color: colors[0] }, { label: target, color: colors[1] }],
    table: {
      name: 'rural-earmark', zh: '土地出让收入用于农业农村（年度）', en: 'Land income for agriculture and rural areas, by year', rows: r.ruralEarmark,
      columns: [
        text('year', '年度', 'Year', (e) => String(e.year)),
        money('income', '土地出让收入', 'Land-sale income', (e) => e.income),
        money('netIncome', '土地出让收益', 'Net land income', (e) => e.netIncome),
        money('ruralUses', '用于农业农村', 'Spent on rural areas', (e) => e.ruralUses),
        text('share', '占收益比例', 'Share of net income', (e) => (e.shareOfNetIncomePercent === null ? '—' : `${e.shareOfNetIncomePercent}%`)),
        text('target', '目标', 'Target', (e) => (e.method === 'netIncome' ? `${e.target}${e.floor && e.floor !== '0%' ? ` / ≥${e.floor} ${L(lang, '收入', 'of income')}` : ''}` : `${e.target} ${L(lang, '收入', 'of income')}`)),
        money('required', '应达到', 'Required', (e) => e.required),
        text('met', '是否达标', 'Met', (e) => (e.met ? L(lang, '达标', 'met') : L(lang, '未达标', 'short'))),
        money('shortBy', '差额', 'Short by', (e) => e.shortBy),
      ],
    },
  };
}
