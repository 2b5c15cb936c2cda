/**
 * Inputs of an analysis: any scenario field, addressed by its JSON path, and the values it takes.
 *
 * A field keeps the form the scenario writes it in: "150000万元" stays a string in 万元, "0.9" a
 * decimal string, 6 a whole number. So a sweep of `parcels[0].sale.price` from "120000万元" to
 * "180000万元" in 4 steps sets "120000万元", "140000万元", "160000万元", "180000万元", and a Monte
 * Carlo draw of 0.93712… for `adjustments.salePriceFactor` sets "0.9371". Values are computed
 * with the project's Decimal, never with float arithmetic on amounts.
 *
 * One virtual input sets several fields at once: `split.sharePercent.province` = 70 writes
 * split.ratios {province: "70", city: "30"} (the other tiers share the rest in their current
 * proportions), starting from the ratios the run uses (scenario-defaults.ts: the scenario's, its
 * parameters' override, else the jurisdiction's default 6 : 4).
 */
import { dec, Decimal, getAt, parsePath, type PathSegment, problem, type Problem, scenarioDefaults, setAt } from '../index';

/** How a field is written: a JSON number, or a decimal string with a unit after it ("万元", "%", ""). */
export type ValueShape =
  | { readonly kind: 'number'; readonly integer: boolean }
  | { readonly kind: 'text'; readonly unit: string };

export interface ResolvedInput {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly label: string;
  readonly shape: ValueShape;
  /** The field's value in the base scenario as a Decimal (the default where the field is absent). */
  readonly base: Decimal;
  /** Sets the value where it is more than one field (virtual inputs). */
  readonly apply?: <T>(scenario: T, x: Decimal) => T;
}

/** Fields an analysis may set although a scenario leaves them out, with their form and default. */
export const KNOWN_INPUTS: Readonly<Record<string, { shape: ValueShape; base: string; zh: string; en: string }>> = {
  'adjustments.salePriceFactor': { shape: { kind: 'text', unit: '' }, base: '1', zh: '出让价格指数', en: 'sale price index' },
  'adjustments.costFactor': { shape: { kind: 'text', unit: '' }, base: '1', zh: '成本超支系数', en: 'cost overrun factor' },
  'adjustments.saleDelayMonths': { shape: { kind: 'number', integer: true }, base: '0', zh: '出让延后（月）', en: 'sale delay (months)' },
  'adjustments.rateShiftBp': { shape: { kind: 'number', integer: true }, base: '0', zh: '利率变动（基点）', en: 'interest rate shift (bp)' },
};

const NUMBER_TEXT = /^\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$/;

/** The number and unit of a value as a scenario writes it: "150000万元" → (150000, "万元"). */
export function splitValue(value: unknown): { number: Decimal; unit: string | null } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { number: dec(String(value)), unit: null } : null;
  if (typeof value !== 'string') return null;
  const m = NUMBER_TEXT.exec(value);
  return m ? { number: dec(m[1]), unit: m[2] } : null;
}

/** Resolves a JSON path against a scenario: the field must hold a number or a "number+unit" string, or be a known input. */
export function resolveInput(scenario: unknown, path: string, label?: string): { ok: true; input: ResolvedInput } | { ok: false; problems: Problem[] } {
  const segments = parsePath(path);
  if (!segments) return { ok: false, problems: [problem('schema.format', path, path, { en: 'a JSON path such as parcels[0].sale.price or adjustments.salePriceFactor', zh: 'JSON 路径，如 parcels[0].sale.price 或 adjustments.salePriceFactor' })] };
  if (segments[0] === 'split' && segments[1] === 'sharePercent' && segments.length === 3 && typeof segments[2] === 'string') {
    return sharePercentInput(scenario, path, segments[2], label);
  }
  const current = getAt(scenario, segments);
  const known = KNOWN_INPUTS[path];
  if (current === undefined && known) {
    return { ok: true, input: { path, segments, label: label ?? `${known.zh} / ${known.en}`, shape: known.shape, base: dec(known.base) } };
  }
  const split = splitValue(current);
  if (!split) {
    return {
      ok: false,
      problems: [
        problem(current === undefined ? 'ref.unknown' : 'schema.type', path, current, {
          en: `a scenario field holding a number or an amount such as "150000万元" (known inputs that may be absent: ${Object.keys(KNOWN_INPUTS).join(', ')})`,
          zh: `情景中取值为数字或金额（如 "150000万元"）的字段（可缺省的已知输入：${Object.keys(KNOWN_INPUTS).join('、')}）`,
        }),
      ],
    };
  }
  const shape: ValueShape = split.unit === null ? { kind: 'number', integer: Number.isInteger(current) } : { kind: 'text', unit: split.unit };
  return { ok: true, input: { path, segments, label: label ?? path, shape, base: split.number } };
}

/** The JSON value of `x` in the field's form: a whole number, a number, or "x" + unit. Integer fields round half-up. */
export function formatInput(input: ResolvedInput, x: Decimal): string | number {
  if (input.shape.kind === 'number') return input.shape.integer ? x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : x.toNumber();
  return `${x.toFixed()}${input.shape.unit}`;
}

/** Parses a value given for this input (CLI text or JSON): its unit, if any, must be the field's. */
export function parseInputValue(input: ResolvedInput, raw: unknown): { ok: true; value: Decimal } | { ok: false; problem: Problem } {
  const split = splitValue(raw);
  const unit = input.shape.kind === 'text' ? input.shape.unit : '';
  if (!split || (split.unit !== null && split.unit !== '' && split.unit !== unit)) {
    const example = input.shape.kind === 'text' ? `"${input.base.toFixed()}${unit}"` : input.base.toFixed();
    return {
      ok: false,
      problem: problem('schema.format', input.path, raw, {
        en: `a value written like the field's own, e.g. ${example}${unit ? ` (unit ${unit})` : ''}`,
        zh: `与该字段同样写法的值，如 ${example}${unit ? `（单位 ${unit}）` : ''}`,
      }),
    };
  }
  return { ok: true, value: split.number };
}

/** `steps` evenly spaced values from `from` to `to` inclusive, exact to 10 decimal places. */
export function linearRange(from: Decimal, to: Decimal, steps: number): Decimal[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a whole number ≥ 1, got ${steps}`);
  if (steps === 1) return [from];
  const span = to.minus(from);
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : from.plus(span.times(i).div(steps - 1)).toDecimalPlaces(10, Decimal.ROUND_HALF_UP)));
}

/** The scenario with this input set to `x`; the input is never mutated. */
export function applyInput<T>(scenario: T, input: ResolvedInput, x: Decimal): T {
  if (input.apply) return input.apply(scenario, x);
  return setAt(scenario, input.segments, formatInput(input, x));
}

/** The scenario with several inputs set at once. */
export function applyInputs<T>(scenario: T, inputs: readonly ResolvedInput[], xs: readonly Decimal[]): T {
  let s = scenario;
  for (let i = 0; i < inputs.length; i++) s = applyInput(s, inputs[i], xs[i]);
  return s;
}

function sharePercentInput(scenario: unknown, path: string, tier: string, label?: string): { ok: true; input: ResolvedInput } | { ok: false; problems: Problem[] } {
  // The ratios the run would use: the scenario's, else its parameters' override, else the jurisdiction's.
  const d = scenarioDefaults(scenario);
  const ratios = d.ratios;
  const tiers = getAt(scenario, ['tiers']) === undefined ? [] : d.tiers.map((t) => t.id);
  if (!ratios || !tiers.includes(tier)) {
    return { ok: false, problems: [problem('ref.unknown', path, tier, { en: `a tier of the scenario with split ratios (${tiers.join(', ') || 'no tiers declared'})`, zh: `情景中有分成比例的层级（${tiers.join('、') || '未声明层级'}）` })] };
  }
  const weights = tiers.map((t) => dec(String(ratios[t] ?? '0').replace('%', '')));
  const total = weights.reduce((a, b) => a.plus(b), dec('0'));
  const own = weights[tiers.indexOf(tier)];
  const base = total.isZero() ? dec('0') : own.div(total).times(100).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
  const othersTotal = total.minus(own);
  const apply = <T>(s: T, x: Decimal): T => {
    const rest = dec('100').minus(x);
    const next: Record<string, string> = {};
    tiers.forEach((t, i) => {
      if (t === tier) next[t] = x.toFixed();
      else if (othersTotal.isZero()) next[t] = rest.div(tiers.length - 1).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
      else next[t] = rest.times(weights[i]).div(othersTotal).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
    });
    return setAt(s, ['split', 'ratios'], next);
  };
  return { ok: true, input: { path, segments: ['split', 'sharePercent', tier], label: label ?? `${tier} share % / ${tier} 分成比例（%）`, shape: { kind: 'text', unit: '' }, base, apply } };
}
