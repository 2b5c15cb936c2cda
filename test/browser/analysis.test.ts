/**
 * The 情景分析 (analysis) page in Chromium, driven like a person: pickers and fields set the
 * sweep, the tornado's output is read off its table and chart, a Monte Carlo runs with a fixed
 * seed and a long one is cancelled, and the URL is reloaded. Every figure checked against the
 * engine run in Node on the same inputs. Screenshots land in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { artifact, chartDrawn, openPage, startHarness, type Harness } from './harness';
import { composed } from '../support/scenarios';
import { setAt } from '../../engine/scenario/json-path';
import { prepare } from '../../engine/scenario/normalize';
import { run } from '../../engine/run';
import { report } from '../../engine/report';
import { defaultEvents, defaultOutputs, defaultTornadoInputs, monteCarlo, tornado } from '../../engine/analysis/index';

let h: Harness;
const BONDS = composed('scenarios/hainan-bonds.json');

beforeAll(async () => {
  h = await startHarness();
  // Warm the dev server (dependency pre-bundling, the page's and the workers' first transforms).
  const { page, context } = await openPage(h);
  await page.goto(`${h.base}?p=analysis&s=hainan-bonds`);
  await chartDrawn(page, 'sweep-line', 60_000);
  await context.close();
});

afterAll(async () => {
  await h?.close();
});

interface Cell { text: string; title: string | null }

/** A table's headers and cells (text shown, and the title that carries the exact figure). */
async function readTable(page: Page, name: string): Promise<{ headers: string[]; rows: Cell[][] }> {
  return page.locator(`lr-table[data-table="${name}"]`).evaluate((el) => {
    const root = el.shadowRoot!;
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent!.trim(), title: td.getAttribute('title') ?? td.querySelector('[title]')?.getAttribute('title') ?? null })));
    return { headers, rows };
  });
}

/** The exact figure of a cell: a money cell's title is "123.45 元". */
const exact = (c: Cell) => (c.title ?? c.text).replace(/ 元$/, '');

/** The engine in Node on the same inputs: prepare, run, report, and read a field. */
function direct(set: Record<string, string | number>, read: (r: ReturnType<typeof report>) => string): string {
  let s: unknown = BONDS;
  for (const [k, v] of Object.entries(set)) s = setAt(s, ['adjustments', k], v);
  const p = prepare(s);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
  return read(report(run(p.model)));
}

describe('情景分析 page in Chromium', () => {
  it('each tab loads with no console error (screenshots kept)', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=analysis&s=hainan-bonds`);
    await chartDrawn(page, 'sweep-line');
    await expect(page.locator('lr-app nav a[data-page="analysis"]').innerText()).resolves.toContain('情景分析');
    await page.screenshot({ path: artifact('analysis-sweep.png'), fullPage: true });
    const ready: Record<string, string> = { tornado: 'lr-chart[data-chart="tornado"] .plot svg', solve: 'lr-analysis-solve li[data-preset="max-bond"] [data-answer]', stress: 'lr-table[data-table="stress"] tbody tr' };
    for (const tab of ['tornado', 'solve', 'stress']) {
      await page.locator(`lr-page-analysis button[data-tab="${tab}"]`).click();
      await page.locator(ready[tab]).first().waitFor({ state: 'attached', timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('a.tab')).toBe(tab);
      await page.screenshot({ path: artifact(`analysis-${tab}.png`), fullPage: true });
      if (tab !== 'solve') continue;
      // Solve-for: an answer, and "does not apply" said in words (no zone here), not a crash.
      expect(await page.locator('lr-analysis-solve li[data-preset="max-bond"]').getAttribute('data-status')).toBe('solved');
      await expect(page.locator('lr-analysis-solve li[data-preset="max-bond"] [data-answer]').innerText()).resolves.toContain('100,000.00 万元');
      expect(await page.locator('lr-analysis-solve li[data-preset="min-sale-price"]').getAttribute('data-status')).toBe('notApplicable');
      await expect(page.locator('lr-analysis-solve li[data-preset="min-sale-price"] [data-why]').innerText()).resolves.not.toBe('');
    }
    // The stress table: base and six presets, the base's value added as the engine reports it.
    const stress = await readTable(page, 'stress');
    expect(stress.rows.map((r) => r[0].text)).toEqual(['基准情景', '出让价格下降10%', '出让价格下降20%', '出让延后6个月', '出让延后12个月', '利率上升100个基点', '成本上升10%']);
    expect(exact(stress.rows[0][stress.headers.indexOf('增值收益')])).toBe(direct({}, (r) => r.totals.valueAdded));
    // English.
    await page.locator('lr-app button[data-lang="en"]').click();
    await expect(page.locator('lr-page-analysis button[data-tab="mc"]').innerText()).resolves.toBe('Monte Carlo');
    await page.screenshot({ path: artifact('analysis-stress-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a two-input sweep equals direct engine runs at its points, draws a heat map, and the URL reproduces it', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=analysis&s=hainan-bonds`);
    await chartDrawn(page, 'sweep-line');
    await page.locator('lr-path-picker[name="y"] select').selectOption('adjustments.saleDelayMonths');
    const steps = page.locator('lr-analysis-sweep input[data-range="y-steps"]');
    await steps.fill('3');
    await steps.press('Tab');
    await page.locator('lr-path-picker[name="output"] select').selectOption('totals.valueAdded');
    await expect.poll(async () => (await readTable(page, 'sweep')).rows.length, { timeout: 30_000 }).toBe(3);
    await chartDrawn(page, 'sweep-heat');
    const t = await readTable(page, 'sweep');
    expect(t.headers).toEqual(['出让延后（月） \\ 出让价格指数', '0.8', '0.9', '1', '1.1', '1.2']);
    expect(t.rows.map((r) => r[0].text)).toEqual(['0', '6', '12']);
    // Two points against the engine run directly in Node: (price 0.9, delay 6) and (1.2, 12).
    expect(exact(t.rows[1][2])).toBe(direct({ salePriceFactor: '0.9', saleDelayMonths: 6 }, (r) => r.totals.valueAdded));
    expect(exact(t.rows[2][5])).toBe(direct({ salePriceFactor: '1.2', saleDelayMonths: 12 }, (r) => r.totals.valueAdded));
    expect(t.rows[1][2].text).toBe('55,353.03');
    // Another output redraws from the same runs: the lowest coverage, a ratio as the engine writes it.
    await page.locator('lr-path-picker[name="output"] select').selectOption('min(bonds[*].coverageRatio)');
    await expect.poll(async () => (await readTable(page, 'sweep')).rows[0]?.[1]?.text).toBe('1.6767');
    const coverage = await readTable(page, 'sweep');
    const minCoverage = (r: ReturnType<typeof report>) => r.bonds.filter((b) => !b.rolloverOf).map((b) => b.coverageRatio!).sort()[0];
    expect(coverage.rows[1][2].text).toBe(direct({ salePriceFactor: '0.9', saleDelayMonths: 6 }, minCoverage));
    // The CSV download carries the exact figures.
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('lr-table[data-table="sweep"] button[data-export="csv"]').click()]);
    await d.saveAs(artifact('analysis-sweep.csv'));
    const csv = Papa.parse<string[]>(readFileSync(artifact('analysis-sweep.csv'), 'utf8').replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
    expect(csv[2][2]).toBe(coverage.rows[1][2].text);
    await page.screenshot({ path: artifact('analysis-sweep-heat.png'), fullPage: true });
    // Reload: the URL brings back the same view.
    const url = page.url();
    expect(new URL(url).searchParams.get('a.y')).toBe('adjustments.saleDelayMonths');
    expect(new URL(url).searchParams.get('a.yr')).toBe('0:12:3');
    await page.reload();
    await chartDrawn(page, 'sweep-heat');
    await expect.poll(async () => JSON.stringify(await readTable(page, 'sweep'))).toBe(JSON.stringify(coverage));
    await expect(page.locator('lr-path-picker[name="output"] select').inputValue()).resolves.toBe('min(bonds[*].coverageRatio)');
    await expect(page.locator('lr-analysis-sweep input[data-range="y-steps"]').inputValue()).resolves.toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the tornado shows its bars sorted by swing, as the engine sorts them', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=analysis&s=hainan-bonds&a.tab=tornado`);
    await chartDrawn(page, 'tornado');
    await page.locator('lr-path-picker[name="tornado-output"] select').selectOption('totals.peakFundingNeed');
    await expect.poll(async () => (await readTable(page, 'tornado')).headers.join()).toContain('峰值资金需求');
    const t = await readTable(page, 'tornado');
    const swings = t.rows.map((r) => Number(exact(r[6])));
    expect(swings.length).toBe(4);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const node = tornado(BONDS, { output: 'totals.peakFundingNeed', inputs: defaultTornadoInputs() });
    if (!node.ok) throw new Error('tornado refused');
    expect(t.rows.map((r) => r[1].text)).toEqual(node.result.bars.map((b) => b.path));
    expect(t.rows.map((r) => exact(r[6]))).toEqual(node.result.bars.map((b) => b.swingText));
    // The chart's bars run top to bottom in the table's order.
    await expect.poll(async () => page.locator('lr-chart[data-chart="tornado"] .plot svg g[data-mark="y-axis tick label"] text').allTextContents()).toEqual(t.rows.map((r) => r[0].text));
    expect(new URL(page.url()).searchParams.get('a.to')).toBe('totals.peakFundingNeed');
    await page.screenshot({ path: artifact('analysis-tornado-peak.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Monte Carlo with a fixed seed shows the engine’s P50; a long run shows progress and Cancel stops it', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=analysis&s=hainan-bonds&a.tab=mc&a.n=150&a.seed=7&a.d.delay=${encodeURIComponent('uniform(0, 9) integer')}`);
    const table = page.locator('lr-table[data-table="mc-percentiles"]');
    await table.waitFor({ timeout: 60_000 });
    await chartDrawn(page, 'mc-fan');
    const plan = {
      scenario: BONDS, runs: 150, seed: 7,
      inputs: [
        { path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
        { path: 'adjustments.costFactor', distribution: 'triangular(0.95, 1, 1.2)' },
        { path: 'adjustments.saleDelayMonths', distribution: 'uniform(0, 9) integer' },
        { path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) clamp(-150, 150) integer' },
      ],
      outputs: defaultOutputs(BONDS), series: ['periods[*].cumulativeNet'], events: defaultEvents(BONDS),
    };
    const inNode = await monteCarlo(plan, { threads: 1 });
    if (!inNode.ok) throw new Error('Monte Carlo refused in Node');
    const p50 = (path: string) => inNode.result.outputs.find((o) => o.path === path)!.percentiles.find((p) => p.p === 50)!.text;
    const t = await readTable(page, 'mc-percentiles');
    const row = t.rows.find((r) => r[0].text === 'P50')!;
    expect(exact(row[t.headers.indexOf('增值收益')])).toBe(p50('totals.valueAdded'));
    expect(exact(row[t.headers.indexOf('峰值资金需求')])).toBe(p50('totals.peakFundingNeed'));
    expect(Number(row[t.headers.indexOf('最低本息覆盖倍数')].text)).toBeCloseTo(Number(p50('min(bonds[*].coverageRatio)')), 6);
    const events = await readTable(page, 'mc-events');
    expect(events.rows.map((r) => r[3].text)).toEqual(inNode.result.events.map((e) => `${e.count} / ${e.n}`));
    await page.screenshot({ path: artifact('analysis-mc.png'), fullPage: true });

    // A long run: the bar moves, Cancel stops it, and no result is drawn for it.
    const runs = page.locator('lr-analysis-mc input[data-mc="runs"]');
    await runs.fill('40000');
    await runs.press('Tab');
    const bar = page.locator('lr-analysis-mc lr-progress progress[data-progress][max]');
    await bar.waitFor({ timeout: 30_000 });
    const value = () => bar.evaluate((p: HTMLProgressElement) => p.value).catch(() => -1);
    await expect.poll(value, { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await value();
    await expect.poll(value, { timeout: 30_000 }).toBeGreaterThan(first);
    await expect(page.locator('lr-analysis-mc lr-progress [data-count]').innerText()).resolves.toMatch(/已完成 \d+ \/ 40000 次运行/);
    expect(page.workers().filter((w) => w.url().includes('mc-worker')).length).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('analysis-mc-running.png'), fullPage: true });
    await page.locator('lr-analysis-mc lr-progress button[data-cancel]').click();
    await expect(page.locator('lr-analysis-mc lr-progress [data-note]').innerText()).resolves.toBe('已取消。');
    expect(await page.locator('lr-analysis-mc lr-progress progress').count()).toBe(0);
    // The workers are ended: the page's only Monte Carlo workers close.
    await expect.poll(() => page.workers().filter((w) => w.url().includes('mc-worker')).length, { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(800);
    expect(await table.count()).toBe(0);
    await page.locator('lr-analysis-mc button[data-rerun]').waitFor();
    expect(new URL(page.url()).searchParams.get('a.n')).toBe('40000');
    expect(errors).toEqual([]);
    await context.close();
  });
});
