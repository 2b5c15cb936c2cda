/**
 * The shape of an analysis's spec — a Monte Carlo plan, a sweep, a tornado, a goal seek — checked
 * before anything reads it. A spec comes from the command line, the notebook, a worker message or
 * a JavaScript caller, and a field of the wrong kind (an object where a list goes, a number where
 * a path goes) is a problem at its JSON path, not a TypeError from deep inside the analysis. What
 * the fields say (a path that resolves, a distribution that parses, runs in range) is each
 * analysis's to judge.
 *
 *   shapeProblems({ scenario: s, inputs: {}, outputs: [], runs: 10, seed: 1 }, MC_PLAN)
 *   → [{ code: 'schema.type', path: 'inputs', … expected: 'a list' }]
 */
import { problem, type Problem } from '../index';

/** A field's kind: a scalar, one of several, a list of a kind, or an object of fields (`?` marks an optional field). */
export type Shape = 'string' | 'number' | 'boolean' | 'any' | { readonly oneOf: readonly Shape[] } | { readonly list: Shape } | { readonly fields: Readonly<Record<string, Shape>> };

const TEXT: Record<string, { en: string; zh: string }> = {
  string: { en: 'a text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function describe(shape: Shape): { en: string; zh: string } {
  if (typeof shape === 'string') return TEXT[shape] ?? { en: 'a value', zh: '一个值' };
  if ('oneOf' in shape) return { en: shape.oneOf.map((s) => describe(s).en).join(' or '), zh: shape.oneOf.map((s) => describe(s).zh).join('或') };
  if ('list' in shape) return { en: `a list, each ${describe(shape.list).en}`, zh: `列表，每项为${describe(shape.list).zh}` };
  const keys = Object.keys(shape.fields).filter((k) => !k.endsWith('?'));
  return { en: `an object with ${keys.join(', ')}`, zh: `含 ${keys.join('、')} 的对象` };
}

function fits(v: unknown, shape: Shape): boolean {
  if (shape === 'any') return true;
  if (typeof shape === 'string') return typeof v === shape;
  if ('oneOf' in shape) return shape.oneOf.some((s) => fits(v, s));
  if ('list' in shape) return Array.isArray(v);
  return isRecord(v);
}

/** How many of an object shape's fields `v` has (0 for any other shape). */
function sharedKeys(v: unknown, shape: Shape): number {
  if (typeof shape !== 'object' || !('fields' in shape) || !isRecord(v)) return 0;
  return Object.keys(shape.fields).filter((k) => v[k.replace(/\?$/, '')] !== undefined).length;
}

/** The problems of `value` against `shape`, each at its JSON path below `at`. */
export function shapeProblems(value: unknown, shape: Shape, at = ''): Problem[] {
  const problems: Problem[] = [];
  check(value, shape, at, problems);
  return problems;
}

function check(v: unknown, shape: Shape, at: string, problems: Problem[]): void {
  if (typeof shape === 'object' && 'oneOf' in shape) {
    // Of the kinds the value is, the one it comes nearest (an axis with from/to/steps is not a list of values).
    let best: Problem[] | null = null;
    let bestShared = -1;
    for (const s of shape.oneOf) {
      if (!fits(v, s)) continue;
      const mine = shapeProblems(v, s, at);
      const shared = sharedKeys(v, s);
      if (best === null || mine.length < best.length || (mine.length === best.length && shared > bestShared)) [best, bestShared] = [mine, shared];
    }
    if (best === null) problems.push(problem('schema.type', at, v, describe(shape)));
    else problems.push(...best);
    return;
  }
  if (!fits(v, shape)) return void problems.push(problem('schema.type', at, v, describe(shape)));
  if (typeof shape !== 'object') return;
  if ('list' in shape) return void (v as unknown[]).forEach((item, i) => check(item, shape.list, `${at}[${i}]`, problems));
  const obj = v as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape.fields)) {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    const path = at ? `${at}.${name}` : name;
    if (obj[name] === undefined) {
      if (!optional) problems.push(problem('schema.required', path, undefined, describe(field)));
      continue;
    }
    check(obj[name], field, path, problems);
  }
}

const PATH: Shape = 'string';
const VALUE: Shape = { oneOf: ['string', 'number'] };

export const MC_PLAN: Shape = {
  fields: {
    scenario: 'any',
    runs: 'number',
    seed: 'number',
    inputs: { list: { fields: { path: PATH, distribution: { oneOf: ['string', { fields: { kind: 'string' } }] }, 'scale?': 'boolean', 'places?': 'number', 'label?': 'string' } } },
    'correlations?': { list: { fields: { a: PATH, b: PATH, rho: 'number' } } },
    outputs: { list: PATH },
    'series?': { list: PATH },
    'events?': { list: { fields: { output: PATH, op: 'string', threshold: 'string', 'label?': 'string' } } },
    'percentiles?': { list: 'number' },
  },
};

const AXIS: Shape = { oneOf: [{ fields: { path: PATH, 'label?': 'string', values: { list: VALUE } } }, { fields: { path: PATH, 'label?': 'string', from: VALUE, to: VALUE, steps: 'number' } }] };
export const SWEEP_SPEC: Shape = { fields: { axes: { list: AXIS }, outputs: { list: PATH } } };

const TORNADO_INPUT: Shape = { oneOf: [{ fields: { path: PATH, 'label?': 'string', low: VALUE, high: VALUE } }, { fields: { path: PATH, 'label?': 'string', scale: { list: 'string' } } }] };
export const TORNADO_SPEC: Shape = { fields: { inputs: { list: TORNADO_INPUT }, output: PATH } };

export const SEEK_SPEC: Shape = {
  fields: {
    input: { fields: { path: PATH, from: VALUE, to: VALUE, 'step?': VALUE, 'label?': 'string' } },
    output: PATH,
    op: 'string',
    threshold: 'string',
    find: 'string',
    'scanPoints?': 'number',
  },
};
