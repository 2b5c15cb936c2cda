/**
 * What a parcel-table column holds, looked up in the scenario schema by the column's field path,
 * so the XLSX reader can tell a reader what form a cell should take: "sale.price" is money
 * ("1200万元", or a number under a header naming its unit, "sale.price（万元）"), "area" an area,
 * "sale.date" a month as text, "holdings[0].households" a whole number, a list JSON text.
 */
import schema from '../../scenarios/scenario.schema.json';
import type { PathSegment } from './json-path';

export type ColumnKind = 'money' | 'area' | 'unitPrice' | 'rate' | 'decimal' | 'date' | 'integer' | 'json' | 'text';

type Node = { $ref?: string; type?: string; properties?: Record<string, Node>; items?: Node; oneOf?: Node[] };
const DEFS = (schema as unknown as { definitions: Record<string, Node> }).definitions;

const REF_KIND: Record<string, ColumnKind> = {
  money: 'money', moneyOrRate: 'money', area: 'area', unitPrice: 'unitPrice', unitPricePerTime: 'unitPrice',
  rate: 'rate', decimal: 'decimal', date: 'date', month: 'date', saleDate: 'date', text: 'text', id: 'text',
};

/** The kind of a parcel field, 'text' when the schema does not know it (the schema check then names it). */
export function columnKind(path: readonly PathSegment[]): ColumnKind {
  let node: Node | undefined = DEFS.parcel;
  for (const seg of path) {
    node = deref(node);
    if (!node) return 'text';
    node = typeof seg === 'number' ? node.items : node.properties?.[seg];
  }
  if (!node) return 'text';
  if (node.$ref) {
    const name = node.$ref.split('/').pop()!;
    if (REF_KIND[name]) return REF_KIND[name];
    node = deref(node);
  }
  if (node?.type === 'integer') return 'integer';
  if (node?.type === 'number') return 'decimal';
  if (node?.type === 'array' || node?.type === 'object') return 'json';
  return 'text';
}

function deref(node: Node | undefined): Node | undefined {
  if (node?.$ref) return DEFS[node.$ref.split('/').pop()!];
  return node;
}

/** Kinds whose numbers need a unit, stated in the header: "sale.price（万元）", "area (亩)". */
export const NEEDS_UNIT: ReadonlySet<ColumnKind> = new Set(['money', 'area', 'unitPrice', 'rate']);

export const KIND_FORM: Record<ColumnKind, { en: string; zh: string }> = {
  money: { en: 'an amount with its unit such as "1200万元", or a number under a header naming the unit such as "sale.price（万元）"', zh: '带单位的金额，如“1200万元”；或在表头注明单位（如“sale.price（万元）”）后填数字' },
  area: { en: 'an area with its unit such as "12.5亩", or a number under a header naming the unit such as "area（亩）"', zh: '带单位的面积，如“12.5亩”；或在表头注明单位（如“area（亩）”）后填数字' },
  unitPrice: { en: 'a unit price such as "177.33万元/亩", or a number under a header naming the unit', zh: '单价，如“177.33万元/亩”；或在表头注明单位后填数字' },
  rate: { en: 'a rate such as "2%", or a number under a header naming "%"', zh: '比率，如“2%”；或在表头注明“%”后填数字' },
  decimal: { en: 'a number', zh: '数字' },
  date: { en: 'a month or day written as text, e.g. "2022-09" or "2022-09-16" (format the column as Text)', zh: '以文本填写的月份或日期，如“2022-09”或“2022-09-16”（将该列设为文本格式）' },
  integer: { en: 'a whole number', zh: '整数' },
  json: { en: 'a list written as JSON text, e.g. [{"date":"2022-04","share":"40%"}]', zh: '以 JSON 文本填写的列表，如 [{"date":"2022-04","share":"40%"}]' },
  text: { en: 'text', zh: '文本' },
};
