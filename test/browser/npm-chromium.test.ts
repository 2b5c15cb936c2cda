/**
 * The browser suite on a machine without Debian's Chromium: with LRSIM_IGNORE_SYSTEM_CHROMIUM=1
 * the harness ignores /usr/bin/chromium and drives the Chromium npm installed
 * (@sparticuz/chromium), so `npm test` needs no root and no system browser. This file proves it
 * every run: the notebook loads, a slider moves a figure, the engine worker answers, and an
 * upload that fails validation shows its problems, not the figures of the scenario before.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.LRSIM_IGNORE_SYSTEM_CHROMIUM = '1';
const { chartDrawn, kpiText, openPage, startHarness } = await import('./harness');
type Harness = Awaited<ReturnType<typeof startHarness>>;

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('the notebook in the Chromium npm installed', () => {
  it('is the packaged browser, not /usr/bin/chromium', () => {
    expect(h.chromium.source).toBe('npm');
    expect(h.chromium.executablePath).not.toBe('/usr/bin/chromium');
    expect(h.browser.version()).toMatch(/^\d+\./);
  });

  it('loads the funding page and a slider changes the figures', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?s=hainan-provincial`);
    await chartDrawn(page, 'cash', 60_000);
    const before = await kpiText(page, 'saleRevenue');
    const slider = page.locator('lr-slider[name="price"] input[type="range"]');
    await slider.focus();
    await slider.press('ArrowLeft');
    await expect.poll(() => kpiText(page, 'saleRevenue'), { timeout: 20_000 }).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an upload that fails validation shows its problems instead of the previous figures', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=funding&s=hainan-provincial`);
    await chartDrawn(page, 'cash', 60_000);
    await page.locator('lr-app input[data-upload]').setInputFiles(resolve(import.meta.dirname, 'fixtures/far-index.json'));
    await expect.poll(() => new URL(page.url()).searchParams.get('s'), { timeout: 20_000 }).toBe('user:hainan-far-index');
    // Back to a drawn scenario, then switch to the failing one while the funding page stays.
    await page.goto(`${h.base}?p=funding&s=hainan-provincial`);
    await chartDrawn(page, 'cash', 60_000);
    await page.locator('lr-app select[data-picker]').selectOption('user:hainan-far-index');
    await page.locator('lr-page-funding lr-problems li[data-code="set.index"]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('lr-page-funding lr-chart[data-chart="cash"] .plot svg').count()).toBe(0);
    expect(await page.locator('lr-page-funding [data-status]').innerText()).not.toContain('计算中');
    expect(errors).toEqual([]);
    await context.close();
  });
});

