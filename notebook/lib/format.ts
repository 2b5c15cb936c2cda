/**
 * Formatting for the notebook: money arrives as the engine's exact 元 strings ("62052732.24") and
 * leaves as 万元 or 亿元 text ("6,205.27"), through the engine's own money functions, so nothing
 * here is float arithmetic on money. `plotValue` is the one door to a float: a 万元/亿元 figure as
 * a Number, for a chart's y position only (never shown as a figure, never summed).
 *
 *   formatMoney("62052732.24", "wan") → "6,205.27"      formatMoney("2253333333.33", "yi") → "22.53"
 */
import { fenToWan, fenToYi, groupThousands, parseMoney } from '../../engine/money';

export type Lang = 'zh' | 'en';
export type MoneyUnit = 'wan' | 'yi';
export interface Text { zh: string; en: string }

/** Picks the language of a bilingual text from the engine ({zh, en}) or passes a plain string through. */
export function tx(text: Text | string | null | undefined, lang: Lang): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en || text.zh : text.zh || text.en) ?? '';
}

/** A bilingual literal: L(lang, '出让收入', 'Sale revenue'). */
export function L(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

export function unitShort(unit: MoneyUnit): string {
  return unit === 'yi' ? '亿元' : '万元';
}

function fenOf(yuan: string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  return parseMoney(String(yuan));
}

/** 元 string → grouped 万元/亿元 text, or '—' when missing. */
export function formatMoney(yuan: string | null | undefined, unit: MoneyUnit = 'wan'): string {
  const fen = fenOf(yuan);
  if (fen === null) return '—';
  return groupThousands(unit === 'yi' ? fenToYi(fen, 2) : fenToWan(fen, 2));
}

/** A 元 string as a float in the display unit — for chart positions only. */
export function plotValue(yuan: string | null | undefined, unit: MoneyUnit = 'wan'): number {
  const fen = fenOf(yuan);
  if (fen === null) return NaN;
  return Number(unit === 'yi' ? fenToYi(fen, 6) : fenToWan(fen, 4));
}

/** Month label "2022-09" → Date at UTC midnight on the 1st (for time axes). */
export function periodDate(label: string): Date {
  return new Date(`${label.slice(0, 7)}-01T00:00:00Z`);
}
