/**
 * `evaluate` command: the seed tables as text and JSON, and bad input as clear messages with exit 1.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../cli/commands/evaluate';
import xingning from '../data/evaluation/xingning-2022.json';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await evaluate(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

const squash = (s: string) => s.replace(/ +/g, ' ');
const dir = mkdtempSync(join(tmpdir(), 'lrsim-evaluate-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('evaluate <tree.json>', () => {
  it('prints the Xingning score table with level subtotals, total and grades', async () => {
    const r = await run(['data/evaluation/xingning-2022.json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const text = squash(r.out);
    expect(text).toContain('项目决策 20 13 65.00%');
    expect(text).toContain('项目管理 25 22 88.00%');
    expect(text).toContain('项目绩效 55 53 96.36%');
    expect(text).toContain('资金到位率 4 4 100.00%');
    expect(text).toContain('绩效目标设定的合理性 6 2 33.33%');
    expect(text).toContain('合计 total 100 88 88.00%');
    expect(text).toContain('良 (财预〔2020〕10号 四级); 良 (兴宁留用地回购评价 五级)');
    expect(text).toContain('资金到位率 99.9968%');
    expect(text).toContain('31 of 31 agree ✓');
  });

  it('--json gives the score, the grades and money in 元 as decimal strings', async () => {
    const r = await run(['data/evaluation/xingning-2022.json', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.score).toBe('88');
    expect(j.grades.map((g: { grade: string }) => g.grade)).toEqual(['良', '良']);
    expect(j.levels.map((l: { score: string }) => l.score)).toEqual(['13', '22', '53']);
    expect(j.indicators.receivedYuan).toBe('62050700.00');
    expect(j.indicators.fundsArrivalRate).toBe('99.9968%');
  });

  it('prints the Jiangmen target table with its self-grade', async () => {
    const r = await run(['data/evaluation/jiangmen-2022.json']);
    expect(r.code).toBe(0);
    const text = squash(r.out);
    expect(text).toContain('土地收储 ≥ 300亩 399亩 ✓ 133.00%');
    expect(text).toContain('支出预算执行率');
    expect(text).toContain('99.58%');
    expect(text).toContain('优 (财预〔2020〕10号 四级)');
  });

  it('a missing file: exit 1, file.notFound naming the file, no stack trace', async () => {
    const r = await run([join(dir, 'nope.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('file.notFound');
    expect(r.err).toContain('nope.json');
    expect(r.err).toContain('无法读取文件');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('bad JSON: exit 1, file.json', async () => {
    const r = await run([write('broken.json', '{"tree": [')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('file.json');
    expect(r.err).toContain('不是合法的 JSON');
  });

  it('a bad field: exit 1, the JSON path, the value, what was expected in English and Chinese', async () => {
    const x = structuredClone(xingning);
    x.inputs.received[1].amount = '4205.07 million';
    const r = await run([write('bad-field.json', JSON.stringify(x))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[money.format]');
    expect(r.err).toContain('inputs.received[1].amount');
    expect(r.err).toContain('"4205.07 million"');
    expect(r.err).toContain('expected money as a string with its unit');
    expect(r.err).toContain('带单位的金额字符串');
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.json', '--bogus'])).code).toBe(2);
    expect((await run(['a.json', 'b.json'])).code).toBe(2);
  });
});
