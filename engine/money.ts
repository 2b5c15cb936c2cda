/**
 * Money: whole fen (0.01 元) held in a JS number, exact below 2^53 fen (≈ 90 trillion 元).
 *
 * This is the one module that owns decimal.js. Amounts enter as strings with their unit
 * ("6205.27万元", "2660元", "1.2亿元"), are converted once with decimal.js and rounded half-up
 * (四舍五入, half away from zero) to fen by `roundFen`, the one rounding function of the engine.
 * In the hot path a rate is a rational `num/den` of safe integers and `mulRate` applies it with
 * exact integer arithmetic (BigInt only when fen × num passes 2^53).
 *
 * Worked example (seed 001, Xingning): 34.9928 亩 × 177.33 万元/亩
 *   = 34.9928 × 1 773 300 元 = 62 052 732.24 元 → 6 205 273 224 fen, shown as 6 205.27 万元.
 */
import DecimalBase from 'decimal.js';
import { gcd } from './allocation';

/** The project's Decimal: 40 significant digits, half-up, never the global config. */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** Money in the engine: an integer number of fen. */
export type Fen = number;

export const ZERO = new Decimal('0');
export const FEN_PER_YUAN = 100;

/** Money units a scenario may write, with their size in 元. */
export const MONEY_UNITS: Record<string, string> = { '元': '1', 'yuan': '1', '万元': '10000', '亿元': '100000000' };

/** Builds a Decimal from a decimal string only: a float would carry its binary error in. */
export function dec(text: string): Decimal {
  return new Decimal(text);
}

/**
 * An amount the engine cannot hold exactly. The scenario's edge (engine/limits.ts) refuses such
 * values as problems; a product of valid inputs (price × area) can still pass the range, and
 * prepare turns this error into a problem at the parcel it came from.
 */
export class AmountRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'AmountRangeError';
  }
}

/** The one rounding function: a Decimal amount of 元 → whole fen, half-up (away from zero). */
export function roundFen(yuan: Decimal): Fen {
  const fen = yuan.times(FEN_PER_YUAN).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const n = fen.toNumber();
  if (!Number.isSafeInteger(n)) throw new AmountRangeError(`amount ${yuan.toString()} 元 is beyond the exact range of the engine`);
  return n === 0 ? 0 : n;
}

const MONEY_RE = /^\s*(-?\d+(?:\.\d+)?)\s*(元|万元|亿元|yuan)?\s*$/;

/**
 * A bounded memo for the parsers: the same text always parses to the same immutable value, and a
 * scenario run many times (sweeps, Monte Carlo) repeats its texts. Results never depend on it.
 * Bounded in bytes as well as entries: a text longer than `maxKeyLength` (a scenario may write any
 * length) is parsed each time, not kept.
 */
export function memo<T>(parse: (text: string) => T, limit = 20_000, maxKeyLength = 64): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (text.length > maxKeyLength) return parse(text);
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = parse(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, v);
    }
    return v as T;
  };
}

/** Parses "6205.27万元" / "2660 元" / "1.2亿元" into fen; a bare number string means 元. Returns null if malformed. */
export function parseMoney(text: string): Fen | null {
  const plain = plainMoneyFen(text);
  if (plain === plain) return plain === NOT_EXACT ? parseMoneyRounded(text) : plain;
  const m = MONEY_RE.exec(text);
  if (!m) return null;
  return exactFen(m[1], m[2] ?? '元') ?? parseMoneyRounded(text);
}

/** The fen of a money text that is whole fen exactly ("2.5万元" → 2500000); null when it needs rounding (or is malformed). */
export function parseMoneyExact(text: string): Fen | null {
  const plain = plainMoneyFen(text);
  if (plain === plain) return plain === NOT_EXACT ? null : plain;
  const m = MONEY_RE.exec(text);
  return m ? exactFen(m[1], m[2] ?? '元') : null;
}

/** plainMoneyFen's answer for a plain text whose fen exactFen leaves to the Decimal path. */
export const NOT_EXACT = Infinity;

/**
 * A money text written plainly — an optional "-", digits, an optional fraction and a unit (or
 * none), nothing else: "6205.27万元", "2660元", "-0.5" — read straight from its characters to the
 * fen exactFen gives (NOT_EXACT where exactFen gives null); NaN for any other text (spaces, a
 * sign elsewhere, another unit), which the regular expression then reads. A portfolio writes
 * thousands of amounts, each checked by the schema and read by the parcel: no match, no slices.
 */
export function plainMoneyFen(text: string): number {
  const len = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const neg = i === 1;
  let v = 0;
  let intDigits = 0;
  let fracDigits = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (fracDigits >= 0) fracDigits++;
      else intDigits++;
    } else if (c === 46 && fracDigits < 0 && intDigits > 0) fracDigits = 0; // '.'
    else break;
  }
  if (intDigits === 0 || fracDigits === 0) return NaN;
  const shift = unitShiftAt(text, i, len);
  if (shift < 0) return NaN;
  const frac = fracDigits < 0 ? 0 : fracDigits;
  // exactFen's bounds: no more decimals than a fen holds, at most 15 digits once padded to fen.
  if (frac > shift + 2 || intDigits + shift + 2 > 15) return NOT_EXACT;
  // Fifteen digits at most: every step above is an exact integer below 2^53.
  const n = v * POW10[shift + 2 - frac];
  return neg && n !== 0 ? -n : n;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The decimal places of the money unit text[from, to) — none (元), 元, 万元, 亿元, yuan — or −1 for anything else. */
function unitShiftAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n === 0) return 0;
  const c = text.charCodeAt(from);
  if (n === 1) return c === 0x5143 ? 0 : -1; // 元
  if (n === 2 && text.charCodeAt(from + 1) === 0x5143) return c === 0x4e07 ? 4 : c === 0x4ebf ? 8 : -1; // 万元, 亿元
  if (n === 4 && c === 121 && text.charCodeAt(from + 1) === 117 && text.charCodeAt(from + 2) === 97 && text.charCodeAt(from + 3) === 110) return 0; // yuan
  return -1;
}

/** The Decimal path, for texts with more decimals than a fen holds (rounded half-up). */
const parseMoneyRounded = memo((text: string): Fen => {
  const m = MONEY_RE.exec(text)!;
  return roundFen(dec(m[1]).times(MONEY_UNITS[m[2] ?? '元']));
});

const UNIT_DIGITS: Record<string, number> = { '元': 0, 'yuan': 0, '万元': 4, '亿元': 8 };

/**
 * A decimal text of a money unit as whole fen, when that needs no rounding and stays below 10^15
 * fen ("6205.27" 万元 → 6205270000); null otherwise, for the Decimal path. Moving the decimal
 * point is what multiplying by 10^k does, so the fen are the same as the Decimal path's.
 */
export function exactFen(number: string, unit: string): Fen | null {
  const shift = UNIT_DIGITS[unit];
  if (shift === undefined) return null;
  const neg = number.charCodeAt(0) === 45; // '-'
  const body = neg ? number.slice(1) : number;
  const dot = body.indexOf('.');
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > shift + 2) return null;
  const digits = (dot < 0 ? body : body.slice(0, dot)) + frac + '0'.repeat(shift + 2 - frac.length);
  if (digits.length > 15) return null;
  const n = Number(digits);
  return neg && n !== 0 ? -n : n;
}

/** The same parse, keeping full precision (for unit prices multiplied before rounding). */
export const parseMoneyDecimal = memo((text: string): Decimal | null => {
  const m = MONEY_RE.exec(text);
  if (!m) return null;
  return dec(m[1]).times(MONEY_UNITS[m[2] ?? '元']);
});

/** ".00" … ".99": the cents of a money text, made once. */
const CENTS = Array.from({ length: 100 }, (_, c) => (c < 10 ? '.0' : '.') + c);
const ZEROS = Array.from({ length: 9 }, (_, n) => '0'.repeat(n));

/**
 * Fen → decimal string in 元 with two places, the form money takes in JSON ("62052732.24").
 * Integer arithmetic only: `%` and the division of a multiple of 100 are exact for safe integers.
 * A report makes hundreds of thousands of these, so the zero every empty figure is comes ready made.
 */
export function fenToYuan(fen: Fen): string {
  if (fen === 0) return '0.00';
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = fen < 0 ? -fen : fen;
  // Below 10^9 元 the whole 元 is a small integer, which prints fastest (unitsText); beyond, toFixed
  // makes the text in one piece (the float nearest fen ÷ 100 is within 0.004 of it below 2^46 元,
  // so its two places are exact); beyond that, in pieces.
  if (abs < 1e11) return fen < 0 ? '-' + unitsText(abs) : unitsText(abs);
  if (abs < 2 ** 46 * 100) return (fen / 100).toFixed(2);
  const text = unitsText(abs);
  return fen < 0 ? '-' + text : text;
}

/** A non-negative whole number of hundredths as text with two places: 6205273224 → "62052732.24". */
function unitsText(units: number): string {
  if (units < 1e11) {
    // units ÷ 100 is off its true value by far less than 0.01 here (about 10^-7 at most), so its
    // floor is the whole 元 (no float %).
    const w = Math.floor(units / 100);
    return w + CENTS[units - w * 100];
  }
  const cents = units % 100;
  const whole = (units - cents) / 100;
  if (whole < 1e9) return whole + CENTS[cents];
  // Large numbers print as two halves below 10^9 (small integers have V8's fast path).
  const low = whole % 1e9;
  const lowText = '' + low;
  return (whole - low) / 1e9 + ZEROS[9 - lowText.length] + lowText + CENTS[cents];
}

/**
 * num ÷ den with `places` decimals, half-up: the text `reference()` gives — a Decimal expression of
 * the same ratio, rounded to 40 digits before `toFixed` — without its cost. `num` and `den` are
 * floats within a few units in the last place of the exact values (a safe integer, a product or
 * quotient of two). Their float quotient decides the rounding when it lies clearly off a tie (…5
 * at the next place): both it and the 40-digit Decimal are then within 10⁻¹⁴ of the exact ratio,
 * on the same side. Near a tie, for a negative or a huge ratio, the Decimal reference decides.
 *
 *   ratioText(9958, 10000, 2, ref)  → "1.00"      (0.9958 → 1.00, no Decimal made)
 *   ratioText(1, 8, 2, ref)         → ref() = "0.13" (0.125 is a tie: decided by decimal.js)
 */
export function ratioText(num: number, den: number, places: number, reference: () => string): string {
  return ratioTextOffTie(num, den, places) ?? reference();
}

/** ratioText's answer when the float quotient decides it; null where the Decimal reference must (a caller with no closure to hand). */
export function ratioTextOffTie(num: number, den: number, places: number): string | null {
  const x = (num / den) * 10 ** places;
  if (!(x >= 0 && x < 2 ** 40 && den > 0)) return null;
  const whole = Math.floor(x);
  const frac = x - whole;
  if (Math.abs(frac - 0.5) <= x * 1e-14 + 1e-300) return null;
  return fixedText(frac > 0.5 ? whole + 1 : whole, places);
}

/** A whole number of units of 10^-places as text: fixedText(12345, 2) → "123.45". */
function fixedText(units: number, places: number): string {
  if (places === 2) return unitsText(units);
  if (places === 0) return String(units);
  const digits = String(units).padStart(places + 1, '0');
  return digits.slice(0, digits.length - places) + '.' + digits.slice(digits.length - places);
}

/** Fen → 万元 string rounded half-up to `places` decimals ("6205.27"). Formatting only. */
export function fenToWan(fen: Fen, places = 2): string {
  return scaledText(fen, 6, places);
}

/** Fen → 亿元 string rounded half-up. Formatting only. */
export function fenToYi(fen: Fen, places = 4): string {
  return scaledText(fen, 10, places);
}

/** fen ÷ 10^shift shown with `places` decimals, half-up, in integer arithmetic (no Decimal, no float). */
function scaledText(fen: Fen, shift: number, places: number): string {
  if (places > shift) return new Decimal(fenToYuan(fen)).div(10 ** shift).toFixed(places, Decimal.ROUND_HALF_UP);
  const units = mulDivHalfUp(fen, 1, 10 ** (shift - places));
  // Two places (万元 in a check's message) are hundredths: the text fenToYuan makes of fen.
  if (places === 2) return units < 0 ? '-' + unitsText(-units) : unitsText(units);
  const neg = units < 0;
  const digits = String(neg ? -units : units).padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = places ? '.' + digits.slice(digits.length - places) : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

/** Groups the integer part with commas: "121400.00" → "121,400.00". */
export function groupThousands(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? '.' + frac : ''}`;
}

/** A rate as an exact rational num/den of safe integers (10% → 1/10, 6:4 shares are weights not rates). */
export interface Rate {
  readonly num: number;
  readonly den: number;
  /** The text the rate was written as, for traces ("10%"). */
  readonly text: string;
}

const RATE_RE = /^\s*(-?\d+(?:\.\d+)?)\s*(%|‰)?\s*$/;

/** Parses "10%", "0.1", "2.5‰" into an exact Rate. Returns null if malformed. */
export const parseRate = memo(parseRateText);

function parseRateText(text: string): Rate | null {
  const m = RATE_RE.exec(text);
  if (!m) return null;
  const [intPart, fracPart = ''] = m[1].replace('-', '').split('.');
  const scale = m[2] === '%' ? 2 : m[2] === '‰' ? 3 : 0;
  const digits = fracPart.length + scale;
  if (digits > 15) return null;
  let num = Number(intPart + fracPart);
  let den = 10 ** digits;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  const g = gcd(num, den);
  num /= g;
  den /= g;
  return { num: m[1].startsWith('-') ? -num : num, den, text: text.trim() };
}

/** A Rate → Decimal (for the reference path and display). */
export function rateToDecimal(rate: Rate): Decimal {
  return new Decimal(rate.num).div(rate.den);
}


/**
 * a × num / den rounded half-up (away from zero), exact for safe integers.
 * Integer arithmetic in float64 while the product stays below 2^53, BigInt beyond.
 */
export function mulDivHalfUp(a: number, num: number, den: number): number {
  if (den <= 0 || !Number.isSafeInteger(den)) throw new RangeError(`bad denominator ${den}`);
  const p = a * num;
  if (Number.isSafeInteger(p)) {
    const neg = p < 0;
    const ap = neg ? -p : p;
    let q = Math.floor(ap / den);
    let r = ap - q * den;
    // The float quotient can be one off near 2^53; correct it with the exact remainder.
    while (r < 0) { q -= 1; r += den; }
    while (r >= den) { q += 1; r -= den; }
    if (2 * r >= den) q += 1;
    // `|| 0` turns a -0 (from a negative × 0) into 0, so JSON and equality stay exact.
    return (neg ? -q : q) || 0;
  }
  const bp = BigInt(a) * BigInt(num);
  const bd = BigInt(den);
  const neg = bp < 0n;
  const ap = neg ? -bp : bp;
  let q = ap / bd;
  const r = ap - q * bd;
  if (2n * r >= bd) q += 1n;
  const out = Number(neg ? -q : q) || 0;
  if (!Number.isSafeInteger(out)) throw new AmountRangeError(`result beyond the exact range: ${a} × ${num} / ${den}`);
  return out;
}

/** Applies a rate to an amount of fen, half-up, exact. */
export function mulRate(fen: Fen, rate: Rate): Fen {
  return mulDivHalfUp(fen, rate.num, rate.den);
}

// Splitting fen by weights (allocate) is a concept of its own, in allocation.ts; exported here too,
// where the engine has always found its money functions.
export { allocate, bigFloorMulDiv, floorMulDiv, gcd, lcm } from './allocation';

/** Weights from decimal strings ("6", "4", "0.6", "62.5%") → equal-ratio integers. */
export function weightsFromStrings(texts: readonly string[]): number[] {
  const ds = texts.map((t) => dec(t.replace('%', '')));
  const places = Math.max(0, ...ds.map((d) => d.decimalPlaces()));
  const scale = new Decimal(10).pow(places);
  const ints = ds.map((d) => d.times(scale).toNumber());
  const g = ints.reduce((a, b) => gcd(a, b), 0) || 1;
  return ints.map((n) => n / g);
}
