/** Zones (the engine's result.zones[]): balance, cumulative cash, and the developer's result across fee rates. */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, periodDate, plotValue, tx, unitShort, type Lang, type MoneyUnit } from '../format';
import { stepLines } from './step-lines';
import { AXIS, COLORS, money, moneyColumns, text, tierColor, yLabel, type ChartSpec, type Row } from './common';
import type { Table } from '../../../engine/presentation/tables';
import type { Result, ZoneReport } from '../../../engine/index';

/** The zones of a result; null when its parcels name no zone. */
export function zonesOf(r: Pick<Result, 'zones'>): readonly ZoneReport[] | null {
  return r.zones.length > 0 ? r.zones : null;
}

/** Each zone's revenue, provisions, cost and balance, side by side. */
export function zoneBalanceChart(zones: readonly ZoneReport[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const kinds: { key: 'saleRevenue' | 'provisions' | 'cost' | 'balance'; zh: string; en: string; color: string }[] = [
    { key: 'saleRevenue', zh: '出让收入', en: 'Revenue', color: COLORS.saleRevenue },
    { key: 'provisions', zh: '计提', en: 'Provisions', color: '#d9a52b' },
    { key: 'cost', zh: '成本', en: 'Cost', color: COLORS.acquisitionCost },
    { key: 'balance', zh: '收支差额', en: 'Balance', color: '#1f5f8b' },
  ];
  const names = kinds.map((k) => L(lang, k.zh, k.en));
  const zoneNames = zones.map((z) => tx(z.name, lang) || z.id);
  const data: Row[] = [];
  for (const z of zones) for (const k of kinds) {
    const v = z[k.key];
    data.push({ zone: tx(z.name, lang) || z.id, kind: L(lang, k.zh, k.en), y: plotValue(v, unit), shown: formatMoney(v, unit) });
  }
  return {
    options: {
      x: { axis: null, domain: names },
      fx: { label: null, domain: zoneNames },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      color: { domain: names, range: kinds.map((k) => k.color) },
      marks: [
        Plot.barY(data, { fx: 'zone', x: 'kind', y: 'y', fill: 'kind', tip: true, title: (d: Row) => `${d.zone} ${d.kind}\n${d.shown} ${unitShort(unit)}` }),
        Plot.ruleY([0]),
      ],
    },
    legend: kinds.map((k, i) => ({ label: names[i], color: k.color })),
    table: zoneTable(zones, lang),
  };
}

export function zoneTable(zones: readonly ZoneReport[], lang: Lang): Table {
  return {
    name: 'zones', zh: '片区收支平衡', en: 'Zone balance', rows: zones,
    columns: [
      text('id', '片区', 'Zone', (z) => z.id),
      text('name', '名称', 'Name', (z) => tx(z.name, lang)),
      text('mode', '运行方式', 'Mode', (z) => (z.mode === 'closed' ? L(lang, '封闭运行', 'closed') : L(lang, '全市统筹', 'pooled'))),
      ...moneyColumns<ZoneReport>([['saleRevenue', '出让收入', 'Revenue'], ['provisions', '计提', 'Provisions'], ['cost', '成本', 'Cost'], ['balance', '收支差额', 'Balance'],
        ['peakFundingNeed', '峰值资金需求', 'Peak funding need'], ['fiscalSupport', '财政支持', 'Fiscal support']]),
      text('developerRate', '做地补偿费率', 'Developer fee rate', (z) => z.developer?.compensationRate ?? ''),
      money('developerCompensation', '做地补偿', 'Developer compensation', (z) => z.developer?.compensation ?? '0.00'),
      money('developerCost', '做地主体成本', 'Developer cost', (z) => z.developer?.cost ?? '0.00'),
      money('developerResult', '做地主体盈亏', 'Developer result', (z) => z.developer?.result ?? '0.00'),
    ],
  };
}

/** Each zone's cumulative net cash, month by month. */
export function zoneCumulativeChart(zones: readonly ZoneReport[], lang: Lang, unit: MoneyUnit): ChartSpec {
  const names = zones.map((z) => tx(z.name, lang) || z.id);
  const colors = zones.map((_, i) => tierColor(i));
  const data: Row[] = [];
  zones.forEach((z, i) => { for (const p of z.byPeriod) data.push({ date: periodDate(p.period), period: p.period, zone: names[i], y: plotValue(p.cumulative, unit), shown: formatMoney(p.cumulative, unit) }); });
  const periods = zones[0]?.byPeriod.map((p) => p.period) ?? [];
  return {
    options: stepLines(data, 'zone', names, colors, `${L(lang, '累计净现金流', 'Cumulative net cash')}（${unitShort(unit)}）`, unit),
    legend: names.map((label, i) => ({ label, color: colors[i] })),
    table: { name: 'zone-cumulative', zh: '片区累计净现金流', en: 'Zone cumulative net cash', rows: periods.map((_, i) => i), columns: [text('period', '期间', 'Period', (i) => periods[i]), ...zones.map((z) => money(`zone.${z.id}`, `${tx(z.name, 'zh') || z.id}累计`, `${tx(z.name, 'en') || z.id} cumulative`, (i) => z.byPeriod[i]?.cumulative ?? ''))] },
  };
}

export interface SweepPoint { rate: string; zones: readonly ZoneReport[] }

/** The developer's result in each zone as the fee rate moves: where a line crosses zero is its break-even. */
export function breakEvenChart(points: SweepPoint[], current: string, lang: Lang, unit: MoneyUnit): ChartSpec {
  const zoneIds = points[0]?.zones.filter((z) => z.developer).map((z) => z.id) ?? [];
  const names = zoneIds.map((id) => tx(points[0].zones.find((z) => z.id === id)!.name, lang) || id);
  const colors = zoneIds.map((_, i) => tierColor(i));
  const data: Row[] = [];
  const rows: Row[] = [];
  for (const pt of points) for (const z of pt.zones) {
    if (!z.developer) continue;
    const i = zoneIds.indexOf(z.id);
    data.push({ rate: Number(pt.rate), zone: names[i], y: plotValue(z.developer.result, unit), shown: formatMoney(z.developer.result, unit) });
    rows.push({ rate: `${pt.rate}%`, zone: z.id, compensation: z.developer.compensation, cost: z.developer.cost, result: z.developer.result });
  }
  return {
    options: {
      x: { label: L(lang, '做地补偿费率（%）', 'Developer fee rate (%)') },
      y: { label: `${L(lang, '做地主体盈亏', 'Developer result')}（${unitShort(unit)}）`, grid: true, tickFormat: AXIS },
      color: { domain: names, range: colors },
      marks: [
        Plot.ruleY([0], { stroke: '#555' }),
        Plot.ruleX([Number(current)], { stroke: '#d9822b', strokeDasharray: '4,3' }),
        Plot.lineY(data, { x: 'rate', y: 'y', stroke: 'zone', strokeWidth: 2, marker: 'circle' }),
        Plot.tip(data, Plot.pointer({ x: 'rate', y: 'y', stroke: 'zone', title: (d: Row) => `${d.zone} ${d.rate}%\n${d.shown} ${unitShort(unit)}` })),
      ],
    },
    legend: [...names.map((label, i) => ({ label, color: colors[i] })), { label: L(lang, `当前费率 ${current}%`, `current rate ${current}%`), color: '#d9822b', dash: true }],
    table: { name: 'developer-break-even', zh: '做地主体盈亏平衡', en: 'Developer break-even', rows, columns: [text('rate', '费率', 'Rate', (x) => x.rate), text('zone', '片区', 'Zone', (x) => x.zone), money('compensation', '做地补偿', 'Compensation', (x) => x.compensation), money('cost', '做地主体成本', 'Cost', (x) => x.cost), money('result', '盈亏', 'Result', (x) => x.result)] },
  };
}

/** Where each zone's developer stops losing money: the last swept rate with a loss and the first without (a sign test, no arithmetic). */
export function breakEvenRates(points: SweepPoint[]): Map<string, { below: string | null; at: string | null }> {
  const out = new Map<string, { below: string | null; at: string | null }>();
  const ids = points[0]?.zones.filter((z) => z.developer).map((z) => z.id) ?? [];
  for (const id of ids) {
    const i = points.findIndex((pt) => { const d = pt.zones.find((z) => z.id === id)?.developer; return !!d && !d.result.startsWith('-'); });
    out.set(id, { below: i > 0 ? points[i - 1].rate : null, at: i >= 0 ? points[i].rate : null });
  }
  return out;
}
