/**
 * How an analysis figure is shown: a money output (元 string, exact) in 万元 or 亿元 through the
 * notebook's formatting, a ratio or count as the engine wrote it — trimmed to six decimals where a
 * percentile between two runs left float noise ("1.6515499999999999" → "1.65155"). Positions on a
 * chart are floats (plotValue), never figures.
 */
import { dec, Decimal } from '../../engine/money';
import { splitValue } from '../../engine/analysis/index';
import { formatMoney, plotValue, unitShort, type MoneyUnit } from './format';

export type Kind = 'money' | 'number';

/** A non-money figure as text: at most six decimals, trailing zeros kept as the engine wrote them. */
export function numberText(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return text;
  const d = dec(text);
  return d.decimalPlaces() > 6 ? d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed() : text;
}

/** A figure for a chart: its position and the text a tip shows. */
export function figure(kind: Kind, text: string | null | undefined, unit: MoneyUnit): { y: number; shown: string } {
  if (text === null || text === undefined || text === '') return { y: NaN, shown: '—' };
  return kind === 'money' ? { y: plotValue(text, unit), shown: `${formatMoney(text, unit)} ${unitShort(unit)}` } : { y: Number(text), shown: numberText(text) };
}

/** The figure as a table or card shows it, without the unit. */
export function figureText(kind: Kind, text: string | null | undefined, unit: MoneyUnit): string {
  if (text === null || text === undefined || text === '') return '—';
  return kind === 'money' ? formatMoney(text, unit) : numberText(text);
}

/** An input value as the field writes it ("120000万元", "0.9", 6) → a float for an axis position. */
export function inputPosition(value: string | number): number {
  const v = splitValue(value);
  return v ? v.number.toNumber() : NaN;
}

/** An axis title with the unit of its figures. */
export function axisTitle(label: string, kind: Kind, unit: MoneyUnit): string {
  return kind === 'money' ? `${label}（${unitShort(unit)}）` : label;
}
