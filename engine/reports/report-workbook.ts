/**
 * A report as an XLSX workbook with live formulas: one sheet per section, year columns holding
 * the engine's values, and every total, subtotal, balance carried forward and ratio written as
 * its formula (SUM of the years, a signed sum of rows, ROUND(a/b, 4)) with the engine's figure as
 * the cached result — so the sheet opens showing the engine's numbers, and an auditor who
 * changes a year's figure sees every dependent total move. Headers frozen, A4, landscape when wide.
 */
import { Decimal } from '../money';
import { MONEY_FORMAT, newWorkbook, printSetup, sheetName, workbookBytes, type Worksheet } from '../presentation/sheet-writer';
import { cellAddress } from '../xlsx/cell-address';
import { UNIT_SHIFT, UNIT_TEXT, type Cell, type Formula, type Report, type ReportSection, type ReportUnit } from './report-table';

const FIRST_ROW = 4; // 0-based row of the first data row: title, note, header zh, header en
const FIRST_COL = 2; // labels in A (zh) and B (en)
const RATIO_FORMAT = '0.0000';
const UNIT_FORMAT: Record<ReportUnit, string> = { yuan: MONEY_FORMAT, wan: '#,##0.00', yi: '0.0000' };

/** 元 decimal string → a number in the unit, shifted exactly before it becomes a number. */
export function unitNumber(yuan: string, unit: ReportUnit): number {
  return UNIT_SHIFT[unit] === 0 ? Number(yuan) : Number(new Decimal(yuan).div(10 ** UNIT_SHIFT[unit]).toString());
}

export async function reportWorkbook(report: Report): Promise<Uint8Array> {
  const wb = newWorkbook();
  const used = new Set<string>();
  for (const section of report.sections) {
    let name = sheetName(section.title.zh);
    for (let i = 2; used.has(name); i++) name = sheetName(`${section.title.zh.slice(0, 27)} (${i})`);
    used.add(name);
    writeSection(wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: FIRST_COL, ySplit: FIRST_ROW }] }), report, section);
  }
  if (report.sections.length === 0) wb.addWorksheet('说明').addRow(report.notes.map((n) => `${n.zh} ${n.en}`));
  return workbookBytes(wb);
}

function writeSection(ws: Worksheet, report: Report, s: ReportSection): void {
  const rowOf = new Map(s.rows.map((r, i) => [r.key, FIRST_ROW + i]));
  const addr = (row: string, col: number) => {
    const r = rowOf.get(row);
    if (r === undefined) throw new Error(`formula names unknown row ${row} in ${s.key}`);
    return cellAddress(r, FIRST_COL + col);
  };
  ws.getCell('A1').value = `${report.title.zh}：${s.title.zh}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('B1').value = `${report.title.en}: ${s.title.en}`;
  ws.getCell('A2').value = `单位：${UNIT_TEXT[report.unit].zh}${s.note ? `　${s.note.zh}` : ''}`;
  ws.getCell('B2').value = `Unit: ${UNIT_TEXT[report.unit].en}${s.note ? `  ${s.note.en}` : ''}`;
  const headZh = ws.getRow(3), headEn = ws.getRow(4);
  headZh.getCell(1).value = '项目';
  headEn.getCell(2).value = 'Item';
  s.head.forEach((h, j) => { headZh.getCell(FIRST_COL + j + 1).value = h.zh; headEn.getCell(FIRST_COL + j + 1).value = h.en; });
  headZh.font = { bold: true };
  s.rows.forEach((row, i) => {
    const xr = ws.getRow(FIRST_ROW + i + 1);
    xr.getCell(1).value = row.label.zh;
    xr.getCell(2).value = row.label.en;
    if (row.level) { xr.getCell(1).alignment = { indent: 1 }; xr.getCell(2).alignment = { indent: 1 }; }
    row.cells.forEach((cell, j) => writeCell(xr.getCell(FIRST_COL + j + 1), cell, report.unit, (r, c) => addr(r || row.key, c)));
  });
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 30;
  for (let j = 0; j < s.head.length; j++) ws.getColumn(FIRST_COL + j + 1).width = 16;
  printSetup(ws, FIRST_COL + s.head.length, FIRST_ROW);
}

type Addr = (row: string, col: number) => string;

function writeCell(xc: import('exceljs').Cell, cell: Cell, unit: ReportUnit, addr: Addr): void {
  if (cell.t === 'blank') return;
  if (cell.t === 'text') { xc.value = cell.v; return; }
  if (cell.t === 'ratio') {
    if (cell.v === null) { xc.value = '—'; return; }
    xc.value = cell.f ? { formula: formulaText(cell.f, addr), result: Number(cell.v) } : Number(cell.v);
    xc.numFmt = RATIO_FORMAT;
    return;
  }
  const value = unitNumber(cell.v, unit);
  xc.value = cell.f ? { formula: formulaText(cell.f, addr), result: value } : value;
  xc.numFmt = UNIT_FORMAT[unit];
  if (cell.f) xc.font = { bold: true };
}

/** A formula in A1 notation; `addr('', col)` is a cell of the formula's own row. */
export function formulaText(f: Formula, addr: Addr): string {
  switch (f.op) {
    case 'sumRow': return `SUM(${addr('', f.from)}:${addr('', f.to)})`;
    case 'sum': return f.terms.map((t, i) => `${t.sign < 0 ? '-' : i > 0 ? '+' : ''}${addr(t.row, t.col)}`).join('');
    case 'ratio': return `ROUND(${addr(f.num.row, f.num.col)}/${addr(f.den.row, f.den.col)},${f.digits})`;
  }
}
