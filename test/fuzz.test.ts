/**
 * Fuzzing the scenario edge, seeded: mutations of every scenario in scenarios/ — wrong types,
 * huge and tiny numbers, days that do not exist, deep nesting, odd `set` paths, prototype keys,
 * control characters, formula text, deleted fields. The only allowed outcomes are a result or a
 * list of problems (the CLI's exit 1); never an exception, a hang or unbounded memory.
 *
 * `npm test` runs FUZZ_RUNS cases in-process; LRSIM_FUZZ_RUNS=100000 runs more, and
 * LRSIM_FUZZ_SEED replays another sequence. A failure prints the seed and the shrunk case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeScenario, type ReadText } from '../engine/scenario/compose';
import { prepare } from '../engine/scenario/normalize';
import { run } from '../engine/run';
import { report } from '../engine/report';
import { composed, scenarioFiles } from './support/scenarios';

const FUZZ_RUNS = Number(process.env.LRSIM_FUZZ_RUNS ?? 2500);
const SEED = Number(process.env.LRSIM_FUZZ_SEED ?? 20261127);

const BASES = scenarioFiles().map((f) => ({ file: f, scenario: composed(f) }));

let deep: unknown = [];
for (let i = 0; i < 200; i++) deep = [deep];

/** Values a careless or hostile file might hold where a scenario expects something else. */
const ODD_VALUES: unknown[] = [
  null, true, 0, -1, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2, 4294967296, 0.1, '', ' ', '0', '-0', 'NaN', 'Infinity',
  '9007199254740993元', '99999999999999999999999999万元', '0.000000000000000001元', '-10万元', '1e-18', '99999999999999999999',
  '150%', '-10%', '0.0000000000000001%', '100%', '1000000000000亩', '0.0000001m²', '99999999999万元/亩', '1e9元/m²',
  '2022-02-30', '2022-06-31', '2022-13', '0000-00', '9999-12', '1900-01', '2022/03/16', '2022-1', '2100-01-01',
  '__proto__', 'constructor', 'toString', '=HYPERLINK("http://evil.example/","x")', '@SUM(1+1)', '\u001b[2J\u001b[1A', '\u0000',
  'a'.repeat(10_000), [], [[]], {}, { __proto__: null }, deep, [1, 2, 3], { zh: 1 }, { id: 'x' },
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', '[0]', '\u001b'];
const ODD_PATHS = [
  'parcels[99999999].id', 'parcels[4294967296].id', 'parcels[0].__proto__.x', '__proto__.polluted', 'constructor.prototype.x',
  Array(5000).fill('a').join('.'), 'parcels[0].sale.price', 'parcels[-1].id', 'parcels[0]', '', '.', '[', '["', 'parameters["__proto__"]',
  'timeline.months', 'parcels[1].area', 'bonds[0].principal', 'tiers[0].id', 'split.ratios.x',
];

type Json = unknown;

/** Every path into a value (objects and arrays), the root included, as key lists. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = [], limit = 4000): (string | number)[][] {
  if (out.length >= limit) return out;
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out, limit));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out, limit);
  return out;
}

/** A copy of `root` with `change` applied to the container of `path`'s last key (JSON round trip: a plain data copy). */
function mutate(root: Json, path: (string | number)[], change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = JSON.parse(JSON.stringify(root));
  if (path.length === 0) return copy;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  change(parent, path[path.length - 1]);
  return copy;
}

const mutation = fc.record({
  kind: fc.constantFrom('value', 'value', 'value', 'delete', 'oddKey', 'duplicate', 'wrap', 'number'),
  at: fc.nat(),
  pick: fc.nat(),
  n: fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => b.toString())),
});

const fuzzCase = fc.record({
  base: fc.nat(BASES.length - 1),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  set: fc.option(fc.record({ path: fc.oneof(fc.constantFrom(...ODD_PATHS), fc.string({ maxLength: 30 })), value: fc.nat() }), { freq: 3 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(scenario: Json, m: Mutation): Json {
  const all = paths(scenario);
  const path = all[m.at % all.length];
  const value = ODD_VALUES[m.pick % ODD_VALUES.length];
  switch (m.kind) {
    case 'value': return path.length === 0 ? value : mutate(scenario, path, (p, k) => { p[k] = value; });
    case 'number': return path.length === 0 ? scenario : mutate(scenario, path, (p, k) => { p[k] = typeof m.n === 'string' ? m.n + (m.pick % 2 ? '万元' : '') : m.n; });
    case 'delete': return path.length === 0 ? scenario : mutate(scenario, path, (p, k) => { if (Array.isArray(p)) p.splice(Number(k), 1); else delete p[k]; });
    case 'oddKey': return mutate(scenario, [...path, '_'], (p) => { if (p && typeof p === 'object' && !Array.isArray(p)) Object.defineProperty(p, ODD_KEYS[m.pick % ODD_KEYS.length], { value, enumerable: true, configurable: true, writable: true }); });
    case 'duplicate': return path.length === 0 ? scenario : mutate(scenario, path, (p, k) => { if (Array.isArray(p)) p.push(JSON.parse(JSON.stringify(p[Number(k)] ?? null))); });
    case 'wrap': return path.length === 0 ? scenario : mutate(scenario, path, (p, k) => { p[k] = m.pick % 2 ? [p[k]] : { value: p[k] }; });
  }
  return scenario;
}

/** Compose (a variant file over the mutated base, when the case has a `set`), prepare, run, report. */
function outcome(scenario: Json, set: { path: string; value: number } | null): 'result' | 'problems' {
  const files: Record<string, string> = { 'base.json': JSON.stringify(scenario) };
  let entry = 'base.json';
  if (set) {
    files['variant.json'] = JSON.stringify({ base: 'base.json', set: { [set.path]: ODD_VALUES[set.value % ODD_VALUES.length] } });
    entry = 'variant.json';
  }
  const read: ReadText = (p) => files[p] ?? null;
  const c = composeScenario(entry, read);
  if (!c.ok) { expect(c.problems.length).toBeGreaterThan(0); return 'problems'; }
  const p = prepare(c.scenario);
  if (!p.ok) {
    expect(p.problems.length).toBeGreaterThan(0);
    for (const x of p.problems) expect(typeof x.path).toBe('string');
    return 'problems';
  }
  report(run(p.model));
  return 'result';
}

describe('fuzzing the scenario edge', () => {
  it(`${FUZZ_RUNS} mutated scenarios each give a result or problems, never an exception (seed ${SEED})`, () => {
    const seen = { result: 0, problems: 0 };
    fc.assert(
      fc.property(fuzzCase, (c) => {
        let s: Json = BASES[c.base].scenario;
        for (const m of c.mutations) s = apply(s, m);
        seen[outcome(s, c.set)]++;
      }),
      { seed: SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
    );
    // Both outcomes occur, so the mutations neither break everything nor nothing.
    expect(seen.result).toBeGreaterThan(0);
    expect(seen.problems).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});
