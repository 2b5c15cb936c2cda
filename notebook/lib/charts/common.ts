/**
 * What every chart specification shares: the shape (Plot options, legend, the data behind it as a
 * table with Chinese and English headers), the palette, axis ticks, and column helpers. Money
 * becomes a float only as a chart position (plotValue); tips and CSVs show the engine's figures.
 */
import { L, unitShort, type Lang, type MoneyUnit } from '../format';
import type * as Plot from '@observablehq/plot';
import type { Column, Table } from '../../../engine/presentation/tables';
import { metricDef } from '../metrics';
import type { LegendItem } from '../export';

export interface ChartSpec {
  options: Plot.PlotOptions;
  legend: LegendItem[];
  table: Table;
}

export const COLORS: Record<string, string> = {
  saleRevenue: '#2f7d4f', leaseIncome: '#8cc084', appropriations: '#4a78b5', fiscalTopUp: '#9db8e0', bondProceeds: '#8e6bb8',
  acquisitionCost: '#c0504d', serviceFee: '#e3a08c', developmentCost: '#d9822b', managementFee: '#f2c27b', holdingCost: '#a58d6f', saleBusinessFee: '#cdbb9f', debtService: '#6d2e8c',
  advances: '#b7c9a8', poolCapital: '#5aa0a0', poolInflows: '#8fc7c7', interest: '#6d2e8c', principalRepaid: '#a77fc4', bondFees: '#d3b8e6', advancesReturned: '#7a7a72',
  reserveFundBalance: '#1f5f8b', treasuryBalance: '#2f7d4f', poolBalance: '#8e6bb8', cumulativeNet: '#c0504d',
  a: '#1f5f8b', b: '#d9822b',
};
const TIER_COLORS = ['#1f5f8b', '#d9822b', '#2f7d4f', '#8e6bb8', '#c0504d'];
export const tierColor = (i: number) => TIER_COLORS[i % TIER_COLORS.length];

export const money = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'money', get });
export const text = (key: string, zh: string, en: string, get: (r: any) => string): Column<unknown> => ({ key, zh, en, kind: 'text', get });
/** Axis ticks as grouped numbers in the display unit ("100,000"); one formatter for all (toLocaleString makes one per call). */
const TICKS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const AXIS = (d: number) => (Number.isFinite(d) ? TICKS.format(d) : '');
export const yLabel = (lang: Lang, unit: MoneyUnit) => `${L(lang, '金额', 'Amount')}（${unitShort(unit)}）`;

export type Row = Record<string, unknown>;

/** The money fields of a result row type: an engine rename stops the build instead of drawing nothing. */
export type MoneyKey<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T];

/** A row's figure by a key that arrives as text (a URL parameter, a trace metric); undefined when it names no figure. */
export function figureAt(row: object, key: string): string | undefined {
  const v: unknown = Reflect.get(row, key);
  return typeof v === 'string' ? v : undefined;
}

/** Money columns read straight from a row type's fields: [field, Chinese header, English header]. */
export function moneyColumns<T extends object>(list: readonly (readonly [MoneyKey<T>, string, string])[]): Column<unknown>[] {
  return list.map(([key, zh, en]) => money(String(key), zh, en, (r: T) => figureAt(r, String(key)) ?? ''));
}

/** A figure's name as the notebook's metric list gives it (the key itself when it has none). */
export function figureName(key: string): { zh: string; en: string } {
  const d = metricDef(key);
  return d ? { zh: d.zh, en: d.en } : { zh: key, en: key };
}

