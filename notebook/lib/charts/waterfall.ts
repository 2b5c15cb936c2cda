/** The sale waterfall: sale revenue through each provision and the cost recovered to value added, then each tier's share. */
import * as Plot from '@observablehq/plot';
import { formatMoney, L, plotValue, unitShort, type Lang, type MoneyUnit } from '../format';
import { AXIS, COLORS, money, text, tierColor, yLabel, type ChartSpec, type Row } from './common';
import { PROVISION_KINDS, PROVISION_NAMES } from '../metrics';
import type { ParcelRow, Result } from '../../../engine/report';

export interface WaterfallStep { key: string; zh: string; en: string; value: string; kind: 'total' | 'minus' | 'result' | 'share'; color: string }

type Waterfallable = Pick<ParcelRow, 'provisionsByKind' | 'costRecovered' | 'unrecoveredCost' | 'valueAdded' | 'shares'> & { saleRevenue: string };

export function waterfallSteps(w: Waterfallable, r: Pick<Result, 'tiers'>, enabled: readonly string[]): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ key: 'saleRevenue', zh: '出让收入', en: 'Sale revenue', value: w.saleRevenue, kind: 'total', color: COLORS.saleRevenue }];
  for (const k of PROVISION_KINDS) {
    if (!enabled.includes(k) && w.provisionsByKind[k] === '0.00') continue;
    steps.push({ key: `provisions.${k}`, zh: `计提${PROVISION_NAMES[k].zh}`, en: PROVISION_NAMES[k].en, value: w.provisionsByKind[k], kind: 'minus', color: '#d9a52b' });
  }
  steps.push({ key: 'costRecovered', zh: '核定成本返还', en: 'Cost recovered', value: w.costRecovered, kind: 'minus', color: COLORS.acquisitionCost });
  steps.push({ key: 'valueAdded', zh: '增值收益', en: 'Value added', value: w.valueAdded, kind: 'result', color: '#55554f' });
  r.tiers.forEach((t, i) => steps.push({ key: `shares.${t.id}`, zh: `${t.name.zh}分成`, en: `${t.name.en} share`, value: w.shares[t.id] ?? '0.00', kind: 'share', color: tierColor(i) }));
  return steps;
}

/** From sale revenue down through each provision and the cost recovered to value added, then each tier's share of it. */
export function waterfallChart(steps: WaterfallStep[], lang: Lang, unit: MoneyUnit): ChartSpec {
  // Bar positions: a running level in display units (floats, for drawing only; the figures shown are the engine's).
  let level = 0;
  let shareBase = 0;
  const bars: Row[] = steps.map((s) => {
    const v = plotValue(s.value, unit);
    let y1 = 0;
    let y2 = v;
    if (s.kind === 'total') { level = v; }
    else if (s.kind === 'minus') { y1 = level - v; y2 = level; level = y1; }
    else if (s.kind === 'result') { y1 = 0; y2 = v; shareBase = 0; }
    else { y1 = shareBase; y2 = shareBase + v; shareBase = y2; }
    return { step: L(lang, s.zh, s.en), key: s.key, y1, y2, color: s.color, shown: `${s.kind === 'minus' ? '−' : ''}${formatMoney(s.value, unit)}`, value: s.value };
  });
  const domain = bars.map((b) => b.step as string);
  return {
    options: {
      marginBottom: 70,
      marginTop: 30,
      x: { domain, label: null, tickRotate: -30 },
      y: { label: yLabel(lang, unit), grid: true, tickFormat: AXIS },
      marks: [
        Plot.barY(bars, { x: 'step', y1: 'y1', y2: 'y2', fill: 'color', insetLeft: 6, insetRight: 6, tip: true, title: (d: Row) => `${d.step}\n${d.shown} ${unitShort(unit)}` }),
        Plot.text(bars, { x: 'step', y: 'y2', text: 'shown', dy: -7, fontSize: 10 }),
        Plot.ruleY([0]),
      ],
    },
    legend: [],
    table: { name: 'waterfall', zh: '出让收入分配瀑布', en: 'Sale revenue waterfall', rows: steps, columns: [text('step', '项目', 'Step', (s) => s.zh), text('stepEn', 'Step', 'Step', (s) => s.en), money('value', '金额（元）', 'Amount (yuan)', (s) => s.value)] },
  };
}

/** Each tier's share, year by year, side by side. */
