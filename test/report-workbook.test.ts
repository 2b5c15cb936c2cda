/**
 * Each report's workbook recalculated by LibreOffice (or HyperFormula where LibreOffice is not
 * installed): every formula cell — totals, subtotals, balances carried forward, ratios — comes to
 * the engine's value to the fen; then a year's figure is changed, the book recalculated, and the
 * total over it moves by exactly that much while the cells that do not depend on it stay.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS, sensitivityRuns, UNIT_SHIFT, type Report } from '../engine/reports/index';
import { reportWorkbook } from '../engine/reports/report-workbook';
import { loadWorkbook } from '../engine/xlsx/sheet-grid';
import { composed, runFile } from './support/scenarios';
import { engineName, formulaCells, recalculated, withCell, type FormulaCell } from './support/recalculate';

interface Book { name: string; report: Report; bytes: Uint8Array; changed: Uint8Array; input: { sheet: string; address: string }; total: FormulaCell }

const CASES: { file: string; kinds: readonly string[] }[] = [
  { file: 'scenarios/hainan-bonds.json', kinds: REPORT_KINDS.map((k) => k.kind) },
  { file: 'scenarios/jiangmen-2022.json', kinds: ['budget'] },
];

/** fen of a value in the report's unit (a float read back from a sheet). */
const fenOf = (v: number, report: Report) => Math.round(v * 10 ** UNIT_SHIFT[report.unit] * 100) + 0;

async function makeBook(file: string, kind: string): Promise<Book> {
  const result = runFile(file);
  const report = buildReport(kind as Report['kind'], result, { sensitivity: kind === 'balance' ? sensitivityRuns(composed(file)) : [] });
  const bytes = await reportWorkbook(report);
  const cells = await formulaCells(bytes);
  // A total whose first term is a figure (not another formula): SUM(C5:H5) or C5+C6-C7 grows by what C5 grows.
  const firstRef = (f: string) => /^(?:SUM\()?([A-Z]+\d+)/.exec(f)?.[1];
  const isFormula = (sheet: string, address: string) => cells.some((c) => c.sheet === sheet && c.address === address);
  const total = cells.find((c) => firstRef(c.formula) && !isFormula(c.sheet, firstRef(c.formula)!))!;
  const input = { sheet: total.sheet, address: firstRef(total.formula)! };
  return { name: `${file} ${kind}`, report, bytes, changed: await withCell(bytes, input.sheet, input.address, (v) => v + 1), input, total };
}

describe(`report workbooks recalculated (${engineName()})`, () => {
  let books: Book[] = [];
  let after: FormulaCell[][] = [];
  beforeAll(async () => {
    books = await Promise.all(CASES.flatMap((c) => c.kinds.map((k) => makeBook(c.file, k))));
    after = await recalculated(books.flatMap((b) => [b.bytes, b.changed]));
  }, 300_000);

  it('every formula cell equals the engine’s value to the fen', async () => {
    let checked = 0;
    for (const [i, book] of books.entries()) {
      const cached = await formulaCells(book.bytes);
      const recalc = after[2 * i];
      expect(recalc.length, book.name).toBe(cached.length);
      for (const c of cached) {
        const r = recalc.find((x) => x.sheet === c.sheet && x.address === c.address);
        expect(typeof r?.result, `${book.name} ${c.sheet}!${c.address} ${c.formula}`).toBe('number');
        const want = c.result as number;
        const got = r!.result as number;
        if (c.formula.startsWith('ROUND(')) expect(got.toFixed(4), `${book.name} ${c.sheet}!${c.address}`).toBe(want.toFixed(4));
        else expect(fenOf(got, book.report), `${book.name} ${c.sheet}!${c.address} ${c.formula}`).toBe(fenOf(want, book.report));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a changed year figure moves the totals over it, and only those', async () => {
    for (const [i, book] of books.entries()) {
      const before = after[2 * i];
      const moved = after[2 * i + 1];
      const t0 = before.find((c) => c.sheet === book.total.sheet && c.address === book.total.address)!.result as number;
      const t1 = moved.find((c) => c.sheet === book.total.sheet && c.address === book.total.address)!.result as number;
      expect(fenOf(t1 - t0, book.report), book.name).toBe(fenOf(1, book.report));
      const changed = moved.filter((c, j) => c.result !== before[j].result);
      expect(changed.length, book.name).toBeGreaterThanOrEqual(1);
      expect(changed.every((c) => c.sheet === book.input.sheet), book.name).toBe(true);
    }
  });

  it('sheets are frozen below their headers and set up for A4', async () => {
    for (const book of books) {
      const wb = await loadWorkbook(book.bytes);
      for (const ws of wb.worksheets) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 2 });
        expect(ws.pageSetup.paperSize).toBe(9);
        expect(ws.pageSetup.orientation).toBe(ws.columnCount > 7 ? 'landscape' : 'portrait');
      }
    }
  });
});
