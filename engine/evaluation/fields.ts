/**
 * Field readers for the evaluation and stock-land JSON files: each reads one field at a JSON
 * path, converts it once at the boundary (money → fen, "90%" → Decimal 0.9, "399亩" → Decimal 亩)
 * and, when the value is wrong, adds a Problem naming the path, the value found and what was
 * expected in English and Chinese. Readers never throw and never stop at the first problem.
 *
 * Example: reading `inputs.planned` = "6205.27万元" gives 620 527 000 fen; reading "6205.27 wan"
 * adds `money.format` at `inputs.planned` and returns null.
 */
import { dec, parseMoney, parseRate, rateToDecimal, type Decimal, type Fen } from '../money';
import { problem, joinPath, type Problem } from '../problem';
import { moneyBreach } from '../limits';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function path(...parts: (string | number)[]): string {
  return joinPath(...parts);
}

/** The object at `at`, or a schema.type problem. */
export function readObject(value: unknown, at: string, problems: Problem[]): Json | null {
  if (isObject(value)) return value;
  problems.push(problem(value === undefined ? 'schema.required' : 'schema.type', at, value, { en: 'an object', zh: '对象' }));
  return null;
}

/**
 * An object read field by field: null when the value is not an object or when reading it added
 * any problem, so a caller never builds a half-read record.
 */
export function readRecord<T>(value: unknown, at: string, problems: Problem[], read: (obj: Json) => T | null): T | null {
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const before = problems.length;
  const out = read(obj);
  return problems.length > before ? null : out;
}

/** Strings a file names itself by, each a problem when missing: { id, title, source } of an evaluation file, a target table, an inventory. */
export function readStrings<K extends string>(obj: Json, keys: readonly K[], at: string, problems: Problem[]): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const k of keys) out[k] = readString(obj, k, at, problems);
  return out;
}

/** The array at `at`, or a problem. */
export function readArray(value: unknown, at: string, problems: Problem[], minLength = 0): unknown[] | null {
  if (!Array.isArray(value)) {
    problems.push(problem(value === undefined ? 'schema.required' : 'schema.type', at, value, { en: 'an array', zh: '数组' }));
    return null;
  }
  if (value.length < minLength) {
    problems.push(problem('schema.range', at, value, { en: `an array of at least ${minLength} item(s)`, zh: `至少 ${minLength} 项的数组` }));
    return null;
  }
  return value;
}

export function readString(obj: Json, key: string, at: string, problems: Problem[], optional = false): string | null {
  const v = obj[key];
  const p = joinPath(at, key);
  if (v === undefined && optional) return null;
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.type', p, v, { en: 'a non-empty string', zh: '非空字符串' }));
  return null;
}

export function readBoolean(obj: Json, key: string, at: string, problems: Problem[]): boolean | null {
  const v = obj[key];
  if (typeof v === 'boolean') return v;
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.type', joinPath(at, key), v, { en: 'true or false', zh: 'true 或 false' }));
  return null;
}

export function readEnum<T extends string>(obj: Json, key: string, at: string, allowed: readonly T[], problems: Problem[]): T | null {
  const v = obj[key];
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  const list = allowed.join(' | ');
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.enum', joinPath(at, key), v, { en: `one of ${list}`, zh: `以下之一：${list}` }));
  return null;
}

const COUNT_RE = /^\d+$/;

/** A whole number ≥ 0, written as a JSON number or a digit string. */
export function readCount(obj: Json, key: string, at: string, problems: Problem[]): number | null {
  const v = obj[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && COUNT_RE.test(v) ? Number(v) : NaN;
  if (Number.isSafeInteger(n) && n >= 0) return n;
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.range', joinPath(at, key), v, { en: 'a whole number ≥ 0', zh: '不小于 0 的整数' }));
  return null;
}

const POINTS_RE = /^\d+(?:\.\d{1,4})?$/;

/** Points (分值/得分): a JSON number or decimal string ≥ 0 with at most 4 decimals → Decimal. */
export function readPoints(obj: Json, key: string, at: string, problems: Problem[]): Decimal | null {
  const v = obj[key];
  const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (POINTS_RE.test(text)) return dec(text);
  problems.push(problem(v === undefined ? 'schema.required' : 'schema.format', joinPath(at, key), v, {
    en: 'points ≥ 0, a number or decimal string such as 4 or "2.5"',
    zh: '不小于 0 的分值，数字或小数字符串，如 4 或 "2.5"',
  }));
  return null;
}

/** Money as a string with its unit ("6205.07万元", "30,271.4万元") → fen. */
export function readMoney(obj: Json, key: string, at: string, problems: Problem[]): Fen | null {
  return moneyAt(obj[key], joinPath(at, key), problems, { en: 'money as a string with its unit, e.g. "6205.07万元" or "2000元"', zh: '带单位的金额字符串，如 "6205.07万元" 或 "2000元"' });
}

/**
 * A money value at `at` → fen; else its problem: not money with its unit (`expected`), or more
 * than one amount the engine holds exactly (limits.ts, 1万亿元), which parseMoney would throw at.
 */
export function moneyAt(v: unknown, at: string, problems: Problem[], expected: { en: string; zh: string }): Fen | null {
  if (typeof v === 'string') {
    const plain = plainMoneyText(v);
    const breach = moneyBreach(plain);
    if (breach) {
      problems.push(problem('amount.range', at, v, breach));
      return null;
    }
    const fen = parseMoney(plain);
    if (fen !== null) return fen;
  }
  problems.push(problem(v === undefined ? 'schema.required' : 'money.format', at, v, expected));
  return null;
}

/** parseMoney that also accepts thousands separators as the seeds write them ("30,271.4万元"); null past the exact range. */
export function parseMoneyText(text: string): Fen | null {
  const plain = plainMoneyText(text);
  return moneyBreach(plain) ? null : parseMoney(plain);
}

function plainMoneyText(text: string): string {
  return /^\s*-?\d{1,3}(,\d{3})+(\.\d+)?/.test(text) ? text.replace(/,/g, '') : text;
}

/** A rate "90%", "0.9", "2.5‰" → Decimal (0.9). */
export function readRate(obj: Json, key: string, at: string, problems: Problem[]): Decimal | null {
  const v = obj[key];
  const r = typeof v === 'string' ? parseRate(v) : null;
  if (r !== null) return rateToDecimal(r);
  problems.push(problem(v === undefined ? 'schema.required' : 'rate.format', joinPath(at, key), v, {
    en: 'a rate as a string, e.g. "90%" or "0.9"',
    zh: '比率字符串，如 "90%" 或 "0.9"',
  }));
  return null;
}

/** Parses a rate string to Decimal, or null ("18%" → 0.18). */
export function rateText(text: string): Decimal | null {
  const r = parseRate(text);
  return r === null ? null : rateToDecimal(r);
}

const HA_RE = /^\d+(?:\.\d+)?$/;

/** Hectares as a bare decimal string ("921.6116") → Decimal ha. */
export function readHectares(value: unknown, at: string, problems: Problem[]): Decimal | null {
  if (typeof value === 'string' && HA_RE.test(value)) return dec(value);
  problems.push(problem(value === undefined ? 'schema.required' : 'area.format', at, value, {
    en: 'hectares as a decimal string ≥ 0, e.g. "921.6116"',
    zh: '以公顷计的小数字符串（不小于 0），如 "921.6116"',
  }));
  return null;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE_RE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function readDate(obj: Json, key: string, at: string, problems: Problem[], optional = false): string | null {
  const v = obj[key];
  if (v === undefined && optional) return null;
  if (typeof v === 'string' && isIsoDate(v)) return v;
  problems.push(problem(v === undefined ? 'schema.required' : 'date.format', joinPath(at, key), v, {
    en: 'a date YYYY-MM-DD, e.g. "2022-09-16"',
    zh: '日期，格式 YYYY-MM-DD，如 "2022-09-16"',
  }));
  return null;
}
