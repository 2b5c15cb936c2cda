/**
 * Structural validation of a scenario against scenarios/scenario.schema.json (ajv), with every
 * error turned into a Problem a finance officer can act on: the field as a JSON path, the value
 * found, and what was expected, in English and Chinese.
 */
import type { ErrorObject } from 'ajv';
import schema from '../../scenarios/scenario.schema.json';
import { problem, type Problem, type ProblemCode } from '../problem';
import { LIMIT_FORMATS } from './scenario-formats';
import { moneyOrRateBreach } from '../limits';
import { editDistance } from '../suggest';
import { validateScenario as validate } from './scenario-validator';

export const SCENARIO_SCHEMA = schema;

const FORMATS: Record<string, { code: ProblemCode; en: string; zh: string }> = {
  money: { code: 'money.format', en: 'an amount with its unit as a string, e.g. "2000万元", "1.2亿元" or "2660元"', zh: '带单位的金额字符串，如 "2000万元"、"1.2亿元"、"2660元"' },
  moneyOrRate: { code: 'money.format', en: 'an amount ("12万元") or a rate ("1.5%") as a string', zh: '金额（如 "12万元"）或比率（如 "1.5%"）字符串' },
  rate: { code: 'rate.format', en: 'a percentage as a string, e.g. "50%"', zh: '百分比字符串，如 "50%"' },
  decimal: { code: 'schema.format', en: 'a decimal number as a string, e.g. "0.9"', zh: '小数字符串，如 "0.9"' },
  area: { code: 'area.format', en: 'an area with its unit, e.g. "34.9928亩", "42251.56m²" or "1.5公顷"', zh: '带单位的面积，如 "34.9928亩"、"42251.56m²"、"1.5公顷"' },
  unitPrice: { code: 'unitPrice.format', en: 'a unit price, e.g. "177.33万元/亩" or "2660元/m²"', zh: '单价，如 "177.33万元/亩" 或 "2660元/m²"' },
  unitPricePerTime: { code: 'unitPrice.format', en: 'a unit cost per year, e.g. "2元/m²/年"', zh: '年单位成本，如 "2元/m²/年"' },
  month: { code: 'date.format', en: 'a month "YYYY-MM", e.g. "2022-01"', zh: '月份 "YYYY-MM"，如 "2022-01"' },
  date: { code: 'date.format', en: 'a date "YYYY-MM-DD" or a month "YYYY-MM"', zh: '日期 "YYYY-MM-DD" 或月份 "YYYY-MM"' },
  weights: { code: 'schema.format', en: 'a weight as a string, e.g. "6"', zh: '比例字符串，如 "6"' },
  id: { code: 'schema.format', en: 'an identifier without spaces', zh: '不含空格的编号' },
};

/** "/parcels/2/sale/price" → "parcels[2].sale.price" */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `["${seg}"]`;
  }
  return out;
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}["${key}"]`;
}

function formatOf(e: ErrorObject): string | null {
  const m = /#\/definitions\/([A-Za-z]+)\//.exec(e.schemaPath);
  return m ? m[1] : null;
}

function toProblem(e: ErrorObject, data: unknown): Problem {
  const path = pointerToPath(e.instancePath);
  const value = valueAt(data, e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      return problem('schema.required', child(path, field), undefined, { en: `the required field "${field}"`, zh: `必填字段 "${field}"` });
    }
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const near = known.find((k) => k.toLowerCase() === field.toLowerCase() || editDistance(k, field) <= 2);
      return problem(
        'schema.unknownField',
        child(path, field),
        (value as Record<string, unknown>)?.[field],
        { en: `one of the known fields: ${known.join(', ')}`, zh: `已知字段之一：${known.join('、')}` },
        undefined,
        near ? `did you mean "${near}"? / 是否应为 "${near}"？` : undefined,
      );
    }
    case 'type': {
      const t = (e.params as { type: string }).type;
      return problem('schema.type', path, value, { en: `a value of type ${t}`, zh: `${TYPE_ZH[t] ?? t}类型的值` });
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      return problem('schema.enum', path, value, { en: `one of ${allowed}`, zh: `以下之一：${allowed}` });
    }
    case 'pattern': {
      const f = FORMATS[formatOf(e) ?? ''] ?? FORMATS[lastKey(path)] ?? { code: 'schema.format' as ProblemCode, en: `text matching ${(e.params as { pattern: string }).pattern}`, zh: `符合格式 ${(e.params as { pattern: string }).pattern} 的文本` };
      return problem(f.code, path, value, { en: f.en, zh: f.zh });
    }
    case 'format': {
      const f = LIMIT_FORMATS[(e.params as { format: string }).format];
      const breach = f && typeof value === 'string' ? f.breach(value) : null;
      // A money-or-rate field breaches as a rate when written with % or ‰.
      const code = f?.breach === moneyOrRateBreach && /[%‰]\s*$/.test(String(value)) ? 'rate.range' : f?.code;
      if (f && code && breach) return problem(code, path, value, breach);
      return problem('schema.format', path, value, { en: e.message ?? 'a valid value', zh: '有效的值' });
    }
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems': {
      const limit = (e.params as { limit: number }).limit;
      const word = e.keyword === 'minimum' ? ['at least', '不小于'] : e.keyword === 'maximum' ? ['at most', '不大于'] : e.keyword === 'minItems' ? ['at least this many items:', '项数不少于'] : ['at most this many items:', '项数不多于'];
      return problem('schema.range', path, value, { en: `${word[0]} ${limit}`, zh: `${word[1]} ${limit}` });
    }
    case 'oneOf':
      return problem('schema.type', path, value, { en: 'a string, or an object {"zh": "…", "en": "…"}', zh: '字符串，或对象 {"zh": "…", "en": "…"}' });
    case 'uniqueItems':
      return problem('ref.duplicate', path, value, { en: 'each item once', zh: '各项不重复' });
    default:
      return problem('schema.format', path, value, { en: e.message ?? 'a valid value', zh: '有效的值' });
  }
}

const TYPE_ZH: Record<string, string> = { string: '字符串', integer: '整数', number: '数字', object: '对象', array: '数组', boolean: '布尔' };

function lastKey(path: string): string {
  const m = /([A-Za-z]+)$/.exec(path);
  return m ? m[1] : '';
}


/** Every structural problem of a scenario object, or [] if it matches the schema. */
export function checkSchema(data: unknown): Problem[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A failed oneOf reports its branches' errors too; keep only the oneOf itself.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')));
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of kept) {
    const p = toProblem(e, data);
    const key = `${p.code}|${p.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
