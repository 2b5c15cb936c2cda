/**
 * The CLI as a user meets it: summaries in 万元, --json with money as strings, --csv with Chinese
 * headers, --xlsx that opens and holds the same numbers, and bad input refused with every
 * problem, a non-zero exit, no stack trace and no file written.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../engine/xlsx/sheet-writer';
import { main } from '../cli/main';
import { scenarioFiles } from './support/scenarios';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

describe('lrsim CLI', () => {
  it('runs every scenario in scenarios/ with exit 0', async () => {
    for (const f of scenarioFiles()) {
      const r = await cli('run', f);
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      expect(r.out).toContain('金额单位：万元');
    }
  });

  it('prints a Chinese summary in 万元 by default and English with --lang en', async () => {
    const zh = await cli('scenarios/xingning-buyback.json');
    expect(zh.out).toContain('收储成本（计划）');
    expect(zh.out).toMatch(/6,205\.27/);
    expect(zh.out).toMatch(/19,938\.51/);
    const en = await cli('run', 'scenarios/xingning-buyback.json', '--lang', 'en');
    expect(en.out).toContain('Acquisition cost (planned)');
  });

  it('--json prints the whole result with money as decimal strings', async () => {
    const r = await cli('run', 'scenarios/hainan-provincial.json', '--json');
    const j = JSON.parse(r.out);
    for (const k of ['acquisitionCost', 'developmentCost', 'holdingCost', 'leaseIncome', 'saleRevenue', 'provisions', 'reserveCostRecovered', 'valueAdded']) {
      expect(typeof j.totals[k], k).toBe('string');
      expect(j.totals[k]).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(Object.keys(j.totals.shares)).toEqual(['province', 'city']);
    expect(j.periods).toHaveLength(84);
    expect(j.checks.every((c: { id: string; ok: boolean; message: string }) => typeof c.id === 'string' && typeof c.ok === 'boolean' && c.message)).toBe(true);
    expect(r.out).not.toMatch(/"amount": \d/);
  });

  it('--csv prints the per-period table with Chinese headers', async () => {
    const r = await cli('run', 'scenarios/jiangmen-2022.json', '--csv');
    const lines = r.out.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0].split(',')[0]).toBe('期间');
    expect(lines).toHaveLength(13);
    const yearly = await cli('run', 'scenarios/jiangmen-2022.json', '--csv', 'years', '--lang', 'en');
    expect(yearly.out).toContain('Year,');
  });

  it('--xlsx writes a workbook whose totals equal the JSON result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-'));
    const file = join(dir, 'out.xlsx');
    const r = await cli('run', 'scenarios/jiangmen-2022.json', '--xlsx', file, '--json');
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
    const r = await cli('run', 'test/fixtures/bad/money.format.json', '--xlsx', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('parcels[0].sale.price');
    expect(r.err).toContain('带单位的金额');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file and a typo in a flag exit non-zero with a usage line', async () => {
    expect((await cli('run', 'no/such/file.json')).code).toBe(1);
    const bad = await cli('run', 'scenarios/xingning-buyback.json', '--jsn');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage');
    expect((await cli('frobnicate')).code).toBe(2);
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
