/**
 * Parcels from a table (CSV text): one parcel a row, columns named by the parcel's JSON fields
 * with dots for nesting — id, name, zone, area, acquisition.mode, acquisition.date,
 * acquisition.unitPrice, sale.date, sale.price… A cell holding a list (payments, leases) is
 * written as JSON. Empty cells are absent fields. Values stay strings, as in a scenario file.
 */
import Papa from 'papaparse';
import { setAt, parsePath } from './json-path';
import { problem, type Problem } from '../problem';

const INTEGER_FIELDS = new Set(['months', 'households']);

const TOO_MANY_HINT = 'a trailing comma, or a comma inside an unquoted cell such as 1,000万元: remove it or quote the cell / 行尾多余逗号，或未加引号的单元格含逗号（如 1,000万元）：删去逗号或给单元格加引号';

export interface ParcelRows {
  readonly parcels: unknown[];
  /** 1-based line number in the file of each parcel (header is line 1). */
  readonly lines: number[];
  readonly problems: Problem[];
}

export function parcelsFromCsv(text: string, file: string): ParcelRows {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems: Problem[] = [];
  const clean = text.replace(/^\uFEFF/, '');
  for (const e of parsed.errors) {
    // The character index pins the line where the fault starts (an unclosed quote runs on to the end).
    const line = typeof e.index === 'number' ? clean.slice(0, e.index).split('\n').length : (e.row ?? 0) + 2;
    problems.push({ ...problem('file.csv', `${file} row ${line}`, undefined, { en: 'well-formed CSV', zh: '格式正确的 CSV' }, { en: `${file} row ${line}: ${e.message}`, zh: `${file} 第 ${line} 行：CSV 格式错误（${e.message}）` }, e.code === 'TooManyFields' ? TOO_MANY_HINT : undefined), file });
  }
  const parcels: unknown[] = [];
  const lines: number[] = [];
  parsed.data.forEach((row, i) => {
    let parcel: unknown = {};
    for (const [column, rawCell] of Object.entries(row)) {
      // Cells past the header's columns come as an array under "__parsed_extra"; papaparse has
      // already reported the row (TooManyFields), so the row's fields are read and the extra left.
      if (typeof rawCell !== 'string') continue;
      const cell = rawCell.trim();
      if (cell === '' || column.trim() === '') continue;
      const path = parsePath(column.trim());
      if (!path) {
        problems.push({ ...problem('file.csv', `${file} column "${column}"`, column, { en: 'a column named by a parcel field, e.g. "sale.price"', zh: '以宗地字段命名的列，如 "sale.price"' }), file });
        continue;
      }
      let value: unknown = cell;
      if (cell.startsWith('[') || cell.startsWith('{')) {
        try { value = JSON.parse(cell); } catch { /* left as text: the schema check names it */ }
      } else if (INTEGER_FIELDS.has(String(path[path.length - 1])) && /^\d+$/.test(cell)) {
        value = Number(cell);
      }
      parcel = setAt(parcel, path, value);
    }
    parcels.push(parcel);
    lines.push(i + 2);
  });
  return { parcels, lines, problems };
}
