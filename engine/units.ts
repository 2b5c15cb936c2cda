/**
 * Areas and unit prices, converted exactly at the edge.
 *
 * 1 亩 = 10000/15 m² (666.666… m²), 1 公顷 = 15 亩 = 10 000 m² (DOMAIN U-1, U-2).
 * An area keeps the unit it was written in, so a price stated per 亩 multiplies an area in 亩
 * without passing through m²: seed 001 prices 34.9928 亩 at 177.33 万元/亩 → 6 205.27 万元, while
 * the same land in m² at 2 660 元/m² gives 6 205.39 万元 (the document uses the per-亩 figure).
 */
import { Decimal, dec, memo, MONEY_UNITS } from './money';

export type AreaUnit = 'm2' | 'mu' | 'ha';

export interface Area {
  readonly value: Decimal;
  readonly unit: AreaUnit;
}

/** Square metres in one unit of each area unit, exact as Decimal ratios. */
const M2_PER: Record<AreaUnit, Decimal> = {
  m2: dec('1'),
  mu: dec('10000').div(15),
  ha: dec('10000'),
};

const AREA_UNIT_WORDS: Record<string, AreaUnit> = {
  'm²': 'm2', 'm2': 'm2', '平方米': 'm2', '㎡': 'm2',
  '亩': 'mu', 'mu': 'mu',
  '公顷': 'ha', 'ha': 'ha', 'hm²': 'ha',
};

const AREA_UNIT_PATTERN = '(m²|m2|平方米|㎡|亩|mu|公顷|ha|hm²)';
const AREA_RE = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${AREA_UNIT_PATTERN}\\s*$`);

/** Parses "34.9928亩", "42251.56m²", "3100.6712公顷". Null if malformed. */
export const parseArea = memo((text: string): Area | null => {
  const m = AREA_RE.exec(text);
  if (!m) return null;
  return { value: dec(m[1]), unit: AREA_UNIT_WORDS[m[2]] };
});

/** The area expressed in another unit, exactly (to 40 significant digits). */
export function areaIn(area: Area, unit: AreaUnit): Decimal {
  if (area.unit === unit) return area.value;
  return area.value.times(M2_PER[area.unit]).div(M2_PER[unit]);
}

export function areaM2(area: Area): Decimal {
  return areaIn(area, 'm2');
}

/** A price per unit of area, in 元 per `per` ("177.33万元/亩" → 1 773 300 元 per 亩). */
export interface UnitPrice {
  readonly yuanPer: Decimal;
  readonly per: AreaUnit;
  readonly text: string;
}

const UNIT_PRICE_RE = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*(元|万元|亿元)\\s*/\\s*${AREA_UNIT_PATTERN}\\s*(?:/\\s*(年|year|月|month))?\\s*$`);

/** Parses "177.33万元/亩", "2660元/m²", and, with `perTime`, "2元/m²/年". Null if malformed. */
export const parseUnitPrice = memo((text: string): (UnitPrice & { perTime?: 'year' | 'month' }) | null => {
  const m = UNIT_PRICE_RE.exec(text);
  if (!m) return null;
  const perTime = m[4] === undefined ? undefined : m[4] === '年' || m[4] === 'year' ? 'year' : 'month';
  return { yuanPer: dec(m[1]).times(MONEY_UNITS[m[2]]), per: AREA_UNIT_WORDS[m[3]], text: text.trim(), perTime };
});

/** price × area in 元 (not yet rounded: the caller rounds once, with roundFen). */
export function priceTimesArea(price: UnitPrice, area: Area): Decimal {
  return price.yuanPer.times(areaIn(area, price.per));
}

/** An area's display strings, m² to 2 places and 亩 to 4 (memoised: they are shown for every parcel). */
export const areaDisplay = memo((text: string): { m2: string; mu: string } => {
  const a = parseArea(text)!;
  return { m2: areaIn(a, 'm2').toFixed(2, Decimal.ROUND_HALF_UP), mu: areaIn(a, 'mu').toFixed(4, Decimal.ROUND_HALF_UP) };
});
