/**
 * Beside the scenario-file fuzz (test/fuzz.test.ts: files composed and read, wrong types, odd keys,
 * deep nesting), the inputs that do not come from a file or reach further than it does:
 * - fields set to a value of their own kind (money, dates, rates, counts), which passes the schema
 *   and reaches the engine's arithmetic, or to `undefined`, as a JavaScript caller may write;
 * - the same changes as edits of the incremental model (taken or refused; a refusal keeps its Result);
 * - the other files the command line reads — an evaluation, a target table, a stock inventory,
 *   idle-land cases, a filed report's scenario — changed anyhow: exit 0 or 1, never a stack trace
 *   or an internal error.
 * Each prepared scenario is run and reported; each refusal names a path and says, in English and
 * Chinese, what was found and what was expected.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, report, run, type Problem } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { pathText } from '../engine/incremental/scenario-diff';
import { getAt, setAt, type PathSegment } from '../engine/scenario/json-path';
import { composed, scenarioFiles } from './support/scenarios';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main';

const BASES = scenarioFiles().filter((f) => !f.includes('/stress/')).map((f) => ({ file: f, scenario: composed(f) }));

/** Every path in a JSON value, sub-trees included (the root excepted). */
function pathsOf(x: unknown, at: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(x)) x.forEach((v, i) => { out.push([...at, i]); pathsOf(v, [...at, i], out); });
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) { out.push([...at, k]); pathsOf(v, [...at, k], out); }
  return out;
}

function removeAt(x: unknown, path: readonly PathSegment[]): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(x)) return rest.length === 0 ? x.filter((_, i) => i !== head) : x.map((v, i) => (i === head ? removeAt(v, rest) : v));
  if (x === null || typeof x !== 'object') return x;
  const obj = { ...(x as Record<string, unknown>) };
  if (rest.length === 0) delete obj[head as string];
  else obj[head as string] = removeAt(obj[head as string], rest);
  return obj;
}

/** Values a person might type, paste or mistype: numbers of every size, texts with units, wrong shapes. */
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '0', '-1', '1e400', '1e-400', '100%', '-5%', '1000亿元', '9'.repeat(40), '0.001万元', '2021-13', '2021-00', '0000-01', '9999-12', 'NaN', 'Infinity', '__proto__', '万元', '1,000', '１０'),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.1, 1e-9, 1200, 100000),
);

/** Values of the same kind as the field's own, so the change passes the schema and reaches the engine. */
const likeArb = fc.record({
  money: fc.oneof(fc.integer({ min: 0, max: 10 ** 7 }).map((n) => `${n}万元`), fc.constantFrom('0元', '0.01元', '0.005元', '-5万元', '99999999亿元', '123456789012.34元', '1e3万元')),
  date: fc.tuple(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  percent: fc.oneof(fc.integer({ min: 0, max: 10000 }).map((n) => `${n / 100}%`), fc.constantFrom('0%', '100%', '150%', '-1%', '0.0001%', '3‰')),
  number: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom(0, 1, 12, 120, 600, 1e6, 0.5)),
});

function like(old: unknown, v: { money: string; date: string; percent: string; number: number }): unknown {
  if (typeof old === 'number') return v.number;
  if (typeof old !== 'string') return old;
  if (/^\d{4}-\d{2}/.test(old)) return v.date;
  if (/[%‰]\s*$/.test(old)) return v.percent;
  if (/元|^\s*-?\d/.test(old)) return v.money;
  return old;
}

/** A field replaced (by anything, or by a value of its own kind), removed, or (as a JavaScript caller may write it) set to undefined. */
const mutationArb = fc.record({ pick: fc.nat(), how: fc.constantFrom('set', 'like', 'like', 'like', 'remove', 'undefined'), value: valueArb, like: likeArb });

/** What a file cannot hold and test/fuzz.test.ts does not try: values of the field's own kind, and undefined. */
const engineMutationArb = mutationArb.map((m) => (m.how === 'set' || m.how === 'remove' ? { ...m, how: 'like' as const } : m));

function mutated(s: unknown, path: readonly PathSegment[], m: typeof mutationArb extends fc.Arbitrary<infer T> ? T : never): unknown {
  if (m.how === 'remove') return removeAt(s, path);
  if (m.how === 'undefined') return setAt(s, path, undefined);
  return setAt(s, path, m.how === 'like' ? like(getAt(s, path), m.like) : m.value);
}

function expectProblems(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.code).toBe('string');
    expect(typeof p.path).toBe('string');
    expect(p.message.en.length).toBeGreaterThan(0);
    expect(p.message.zh.length).toBeGreaterThan(0);
  }
}

describe('a scenario changed anywhere is run or refused with its problems, never thrown at', () => {
  it('prepare, run and report over the bundled scenarios with fields set to values of their kind or to undefined', () => {
    const seen = { ran: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(engineMutationArb, { minLength: 1, maxLength: 3 }), (b, mutations) => {
        let s: unknown = BASES[b].scenario;
        for (const m of mutations) {
          const paths = pathsOf(s);
          if (paths.length === 0) break;
          const path = paths[m.pick % paths.length];
          s = mutated(s, path, m);
        }
        const p = prepare(s);
        if (!p.ok) {
          seen.refused++;
          return expectProblems(p.problems);
        }
        seen.ran++;
        const result = report(run(p.model));
        expect(typeof result.totals.valueAdded).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
    // The changes reach the engine, not only the schema: a good share of them still run.
    expect(seen.ran).toBeGreaterThan(seen.refused / 4);
  });

  it('every field of every bundled scenario set to undefined, one at a time (the first parcel, zone and bond of each list), is run or refused', () => {
    for (const { file, scenario } of BASES) {
      // One item of each list stands for the rest: the same code reads them all.
      const paths = pathsOf(scenario).filter((p) => p.every((seg) => typeof seg !== 'number' || seg === 0));
      for (const path of paths) {
        const p = prepare(setAt(scenario, path, undefined));
        if (!p.ok) expectProblems(p.problems);
        else expect(typeof report(run(p.model)).totals.valueAdded, `${file} ${pathText(path)}`).toBe('string');
      }
    }
  }, 120_000);

  it('the incremental model takes or refuses each such edit, and a refusal keeps its Result', () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (b, mutations) => {
        const created = IncrementalModel.create(BASES[b].scenario);
        if (!created.ok) throw new Error(`${BASES[b].file} refused`);
        const model = created.model;
        for (const m of mutations) {
          const paths = pathsOf(model.scenario);
          const path = paths[m.pick % paths.length];
          const before = JSON.stringify(report(model.output).totals);
          const value = m.how === 'set' ? m.value : m.how === 'like' ? like(getAt(model.scenario, path), m.like) : undefined;
          const outcome = model.edit({ path: pathText(path), value });
          if (!outcome.ok) {
            expectProblems(outcome.problems);
            expect(JSON.stringify(report(model.output).totals)).toBe(before);
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('the command line on changed data files: exit 0 or 1, the problem said, never a stack trace', async () => {
    const FILES: { file: string; args: (f: string) => string[] }[] = [
      { file: 'data/evaluation/xingning-2022.json', args: (f) => ['evaluate', f, '--json'] },
      { file: 'data/evaluation/jiangmen-2022.json', args: (f) => ['evaluate', f] },
      { file: 'data/qinzhou-stock-2020.json', args: (f) => ['stock', '--inventory', f, '--json'] },
      { file: 'test/fixtures/good/idle-land.json', args: (f) => ['stock', '--idle', f] },
      { file: 'scenarios/xingning-buyback.json', args: (f) => ['report', f, '--kind', 'balance', '--json'] },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-fuzz-'));
    try {
      const cases = fc.sample(fc.tuple(fc.nat(FILES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 2 })), { numRuns: Number(process.env.FUZZ_CLI_RUNS ?? 120), seed: Number(process.env.FUZZ_SEED ?? 7) });
      for (const [k, [n, mutations]] of cases.entries()) {
        let data: unknown = JSON.parse(readFileSync(FILES[n].file, 'utf8'));
        for (const m of mutations) {
          const paths = pathsOf(data);
          if (paths.length > 0) data = mutated(data, paths[m.pick % paths.length], m);
        }
        const file = join(dir, `${k}.json`);
        writeFileSync(file, JSON.stringify(data) ?? 'null');
        let err = '';
        const code = await main(FILES[n].args(file), { out: () => {}, err: (t) => { err += t + '\n'; } });
        expect([0, 1], `${FILES[n].file} ${JSON.stringify(mutations)}: ${err}`).toContain(code);
        if (code === 1) expect(err.trim().length).toBeGreaterThan(0);
        expect(err).not.toMatch(/\n\s+at .*:\d+|内部错误|internal error/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
