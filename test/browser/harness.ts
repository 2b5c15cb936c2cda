/**
 * Browser test harness: a Vite dev server on a free port of 127.0.0.1 (the repo's vite.config.ts,
 * no file watching, so other work in the tree cannot reload the page mid-test) and Debian's
 * Chromium driven by playwright-core. A page records every console error and uncaught exception.
 * Without /usr/bin/chromium the tests fail with a message saying how to install it.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chooseChromium, chromiumArgs, type ChromiumChoice } from './chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

export interface Harness {
  server: ViteDevServer;
  browser: Browser;
  base: string;
  chromium: ChromiumChoice;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const choice = await chooseChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await createServer({
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer!.address() as AddressInfo;
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await launchChromium(choice);
  return {
    server,
    browser,
    base,
    chromium: choice,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

export function launchChromium(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({ executablePath: choice.executablePath, env: choice.env, args: chromiumArgs(choice) });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (its own IndexedDB) at 1280×800, recording console errors. */
export async function openPage(h: Harness, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const context = await h.browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

/** Waits until a chart on the page has drawn an SVG. */
export async function chartDrawn(page: Page, name: string, timeout = 20_000): Promise<void> {
  await page.locator(`lr-chart[data-chart="${name}"] .plot svg`).first().waitFor({ state: 'attached', timeout });
}

/** The outer HTML of a chart's SVG (to see that it changed). */
export async function chartSvg(page: Page, name: string): Promise<string> {
  return page.locator(`lr-chart[data-chart="${name}"] .plot svg`).first().evaluate((el) => el.outerHTML);
}

export async function kpiText(page: Page, key: string): Promise<string> {
  return (await page.locator(`lr-kpis li[data-kpi="${key}"] .value`).first().innerText()).trim();
}

export function artifact(name: string): string {
  return resolve(ARTIFACTS, name);
}
