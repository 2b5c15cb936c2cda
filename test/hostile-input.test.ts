/**
 * Inputs a careless or hostile user writes, each refused with a problem at its JSON path (exit 1)
 * or handled correctly, never a stack trace, a hang or a silent wrong answer. One test per cause,
 * numbered as the causes were found: dates before a parameter's first value, amounts past the exact
 * range, split weights, parameter rates and prototype keys, unbounded inputs, CSV rows, formula
 * injection, write errors, silently accepted nonsense, terminal escapes, ratios with float noise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { main } from '../cli/main';
import { csvCell } from '../engine/presentation/csv';
import { prepare } from '../engine/scenario/normalize';
import { percentileOf } from '../engine/analysis/mc-summary';
import type { Problem } from '../engine/problem';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'lrsim-hostile-'));
const base = JSON.parse(readFileSync(join(ROOT, 'scenarios/xingning-buyback.json'), 'utf8'));
delete base.$schema;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

/** Writes a variant of the small scenario and returns its path. */
function variant(name: string, change: (s: typeof base) => void): string {
  const s = structuredClone(base);
  change(s);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}
function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}
const m = file('m.json', JSON.stringify(base));

async function refused(path: string, code: string, at?: string) {
  const r = await cli('validate', path);
  expect(r.code, r.err).toBe(1);
  expect(r.err).toContain(`[${code}]`);
  if (at !== undefined) expect(r.err).toContain(`${at}:`);
  expect(r.err).not.toMatch(/\n\s+at .*\.ts:\d+/);
  return r.err;
}

function problemsOf(s: unknown): Problem[] {
  const p = prepare(s);
  return p.ok ? [] : p.problems;
}

describe("1. a scenario dated before a parameter's first value", () => {
  it('a 2015 project runs, each limit used before its date named with its source date', async () => {
    const old = file('old.json', JSON.stringify(base).replace(/2022-/g, '2015-').replace(/2023-/g, '2016-'));
    const r = await cli('run', old);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/parameter\.beforeFirstValue: 参数 lease\.maxMonths.*2017-01-03/);
    expect((await cli('validate', old)).code).toBe(0);
  });

  it('a provision rate that did not exist yet must be stated; stating it runs', () => {
    const s = structuredClone(base);
    s.timeline.start = '2005-01';
    s.asOf = '2005-06-01';
    s.parcels[0].acquisition.payments = [{ date: '2005-09-16', amount: '2000万元' }, { date: '2006-01-16', amount: '4205.07万元' }];
    s.parcels[0].sale.date = '2005-12';
    const codes = problemsOf(s).map((p) => `${p.code}@${p.path}`);
    expect(codes).toContain('parameter.notInForce@parameters["provisions.education.rate"]');
    s.parameters = { 'provisions.landIncomeFund.rate': '0%', 'provisions.education.rate': '0%', 'provisions.water.rate': '0%', 'provisions.housing.rate': '0%' };
    expect(problemsOf(s)).toEqual([]);
  });
});

describe('2. amounts beyond the exact range', () => {
  it.each([
    ['price', (s: typeof base) => { s.parcels[0].sale.price = '9007199254740993元'; }, 'parcels[0].sale.price'],
    ['area', (s: typeof base) => { s.parcels[0].area = '12345678901234567890123456m²'; }, 'parcels[0].area'],
    ['unit price', (s: typeof base) => { s.parcels[0].acquisition.unitPrice = '99999999999万元/亩'; }, 'parcels[0].acquisition.unitPrice'],
  ])('a %s is refused at its path', async (name, change, at) => {
    await refused(variant(`range-${name}`, change), 'amount.range', at);
  });

  it('two parcels sold for 5×10^13 元 each are refused, and so is a scenario whose amounts add past 10万亿元', async () => {
    await refused(variant('two-huge', (s) => {
      s.parcels[0].sale.price = '50000000000000元';
      s.parcels.push({ ...structuredClone(s.parcels[0]), id: 'P2' });
    }), 'amount.range', 'parcels[0].sale.price');
    const many = structuredClone(base);
    many.parcels = Array.from({ length: 12 }, (_, i) => ({ ...structuredClone(base.parcels[0]), id: `P${i}`, sale: { ...base.parcels[0].sale, price: '10000亿元' } }));
    expect(problemsOf(many).map((p) => p.code)).toContain('amount.range');
  });

  it('area × unit price past the range is a problem at the parcel', () => {
    const s = structuredClone(base);
    s.parcels[0].area = '100000公顷';
    s.parcels[0].acquisition = { mode: 'buyback', unitPrice: '60000万元/亩' };
    delete s.parcels[0].sale;
    expect(problemsOf(s).map((p) => `${p.code}@${p.path}`)).toContain('amount.range@parcels[0]');
  });
});

describe('3. split weights', () => {
  const tiers = (ratios: Record<string, string>) => (s: typeof base) => { s.tiers = [{ id: 'a' }, { id: 'b' }]; s.split = { ratios }; };
  it.each([['huge', '99999999999999999999'], ['tiny', '0.000000000000000001']])('a %s weight is refused', async (name, w) => {
    await refused(variant(`weight-${name}`, tiers({ a: w, b: '1' })), 'amount.range', 'split.ratios.a');
  });
  it('"1e-18" is not a weight', async () => {
    await refused(variant('weight-exp', tiers({ a: '1e-18', b: '1' })), 'schema.format', 'split.ratios.a');
  });
});

describe('4. parameter rates and prototype names', () => {
  it.each([['-10%'], ['150%']])('provisions.education.rate %s is refused', async (rate) => {
    await refused(variant(`rate-${rate}`, (s) => { s.parameters = { 'provisions.education.rate': rate }; }), 'parameter.value', 'parameters["provisions.education.rate"]');
  });
  it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty']])('"%s" is an unknown parameter', async (key) => {
    const f = file(`proto-${key}.json`, JSON.stringify(base).replace(/}$/, `,"parameters":{"${key}":"1%"}}`));
    await refused(f, 'parameter.unknown', `parameters["${key}"]`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('5. unbounded inputs', () => {
  it('100,000-deep JSON is refused before anything recursive', async () => {
    await refused(file('deep.json', '{"id":"x","parcels":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'), 'limit.depth');
  });
  it('a 5,000-segment set path is refused', async () => {
    await refused(file('long-set.json', JSON.stringify({ base: 'm.json', set: { [Array(5000).fill('a').join('.')]: '1' } })), 'set.path');
  });
  it.each([['parcels[99999999].id'], ['parcels[4294967296].id']])('set %s is refused', async (p) => {
    await refused(file(`far-${p.length}.json`, JSON.stringify({ base: 'm.json', set: { [p]: 'x' } })), 'set.index');
  });
  it('set of the next index adds an item (and the schema checks it)', async () => {
    const r = await cli('validate', file('append.json', JSON.stringify({ base: 'm.json', set: { 'parcels[1].id': 'P2' } })));
    expect(r.err).toContain('[schema.required] parcels[1].area');
  });
  it('/dev/zero as scenario, base or parcel table, and a FIFO as base, are refused at once', async () => {
    expect((await cli('run', '/dev/zero')).err).toContain('[file.notRegular]');
    await refused(file('zero-base.json', JSON.stringify({ base: '/dev/zero' })), 'file.notRegular');
    await refused(file('zero-csv.json', JSON.stringify({ base: 'm.json', parcelsCsv: '/dev/zero' })), 'file.notRegular');
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await refused(file('fifo-base.json', JSON.stringify({ base: 'fifo.json' })), 'file.notRegular');
  });
  it('--threads beyond the cores and a 10,000 × 10,000 sweep are refused', async () => {
    const t = await cli('montecarlo', 'scenarios/hainan-bonds.json', '--runs', '10', '--threads', String(availableParallelism() + 1), '--quiet');
    expect(t.code).toBe(1);
    expect(t.err).toContain('--threads');
    const s = await cli('sweep', 'scenarios/hainan-bonds.json', '--x', 'adjustments.salePriceFactor=0.8:1.2:10000', '--y', 'adjustments.costFactor=0.8:1.2:10000');
    expect(s.code).toBe(1);
    expect(s.err).toContain('at most 10000 cells');
  });
});

describe('6. CSV rows with more cells than the header', () => {
  it('a trailing comma and an unquoted 1,000万元 are reported by row', async () => {
    file('extra.csv', 'id,area,acquisition.mode,acquisition.price,acquisition.date,sale.date,sale.price\nP1,10亩,purchase,1,000万元,2022-03,2022-12,2000万元\nP2,10亩,purchase,1000万元,2022-03,2022-12,2000万元,\n');
    const err = await refused(file('extra.json', JSON.stringify({ base: 'm.json', parcels: [], parcelsCsv: 'extra.csv' })), 'file.csv');
    expect(err).toContain('row 2');
    expect(err).toContain('row 3');
    expect(err).toContain('quote the cell');
  });
});

describe('7. CSV formula injection', () => {
  const evil = ['=HYPERLINK("http://evil.example/","x")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1+1', '-2+3', '\tTAB', '\rCR'];
  it('every dangerous leading character gets a leading quote; numbers keep their sign', () => {
    for (const e of evil) expect(csvCell(e)).toBe(`"'${e.replace(/"/g, '""')}"`);
    expect(csvCell('-1234.56')).toBe('-1234.56');
    expect(csvCell('+5')).toBe('+5');
    expect(csvCell('LB-WD')).toBe('LB-WD');
  });
  it('--csv parcels and --csv checks carry the id and name neutralised; XLSX keeps them as text', async () => {
    const f = variant('evil', (s) => { s.parcels[0].id = evil[0]; s.parcels[0].name = evil[1]; });
    for (const table of ['parcels', 'checks']) {
      const r = await cli('run', f, '--csv', table);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`"'=HYPERLINK(""http://evil.example/"",""x"")`);
      expect(r.out).not.toMatch(/(^|,)=HYPERLINK/m);
    }
    expect((await cli('run', f, '--csv', 'parcels')).out).toContain(`"'@SUM(1+1)*cmd|' /C calc'!A0"`);
    const xlsx = join(dir, 'evil.xlsx');
    expect((await cli('run', f, '--xlsx', xlsx, '--out', join(dir, 'evil.txt'))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(c); })));
    const hits = cells.filter((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(hits.length).toBeGreaterThan(0);
    // Text stays text: a string cell, never a formula.
    for (const c of hits) { expect(c.type).toBe(ExcelJS.ValueType.String); expect(c.formula).toBeUndefined(); }
  });
});

describe('8. write errors are user errors', () => {
  it.each([['/nonexistent/dir/out.xlsx', 'no such directory'], [dir, 'it is a directory'], ['', 'an empty file name']])('--xlsx %j exits 1 with "cannot write"', async (target, why) => {
    const r = await cli('run', m, '--xlsx', target);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot write ${target || '""'}: ${why}`);
  });
  it('--xlsx /dev/full is a full device, written into and never replaced', async () => {
    if (!existsSync('/dev/full')) return;
    const r = await cli('run', m, '--xlsx', '/dev/full');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot write /dev/full: no space left');
    expect(readdirSync('/dev').filter((n) => n.startsWith('.full.'))).toEqual([]);
  });
  it('> /dev/full exits 1 with a message, no stack trace', () => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync('sh', ['-c', `node bin/lrsim.mjs run ${m} > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot write standard output');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('9. nonsense no longer accepted silently', () => {
  it.each([['payment', (s: typeof base) => { s.parcels[0].acquisition.payments[0].date = '2022-02-30'; }, 'parcels[0].acquisition.payments[0].date'], ['sale', (s: typeof base) => { s.parcels[0].sale.date = '2022-06-31'; }, 'parcels[0].sale.date']])('a %s on a day that does not exist', async (name, change, at) => {
    await refused(variant(`day-${name}`, change), 'date.format', at);
  });
  it('holding until before from', async () => {
    await refused(variant('until', (s) => { s.parcels[0].holding = { costPerYear: '10万元', from: '2023-06', until: '2022-03' }; }), 'date.order', 'parcels[0].holding.until');
  });
  it('unknown --output paths in sweep, tornado and Monte Carlo, with a did-you-mean', async () => {
    const S = 'scenarios/hainan-bonds.json';
    for (const args of [['sweep', S, '--x', 'adjustments.salePriceFactor=0.9,1', '--output', 'totals.valueAded'], ['tornado', S, '--output', 'totals.valueAded'], ['montecarlo', S, '--runs', '5', '--quiet', '--output', 'totals.valueAded']]) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.err).toContain('did you mean "totals.valueAdded"');
    }
  });
  it('a file holding null, and an unknown jurisdiction with a did-you-mean', async () => {
    await refused(file('null.json', 'null'), 'schema.type');
    const err = await refused(variant('hainam', (s) => { s.jurisdiction = 'hainam'; }), 'ref.unknown', 'jurisdiction');
    expect(err).toContain('did you mean "hainan"');
    expect((await cli('validate', variant('henan', (s) => { s.jurisdiction = 'henan'; }))).code).toBe(0);
  });
});

describe('10. terminal escape codes', () => {
  it('the summary and the problems print no control characters', async () => {
    const f = variant('esc', (s) => { s.name = '\u001b[2J\u001b[31mFAKE'; s.parcels[0].id = 'P\u001b[1A'; });
    const r = await cli('run', f);
    expect(r.code).toBe(0);
    expect(r.out).toContain('FAKE');
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const bad = await cli('validate', variant('esc-bad', (s) => { s.parcels[0]['\u001b[2Jx'] = 1; }));
    expect(bad.err).toContain('[schema.unknownField]');
    expect(bad.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('12. ratios with a fixed number of decimals', () => {
  it('percentiles and means of ratios print 4 decimals', async () => {
    expect(percentileOf(Float64Array.from([1.1, 1.6375199999999999, 2]), 50, 'number').text).toBe('1.6375');
    const r = await cli('montecarlo', 'scenarios/hainan-bonds.json', '--runs', '40', '--quiet', '--output', 'min(bonds[*].coverageRatio)', '--csv');
    expect(r.code, r.err).toBe(0);
    const row = r.out.split('\n').find((l) => l.startsWith('min(bonds'))!;
    for (const cell of row.split(',').slice(3)) expect(cell).toMatch(/^\d+\.\d{4}$/);
  });
});

describe('13. amounts past the exact range in the evaluation and stock-land files', () => {
  it('an idle parcel\'s land price or an evaluation input of 99999999亿元 is refused at its path, not thrown', async () => {
    const idle = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/good/idle-land.json'), 'utf8'));
    const cases = Array.isArray(idle) ? idle : idle.cases;
    cases[0].landPrice = '99999999亿元';
    const f1 = file('idle-range.json', JSON.stringify(idle));
    const r1 = await cli('stock', '--idle', f1);
    expect(r1.code, r1.err).toBe(1);
    expect(r1.err).toContain('[amount.range]');
    expect(r1.err).toMatch(/landPrice/);
    expect(r1.err).toContain('1万亿元');
    const evaluation = JSON.parse(readFileSync(join(ROOT, 'data/evaluation/xingning-2022.json'), 'utf8'));
    const key = Object.keys(evaluation.inputs).find((k) => typeof evaluation.inputs[k] === 'string' && /元$/.test(evaluation.inputs[k]))!;
    evaluation.inputs[key] = '99999999亿元';
    const r2 = await cli('evaluate', file('evaluation-range.json', JSON.stringify(evaluation)));
    expect(r2.code, r2.err).toBe(1);
    expect(r2.err).toContain('[amount.range]');
    expect(r2.err).toContain(`inputs.${key}`);
  });
});
