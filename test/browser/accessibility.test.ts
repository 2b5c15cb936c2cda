/**
 * Every page usable by everyone: axe-core (injected into the page, as a browser extension would)
 * finds no serious or critical violation on any page or analysis tab; each view has one h1, the
 * header / nav / main landmarks, and the page navigation fits one row at 1280 px.
 * A failure lists every violation with the elements it was found on.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { chartDrawn, openPage, startHarness, type Harness } from './harness';
import { PAGES } from '../../notebook/pages/page-registry';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Each view with what shows it is drawn. */
const VIEWS: { name: string; url: string; ready: string; tab?: string }[] = [
  { name: 'funding', url: '?p=funding', ready: 'lr-chart[data-chart="cash"] .plot svg' },
  { name: 'zones', url: '?p=zones', ready: 'lr-page-zones lr-table tbody tr' },
  { name: 'split', url: '?p=split', ready: 'lr-chart[data-chart="waterfall"] .plot svg' },
  { name: 'compare', url: '?p=compare', ready: 'lr-table[data-table="compare-totals"] tbody tr' },
  { name: 'scenario', url: '?p=scenario', ready: 'lr-schema-form [data-field="timeline.start"] input' },
  { name: 'evaluation', url: '?p=evaluation', ready: 'lr-score-tree tr[data-node="fundsArrival"]' },
  { name: 'stock', url: '?p=stock', ready: 'lr-chart[data-chart="stock-progress"] .plot svg' },
  { name: 'analysis: sweep', url: '?p=analysis&s=hainan-bonds', ready: 'lr-chart[data-chart="sweep-line"] .plot svg' },
  { name: 'analysis: tornado', url: '?p=analysis&s=hainan-bonds&a.tab=tornado', ready: 'lr-chart[data-chart="tornado"] .plot svg' },
  { name: 'analysis: Monte Carlo', url: '?p=analysis&s=hainan-bonds&a.tab=mc', ready: 'lr-page-analysis lr-analysis-mc button' },
  { name: 'analysis: solve', url: '?p=analysis&s=hainan-bonds&a.tab=solve', ready: 'lr-analysis-solve li[data-preset="max-bond"] [data-answer]' },
  { name: 'analysis: stress', url: '?p=analysis&s=hainan-bonds&a.tab=stress', ready: 'lr-table[data-table="stress"] tbody tr' },
  { name: 'reports', url: '?p=reports&s=hainan-bonds', ready: 'article[data-report="balance"] lr-report-table' },
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const { page, context } = await openPage(h);
  await page.goto(h.base);
  await chartDrawn(page, 'cash', 60_000);
  await context.close();
});

afterAll(async () => {
  await h?.close();
});

/** axe's serious and critical findings on the page as it is now, one line per rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = (await page.evaluate(() => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) on ${v.nodes.length} element(s): ${v.help} — e.g. ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Counts of h1 and of the landmarks, looking through every shadow root. */
function structure(page: Page) {
  return page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
    const count = (test: (el: Element) => boolean) => all.filter((el) => test(el) && visible(el)).length;
    return {
      h1: count((el) => el.localName === 'h1'),
      banner: count((el) => el.localName === 'header' || el.getAttribute('role') === 'banner'),
      navigation: count((el) => el.localName === 'nav' || el.getAttribute('role') === 'navigation'),
      main: count((el) => el.localName === 'main' || el.getAttribute('role') === 'main'),
    };
  });
}

describe('accessibility in Chromium', () => {
  it('every page of the registry is among the views checked', () => {
    expect(PAGES.map((p) => p.id).filter((id) => !VIEWS.some((v) => new URLSearchParams(v.url.slice(1)).get('p') === id))).toEqual([]);
  });

  it('no serious or critical axe violation on any page or tab; one h1 and the landmarks on each', async () => {
    const { page, context, errors } = await openPage(h);
    const found: string[] = [];
    for (const v of VIEWS) {
      await page.goto(`${h.base}${v.url}`);
      await page.locator(v.ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForTimeout(200);
      // A chart's tip is drawn when the pointer is over it: checked too.
      const chart = page.locator('lr-chart .plot svg').first();
      if (await chart.count()) {
        const box = await chart.boundingBox();
        if (box) await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
        await page.waitForTimeout(100);
      }
      for (const line of await seriousViolations(page)) found.push(`${v.name}: ${line}`);
      const s = await structure(page);
      if (s.h1 !== 1) found.push(`${v.name}: ${s.h1} h1 elements (one wanted)`);
      for (const k of ['banner', 'navigation', 'main'] as const) if (s[k] < 1) found.push(`${v.name}: no ${k} landmark`);
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('the page navigation fits one row at 1280 px, in Chinese and in English', async () => {
    const { page, context } = await openPage(h, { width: 1280, height: 800 });
    for (const lang of ['', '&lang=en']) {
      await page.goto(`${h.base}?p=funding${lang}`);
      await chartDrawn(page, 'cash');
      const tops = await page.locator('lr-app nav li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(5);
      expect(new Set(tops).size, `rows at ${[...new Set(tops)].join(', ')} px`).toBe(1);
    }
    await context.close();
  }, 120_000);
});
