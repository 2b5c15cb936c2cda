/**
 * Recalculating written workbooks the way an auditor's spreadsheet would: LibreOffice headless when
 * `soffice` is installed, otherwise HyperFormula (with a one-line notice naming the Debian package).
 * Returns every formula cell's recalculated value by sheet and address.
 */
import { HyperFormula } from 'hyperformula';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../engine/xlsx/sheet-grid';
import { noticeOnce, recalculateAll, sofficeAvailable } from './libreoffice';

export interface FormulaCell { sheet: string; address: string; row: number; col: number; formula: string; result: number | string | null }

/** The formula cells of a workbook with the result it carries (cached, or recalculated). */
export async function formulaCells(bytes: Uint8Array): Promise<FormulaCell[]> {
  const wb = await loadWorkbook(bytes);
  const out: FormulaCell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      // cell.model, not cell.value: ExcelJS's value getter drops a result of 0.
      const v = cell.model as unknown as { formula: string; result?: unknown };
      const res = v.result;
      out.push({ sheet: ws.name, address: cell.address, row: r, col: c, formula: v.formula, result: typeof res === 'number' || typeof res === 'string' ? res : null });
    }));
  }
  return out;
}

export const engineName = () => (sofficeAvailable() ? 'LibreOffice' : 'HyperFormula');

/** Each workbook recalculated; the formula cells with their new values. */
export async function recalculated(books: readonly Uint8Array[]): Promise<FormulaCell[][]> {
  if (sofficeAvailable()) return Promise.all(recalculateAll(books).map((b) => formulaCells(new Uint8Array(b))));
  noticeOnce();
  return Promise.all(books.map(hyperFormulaRecalc));
}

async function hyperFormulaRecalc(bytes: Uint8Array): Promise<FormulaCell[]> {
  const wb = await loadWorkbook(bytes);
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const grid: (string | number | null)[][] = [];
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      (grid[r - 1] ??= [])[c - 1] = cell.type === ExcelJS.ValueType.Formula ? `=${(cell.value as ExcelJS.CellFormulaValue).formula}` : typeof cell.value === 'number' ? cell.value : cell.value === null ? null : String(cell.text);
    }));
    sheets[ws.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  const cells = await formulaCells(bytes);
  return cells.map((c) => {
    const v = hf.getCellValue({ sheet: hf.getSheetId(c.sheet)!, row: c.row - 1, col: c.col - 1 });
    return { ...c, result: typeof v === 'number' || typeof v === 'string' ? v : null };
  });
}

/** A workbook with one number cell changed. */
export async function withCell(bytes: Uint8Array, sheet: string, address: string, change: (v: number) => number): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  const cell = wb.getWorksheet(sheet)!.getCell(address);
  cell.value = change(cell.value as number);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
