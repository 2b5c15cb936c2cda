/**
 * The CLI as a user meets it: summaries in 万元, --json with money as strings, --csv with Chinese
 * headers, --xlsx that opens and holds the same numbers, and bad input refused with every
 * problem, a non-zero exit, no stack trace and no file written. Run as a process on the CLI built by
 * `npm install` (build/), which bin/lrsim.mjs leaves for the TypeScript when a source is newer.
 */
import { cpSync, existsSync, readdirSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../engine/xlsx/sheet-grid';
import { lrsim } from './support/lrsim';
import { scenarioFiles } from './support/scenarios';
import { USAGE } from '../cli/main';
import { loadScenarioFile } from '../cli/load';
import { validateScenario } from '../engine/scenario/scenario-validator';

describe('lrsim CLI', () => {
  it('runs every scenario in scenarios/ with exit 0', async () => {
    for (const f of scenarioFiles()) {
      const r = await lrsim('run', f);
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      expect(r.out).toContain('金额单位：万元');
    }
  });

  it('prints a Chinese summary in 万元 by default and English with --lang en', async () => {
    const zh = await lrsim('scenarios/xingning-buyback.json');
    expect(zh.out).toContain('收储成本（计划）');
    expect(zh.out).toMatch(/6,205\.27/);
    expect(zh.out).toMatch(/19,938\.51/);
    const en = await lrsim('run', 'scenarios/xingning-buyback.json', '--lang', 'en');
    expect(en.out).toContain('Acquisition cost planned');
  });

  it('--json prints the whole result with money as decimal strings', async () => {
    const r = await lrsim('run', 'scenarios/hainan-provincial.json', '--json');
    const j = JSON.parse(r.out);
    for (const k of ['acquisitionCost', 'developmentCost', 'holdingCost', 'leaseIncome', 'saleRevenue', 'provisions', 'costRecovered', 'valueAdded']) {
      expect(typeof j.totals[k], k).toBe('string');
      expect(j.totals[k]).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(Object.keys(j.totals.shares)).toEqual(['province', 'city']);
    expect(j.periods).toHaveLength(84);
    expect(j.checks.every((c: { id: string; ok: boolean; message: string }) => typeof c.id === 'string' && typeof c.ok === 'boolean' && c.message)).toBe(true);
    expect(r.out).not.toMatch(/"amount": \d/);
  });

  it('--csv prints the per-period table with Chinese headers', async () => {
    const r = await lrsim('run', 'scenarios/jiangmen-2022.json', '--csv');
    const lines = r.out.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0].split(',')[0]).toBe('期间');
    expect(lines).toHaveLength(13);
    const yearly = await lrsim('run', 'scenarios/jiangmen-2022.json', '--csv', 'years', '--lang', 'en');
    expect(yearly.out).toContain('Year,');
  });

  it('--xlsx writes a workbook whose totals equal the JSON result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-'));
    const file = join(dir, 'out.xlsx');
    const r = await lrsim('run', 'scenarios/jiangmen-2022.json', '--xlsx', file, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const wb = await loadWorkbook(readFileSync(file));
    expect(wb.worksheets.map((w) => w.name)).toContain('宗地损益');
    const rows = (wb.getWorksheet('汇总')!.getSheetValues() as unknown[][]).filter(Boolean);
    const revenueRow = rows.find((row) => row[1] === '出让收入（元）')!;
    expect(Number(revenueRow[3]).toFixed(2)).toBe(j.totals.saleRevenue);
  });

  it('a bad file: every problem listed, exit 1, nothing written, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-'));
    const out = join(dir, 'never.xlsx');
    const r = await lrsim('run', 'test/fixtures/bad/money.format.json', '--xlsx', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('parcels[0].sale.price');
    expect(r.err).toContain('带单位的金额');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file and a typo in a flag exit non-zero with a usage line', async () => {
    expect((await lrsim('run', 'no/such/file.json')).code).toBe(1);
    const bad = await lrsim('run', 'scenarios/xingning-buyback.json', '--jsn');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage');
    expect((await lrsim('frobnicate')).code).toBe(2);
    const inherited = await lrsim('constructor');
    expect(inherited.code).toBe(2);
    expect(inherited.err).toContain('unknown command "constructor"');
  });

  it('the installed bin runs as a process: exit codes and no stack trace', () => {
    const ok = spawnSync(process.execPath, ['bin/lrsim.mjs', 'validate', 'scenarios/xingning-buyback.json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['bin/lrsim.mjs', 'test/fixtures/bad/file.json.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not valid JSON');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the built CLI', () => {
  it('is what bin/lrsim.mjs runs, and it matches the sources', async () => {
    const built = await import('../bin/built-cli.cjs');
    expect(built.builtCliIsFresh()).toBe(true);
    expect((await lrsim('--help')).out).toBe(USAGE + '\n');
    const none = await lrsim();
    expect([none.code, none.out]).toEqual([2, USAGE + '\n']);
  });

  it('is stale once any source it was built from is newer (a copy of the repo, one file touched)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lrsim-build-'));
    const { entry, inputs, answers }: { entry: string; inputs: string[]; answers: { inputs: string[] } } = JSON.parse(readFileSync('build/cli.json', 'utf8'));
    for (const f of new Set(['bin/built-cli.cjs', 'build/cli.json', `build/${entry}`, ...inputs, ...answers.inputs])) cpSync(f, join(root, f), { preserveTimestamps: true });
    const copy = await import(join(root, 'bin/built-cli.cjs'));
    expect(copy.builtCliIsFresh()).toBe(true);
    expect(copy.recordedAnswer(['--help'])).toEqual({ out: USAGE + '\n', err: '', code: 0 });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'engine/money.ts'), later, later);
    expect(copy.builtCliIsFresh()).toBe(false);
    // The usage does not come from the engine: still answered from the build, until its own sources change.
    expect(copy.recordedAnswer(['--help'])).not.toBeNull();
    utimesSync(join(root, 'cli/usage.ts'), later, later);
    expect(copy.recordedAnswer(['--help'])).toBeNull();
  });

  it('validates with standalone code that finds what ajv compiling the schema finds, on every fixture', async () => {
    const standalone = (await import(/* @vite-ignore */ resolve('build/scenario-validator.mjs'))).validate;
    const files = [...scenarioFiles(), ...readdirSync('test/fixtures/bad').filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => `test/fixtures/bad/${f}`)];
    const errorsOf = (v: typeof validateScenario, data: unknown) => (v(data) ? [] : v.errors!.map((e) => [e.instancePath, e.keyword, e.schemaPath, e.params]));
    let invalid = 0;
    for (const f of files) {
      const c = loadScenarioFile(f);
      if (!c.ok) continue;
      const want = errorsOf(validateScenario, c.scenario);
      if (want.length > 0) invalid++;
      expect(errorsOf(standalone, c.scenario), f).toEqual(want);
    }
    expect(invalid).toBeGreaterThan(5);
  });
});
