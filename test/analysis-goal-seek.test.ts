/**
 * Solve-for: a solved value, fed back into the scenario, meets the target within a fen (and the
 * value one step beyond does not); "no solution in range" and "the whole range" are answers;
 * bad specs are problems; the four presets answer on the seed scenarios.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../engine/money';
import { evaluator, parseOutputs, seek, solvePreset, type ResolvedInput, type SeekSpec } from '../engine/analysis/index';
import { parsePath, setAt, simulate, getAt } from '../engine/index';
import { splitValue } from '../engine/analysis/input';
import { composed } from './support/scenarios';

const hainan = composed('scenarios/hainan-provincial.json');
const bonds = composed('scenarios/hainan-bonds.json');
const xinmi = composed('scenarios/xinmi-zoning.json');

/** The output at an input value, by a direct simulate() of the scenario with that value set. */
function direct(scenario: unknown, spec: SeekSpec, value: string | number, input?: ResolvedInput): string | null {
  const s = input?.apply ? input.apply(scenario, splitValue(value)!.number) : setAt(scenario, parsePath(spec.input.path)!, value);
  const outs = parseOutputs([spec.output]);
  if (!outs.ok) throw new Error('bad output');
  const e = evaluator(outs.outputs, [], { viaReport: true })(s);
  return e.ok ? e.texts[0] : null;
}

const meets = (text: string | null, spec: SeekSpec) => {
  if (text === null) return false;
  const a = dec(text);
  const b = dec(spec.threshold);
  return { '<': a.lt(b), '<=': a.lte(b), '>': a.gt(b), '>=': a.gte(b) }[spec.op];
};

describe('seek: the answer, fed back, meets the target; one fen further does not', () => {
  it('the lowest sale price at which a parcel recovers its cost (money, to the fen)', () => {
    const spec: SeekSpec = { input: { path: 'parcels[0].sale.price', from: '10000万元', to: '150000万元' }, output: 'parcels[0].unrecoveredCost', op: '<=', threshold: '0', find: 'min' };
    const r = seek(hainan, spec);
    if (!r.ok || r.result.status !== 'solved') throw new Error(JSON.stringify(r));
    const { value, beyond } = r.result;
    expect(meets(direct(hainan, spec, value), spec)).toBe(true);
    expect(meets(direct(hainan, spec, beyond.input), spec)).toBe(false);
    // Neighbouring grid points are one fen apart (0.000001 万元).
    expect(dec(String(value).replace('万元', '')).minus(dec(String(beyond.input).replace('万元', ''))).toFixed()).toBe('0.000001');
    // Within a fen: the output at the answer is the threshold or one fen past it.
    expect(direct(hainan, spec, value)).toBe('0.00');
    expect(simulate(setAt(hainan, ['parcels', 0, 'sale', 'price'], value)).parcels[0].unrecoveredCost).toBe('0.00');
  });

  it('the largest whole-number input (months) with find: max', () => {
    const spec: SeekSpec = { input: { path: 'adjustments.saleDelayMonths', from: 0, to: 30 }, output: 'totals.valueAdded', op: '>=', threshold: '796800000', find: 'max' };
    const r = seek(hainan, spec);
    if (!r.ok || r.result.status !== 'solved') throw new Error(JSON.stringify(r));
    expect(meets(direct(hainan, spec, r.result.value), spec)).toBe(true);
    expect(meets(direct(hainan, spec, r.result.beyond.input), spec)).toBe(false);
    expect(Number(r.result.beyond.input) - Number(r.result.value)).toBe(1);
  });

  it('no solution in range is an answer with the points scanned', () => {
    const r = seek(hainan, { input: { path: 'parcels[0].sale.price', from: '1000万元', to: '2000万元' }, output: 'parcels[0].unrecoveredCost', op: '<=', threshold: '0', find: 'min' });
    if (!r.ok) throw new Error('refused');
    expect(r.result.status).toBe('noSolution');
    if (r.result.status === 'noSolution') expect(r.result.scanned.length).toBeGreaterThan(1);
  });

  it('a condition that holds over the whole range says so', () => {
    const r = seek(hainan, { input: { path: 'parcels[0].sale.price', from: '140000万元', to: '160000万元' }, output: 'parcels[0].unrecoveredCost', op: '<=', threshold: '0', find: 'min' });
    if (!r.ok) throw new Error('refused');
    expect(r.result.status).toBe('wholeRange');
  });

  it('points the engine refuses count as not meeting the condition, and the answer shows why', () => {
    const r = seek(bonds, { input: { path: 'bonds[0].principal', from: '1000万元', to: '300000万元' }, output: 'bonds[0].coverageRatio', op: '>=', threshold: '1.2', find: 'max' });
    if (!r.ok || r.result.status !== 'solved') throw new Error(JSON.stringify(r));
    expect(r.result.beyond.problems[0]?.code).toBe('rule.bondQuota');
  });

  it('bad specs: every problem, each naming its field', () => {
    const r = seek(hainan, { input: { path: 'parcels[0].sale.price', from: '9', to: 'x万元', step: '-1' }, output: 'totals..x', op: '=' as never, threshold: 'zero', find: 'most' as never });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.problems.map((p) => p.path);
      for (const p of ['input.to (parcels[0].sale.price)', 'input.step', 'op', 'threshold', 'find', 'totals..x']) expect(paths).toContain(p);
      expect(r.problems.every((p) => p.message.zh.length > 0)).toBe(true);
    }
  });
});

describe('solve presets: answers on the seed scenarios, fed back', () => {
  const check = (scenario: unknown, name: Parameters<typeof solvePreset>[1], options = {}) => {
    const p = solvePreset(scenario, name, options);
    if (!p.ok) throw new Error(p.problems.map((x) => x.message.en).join('; '));
    const r = seek(scenario, p.solve.spec, p.solve.input);
    if (!r.ok) throw new Error('refused');
    return { ...p.solve, result: r.result };
  };

  it('max-bond: coverage at the floor or the quota, whichever binds first', () => {
    const { spec, input, result } = check(bonds, 'max-bond');
    if (result.status !== 'solved') throw new Error(result.status);
    expect(meets(direct(bonds, spec, result.value, input), spec)).toBe(true);
    expect(meets(direct(bonds, spec, result.beyond.input, input), spec)).toBe(false);
  });

  it('max-bond with a larger quota: the coverage floor binds, within a fen of principal', () => {
    const open = setAt(bonds, ['bondPolicy', 'quota'], [{ year: 2021, amount: '900000万元' }, { year: 2026, amount: '900000万元' }]);
    const { spec, input, result } = check(open, 'max-bond');
    if (result.status !== 'solved') throw new Error(result.status);
    expect(meets(direct(open, spec, result.value, input), spec)).toBe(true);
    expect(result.beyond.output).not.toBeNull();
    expect(meets(result.beyond.output, spec)).toBe(false);
  });

  it('max-acquisition-price: the bond grows with the cost and coverage holds at the answer', () => {
    const open = setAt(bonds, ['bondPolicy', 'quota'], [{ year: 2021, amount: '900000万元' }, { year: 2026, amount: '900000万元' }]);
    const { spec, input, result } = check(open, 'max-acquisition-price');
    if (result.status !== 'solved') throw new Error(result.status);
    expect(spec.input.path).toBe('parcels[1].acquisition.price');
    const fed = input.apply!(open, splitValue(result.value)!.number);
    expect(getAt(fed, ['parcels', 1, 'acquisition', 'price'])).toBe(result.value);
    expect(meets(direct(open, spec, result.value, input), spec)).toBe(true);
    expect(meets(direct(open, spec, result.beyond.input, input), spec)).toBe(false);
  });

  it('min-sale-price: the zone balances at the answer and not one fen lower', () => {
    const { spec, input, result } = check(xinmi, 'min-sale-price', { zone: 'SOUTH' });
    if (result.status !== 'solved') throw new Error(result.status);
    expect(direct(xinmi, spec, result.value, input)).toBe('0.00');
    expect(direct(xinmi, spec, result.beyond.input, input)).toBe('-0.01');
  });

  it('min-pre-allocation: no fiscal top-up at the answer, a fen of top-up one fen below', () => {
    const { spec, input, result } = check(bonds, 'min-pre-allocation');
    if (result.status !== 'solved') throw new Error(result.status);
    expect(direct(bonds, spec, result.value, input)).toBe('0.00');
    expect(meets(direct(bonds, spec, result.beyond.input, input), spec)).toBe(false);
  });

  it('a preset that does not fit the scenario is a problem, not a crash', () => {
    const p = solvePreset(hainan, 'max-bond');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0].message.zh).toContain('债券');
  });
});
