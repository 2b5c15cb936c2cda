/**
 * Parcel tables from .xlsx: the same parcels as the CSV table (万元 as numbers under a header that
 * names the unit, or as text), every refused workbook named by file, sheet and cell with the
 * column's expected form in both languages, a LibreOffice-written workbook of each seed scenario's
 * parcels reading back to the same scenario, and the size and regular-file limits.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, MAX_PARCEL_WORKBOOK_BYTES, readWorkbookGrid } from '../cli/load-workbook';
import { composed, scenarioFiles } from './support/scenarios';
import { csvToXlsx, noticeOnce, sofficeAvailable } from './support/libreoffice';
import { prepare, type Problem } from '../engine/index';
import { main } from '../cli/main';

type Cell = ExcelJS.CellValue;

async function workbookFile(dir: string, rows: Cell[][], build?: (ws: ExcelJS.Worksheet) => void, sheet = '地块'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  build?.(ws);
  const file = join(dir, 'parcels.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

function scenarioFile(dir: string, spec: unknown): string {
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ id: 'xlsx-parcels', timeline: { start: '2022-01', months: 60 }, jurisdiction: 'guangdong', parcelsXlsx: spec }));
  return file;
}

const HEADER = ['id', 'name', 'zone', 'area', 'acquisition.mode', 'acquisition.date', 'acquisition.unitPrice', 'acquisition.price（万元）', 'acquisition.payments', 'sale.date', 'sale.price（万元）'];
const GOOD_ROWS: Cell[][] = [
  HEADER,
  ['C1', '东片一号', 'E', '12.5亩', 'buyback', '2022-03', '177.33万元/亩', null, null, '2022-11', 6000],
  ['C2', '西片二号, 含道路', 'W', '8000m²', 'purchase', null, null, 1200, '[{"date":"2022-04","share":"40%"},{"date":"2022-08","share":"60%"}]', '2023-02', '3,500'],
];

async function problemsOf(rows: Cell[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-xlsx-'));
  await workbookFile(dir, rows, build);
  const c = await loadScenario(scenarioFile(dir, { file: 'parcels.xlsx', sheet: '地块' }));
  expect(c.ok).toBe(false);
  return c.ok ? [] : c.problems;
}

describe('parcels from an .xlsx sheet', () => {
  it('read the same parcels as the CSV table (万元 as numbers under a unit header and as text)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-xlsx-'));
    await workbookFile(dir, GOOD_ROWS);
    const c = await loadScenario(scenarioFile(dir, { file: 'parcels.xlsx' }));
    expect(c.ok, c.ok ? '' : c.problems.map((p) => p.message.en).join('\n')).toBe(true);
    const fromCsv = composed('test/fixtures/good/csv-parcels.json');
    expect((c as { scenario: Record<string, unknown> }).scenario.parcels).toEqual(fromCsv.parcels);
    expect(prepare((c as { scenario: unknown }).scenario).ok).toBe(true);
  });

  it('every command reads a scenario whose parcels are in a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-xlsx-'));
    await workbookFile(dir, GOOD_ROWS);
    const file = scenarioFile(dir, { file: 'parcels.xlsx' });
    for (const args of [['run', file], ['validate', file], ['stress', file], ['sweep', file, '--stress'], ['report', file, '--kind', 'budget']]) {
      let err = '';
      const code = await main(args, { out: () => {}, err: (s: string) => { err += s; } });
      expect(code, `${args.join(' ')}: ${err}`).toBe(0);
      expect(err).not.toContain('workbooks are not read here');
    }
  });

  const cases: { what: string; rows: Cell[][]; build?: (ws: ExcelJS.Worksheet) => void; where: string; en: RegExp; zh: RegExp }[] = [
    { what: 'a missing column', rows: [HEADER.filter((h) => h !== 'area'), ['C1', '东片一号', 'E', 'buyback']], where: 'parcels.xlsx!地块!1:1', en: /column "area" is missing.*area with its unit/, zh: /缺少“area”列.*带单位的面积/ },
    { what: 'text in a number cell', rows: [GOOD_ROWS[0], GOOD_ROWS[1], ['C2', 'x', 'W', '8000m²', 'purchase', null, null, '约1200', null, '2023-02', 3500]], where: 'parcels.xlsx!地块!H3', en: /text "约1200" in a number cell.*amount with its unit/, zh: /数字列（单位 万元）中填了文本“约1200”.*带单位的金额/ },
    { what: 'merged header cells', rows: [['宗地清单', null], ...GOOD_ROWS], build: (ws) => ws.mergeCells('A1:K1'), where: 'parcels.xlsx!地块!A1', en: /merged header cells A1:K1/, zh: /表头合并单元格 A1:K1/ },
    { what: 'an empty sheet', rows: [], where: 'parcels.xlsx!地块', en: /the sheet is empty/, zh: /工作表为空/ },
    { what: 'a second table below the first', rows: [...GOOD_ROWS, [], ['合计', null, null, '20.5亩']], where: 'parcels.xlsx!地块!A5', en: /second table starts below the first/, zh: /第一个表格下方还有第二个表格/ },
    { what: 'a formula cell', rows: [GOOD_ROWS[0], ['C1', '东片一号', 'E', '12.5亩', 'buyback', '2022-03', '177.33万元/亩', null, null, '2022-11', { formula: 'H3*5', result: 6000 }], GOOD_ROWS[2]], where: 'parcels.xlsx!地块!K2', en: /a formula \(=H3\*5\).*amount with its unit/, zh: /公式（=H3\*5）/ },
    { what: 'a date cell', rows: [GOOD_ROWS[0], ['C1', '东片一号', 'E', '12.5亩', 'buyback', new Date(Date.UTC(2022, 2, 1)), '177.33万元/亩', null, null, '2022-11', 6000], GOOD_ROWS[2]], where: 'parcels.xlsx!地块!F2', en: /a date cell \(2022-03-01\).*month or day written as text/, zh: /日期格式单元格（2022-03-01）.*以文本填写的月份或日期/ },
    { what: 'a money number without its unit', rows: [['id', 'area', 'sale.date', 'sale.price'], ['C1', '12.5亩', '2022-11', 6000]], where: 'parcels.xlsx!地块!D2', en: /the number 6000 has no unit/, zh: /数字 6000 没有单位/ },
  ];
  for (const k of cases) {
    it(`refuses ${k.what}, naming the cell and the expected form`, async () => {
      const problems = await problemsOf(k.rows, k.build);
      const hit = problems.find((p) => p.path === k.where);
      expect(hit, problems.map((p) => `${p.code} ${p.path} ${p.message.en}`).join('\n')).toBeDefined();
      expect(hit!.code).toBe('file.xlsx');
      expect(hit!.message.en).toMatch(k.en);
      expect(hit!.message.zh).toMatch(k.zh);
    });
  }

  it('a sheet that does not exist, a directory and an oversized file are unreadable, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-xlsx-'));
    await workbookFile(dir, GOOD_ROWS);
    const noSheet = await loadScenario(scenarioFile(dir, { file: 'parcels.xlsx', sheet: '没有' }));
    expect(noSheet.ok ? [] : noSheet.problems.map((p) => [p.code, p.message.en.includes('no sheet named "没有" (sheets: 地块)')])).toEqual([['file.unreadable', true]]);
    mkdirSync(join(dir, 'folder.xlsx'));
    const folder = await loadScenario(scenarioFile(dir, { file: 'folder.xlsx' }));
    expect(folder.ok ? [] : folder.problems.map((p) => p.code)).toEqual(['file.unreadable']);
    const big = join(dir, 'big.xlsx');
    writeFileSync(big, new Uint8Array(MAX_PARCEL_WORKBOOK_BYTES + 1));
    expect(await readWorkbookGrid(big, undefined)).toEqual({ error: expect.stringContaining('limit') });
    const missing = await loadScenario(scenarioFile(dir, { file: 'nowhere.xlsx' }));
    expect(missing.ok ? [] : missing.problems.map((p) => p.code)).toEqual(['file.notFound']);
  });
});

/** A parcel as CSV columns: nested objects flattened to dotted names, lists as JSON text. */
function flatten(value: unknown, prefix: string, out: Record<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = Array.isArray(value) ? JSON.stringify(value) : String(value);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('a parcel workbook written by LibreOffice from a seed scenario’s parcels', () => {
  const seeds = scenarioFiles().filter((f) => !f.includes('/stress/') && Array.isArray(composed(f).parcels) && (composed(f).parcels as unknown[]).length > 0);
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-lo-'));
  const tables = seeds.map((file, i) => {
    const scenario = composed(file);
    const rows = (scenario.parcels as unknown[]).map((p) => { const o: Record<string, string> = {}; flatten(p, '', o); return o; });
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const csvFile = join(dir, `parcels-${i}.csv`);
    writeFileSync(csvFile, [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(','))].join('\n') + '\n');
    return { file, scenario, rows, columns, csvFile };
  });
  let books: Uint8Array[] = [];
  beforeAll(async () => {
    if (sofficeAvailable()) {
      books = csvToXlsx(tables.map((t) => t.csvFile), Math.max(...tables.map((t) => t.columns.length)));
      return;
    }
    noticeOnce();
    books = await Promise.all(tables.map(async (t) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('parcels');
      ws.addRow(t.columns);
      t.rows.forEach((r) => ws.addRow(t.columns.map((c) => r[c] ?? null)));
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }));
  });
  it.each(tables.map((t, i) => [t.file, i] as const))('%s reads back to the same scenario', async (_file, i) => {
    const { scenario } = tables[i];
    writeFileSync(join(dir, `parcels-${i}.xlsx`), books[i]);
    const { parcels: _p, ...rest } = scenario;
    writeFileSync(join(dir, `scenario-${i}.json`), JSON.stringify({ ...rest, parcelsXlsx: { file: `parcels-${i}.xlsx` } }));
    const back = await loadScenario(join(dir, `scenario-${i}.json`));
    expect(back.ok, back.ok ? '' : back.problems.map((p) => p.message.en).join('\n')).toBe(true);
    expect((back as { scenario: unknown }).scenario).toEqual(scenario);
  });
});
