/**
 * Outputs of an analysis: any figure of the Result, addressed by a JSON path, read exactly.
 *
 *   totals.valueAdded                 one figure ("79688430.00")
 *   totals.shares.province            a tier's share
 *   parcels["HN-SY-01"].valueAdded    an array element by its id, as well as by index parcels[0]
 *   periods[*].reserveFundBalance     a series, one value per period (Monte Carlo fan charts)
 *   min(periods[*].reserveFundBalance)  the lowest value of a series (also max, sum, count)
 *
 * Money stays exact: a 2-decimal Result string becomes whole fen (an integer held in a number),
 * anything else (a coverage ratio, a percentage) a plain number for statistics. The decimal
 * string itself is kept for tables, so nothing is rounded on the way.
 */
import { dec, getAt, nearest, parsePath, type PathSegment, problem, type Problem } from '../index';

export type Aggregate = 'min' | 'max' | 'sum' | 'count';

export interface OutputRef {
  /** As written: "min(periods[*].reserveFundBalance)". */
  readonly path: string;
  /** Segments up to the `[*]` (the whole path when there is none). */
  readonly head: readonly PathSegment[];
  /** Segments after the `[*]`, or null for a single figure. */
  readonly tail: readonly PathSegment[] | null;
  readonly aggregate: Aggregate | null;
  /** Money (whole fen) or a plain number, decided by the field's name and form. */
  readonly kind: 'money' | 'number';
}

/** Keys whose decimal strings are not money even when written with two decimals. */
const NOT_MONEY = /(ratio|percent|rate|months|count|year|bp|score)/i;
/** Maps of money keyed by a tier or government the scenario names: shares.county is money, whatever "county" contains. */
const BY_NAME = /^(shares|sharesByGovernment|receiptsByGovernment|provisionsByKind)$/;

export function parseOutput(path: string): { ok: true; output: OutputRef } | { ok: false; problems: Problem[] } {
  const bad = () => ({
    ok: false as const,
    problems: [
      problem('schema.format', path, path, {
        en: 'a JSON path into the result, e.g. totals.valueAdded, totals.shares.province, parcels["HN-SY-01"].valueAdded, periods[*].reserveFundBalance or min(periods[*].reserveFundBalance)',
        zh: '结果中的 JSON 路径，如 totals.valueAdded、totals.shares.province、parcels["HN-SY-01"].valueAdded、periods[*].reserveFundBalance 或 min(periods[*].reserveFundBalance)',
      }),
    ],
  });
  const trimmed = path.trim();
  const agg = /^(min|max|sum|count)\((.*)\)$/.exec(trimmed);
  const inner = agg ? agg[2].trim() : trimmed;
  const star = inner.indexOf('[*]');
  if (agg && star < 0) return bad();
  if (inner.indexOf('[*]', star + 1) > star && star >= 0) return bad();
  const headText = star < 0 ? inner : inner.slice(0, star);
  const tailText = star < 0 ? null : inner.slice(star + 3).replace(/^\./, '');
  const head = parsePath(headText);
  const tail = tailText === null ? null : tailText === '' ? [] : parsePath(tailText);
  if (!head || (tailText !== null && !tail)) return bad();
  const names = [...head, ...(tail ?? [])].filter((s) => typeof s === 'string') as string[];
  const last = names[names.length - 1] as string | undefined;
  const aggregate = (agg?.[1] as Aggregate) ?? null;
  // A key under a map by tier or government is a name the scenario chose ("county"), not a unit.
  const named = names.length >= 2 && BY_NAME.test(names[names.length - 2]);
  return { ok: true, output: { path: trimmed, head, tail, aggregate, kind: aggregate === 'count' || (last && !named && NOT_MONEY.test(last)) ? 'number' : 'money' } };
}

/** Walks a path; a string segment on an array finds the element whose `id` is that string. */
export function lookup(data: unknown, segments: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of segments) {
    if (Array.isArray(cur) && typeof seg === 'string') cur = cur.find((e) => e && typeof e === 'object' && (e as { id?: unknown }).id === seg);
    else cur = getAt(cur, [seg]);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A figure of the result as an exact decimal string, or null where the path leads nowhere numeric. */
function textAt(data: unknown, segments: readonly PathSegment[]): string | null {
  const v = lookup(data, segments);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return v;
  return null;
}

/** The series an output with `[*]` reads, one decimal string per element (null where missing). */
export function readSeries(result: unknown, out: OutputRef): (string | null)[] {
  const arr = lookup(result, out.head);
  if (!Array.isArray(arr) || out.tail === null) return [];
  return arr.map((e) => textAt(e, out.tail!));
}

/** The value of an output in a result, as an exact decimal string, or null. */
export function readOutput(result: unknown, out: OutputRef): string | null {
  if (out.tail === null) return textAt(result, out.head);
  const series = readSeries(result, out);
  if (out.aggregate === 'count') return Array.isArray(lookup(result, out.head)) ? String(series.filter((s) => s !== null).length) : null;
  if (out.aggregate === null || series.length === 0 || series.some((s) => s === null)) return null;
  const ds = series.map((s) => dec(s!));
  if (out.aggregate === 'sum') return ds.reduce((a, b) => a.plus(b)).toFixed(decimals(series as string[]));
  const pick = ds.reduce((a, b) => (out.aggregate === 'min' ? (b.lt(a) ? b : a) : b.gt(a) ? b : a));
  return series[ds.indexOf(pick)];
}

function decimals(texts: readonly string[]): number {
  return Math.max(0, ...texts.map((t) => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0)));
}

/** A decimal string as the number statistics use: whole fen for money, a plain number otherwise. */
export function toMeasure(out: OutputRef, text: string): number {
  if (out.kind === 'money') {
    const d = dec(text).times(100);
    if (!d.isInteger()) throw new RangeError(`${out.path}: ${text} is not a whole number of fen`);
    return d.toNumber();
  }
  return Number(text);
}

/**
 * Ratios, rates and other plain numbers made by statistics (a mean, an interpolated percentile)
 * print with this many decimals, as the report prints coverage ratios ("1.6884"): never float
 * noise such as 1.6375199999999999 beside 1.2109.
 */
export const NUMBER_DECIMALS = 4;

/** A plain number as text with NUMBER_DECIMALS decimals, rounded half-up from its shortest decimal form. */
export function numberText(value: number): string {
  return dec(String(value)).toFixed(NUMBER_DECIMALS);
}

/** The inverse of toMeasure for a money output: fen → "1234.56". Other numbers: fixed decimals (a count stays whole). */
export function measureText(out: OutputRef, value: number): string {
  if (out.kind === 'money') return dec(String(value)).div(100).toFixed(2);
  return out.aggregate === 'count' && Number.isInteger(value) ? String(value) : numberText(value);
}

/**
 * Outputs that lead to no number in `result` (the scenario's own run): a misspelt path would
 * otherwise fill a table with × or "NaN%". Each is a problem with the nearest known path.
 */
export function unknownOutputs(result: unknown, paths: readonly string[], option = '--output'): Problem[] {
  const problems: Problem[] = [];
  let known: string[] | null = null;
  for (const path of paths) {
    const parsed = parseOutput(path);
    if (!parsed.ok) { problems.push(...parsed.problems); continue; }
    const out = parsed.output;
    const leads = out.tail === null ? readOutput(result, out) !== null : readSeries(result, out).some((s) => s !== null);
    if (leads) continue;
    known ??= knownOutputPaths(result);
    const inner = out.path.replace(/^(min|max|sum|count)\((.*)\)$/, '$2').trim();
    const near = nearest(inner, known);
    const hint = near === null ? undefined : `did you mean "${out.path.replace(inner, near)}"? / 是否应为 "${out.path.replace(inner, near)}"？`;
    problems.push(problem('ref.unknown', `${option} ${out.path}`, out.path, { en: 'a path to a number in this scenario\'s result, e.g. totals.valueAdded or min(bonds[*].coverageRatio)', zh: '本情景结果中的数值路径，如 totals.valueAdded 或 min(bonds[*].coverageRatio)' }, undefined, hint));
  }
  return problems;
}

/** The result's numeric fields as output paths (arrays as `[*]`), for "did you mean". */
export function knownOutputPaths(result: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > 4 || out.size > 5000) return;
    if (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))) { out.add(path); return; }
    if (Array.isArray(v)) { if (v.length > 0) walk(v[0], `${path}[*]`, depth + 1); return; }
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'postings') walk(x, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(result, '', 0);
  return [...out];
}
