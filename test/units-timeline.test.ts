import { describe, expect, it } from 'vitest';
import { areaIn, parseArea, parseUnitPrice, priceTimesArea } from '../engine/units';
import { makeTimeline, periodLabel, periodOfText, quarterLabel, yearsOf, parseDate } from '../engine/timeline';
import { roundFen, fenToWan } from '../engine/money';

describe('units', () => {
  it('1 亩 = 10000/15 m², 1 公顷 = 15 亩', () => {
    expect(areaIn(parseArea('15亩')!, 'm2').toFixed()).toBe('10000');
    expect(areaIn(parseArea('1公顷')!, 'mu').toFixed()).toBe('15');
    // seed 004: 3 100.6712 ha = 46 510.068 亩 ≈ 4.65 万亩
    expect(areaIn(parseArea('3100.6712公顷')!, 'mu').toFixed()).toBe('46510.068');
  });

  it('a per-亩 price multiplies an area in 亩 without passing through m²', () => {
    const v = priceTimesArea(parseUnitPrice('177.33万元/亩')!, parseArea('34.9928亩')!);
    expect(v.toFixed()).toBe('62052732.24');
    expect(fenToWan(roundFen(v))).toBe('6205.27');
  });

  it('rejects areas and prices without a unit', () => {
    expect(parseArea('34.9928')).toBeNull();
    expect(parseUnitPrice('2660')).toBeNull();
    expect(parseUnitPrice('2元/m²/年')?.perTime).toBe('year');
  });
});

describe('timeline', () => {
  const t = makeTimeline('2022-01', 24);
  it('maps dates to monthly periods and back', () => {
    expect(periodOfText(t, '2022-09-16')).toBe(8);
    expect(periodOfText(t, '2023-01')).toBe(12);
    expect(periodLabel(t, 23)).toBe('2023-12');
    expect(quarterLabel(t, 8)).toBe('2022Q3');
    expect(yearsOf(t)).toEqual([2022, 2023]);
  });
  it('refuses impossible dates', () => {
    expect(parseDate('2022-02-30')).toBeNull();
    expect(parseDate('2022-13')).toBeNull();
    expect(parseDate('2024-02-29')).not.toBeNull();
  });
});
