/**
 * Parcels from a worksheet: the same table as the CSV parcel list (engine/scenario/parcel-table.ts)
 * — one parcel a row, columns named by the parcel's fields — read from a typed grid of cells.
 * A number is accepted where the header names its unit ("sale.price（万元）" with 1200 reads as
 * "1200万元"); a money or area number without a unit is refused, never guessed. Refused too, each
 * problem naming its cell as `parcels.xlsx!地块!D7` and the column's expected form: merged cells,
 * a missing id or area column, text in a number cell, a formula, a date cell, an empty sheet and a
 * second table below the first — a sheet must be one plain table a person typed.
 */
import { problem, type Problem } from '../problem';
import { parsePath, setAt, type PathSegment } from './json-path';
import { KIND_FORM, NEEDS_UNIT, columnKind, type ColumnKind } from './parcel-column';
import { cellAddress } from '../xlsx/cell-address';
import type { GridCell, SheetGrid } from '../xlsx/sheet-grid';
import type { ParcelRows } from './parcel-table';

/** 20 MB: a parcel list of tens of thousands of rows; a larger workbook is refused before it is opened. */
export const MAX_PARCEL_WORKBOOK_BYTES = 20 * 1024 * 1024;

const REQUIRED_COLUMNS = ['id', 'area'];
const UNIT_SUFFIX = /^(.*?)\s*[（(［[]\s*([^）)\]］]+?)\s*[）)\]］]\s*$/;
const NUMERIC_TEXT = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$/;

interface ColumnSpec {
  readonly index: number;
  readonly header: string;
  readonly path: PathSegment[];
  readonly kind: ColumnKind;
  readonly unit: string | null;
}

const isBlank = (c: GridCell | undefined) => !c || c.kind === 'empty' || (c.kind === 'text' && c.text.trim() === '');
const blankRow = (row: readonly GridCell[] | undefined) => !row || row.every(isBlank);

export function parcelsFromGrid(grid: SheetGrid): ParcelRows {
  const name = grid.file.split('/').pop()!;
  const at = (r: number, c: number) => `${name}!${grid.sheet}!${cellAddress(r, c)}`;
  const problems: Problem[] = [];
  const fail = (where: string, value: unknown, expected: { en: string; zh: string }, found: { en: string; zh: string }) =>
    problems.push({ ...problem('file.xlsx', where, value, expected, { en: `${where}: ${found.en}; expected ${expected.en}`, zh: `${where}：${found.zh}；应为${expected.zh}` }), file: grid.file });

  const h = grid.rows.findIndex((row) => !blankRow(row));
  if (h < 0) {
    fail(`${name}!${grid.sheet}`, undefined, { en: 'a header row of parcel fields (id, area, …) and a row per parcel', zh: '一行宗地字段表头（id、area……）及每宗地一行' }, { en: 'the sheet is empty', zh: '工作表为空' });
    return { parcels: [], lines: [], problems };
  }
  for (const range of grid.merges) {
    const [first] = range.split(':');
    const row = Number(/\d+/.exec(first)?.[0] ?? 0) - 1;
    const inHeader = row <= h;
    fail(`${name}!${grid.sheet}!${first}`, range, { en: 'one header row with one field name per cell, no merged cells', zh: '单行表头，每格一个字段名，不合并单元格' },
      inHeader ? { en: `merged header cells ${range}`, zh: `表头合并单元格 ${range}` } : { en: `merged cells ${range}`, zh: `合并单元格 ${range}` });
  }
  const columns = headerColumns(grid.rows[h], h, at, fail);
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.some((c) => c.path.length === 1 && c.path[0] === required)) {
      fail(`${name}!${grid.sheet}!${h + 1}:${h + 1}`, required, { en: `a column named "${required}" (${KIND_FORM[columnKind([required])].en})`, zh: `名为“${required}”的列（${KIND_FORM[columnKind([required])].zh}）` }, { en: `column "${required}" is missing`, zh: `缺少“${required}”列` });
    }
  }
  if (problems.length > 0) return { parcels: [], lines: [], problems };

  const parcels: unknown[] = [];
  const lines: number[] = [];
  let r = h + 1;
  for (; r < grid.rows.length && !blankRow(grid.rows[r]); r++) {
    const row = grid.rows[r];
    let parcel: unknown = {};
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const col = columns.find((x) => x.index === c);
      if (!col) {
        fail(at(r, c), cell.text, { en: 'cells only under a named header', zh: '只在有表头的列内填写' }, { en: `a value outside the table's columns`, zh: '表格列之外有数据' });
        return;
      }
      const value = cellValue(cell, col, at(r, c), fail);
      if (value !== undefined) parcel = setAt(parcel, col.path, value);
    });
    parcels.push(parcel);
    lines.push(r + 1);
  }
  for (let s = r; s < grid.rows.length; s++) {
    if (blankRow(grid.rows[s])) continue;
    const c = grid.rows[s].findIndex((cell) => !isBlank(cell));
    fail(at(s, c), grid.rows[s][c].text, { en: 'one table per sheet, nothing below it (put a second list on its own sheet)', zh: '每个工作表只有一个表格，其下不再有内容（另一份清单请放在单独的工作表）' }, { en: `a second table starts below the first (row ${s + 1})`, zh: `第一个表格下方还有第二个表格（第 ${s + 1} 行）` });
    break;
  }
  return { parcels, lines, problems };
}

type Fail = (where: string, value: unknown, expected: { en: string; zh: string }, found: { en: string; zh: string }) => void;

function headerColumns(row: readonly GridCell[], h: number, at: (r: number, c: number) => string, fail: Fail): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  row.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const raw = cell.text.trim();
    const m = UNIT_SUFFIX.exec(raw);
    const field = (m ? m[1] : raw).trim();
    const path = cell.kind === 'text' ? parsePath(field) : null;
    if (!path) {
      fail(at(h, index), raw, { en: 'a column named by a parcel field, e.g. "sale.price" or "sale.price（万元）"', zh: '以宗地字段命名的列，如“sale.price”或“sale.price（万元）”' }, { en: `header "${raw}" is not a parcel field`, zh: `表头“${raw}”不是宗地字段` });
      return;
    }
    columns.push({ index, header: raw, path, kind: columnKind(path), unit: m ? m[2].trim() : null });
  });
  return columns;
}

function cellValue(cell: GridCell, col: ColumnSpec, where: string, fail: Fail): unknown {
  const form = KIND_FORM[col.kind];
  const expected = { en: `${col.header}: ${form.en}`, zh: `${col.header}：${form.zh}` };
  switch (cell.kind) {
    case 'formula':
      fail(where, cell.text, expected, { en: `a formula (${cell.text}); a parcel list holds typed values — paste the values instead`, zh: `公式（${cell.text}）；宗地清单只填数值，请粘贴为数值` });
      return undefined;
    case 'date':
      fail(where, cell.text, expected, { en: `a date cell (${cell.text}); write dates as text such as "2022-09"`, zh: `日期格式单元格（${cell.text}）；日期请以文本填写，如“2022-09”` });
      return undefined;
    case 'boolean':
    case 'error':
      fail(where, cell.text, expected, { en: `a ${cell.kind} cell`, zh: cell.kind === 'boolean' ? '逻辑值单元格' : '错误值单元格' });
      return undefined;
    case 'number':
      return numberValue(cell.text, col, where, expected, fail);
    default:
      return textValue(cell.text.trim(), col, where, expected, fail);
  }
}

function numberValue(text: string, col: ColumnSpec, where: string, expected: { en: string; zh: string }, fail: Fail): unknown {
  if (col.kind === 'integer') {
    if (/^\d+$/.test(text)) return Number(text);
    fail(where, text, expected, { en: `${text} is not a whole number`, zh: `${text} 不是整数` });
    return undefined;
  }
  if (NEEDS_UNIT.has(col.kind)) {
    if (col.unit) return `${text}${col.unit}`;
    fail(where, Number(text), expected, { en: `the number ${text} has no unit (name it in the header, e.g. "${col.header}（万元）", or write it in the cell)`, zh: `数字 ${text} 没有单位（在表头注明，如“${col.header}（万元）”，或写在单元格内）` });
    return undefined;
  }
  if (col.kind === 'date' || col.kind === 'json') {
    fail(where, Number(text), expected, { en: `a number (${text})`, zh: `数字（${text}）` });
    return undefined;
  }
  return text;
}

function textValue(text: string, col: ColumnSpec, where: string, expected: { en: string; zh: string }, fail: Fail): unknown {
  if (col.kind === 'json' && (text.startsWith('[') || text.startsWith('{'))) {
    try { return JSON.parse(text); } catch { return text; /* the schema check names it */ }
  }
  if (col.kind === 'integer') {
    if (/^\d+$/.test(text)) return Number(text);
    fail(where, text, expected, { en: `text "${text}" in a number cell`, zh: `数字列中填了文本“${text}”` });
    return undefined;
  }
  if (NEEDS_UNIT.has(col.kind) && col.unit) {
    if (NUMERIC_TEXT.test(text)) return `${text.replace(/,/g, '')}${col.unit}`;
    fail(where, text, expected, { en: `text "${text}" in a number cell (the header gives the unit ${col.unit})`, zh: `数字列（单位 ${col.unit}）中填了文本“${text}”` });
    return undefined;
  }
  if ((col.kind === 'decimal' && !NUMERIC_TEXT.test(text)) || (NEEDS_UNIT.has(col.kind) && !/^\d/.test(text))) {
    fail(where, text, expected, { en: `text "${text}" in a number cell`, zh: `数字列中填了文本“${text}”` });
    return undefined;
  }
  return text;
}
