/**
 * Writing tables into an XLSX workbook with ExcelJS: the one place that knows the library's
 * cell, style and page API, shared by the result workbook, the report workbooks and the
 * notebook's table downloads. Money cells hold the engine's 元 decimal string parsed as a number
 * (Excel keeps 15 significant digits, so a figure below 10^13 元 stays exact to the fen) and are
 * formatted #,##0.00; headers are Chinese with the English beneath, frozen, printed on A4.
 */
import ExcelJS from 'exceljs';
import type { Table } from './tables';

export const MONEY_FORMAT = '#,##0.00';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // A fixed date keeps the bytes a function of the result alone (ExcelJS would stamp "now").
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.creator = 'lrsim';
  return wb;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** A4 page setup: landscape when the sheet is wide, fitted to one page across, headers repeated. */
export function printSetup(ws: ExcelJS.Worksheet, columns: number, headerRows: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: columns > 7 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** One table as a sheet: two header rows (zh, en), frozen; money as numbers of 元. */
export function addTableSheet(wb: ExcelJS.Workbook, table: Table, name = table.zh): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  ws.addRow(table.columns.map((c) => c.zh));
  ws.addRow(table.columns.map((c) => c.en));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) ws.addRow(table.columns.map((c) => (c.kind === 'text' ? c.get(row) : numberCell(c.get(row)))));
  table.columns.forEach((c, j) => {
    const col = ws.getColumn(j + 1);
    col.width = Math.max(10, c.zh.length * 2 + 2);
    if (c.kind === 'money') col.numFmt = MONEY_FORMAT;
  });
  printSetup(ws, table.columns.length, 2);
  return ws;
}

/** A decimal string as a cell number; text that is not a number ("-", "") stays text. */
export function numberCell(s: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** One table as a workbook of one sheet (the notebook's table download). */
export async function tableWorkbook(table: Table): Promise<Uint8Array> {
  const wb = newWorkbook();
  addTableSheet(wb, table);
  return workbookBytes(wb);
}
