/**
 * Monte Carlo on Web Workers in Chromium: a page bundled by Vite runs a plan on two module
 * workers (engine/analysis/browser-pool.ts + mc-worker.ts) and gets exactly what Node gets for
 * the same seed. Debian's Chromium when installed, otherwise npm's (test/browser/chromium.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { monteCarlo, type McPlan } from '../engine/analysis/index';
import { composed } from './support/scenarios';
import { chooseChromium } from './browser/chromium';
import { launchChromium } from './browser/harness';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'lrsim-mc-browser-'));
let server: Server | null = null;

afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Monte Carlo in the browser', () => {
  it('two Web Workers give the same result as Node for the same seed, and cancel works', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./entry.ts"></script>');
    writeFileSync(join(dir, 'entry.ts'), `
      import { browserSpawner, monteCarlo } from ${JSON.stringify(resolve(ROOT, 'engine/analysis/index.ts'))};
      globalThis.runPlan = (plan) => monteCarlo(plan, { threads: 2, spawn: browserSpawner() });
      globalThis.cancelPlan = (plan) => { const c = new AbortController(); return monteCarlo(plan, { threads: 2, spawn: browserSpawner(), chunkSize: 10, signal: c.signal, onProgress: (d) => { if (d >= 10) c.abort(); } }); };
    `);
    await build({ configFile: false, root: dir, logLevel: 'warn', worker: { format: 'es' }, build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
    server = createServer((req, res) => {
      const file = join(dir, 'dist', req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
      if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/html' });
      res.end(readFileSync(file));
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    const port = (server.address() as AddressInfo).port;

    const plan: McPlan = {
      scenario: composed('scenarios/hainan-bonds.json'),
      runs: 150,
      seed: 3,
      inputs: [{ path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' }, { path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) integer' }],
      outputs: ['totals.valueAdded', 'min(bonds[*].coverageRatio)'],
      series: ['periods[*].poolBalance'],
      events: [{ output: 'min(bonds[*].coverageRatio)', op: '<', threshold: '1.6' }],
    };
    const browser = await launchChromium(await chooseChromium());
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => typeof (globalThis as { runPlan?: unknown }).runPlan === 'function');
      const inBrowser = JSON.parse(await page.evaluate(async (p) => JSON.stringify(await (globalThis as unknown as { runPlan: (p: unknown) => Promise<unknown> }).runPlan(p)), plan));
      const inNode = await monteCarlo(plan, { threads: 1 });
      expect(inBrowser.ok).toBe(true);
      expect(inBrowser.threads).toBe(2);
      expect(JSON.stringify(inBrowser.result)).toBe(JSON.stringify(inNode.ok ? inNode.result : null));
      const cancelled = await page.evaluate(async (p) => (globalThis as unknown as { cancelPlan: (p: unknown) => Promise<unknown> }).cancelPlan({ ...(p as object), runs: 3000 }), plan);
      expect(cancelled).toEqual({ ok: false, cancelled: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
