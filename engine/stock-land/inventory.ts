/**
 * The stock-land inventory (存量土地统计表): hectares by county/district and category —
 * 批而未供 (approved for conversion/expropriation but not supplied), 涉嫌闲置 (suspected idle) and
 * 城镇低效 (inefficient urban land) — with the totals the source states, which must agree with the
 * sums of its cells.
 *
 * Worked example (seed 004, Qinzhou at 2020-12-31): 市主城区 921.6116 + 8.6559 + 263.2333 =
 * 1 193.5008 ha; columns 2 654.0829 + 46.8457 + 399.7426 = 3 100.6712 ha = 46 510.068 亩.
 */
import { dec, type Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { path, readArray, readHectares, readObject, readString, readStrings, type Json } from '../evaluation/fields';
import { haToMu } from './area-mu';

export const STOCK_CATEGORIES = ['approvedUnsupplied', 'suspectedIdle', 'inefficientUrban'] as const;
export type StockCategory = (typeof STOCK_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<StockCategory, { zh: string; en: string }> = {
  approvedUnsupplied: { zh: '批而未供', en: 'approved, not supplied' },
  suspectedIdle: { zh: '涉嫌闲置', en: 'suspected idle' },
  inefficientUrban: { zh: '城镇低效', en: 'inefficient urban' },
};

export type CategoryAreas = Readonly<Record<StockCategory, Decimal>>;

export interface CountyStock {
  readonly id: string;
  readonly name: string;
  readonly areaHa: CategoryAreas;
}

export interface StockInventory {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly counties: readonly CountyStock[];
}

export function zeroAreas(): Record<StockCategory, Decimal> {
  return { approvedUnsupplied: dec('0'), suspectedIdle: dec('0'), inefficientUrban: dec('0') };
}

export function countyTotalHa(county: CountyStock): Decimal {
  return STOCK_CATEGORIES.reduce((s, c) => s.plus(county.areaHa[c]), dec('0'));
}

export function categoryTotalHa(inventory: StockInventory, category: StockCategory): Decimal {
  return inventory.counties.reduce((s, c) => s.plus(c.areaHa[category]), dec('0'));
}

export function grandTotalHa(inventory: StockInventory): Decimal {
  return inventory.counties.reduce((s, c) => s.plus(countyTotalHa(c)), dec('0'));
}

export function grandTotalMu(inventory: StockInventory): Decimal {
  return haToMu(grandTotalHa(inventory));
}

/** Each county's share of the whole stock (市主城区 1 193.5008 / 3 100.6712 = 38.49 %). */
export function countyShares(inventory: StockInventory): { id: string; share: Decimal }[] {
  const total = grandTotalHa(inventory);
  return inventory.counties.map((c) => ({ id: c.id, share: total.isZero() ? dec('0') : countyTotalHa(c).div(total) }));
}

/**
 * Reads an inventory file, checking each stated row total, column total and the grand total
 * against the sums of the cells; a mismatch is a problem at the stated figure's path.
 */
export function parseStockInventory(value: unknown): { inventory: StockInventory | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const obj = readObject(value, '', problems);
  if (!obj) return { inventory: null, problems };
  const { id, title, source } = readStrings(obj, ['id', 'title', 'source'], '', problems);
  const asOf = readString(obj, 'asOf', '', problems);
  const list = readArray(obj.counties, 'counties', problems, 1) ?? [];
  const seen = new Set<string>();
  const counties: CountyStock[] = [];
  list.forEach((c, i) => {
    const at = path('counties', i);
    const co = readObject(c, at, problems);
    if (!co) return;
    const cid = readString(co, 'id', at, problems);
    const name = readString(co, 'name', at, problems);
    if (cid !== null && seen.has(cid)) problems.push(problem('ref.duplicate', path(at, 'id'), cid, { en: 'a county id not already used', zh: '未重复的县区编号' }));
    if (cid !== null) seen.add(cid);
    const areas = readAreas(co.areaHa, path(at, 'areaHa'), problems);
    if (cid === null || name === null || !areas) return;
    const county = { id: cid, name, areaHa: areas };
    checkStated(co, 'statedTotalHa', at, countyTotalHa(county), problems);
    counties.push(county);
  });
  if (!id || !title || !source || !asOf || counties.length !== list.length) return { inventory: null, problems };
  // Every cell read: the stated column totals are checked even when a row total disagreed.
  const inventory: StockInventory = { id, title, source, asOf, counties };
  if (obj.statedTotalsHa !== undefined) {
    const st = readObject(obj.statedTotalsHa, 'statedTotalsHa', problems);
    if (st) {
      for (const cat of STOCK_CATEGORIES) checkStated(st, cat, 'statedTotalsHa', categoryTotalHa(inventory, cat), problems);
      checkStated(st, 'all', 'statedTotalsHa', grandTotalHa(inventory), problems);
    }
  }
  return problems.length > 0 ? { inventory: null, problems } : { inventory, problems };
}

function readAreas(value: unknown, at: string, problems: Problem[]): CategoryAreas | null {
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const before = problems.length;
  const out = zeroAreas();
  for (const cat of STOCK_CATEGORIES) {
    const v = readHectares(obj[cat], path(at, cat), problems);
    if (v) out[cat] = v;
  }
  for (const key of Object.keys(obj)) {
    if (!(STOCK_CATEGORIES as readonly string[]).includes(key)) {
      problems.push(problem('schema.unknownField', path(at, key), obj[key], { en: `a category: ${STOCK_CATEGORIES.join(' | ')}`, zh: '类别：批而未供、涉嫌闲置或城镇低效' }));
    }
  }
  return problems.length > before ? null : out;
}

function checkStated(obj: Json, key: string, at: string, computed: Decimal, problems: Problem[]): void {
  if (obj[key] === undefined) return;
  const stated = readHectares(obj[key], path(at, key), problems);
  if (stated && !stated.eq(computed)) {
    problems.push(problem('schema.range', path(at, key), obj[key], {
      en: `the sum of the cells, ${computed.toString()} ha`,
      zh: `各分项之和 ${computed.toString()} 公顷`,
    }, undefined, 'a stated total must equal the sum of its cells: check the cells against the source table'));
  }
}
