/**
 * Policy parameters as dated data (data/parameters.json), resolved for a scenario's as-of date
 * and jurisdiction, with the scenario's overrides on top.
 *
 * Resolution: among the values of a key, take those for the scenario's jurisdiction if any,
 * else those for '*'; of these, the latest whose `from` is on or before the as-of date.
 * Example: provisions.housing.rate is 5% from 2006 (财综〔2006〕25号) and 10% from 2007-08-07
 * (国发〔2007〕24号), so a 2022 scenario resolves it to 10%.
 *
 * Before a key's first value (a 2015 project and a rule of 2017) the key's `beforeFirstValue`
 * decides, as data/parameters.json explains: 'useEarliest' (limits, schedules, analysis defaults:
 * the earliest value, with a failed check naming the key and its date), 'refuse' (provision rates
 * and fee tables make money: the scenario must state the value itself) or 'absent' (split weights:
 * no such split existed yet). Keys are looked up as own properties only, so "__proto__" or
 * "toString" is an unknown parameter, not the prototype of an object.
 */
import parameterData from '../data/parameters.json';
import { parseMoney, parseRate, type Rate } from './money';
import { parseUnitPrice, type UnitPrice } from './units';
import { problem, type Problem } from './problem';
import { rateBreach, unitPriceBreach, weightBreach, moneyBreach } from './limits';
import type { Check } from './check';

export type ParameterUnit = 'rate' | 'unitPrice' | 'weights' | 'table' | 'months' | 'ratio' | 'choice';
export type Confidence = 'A' | 'B' | 'C';

export interface ParameterValueRecord {
  readonly from: string;
  readonly jurisdiction: string;
  readonly value: unknown;
  readonly source: string;
  readonly ref: string;
  readonly confidence: Confidence;
}

export interface ParameterDefinition {
  readonly zh: string;
  readonly en: string;
  readonly unit: ParameterUnit;
  readonly base: string;
  /** For unit "choice": the values allowed. */
  readonly choices?: readonly string[];
  readonly beforeFirstValue: 'useEarliest' | 'refuse' | 'absent';
  readonly values: readonly ParameterValueRecord[];
}

export const PARAMETER_DEFINITIONS = (parameterData as unknown as { parameters: Record<string, ParameterDefinition> }).parameters;

export interface FeeTier {
  /** Upper bound of the tier in fen; null for the open top tier. */
  readonly upToFen: number | null;
  readonly rate: Rate;
}

/** One resolved parameter: its raw value, where it came from, and whether the scenario overrode it. */
export interface ResolvedParameter {
  readonly key: string;
  readonly raw: unknown;
  readonly from: string | null;
  readonly jurisdiction: string;
  readonly source: string;
  readonly ref: string;
  readonly confidence: Confidence | 'scenario';
  readonly overridden: boolean;
}

export interface ParameterSet {
  readonly resolved: ReadonlyMap<string, ResolvedParameter>;
  /** Keys resolved to a value dated after the as-of date (their earliest), as failed checks. */
  readonly notices: readonly Check[];
  rate(key: string): Rate;
  unitPrice(key: string): UnitPrice;
  weights(key: string): Record<string, string> | null;
  table(key: string): FeeTier[];
  months(key: string): number;
  ratio(key: string): Rate;
  /** A "choice" parameter's value, e.g. provisions.basePeriod → "year". */
  choice(key: string): string;
  /**
   * A rate as in force on another date than the as-of date (a yearly target such as the rural
   * earmark's phase-in), the scenario's override winning; null when no value is in force then.
   */
  valueOn(key: string, date: string): { raw: unknown; source: string; confidence: Confidence | 'scenario' } | null;
}

/** The jurisdictions a scenario may name (data/parameters.json says why the list is closed). */
export const KNOWN_JURISDICTIONS: readonly string[] = (parameterData as unknown as { jurisdictions: { names: string[] } }).jurisdictions.names;

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

export function resolveParameters(
  asOf: string,
  jurisdiction: string,
  overrides: Record<string, unknown>,
  overridePath = 'parameters',
  /** Keys the scenario does not use (a provision it switched off): never refused. */
  unused: ReadonlySet<string> = new Set(),
): { set: ParameterSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const notices: Check[] = [];
  const resolved = new Map<string, ResolvedParameter>();
  const overridden = (key: string) => hasOwn(overrides, key);
  for (const [key, def] of Object.entries(PARAMETER_DEFINITIONS)) {
    const candidates = def.values.filter((v) => v.jurisdiction === jurisdiction);
    const pool = candidates.length > 0 ? candidates : def.values.filter((v) => v.jurisdiction === '*');
    const sorted = [...pool].sort((a, b) => (a.from < b.from ? -1 : 1));
    const inForce = sorted.filter((v) => v.from <= asOf);
    let chosen = inForce[inForce.length - 1];
    if (!chosen && sorted.length > 0 && !overridden(key) && !unused.has(key)) {
      const first = sorted[0];
      if (def.beforeFirstValue === 'useEarliest') {
        chosen = first;
        notices.push(beforeFirstNotice(key, def, first, asOf));
      } else if (def.beforeFirstValue === 'refuse') {
        problems.push(notInForce(key, def, first, asOf, overridePath));
      }
    }
    if (chosen) {
      resolved.set(key, { key, raw: chosen.value, from: chosen.from, jurisdiction: chosen.jurisdiction, source: chosen.source, ref: chosen.ref, confidence: chosen.confidence, overridden: false });
    }
  }
  for (const [key, raw] of Object.entries(overrides)) {
    const def = hasOwn(PARAMETER_DEFINITIONS, key) ? PARAMETER_DEFINITIONS[key] : undefined;
    const path = `${overridePath}["${key}"]`;
    if (!def) {
      problems.push(problem('parameter.unknown', path, key, { en: `one of: ${Object.keys(PARAMETER_DEFINITIONS).join(', ')}`, zh: `已定义的参数名之一：${Object.keys(PARAMETER_DEFINITIONS).join('、')}` }));
      continue;
    }
    const err = checkValue(def.unit, raw, def);
    if (err) {
      problems.push(problem('parameter.value', path, raw, err));
      continue;
    }
    const base = resolved.get(key);
    resolved.set(key, { key, raw, from: null, jurisdiction, source: 'scenario override', ref: base?.ref ?? def.values[0]?.ref ?? '', confidence: 'scenario', overridden: true });
  }
  problems.push(...instalmentOrder(resolved, overridePath, problems));
  const get = (key: string): unknown => {
    const r = resolved.get(key);
    // Unreachable for a scenario: a key without a value is refused, warned about or absent (weights).
    if (!r) throw new Error(`parameter ${key} has no value in force`);
    return r.raw;
  };
  // Each key is parsed once per set: prepare asks for the same parameters for every parcel.
  const parsed = new Map<string, unknown>();
  // A key has one unit, so the key alone names its parsed value.
  const once = <T>(_kind: string, key: string, parse: () => T): T => {
    let v = parsed.get(key);
    if (v === undefined) {
      v = parse();
      parsed.set(key, v);
    }
    return v as T;
  };
  const set: ParameterSet = {
    resolved,
    notices,
    rate: (key) => once('rate', key, () => parseRate(String(get(key)))!),
    ratio: (key) => once('rate', key, () => parseRate(String(get(key)))!),
    unitPrice: (key) => once('unitPrice', key, () => parseUnitPrice(String(get(key)))!),
    months: (key) => once('months', key, () => Number(get(key))),
    weights: (key) => (resolved.has(key) ? (get(key) as Record<string, string>) : null),
    choice: (key) => String(get(key)),
    valueOn: (key, date) => {
      const r = resolved.get(key);
      if (r?.overridden) return { raw: r.raw, source: r.source, confidence: r.confidence };
      const def = PARAMETER_DEFINITIONS[key];
      const v = def ? valueInForce(def, jurisdiction, date) : null;
      return v ? { raw: v.value, source: v.source, confidence: v.confidence } : null;
    },
    table: (key) =>
      once('table', key, () => (get(key) as { upTo: string | null; rate: string }[]).map((t) => ({ upToFen: t.upTo === null ? null : parseMoney(t.upTo)!, rate: parseRate(t.rate)! }))),
  };
  return { set, problems };
}

/** Of a key's values, those for the jurisdiction if it has any, else those for '*': the latest in force on `date`. */
function valueInForce(def: ParameterDefinition, jurisdiction: string, date: string): ParameterValueRecord | null {
  const candidates = def.values.filter((v) => v.jurisdiction === jurisdiction);
  const pool = candidates.length > 0 ? candidates : def.values.filter((v) => v.jurisdiction === '*');
  const inForce = pool.filter((v) => v.from <= date).sort((a, b) => (a.from < b.from ? -1 : 1));
  return inForce[inForce.length - 1] ?? null;
}

function checkValue(unit: ParameterUnit, raw: unknown, def?: ParameterDefinition): { en: string; zh: string } | null {
  switch (unit) {
    case 'choice':
      return typeof raw === 'string' && (def?.choices ?? []).includes(raw) ? null : { en: `one of: ${(def?.choices ?? []).map((c) => `"${c}"`).join(', ')}`, zh: `以下之一：${(def?.choices ?? []).map((c) => `"${c}"`).join('、')}` };
    case 'rate':
      return typeof raw === 'string' && inRate(raw) ? null : { en: 'a rate from 0% to 100% as a string, e.g. "10%" or "0.1"', zh: '0% 至 100% 之间的比率字符串，如 "10%" 或 "0.1"' };
    case 'ratio':
      return typeof raw === 'string' && parseRate(raw) && parseRate(raw)!.num >= 0 && parseRate(raw)!.num <= 1000 * parseRate(raw)!.den ? null : { en: 'a ratio from 0 to 1000 as a string, e.g. "1.2"', zh: '0 至 1000 之间的倍数字符串，如 "1.2"' };
    case 'unitPrice':
      return typeof raw === 'string' && parseUnitPrice(raw) && !unitPriceBreach(raw) ? null : { en: 'a unit price of at most 100万元/m², e.g. "12元/m²"', zh: '不超过 100万元/m² 的单价，如 "12元/m²"' };
    case 'months':
      return typeof raw === 'string' && /^\d{1,4}$/.test(raw) && Number(raw) <= 1200 ? null : { en: 'a whole number of months from 0 to 1200 as a string, e.g. "24"', zh: '0 至 1200 的整数月数字符串，如 "24"' };
    case 'weights':
      return raw && typeof raw === 'object' && !Array.isArray(raw) && Object.values(raw).every((v) => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) && !weightBreach(v))
        ? null
        : { en: 'an object of tier → weight strings, e.g. {"province": "6", "city": "4"}', zh: '层级→比例字符串的对象，如 {"province": "6", "city": "4"}' };
    case 'table':
      return Array.isArray(raw) && raw.length > 0 && raw.every((t) => t && typeof t === 'object' && (t.upTo === null || (typeof t.upTo === 'string' && !moneyBreach(t.upTo) && parseMoney(t.upTo) !== null)) && typeof t.rate === 'string' && inRate(t.rate))
        ? null
        : { en: 'a list of {"upTo": "1000万元" | null, "rate": "2%"} tiers', zh: '{"upTo": "1000万元" 或 null, "rate": "2%"} 分档列表' };
  }
}

/** A rate the rules allow: 0–100% ("10%", "0.1", "2.5‰"). */
function inRate(text: string): boolean {
  const r = parseRate(text);
  return r !== null && r.num >= 0 && r.num <= r.den && !rateBreach(text);
}

function beforeFirstNotice(key: string, def: ParameterDefinition, first: ParameterValueRecord, asOf: string): Check {
  return {
    id: 'parameter.beforeFirstValue',
    ok: false,
    severity: 'rule',
    message: `parameter ${key} (${def.en}) has no value on ${asOf}: its earliest, ${JSON.stringify(first.value)} from ${first.from} (${first.source}), is used`,
    messageZh: `参数 ${key}（${def.zh}）在 ${asOf} 尚无取值：采用其最早取值 ${JSON.stringify(first.value)}（自 ${first.from} 起，${first.source}）`,
    ref: first.ref,
  };
}

function notInForce(key: string, def: ParameterDefinition, first: ParameterValueRecord, asOf: string, overridePath: string): Problem {
  const path = `${overridePath}["${key}"]`;
  return problem(
    'parameter.notInForce',
    path,
    undefined,
    { en: `a value stated by the scenario: ${def.en} starts on ${first.from} (${first.source}), after the as-of date ${asOf}`, zh: `情景自行给出的取值：${def.zh}自 ${first.from} 起施行（${first.source}），晚于参数日期 ${asOf}` },
    undefined,
    `set ${path} in the scenario (e.g. "0%" if it did not apply then) / 请在情景中给出 ${path}（当时不适用可填 "0%"）`,
  );
}

/**
 * H-3 (财综〔2009〕74号, 国土资发〔2010〕34号): the first instalment is paid within its months of the
 * sale and the balance within its own; a first instalment due after the balance is due is no
 * schedule at all. Refused at the override that makes it so (the first instalment's, when both are).
 */
function instalmentOrder(resolved: ReadonlyMap<string, ResolvedParameter>, overridePath: string, found: readonly Problem[]): Problem[] {
  // An override already refused is not compared: its default stands in for it and would blame the other.
  const keys = ['sale.firstInstalmentMonths', 'sale.balanceMonths'].map((k) => `${overridePath}["${k}"]`);
  if (found.some((p) => keys.includes(p.path))) return [];
  const first = resolved.get('sale.firstInstalmentMonths');
  const balance = resolved.get('sale.balanceMonths');
  if (!first || !balance || !(Number(first.raw) > Number(balance.raw))) return [];
  const key = first.overridden || !balance.overridden ? 'sale.firstInstalmentMonths' : 'sale.balanceMonths';
  const at = key === 'sale.firstInstalmentMonths' ? first : balance;
  return [problem('parameter.value', `${overridePath}["${key}"]`, at.raw, {
    en: `months to pay the first instalment (${first.raw}) no more than the months to pay the balance (${balance.raw}): the first instalment comes first (H-3)`,
    zh: `首期价款缴纳期限（${first.raw} 个月）不超过余款缴纳期限（${balance.raw} 个月）：首期在先（H-3）`,
  })];
}
