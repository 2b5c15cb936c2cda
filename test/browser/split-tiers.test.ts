/**
 * The split page with any number of tiers, in a real browser: its controls start from the ratios
 * the engine splits by (a parameters["split.ratios"] override included), and with three tiers
 * each tier has its own weight slider and exception box, each moving the split chart.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, chartDrawn, chartSvg, kpiText, openPage, startHarness, type Harness } from './harness';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('split page, any number of tiers', () => {
  it('a scenario whose parameters set split.ratios to 7:3 shows 7 : 3 on the ratio slider, as the engine splits it', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=split&s=hainan-provincial`);
    await chartDrawn(page, 'waterfall', 60_000);
    await page.locator('lr-app input[data-upload]').setInputFiles(resolve(FIXTURES, 'params-73.json'));
    await expect.poll(() => new URL(page.url()).searchParams.get('s')).toBe('user:hainan-params-73');
    const slider = page.locator('lr-slider[name="ratio"]');
    await expect.poll(() => slider.locator('input[type="range"]').inputValue()).toBe('7');
    await expect(slider.locator('output').innerText()).resolves.toBe('7 : 3');
    expect(new URL(page.url()).searchParams.get('ratio')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('three tiers: a weight slider and an exception box per tier; moving the county’s weight redraws the split', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=split&s=hainan-three-tier`);
    await chartDrawn(page, 'waterfall', 60_000);
    for (const t of ['province', 'city', 'county']) {
      await expect(page.locator(`lr-slider[name="ratio-${t}"] input[type="range"]`).isDisabled()).resolves.toBe(false);
      await expect(page.locator(`lr-page-split input[name="exc-${t}"]`).count()).resolves.toBe(1);
    }
    await expect(page.locator('lr-slider[name="ratio-county"] input[type="range"]').inputValue()).resolves.toBe('2');
    await expect(page.locator('lr-page-split input[name="exc-county"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('lr-page-split').innerText()).resolves.not.toContain('只有一级政府');
    await chartDrawn(page, 'shares-by-year');
    const before = { chart: await chartSvg(page, 'shares-by-year'), county: await kpiText(page, 'shares.county'), province: await kpiText(page, 'shares.province') };
    const county = page.locator('lr-slider[name="ratio-county"] input[type="range"]');
    await county.focus();
    await county.press('ArrowRight');
    await county.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('ratio')).toBe('6:2:3');
    await expect.poll(() => kpiText(page, 'shares.county')).not.toBe(before.county);
    await expect.poll(() => chartSvg(page, 'shares-by-year')).not.toBe(before.chart);
    expect(await kpiText(page, 'shares.province')).not.toBe(before.province);
    // The county joins the paid recovery's split: the exception box per tier.
    const withCounty = await kpiText(page, 'shares.county');
    await page.locator('lr-page-split input[name="exc-county"]').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('exc')).toBe('city');
    await expect.poll(() => kpiText(page, 'shares.county')).not.toBe(withCounty);
    await page.screenshot({ path: artifact('notebook-split-three-tier.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('compare page, B split with any number of tiers', () => {
  it('three tiers: B has a weight slider per tier starting at the engine’s ratios; moving one changes B’s shares', async () => {
    const { page, context, errors } = await openPage(h);
    await page.goto(`${h.base}?p=compare&s=hainan-three-tier`);
    const rows = page.locator('lr-table[data-table="compare-totals"] tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const weights: Record<string, string> = {};
    for (const t of ['province', 'city', 'county']) {
      const input = page.locator(`lr-page-compare lr-slider[name="b.ratio-${t}"] input[type="range"]`);
      await expect(input.isDisabled()).resolves.toBe(false);
      weights[t] = await input.inputValue();
    }
    expect(weights).toEqual({ province: '6', city: '2', county: '2' });
    const countyRow = () => rows.filter({ hasText: '区县分成' }).first().innerText();
    const before = await countyRow();
    const county = page.locator('lr-page-compare lr-slider[name="b.ratio-county"] input[type="range"]');
    await county.focus();
    await county.press('ArrowRight');
    await county.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('b.ratio')).toBe('6:2:3');
    await expect.poll(countyRow).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('pages ask the worker for the views they draw', () => {
  it('the split, funding and zones pages each name their views; none asks for the whole Result', async () => {
    const { page, context, errors } = await openPage(h);
    await page.addInitScript(() => {
      const asked: unknown[] = [];
      (window as unknown as { asked: unknown[] }).asked = asked;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const m = message as { type?: string; channel?: string; views?: string[] };
        if (m?.type === 'run') asked.push({ channel: m.channel, views: m.views ?? null });
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      } as typeof post;
    });
    const askedBy = async (channel: string) =>
      (await page.evaluate(() => (window as unknown as { asked: { channel: string; views: string[] | null }[] }).asked)).filter((a) => a.channel === channel);
    // Each page on the scenario it opens on (the split page on three tiers).
    for (const [query, chart, channel] of [['p=split&s=hainan-three-tier', 'waterfall', 'lr-page-split'], ['p=funding', 'cash', 'lr-page-funding'], ['p=zones', 'zone-balance', 'lr-page-zones']] as const) {
      await page.goto(`${h.base}?${query}`);
      await chartDrawn(page, chart, 60_000);
      await expect.poll(async () => (await askedBy(channel)).length).toBeGreaterThan(0);
      for (const a of await askedBy(channel)) {
        expect(a.views, channel).not.toBeNull();
        expect(a.views, channel).not.toContain('quarters');
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
