/**
 * The 报表 page in Chromium: each report drawn with the engine's figures (the same report built in
 * Node from the same scenario), printed to A4 landscape without overflowing the page, downloaded
 * as XLSX with live formulas and as CSV in exact 元; and the scenario page taking a parcel list
 * from .xlsx, a refused sheet drawn with its problem at the cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, openPage, startHarness, type Harness } from './harness';
import { buildReport, cellText, REPORT_KINDS, sensitivityRuns, type ReportKind } from '../../engine/reports/index';
import { loadWorkbook } from '../../engine/xlsx/sheet-grid';
import { composed, runFile } from '../support/scenarios';

let h: Harness;
const BONDS = 'scenarios/hainan-bonds.json';

beforeAll(async () => {
  h = await startHarness();
  const { page, context } = await openPage(h);
  await page.goto(`${h.base}?p=reports&s=hainan-bonds&k=card`);
  await page.locator('article[data-report="card"] lr-report-table').first().waitFor({ timeout: 90_000 });
  await context.close();
});

afterAll(async () => {
  await h?.close();
});

async function showReport(page: Page, kind: ReportKind, extra = '') {
  await page.goto(`${h.base}?p=reports&s=hainan-bonds${kind === 'balance' ? '' : `&k=${kind}`}${extra}`);
  await page.locator(`article[data-report="${kind}"] lr-report-table`).first().waitFor({ timeout: 60_000 });
}

describe('报表 page in Chromium', () => {
  it('draws every report with the engine’s figures, and prints each on A4 landscape without overflow', async () => {
    const { page, context, errors } = await openPage(h);
    const result = runFile(BONDS);
    for (const { kind } of REPORT_KINDS) {
      const extra = kind === 'bond-use' ? '&y=2021' : '';
      await showReport(page, kind, extra);
      const want = buildReport(kind, result, { year: kind === 'bond-use' ? 2021 : undefined, sensitivity: kind === 'balance' ? sensitivityRuns(composed(BONDS)) : [] });
      const s = want.sections[0];
      const table = page.locator(`lr-report-table table[data-section="${s.key}"]`);
      for (const row of s.rows) {
        const shown = await table.locator(`tr[data-row="${row.key}"] td`).allInnerTexts();
        expect(shown.map((t) => t.trim()), `${kind} ${row.key}`).toEqual(row.cells.map((c) => cellText(c, want.unit)));
      }
      expect(await page.locator(`article[data-report="${kind}"] lr-report-table`).count()).toBe(want.sections.length);
      await page.screenshot({ path: artifact(`reports-${kind}.png`), fullPage: true });

      // Print: A4 landscape is 297 mm less 2 × 12 mm margins ≈ 1032 CSS px across.
      await page.setViewportSize({ width: 1032, height: 730 });
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('lr-app nav').isVisible()).resolves.toBe(false);
      await expect(page.locator('lr-page-reports .kinds').isVisible()).resolves.toBe(false);
      const widest = await page.locator('lr-report-table table').evaluateAll((ts) => Math.max(...ts.map((t) => t.getBoundingClientRect().right)));
      expect(widest, `${kind} fits the printed width`).toBeLessThanOrEqual(1032);
      if (kind === 'balance') writeFileSync(artifact('reports-balance.pdf'), await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(readFileSync(artifact('reports-balance.pdf')).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the disclosure table as XLSX with formulas and as CSV in exact 元', async () => {
    const { page, context } = await openPage(h);
    await showReport(page, 'disclosure');
    const [x] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="report-xlsx"]').click()]);
    await x.saveAs(artifact('reports-disclosure.xlsx'));
    const wb = await loadWorkbook(new Uint8Array(readFileSync(artifact('reports-disclosure.xlsx'))));
    const bond = runFile(BONDS).bonds[0];
    const sheet = wb.getWorksheet(`${bond.id} 项目总体信息`)!;
    const formulas: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => { if (c.type === ExcelJS.ValueType.Formula) formulas.push((c.model as { formula: string }).formula); }));
    expect(formulas).toEqual(expect.arrayContaining([expect.stringMatching(/^SUM\(D\d+:[A-Z]+\d+\)$/)]));
    const [c] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="report-csv"]').click()]);
    await c.saveAs(artifact('reports-disclosure.csv'));
    expect(readFileSync(artifact('reports-disclosure.csv'), 'utf8')).toContain(`计划发行额（亿元）,${bond.principal}`);
    await context.close();
  });

  it('a scenario without bonds says it has no balance plan, and still has its budget', async () => {
    const { page, context } = await openPage(h);
    await page.goto(`${h.base}?p=reports&s=xingning-buyback`);
    await expect(page.locator('article[data-report="balance"] [data-report-note]').innerText({ timeout: 60_000 })).resolves.toContain('没有专项债券');
    await page.locator('button[data-kind="budget"]').click();
    await page.locator('article[data-report="budget"] lr-report-table').first().waitFor({ timeout: 60_000 });
    await context.close();
  });
});

describe('a parcel list from .xlsx on the scenario page', () => {
  it('a refused sheet shows its problem at the cell; a good one replaces the parcels', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=scenario&s=xingning-buyback`);
    await page.locator('lr-page-scenario [data-valid]').waitFor({ timeout: 60_000 });
    await page.locator('input[data-upload-parcels]').setInputFiles('test/fixtures/bad/bad-parcels.xlsx');
    const bad = page.locator('lr-sheet-grid td[data-cell="F3"]');
    await bad.waitFor({ timeout: 30_000 });
    await expect(bad.getAttribute('class')).resolves.toBe('bad');
    await expect(page.locator('lr-sheet-grid [data-sheet-problems] li').first().innerText()).resolves.toContain('bad-parcels.xlsx!地块!F3');
    await page.screenshot({ path: artifact('scenario-parcels-xlsx-refused.png'), fullPage: true });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('地块');
    ws.addRow(['id', 'area', 'acquisition.mode', 'acquisition.date', 'acquisition.price（万元）', 'sale.date', 'sale.price（万元）']);
    ws.addRow(['X1', '30亩', 'purchase', '2022-03', 3000, '2022-12', 9000]);
    writeFileSync(artifact('parcels-good.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    await page.locator('input[data-upload-parcels]').setInputFiles(artifact('parcels-good.xlsx'));
    await expect(page.locator('lr-page-scenario [data-parcel-sheet] .ok').innerText({ timeout: 30_000 })).resolves.toContain('1');
    await page.locator('lr-page-scenario [data-valid]').waitFor({ timeout: 30_000 });
    await expect(page.locator('lr-page-scenario lr-kpis li[data-kpi="saleRevenue"] .value').innerText()).resolves.toContain('9,000.00');
    expect(errors).toEqual([]);
    await context.close();
  });
});
