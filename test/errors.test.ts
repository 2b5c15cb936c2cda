/**
 * One bad-input fixture per error code (test/fixtures/bad/), each refused with its code at the
 * right JSON path; the messages, in English and Chinese, are kept in a golden file.
 */
import { closeSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../engine/limits';
import { formatProblems, prepare, type Problem, type ProblemCode } from '../engine/index';
import { loadScenario } from '../cli/load-workbook';

const DIR = 'test/fixtures/bad';
const expected: Record<string, { code: ProblemCode; path: string; what: string }> = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8'));

async function problemsOf(file: string): Promise<Problem[]> {
  const c = await loadScenario(file);
  if (!c.ok) return c.problems;
  const p = prepare(c.scenario);
  return p.ok ? [] : p.problems;
}

// file.tooLarge's base: a sparse file one byte over the limit, made here rather than kept in git.
beforeAll(() => {
  const fd = openSync(`${DIR}/too-large.generated.json`, 'w');
  ftruncateSync(fd, MAX_FILE_BYTES + 1);
  closeSync(fd);
});

/** A fixture's problems as the golden shows them. */
const rendered = async (file: string, what: string) => `## ${file} (${what})\n${formatProblems(await problemsOf(`${DIR}/${file}`))}\n`;

describe('bad input is refused with every problem named', () => {
  for (const [file, want] of Object.entries(expected)) {
    it(`${want.code}: ${want.what}`, async () => {
      const problems = await problemsOf(`${DIR}/${file}`);
      expect(problems.length).toBeGreaterThan(0);
      const hit = problems.find((p) => p.code === want.code);
      expect(hit, `codes found: ${problems.map((p) => `${p.code}@${p.path}`).join(', ')}`).toBeDefined();
      expect(hit!.path).toBe(want.path);
      expect(hit!.message.en.length).toBeGreaterThan(10);
      expect(hit!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('the messages read as they did (golden), each fixture rendered here on its own', async () => {
    const parts = [];
    for (const [file, want] of Object.entries(expected)) parts.push(await rendered(file, want.what));
    await expect(parts.join('\n')).toMatchFileSnapshot('golden/errors.txt');
  });

  it('every problem code has a fixture', () => {
    const src = readFileSync('engine/problem.ts', 'utf8');
    const codes = [...src.matchAll(/\| '([a-zA-Z.]+)'/g)].map((m) => m[1]);
    const covered = new Set([...Object.values(expected).map((e) => e.code), 'file.unreadable']);
    const missing = codes.filter((c) => !covered.has(c as ProblemCode));
    expect(missing).toEqual([]);
  });

  it('a directory given as a scenario file is unreadable, not a crash', async () => {
    const problems = await problemsOf('test/fixtures');
    expect(problems.map((p) => p.code)).toEqual(['file.unreadable']);
  });

  it('validation collects every problem, not the first', () => {
    const s = JSON.parse(readFileSync(`${DIR}/area.format.json`, 'utf8'));
    s.parcels[0].sale.price = '3,000万元';
    s.timeline.months = '24';
    s.parcels[0].acquisition.mode = 'seize';
    const p = prepare(s);
    expect(p.ok).toBe(false);
    const codes = (p as { problems: Problem[] }).problems.map((x) => x.code).sort();
    expect(codes).toEqual(['area.format', 'money.format', 'schema.enum', 'schema.type']);
  });
});
