/**
 * The tornado tab as URL state and a table. The uncertain inputs are the engine's stress
 * adjustments (defaultTornadoInputs: sale price index 0.8/1.2, cost factor 0.9/1.2, sale delay
 * 0/12 months, rate shift ±100 bp); each low and high can be moved in the URL:
 *
 *   ?p=analysis&a.tab=tornado&a.to=totals.peakFundingNeed&a.t.delay=0,24
 *
 * The swing of a ratio is |high − low| taken with Decimal on the engine's strings (1.9683 − 1.4085
 * = 0.5598), not in float; a money swing is the engine's own, exact to the fen.
 */
import { defaultTornadoInputs, type TornadoBar, type TornadoInput, type TornadoResult, type TornadoSpec } from '../../engine/analysis/index';
import { dec } from '../../engine/money';
import type { Column, Table } from '../../engine/presentation/tables';
import { labelOf, type Choice } from './analysis-catalog';
import type { Lang } from './format';
import type { Params } from './url-state';

/** URL key suffix of each standard input (a.t.price=0.8,1.2). */
export const TORNADO_KEYS: Record<string, string> = {
  'adjustments.salePriceFactor': 'price',
  'adjustments.costFactor': 'cost',
  'adjustments.saleDelayMonths': 'delay',
  'adjustments.rateShiftBp': 'rate',
};

export interface TornadoRow { readonly path: string; readonly key: string; readonly low: string; readonly high: string; readonly moved: boolean }

export interface TornadoView { readonly output: string; readonly rows: readonly TornadoRow[] }

const pair = (text: string | undefined): [string, string] | null => {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text ?? '');
  return m ? [m[1], m[2]] : null;
};

export function tornadoViewOf(params: Params, outputs: readonly string[]): TornadoView {
  const rows = defaultTornadoInputs().map((ti) => {
    const key = TORNADO_KEYS[ti.path] ?? ti.path;
    const base = 'low' in ti ? [String(ti.low), String(ti.high)] : ['', ''];
    const moved = pair(params[`a.t.${key}`]);
    return { path: ti.path, key, low: moved?.[0] ?? base[0], high: moved?.[1] ?? base[1], moved: !!moved };
  });
  return { output: params['a.to'] || outputs[0] || 'totals.peakFundingNeed', rows };
}

/** The engine's spec; a field that the schema writes as a whole number gets whole numbers. */
export function tornadoSpec(v: TornadoView): TornadoSpec {
  return { output: v.output, inputs: v.rows.map((r): TornadoInput => ({ path: r.path, low: r.low, high: r.high })) };
}

/** |high − low| of a bar as exact text (money: the engine's; ratios: Decimal on the two strings). */
export function swingText(res: TornadoResult, bar: TornadoBar): string | null {
  if (res.output.kind === 'money') return bar.swingText;
  if (bar.low.text === null || bar.high.text === null) return null;
  return dec(bar.high.text).minus(dec(bar.low.text)).abs().toFixed();
}

const col = (key: string, zh: string, en: string, kind: Column<unknown>['kind'], get: (b: any) => string): Column<unknown> => ({ key, zh, en, kind, get });

/** The bars in the engine's order (widest swing first), with the output at each end and the swing. */
export function tornadoTable(res: TornadoResult, inputs: readonly Choice[], outputLabel: { zh: string; en: string }, lang: Lang): Table {
  const k = res.output.kind;
  return {
    name: 'tornado', zh: `敏感性（龙卷风图）：${outputLabel.zh}`, en: `Tornado: ${outputLabel.en}`, rows: res.bars,
    columns: [
      col('input', '输入', 'Input', 'text', (b: TornadoBar) => labelOf(inputs, b.path, lang)),
      col('path', '路径', 'Path', 'text', (b: TornadoBar) => b.path),
      col('low', '低值', 'Low', 'text', (b: TornadoBar) => String(b.low.input)),
      col('high', '高值', 'High', 'text', (b: TornadoBar) => String(b.high.input)),
      col('atLow', `低值时${outputLabel.zh}`, `${outputLabel.en} at low`, k, (b: TornadoBar) => b.low.text ?? ''),
      col('atHigh', `高值时${outputLabel.zh}`, `${outputLabel.en} at high`, k, (b: TornadoBar) => b.high.text ?? ''),
      col('swing', '摆幅', 'Swing', k, (b: TornadoBar) => swingText(res, b) ?? ''),
      col('problems', '无法运行的原因', 'Why refused', 'text', (b: TornadoBar) => [...b.low.problems, ...b.high.problems].map((p) => (lang === 'en' ? p.message.en : p.message.zh)).join('; ')),
    ],
  };
}
