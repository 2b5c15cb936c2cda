/**
 * `lrsim report`: each kind printed for the bond scenario, JSON that is the table model with money
 * as 元 strings, a workbook written whole, a scenario without bonds told so, mistakes refused with
 * a usage line and nothing written.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { loadWorkbook } from '../engine/xlsx/sheet-grid';
import { runFile } from './support/scenarios';
import { fen } from '../engine/reports/index';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

const BONDS = 'scenarios/hainan-bonds.json';

describe('lrsim report', () => {
  it.each([
    ['balance', '本息覆盖倍数'], ['disclosure', '计划发行额（亿元）'], ['card', '赎回方式'], ['bond-use', '月末专户余额'], ['budget', '土地储备资金收支'],
  ])('--kind %s prints its table', async (kind, text) => {
    const r = await cli('report', BONDS, '--kind', kind);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(text);
  });

  it('--date: the use of proceeds up to a month, its last balance what remained then', async () => {
    const r = await cli('report', BONDS, '--kind', 'bond-use', '--date', '2021-09', '--json');
    const doc = JSON.parse(r.out);
    const use = doc.sections[0];
    expect(use.head.slice(1).map((h: { zh: string }) => h.zh).every((m: string) => m <= '2021-09')).toBe(true);
    const balance = use.rows.find((x: { key: string }) => x.key === 'balance').cells;
    const result = runFile(BONDS);
    const account = `project:${result.bonds[0].project}`;
    const held = result.postings!.filter((p) => p.period <= '2021-09').reduce((s, p) => s + (p.to === account ? fen(p.amount) : 0) - (p.from === account ? fen(p.amount) : 0), 0);
    expect(fen(balance[balance.length - 1].v)).toBe(held);
  });

  it('--json is the table model with money as 元 strings; --csv keeps exact 元', async () => {
    const bond = runFile(BONDS).bonds[0];
    const j = await cli('report', BONDS, '--kind', 'disclosure', '--json');
    const doc = JSON.parse(j.out);
    expect(doc.unit).toBe('yi');
    expect(doc.sections[0].rows.find((r: { key: string }) => r.key === 'amount').cells[0]).toEqual({ t: 'money', v: bond.principal });
    const c = await cli('report', BONDS, '--kind', 'card', '--csv', '--lang', 'en');
    expect(c.out).toContain(`Special bonds applied for,${bond.principal}`);
  });

  it('--xlsx writes a workbook with a sheet per section', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lrsim-report-')), 'plan.xlsx');
    const r = await cli('report', BONDS, '--kind', 'balance', '--xlsx', file);
    expect(r.code, r.err).toBe(0);
    const wb = await loadWorkbook(new Uint8Array((await import('node:fs')).readFileSync(file)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['HN-2021-TC01 收益与融资平衡', 'HN-2021-TC01 敏感性分析']));
  });

  it('a scenario without bonds has no balance plan: exit 1 saying why; its budget works', async () => {
    const r = await cli('report', 'scenarios/xingning-buyback.json', '--kind', 'balance');
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有专项债券');
    expect((await cli('report', 'scenarios/xingning-buyback.json', '--kind', 'budget', '--year', '2022')).out).toContain('2022年度土地储备资金收支');
  });

  it('mistakes: no kind, an unknown kind, a bad year exit 2 with usage; a bad scenario exits 1 and writes nothing', async () => {
    expect((await cli('report', BONDS)).code).toBe(2);
    const unknown = await cli('report', BONDS, '--kind', 'ledger');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('usage: lrsim report');
    expect((await cli('report', BONDS, '--kind', 'budget', '--year', 'soon')).code).toBe(2);
    expect((await cli('report', BONDS, '--kind', 'bond-use', '--date', '2022-13')).code).toBe(2);
    const out = join(mkdtempSync(join(tmpdir(), 'lrsim-report-')), 'never.xlsx');
    const bad = await cli('report', 'test/fixtures/bad/money.format.json', '--kind', 'budget', '--xlsx', out);
    expect(bad.code).toBe(1);
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
