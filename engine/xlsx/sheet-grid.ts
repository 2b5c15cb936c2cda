/**
 * A worksheet as a plain grid of typed cells, read once at the edge (the CLI, an upload) so that
 * the parcel reader after it is pure and synchronous. A cell keeps what kind Excel says it is —
 * text, number, formula, date — because a parcel list must be data a person typed: a formula's
 * cached value or a date serial would be read as something other than what the sheet shows.
 *   { file: "parcels.xlsx", sheet: "地块", rows: [[{kind: "text", text: "id"}, …], …], merges: ["A1:B1"] }
 */
import ExcelJS from 'exceljs';
export { cellAddress } from './cell-address';

export type CellKind = 'empty' | 'text' | 'number' | 'formula' | 'date' | 'boolean' | 'error';

export interface GridCell {
  readonly kind: CellKind;
  /** The text, or the number written in full ("1200.5"); '' when empty. */
  readonly text: string;
}

export interface SheetGrid {
  readonly file: string;
  readonly sheet: string;
  readonly rows: readonly (readonly GridCell[])[];
  /** Merged ranges, e.g. "A1:C1". */
  readonly merges: readonly string[];
}

export type GridRead = { ok: true; grid: SheetGrid } | { ok: false; reason: { en: string; zh: string } };

/** Opens workbook bytes (a file read from disk or uploaded). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const EMPTY: GridCell = { kind: 'empty', text: '' };

/** Reads one sheet (the first when none is named) of a workbook's bytes. */
export async function readSheetGrid(bytes: Uint8Array, file: string, sheet?: string): Promise<GridRead> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return { ok: false, reason: { en: `not an XLSX workbook (${(e as Error).message})`, zh: `不是 XLSX 工作簿（${(e as Error).message}）` } };
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    return sheet === undefined
      ? { ok: false, reason: { en: 'the workbook has no sheet', zh: '工作簿中没有工作表' } }
      : { ok: false, reason: { en: `no sheet named "${sheet}" (sheets: ${names})`, zh: `没有名为“${sheet}”的工作表（现有：${names}）` } };
  }
  const rows: GridCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) cells.push(cellOf(row.getCell(c)));
    rows.push(cells);
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  return { ok: true, grid: { file, sheet: ws.name, rows, merges } };
}

function cellOf(cell: ExcelJS.Cell): GridCell {
  const V = ExcelJS.ValueType;
  switch (cell.type) {
    case V.Null:
      return EMPTY;
    case V.Merge:
      return { kind: 'text', text: '' };
    case V.Number:
      return { kind: 'number', text: numberText(cell.value as number) };
    case V.String:
    case V.SharedString:
      return { kind: 'text', text: String(cell.value) };
    case V.RichText:
      return { kind: 'text', text: (cell.value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') };
    case V.Hyperlink:
      return { kind: 'text', text: String((cell.value as ExcelJS.CellHyperlinkValue).text ?? '') };
    case V.Date:
      return { kind: 'date', text: (cell.value as Date).toISOString().slice(0, 10) };
    case V.Formula:
      return { kind: 'formula', text: `=${(cell.value as ExcelJS.CellFormulaValue).formula ?? (cell.value as ExcelJS.CellSharedFormulaValue).sharedFormula ?? ''}` };
    case V.Boolean:
      return { kind: 'boolean', text: String(cell.value) };
    default:
      return { kind: 'error', text: String(cell.text ?? '') };
  }
}

/** A cell number as Excel shows it in full: 15 significant digits, no float noise ("0.3", not "0.30000000000000004"). */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}
