/**
 * What the engine can hold exactly and what a scenario may ask of it. Each limit is a named
 * constant with its reason; a value beyond one is refused at the edge as a problem with its JSON
 * path, never an exception in the ledger. The README's table of limits lists the same numbers.
 *
 * The money limits follow from integer fen in a float64 (exact below 2^53 fen ≈ 90 万亿元): one
 * amount may be at most 1 万亿元, and all of a scenario's amounts together at most 10 万亿元, so
 * every sum the report makes (sources, uses, cumulative balances, interest on top) stays exact.
 * China's whole land-sale income is about 6–9 万亿元 a year, so no real reserve comes near.
 */
import { Decimal, MONEY_UNITS, NOT_EXACT, exactFen, parseRate, plainMoneyFen } from './money';

/** One amount (a price, a payment, a principal): 1 万亿元 = 10^12 元. */
export const MAX_AMOUNT_YUAN = 1e12;
/** Every amount of a scenario together (costs, sales, funding): 10 万亿元, a ninth of the exact range. */
export const MAX_SCENARIO_TOTAL_FEN = 1e15;
/** An area: 1,000 km² (150 万亩), larger than any reserve parcel, small enough that area × price stays exact. */
export const MAX_AREA_M2 = 1e9;
/** A unit price: 100 万元 per m² (6.67 亿元/亩), ten times the dearest land ever sold in China. */
export const MAX_UNIT_PRICE_YUAN_PER_M2 = 1e6;
/** A split weight: at most 10^9 with 6 decimals, so weights scale to integers whose sum stays safe. */
export const MAX_WEIGHT = 1e9;
export const MAX_WEIGHT_DECIMALS = 6;
/** A factor (sale price, cost): at most 100×; a factor is a what-if, not a way to reach the money limits. */
export const MAX_FACTOR = 100;
/** Rates are shares of something: 0–100%. */
export const MAX_RATE_PERCENT = 100;

const M2_PER_UNIT: Record<string, string> = { 'm²': '1', m2: '1', '平方米': '1', '㎡': '1', '亩': String(10000 / 15), mu: String(10000 / 15), '公顷': '10000', ha: '10000', 'hm²': '10000' };

/** What a value failed: null when within the limits (or malformed: the format check names that). */
export type LimitBreach = { en: string; zh: string } | null;

const NUM = /^\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/;

export function moneyBreach(text: string): LimitBreach {
  // A plain unsigned amount ("6205.27万元") is read without the regular expression.
  const plain = text.charCodeAt(0) === 45 ? NaN : plainMoneyFen(text);
  if (plain === plain && plain !== NOT_EXACT) return plain > MAX_AMOUNT_YUAN * 100 ? moneyOver() : null;
  const m = NUM.exec(text);
  const unit = m && MONEY_UNITS[m[2] || '元'];
  if (!m || !unit) return null;
  const fen = exactFen(m[1], m[2] || '元');
  const over = fen !== null ? fen > MAX_AMOUNT_YUAN * 100 : new Decimal(m[1]).times(unit).gt(MAX_AMOUNT_YUAN);
  return over ? moneyOver() : null;
}

const moneyOver = (): LimitBreach => ({ en: 'an amount of at most 1万亿元 (10^12 元), what the engine holds exactly', zh: '不超过 1万亿元（10^12 元）的金额（引擎可精确表示的范围）' });

export function rateBreach(text: string): LimitBreach {
  const m = NUM.exec(text);
  if (!m || !['%', '‰'].includes(m[2])) return null;
  const percent = new Decimal(m[1]).div(m[2] === '‰' ? 10 : 1);
  if (percent.gt(MAX_RATE_PERCENT)) return { en: 'a rate from 0% to 100%', zh: '0% 至 100% 之间的比率' };
  // A rate is held as an exact fraction of safe integers: 15 decimal places in all.
  return parseRate(text) === null ? { en: 'a rate with at most 13 decimal places of a percent', zh: '百分数至多 13 位小数的比率' } : null;
}

export function moneyOrRateBreach(text: string): LimitBreach {
  return /[%‰]\s*$/.test(text) ? rateBreach(text) : moneyBreach(text);
}

export function areaBreach(text: string): LimitBreach {
  const m = NUM.exec(text);
  const per = m && M2_PER_UNIT[m[2]];
  if (!m || !per) return null;
  return new Decimal(m[1]).times(per).gt(MAX_AREA_M2) ? { en: 'an area of at most 1,000 km² (10^9 m², 150万亩)', zh: '不超过 1000 平方公里（10^9 m²，150万亩）的面积' } : null;
}

export function unitPriceBreach(text: string): LimitBreach {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(元|万元|亿元)\s*\/\s*(m²|m2|平方米|㎡|亩|mu|公顷|ha|hm²)/.exec(text);
  if (!m) return null;
  const perM2 = new Decimal(m[1]).times(MONEY_UNITS[m[2]]).div(M2_PER_UNIT[m[3]]);
  return perM2.gt(MAX_UNIT_PRICE_YUAN_PER_M2) ? { en: 'a unit price of at most 100万元/m² (about 66667万元/亩)', zh: '不超过 100万元/m²（约 66667万元/亩）的单价' } : null;
}

export function weightBreach(text: string): LimitBreach {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const tooBig = new Decimal(m[1]).gt(MAX_WEIGHT);
  const tooFine = (m[2] ?? '').replace(/0+$/, '').length > MAX_WEIGHT_DECIMALS;
  return tooBig || tooFine ? { en: `a weight of at most ${MAX_WEIGHT} with at most ${MAX_WEIGHT_DECIMALS} decimals`, zh: `不超过 ${MAX_WEIGHT}、至多 ${MAX_WEIGHT_DECIMALS} 位小数的比例` } : null;
}

export function factorBreach(text: string): LimitBreach {
  const m = NUM.exec(text);
  if (!m || m[2] !== '') return null;
  return new Decimal(m[1]).gt(MAX_FACTOR) ? { en: `a factor of at most ${MAX_FACTOR}`, zh: `不超过 ${MAX_FACTOR} 的系数` } : null;
}

/** A scenario, base or parcel table file: 32 MiB. A 10,000-parcel CSV is about 2 MiB; a larger file is a mistake (or /dev/zero). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Nesting of a scenario's JSON: a real one nests about 6 deep; 64 keeps every recursive step (merge, schema, messages) far from the stack's end. */
export const MAX_JSON_DEPTH = 64;
/** A `set` path: 32 segments and 512 characters, beyond any field a scenario has. */
export const MAX_SET_PATH_SEGMENTS = 32;
export const MAX_SET_PATH_CHARS = 512;

/**
 * Whether `value` nests deeper than `limit`, found without recursion (an explicit stack), so a
 * 100,000-deep array is measured before anything recursive touches it.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
