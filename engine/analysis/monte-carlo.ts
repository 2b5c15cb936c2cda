/**
 * Monte Carlo: uncertain inputs drawn from distributions, the engine run once per draw, and the
 * outputs summarised as percentiles, probabilities of events and fan charts over time.
 *
 *   { scenario, runs: 10000, seed: 42,
 *     inputs: [{ path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
 *              { path: 'adjustments.saleDelayMonths', distribution: 'normal(3, 3) clamp(0, 12) integer' }],
 *     correlations: [{ a: 'adjustments.salePriceFactor', b: 'adjustments.saleDelayMonths', rho: -0.4 }],
 *     outputs: ['totals.valueAdded'], series: ['periods[*].reserveFundBalance'],
 *     events: [{ output: 'totals.unrecoveredCost', op: '>', threshold: '0' }] }
 *   → P5/P10/P50/P90/P95 of value added (exact fen), P(unrecovered cost > 0), a fan of the reserve fund.
 *
 * This file is the pure part: a plan is plain JSON (it crosses to worker threads as is);
 * `runChunk(plan, from, to)` runs draws from…to−1; mc-summary.ts merges chunks in run order.
 * Run k draws from streamFor(seed, k), so any split of the runs over any number of threads gives
 * the same numbers (pool.ts drives the threads).
 */
import { MC_PLAN, shapeProblems } from './spec-shape';
import { dec, Decimal, IncrementalModel, prepare, problem, type Problem } from '../index';
import { applyInputs, formatInput, resolveInput, type ResolvedInput } from './input';
import { checkDistribution, cholesky, fromNormal, parseDistribution, standardNormal, type Distribution } from './distributions';
import { editsVariants, evaluator, parseOutputs, variantEvaluator, type Evaluation } from './evaluate';
import type { OutputRef } from './output';
import { streamFor } from './random';

export interface McInputSpec {
  readonly path: string;
  /** A Distribution, or its text form "triangular(0.8, 1, 1.1)". */
  readonly distribution: Distribution | string;
  /** Draws multiply the field's current value instead of replacing it. Default false. */
  readonly scale?: boolean;
  /** Decimal places a draw keeps when written into the scenario (default 4; integer fields 0). */
  readonly places?: number;
  readonly label?: string;
}

export interface McEventSpec {
  readonly output: string;
  readonly op: '<' | '<=' | '>' | '>=';
  /** In the output's own unit: 元 for money ("0"), a plain number for a ratio ("1.2"). */
  readonly threshold: string;
  readonly label?: string;
}

export interface McPlan {
  readonly scenario: unknown;
  readonly inputs: readonly McInputSpec[];
  readonly correlations?: readonly { readonly a: string; readonly b: string; readonly rho: number }[];
  readonly outputs: readonly string[];
  readonly series?: readonly string[];
  readonly events?: readonly McEventSpec[];
  readonly runs: number;
  readonly seed: number;
  /** Percentiles to report, 0–100. Default [5, 10, 50, 90, 95]. */
  readonly percentiles?: readonly number[];
}

export const DEFAULT_PERCENTILES = [5, 10, 50, 90, 95] as const;

export interface CompiledPlan {
  readonly plan: McPlan;
  readonly inputs: readonly { input: ResolvedInput; distribution: Distribution; scale: boolean; places: number }[];
  readonly cholesky: number[][] | null;
  /** outputs, then event outputs not already among them. */
  readonly measures: readonly OutputRef[];
  readonly series: readonly OutputRef[];
  readonly periods: readonly string[];
  readonly evaluate: ReturnType<typeof evaluator>;
  /**
   * The scenario prepared and run once, which the draws then edit (when every input is a field the
   * incremental model edits, and the plan was compiled to run draws): checking the base scenario
   * and readying it for the draws are one preparation, not two.
   */
  readonly model?: IncrementalModel;
}

/** The most runs a plan may ask for: at a millisecond a draw, three hours on one core. */
export const MAX_MC_RUNS = 10_000_000;

/**
 * The most numbers a plan's runs may keep — runs × (outputs and event outputs + inputs + series ×
 * months), 8 bytes each: 256 MB, and the summary holds one series a second time while it reads its
 * bands. A 10 000-run plan with ten 240-month series keeps 24 million; ten million runs of one
 * series over 240 months would ask for 19 GB, refused here instead of exhausting the machine.
 */
export const MAX_MC_NUMBERS_KEPT = 32_000_000;

export interface CompileOptions {
  /** Ready the model the draws edit. Default true; a driver that only summarises (pool.ts) says false. */
  readonly forRuns?: boolean;
}

/** Checks a plan completely (every problem, by its path in the plan) and readies it for running. */
export function compilePlan(plan: McPlan, options: CompileOptions = {}): { ok: true; compiled: CompiledPlan } | { ok: false; problems: Problem[] } {
  const shape = shapeProblems(plan, MC_PLAN);
  if (shape.length > 0) return { ok: false, problems: shape };
  const problems: Problem[] = [];
  if (!Number.isInteger(plan.runs) || plan.runs < 1 || plan.runs > MAX_MC_RUNS) problems.push(problem('schema.range', 'runs', plan.runs, { en: 'a whole number of runs from 1 to 10 000 000', zh: '1 至 10 000 000 的整数次数' }));
  if (!Number.isSafeInteger(plan.seed)) problems.push(problem('schema.type', 'seed', plan.seed, { en: 'a whole-number seed', zh: '整数随机种子' }));
  const pcts = plan.percentiles ?? DEFAULT_PERCENTILES;
  if (pcts.some((p) => !(p >= 0 && p <= 100))) problems.push(problem('schema.range', 'percentiles', pcts, { en: 'percentiles from 0 to 100', zh: '0 至 100 的百分位' }));
  const inputs: CompiledPlan['inputs'][number][] = [];
  plan.inputs.forEach((spec, i) => {
    const r = resolveInput(plan.scenario, spec.path, spec.label);
    if (!r.ok) return void problems.push(...r.problems);
    const d = typeof spec.distribution === 'string' ? parseDistribution(spec.distribution) : spec.distribution;
    const bad = d ? checkDistribution(d) : { en: 'a distribution such as "triangular(0.8, 1, 1.1)", "normal(3, 3) clamp(0, 12) integer", "lognormal(1, 0.1)" or "uniform(0.9, 1.2)"', zh: '分布，如 "triangular(0.8, 1, 1.1)"、"normal(3, 3) clamp(0, 12) integer"、"lognormal(1, 0.1)"、"uniform(0.9, 1.2)"' };
    if (bad || !d) return void problems.push(problem('schema.format', `inputs[${i}].distribution`, spec.distribution, bad!));
    const integer = r.input.shape.kind === 'number' && r.input.shape.integer && !spec.scale;
    inputs.push({ input: r.input, distribution: integer ? { ...d, integer: true } : d, scale: !!spec.scale, places: integer ? 0 : spec.places ?? 4 });
  });
  let L: number[][] | null = null;
  if (plan.correlations?.length) {
    const n = plan.inputs.length;
    const m: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    plan.correlations.forEach((c, k) => {
      const a = plan.inputs.findIndex((x) => x.path === c.a);
      const b = plan.inputs.findIndex((x) => x.path === c.b);
      if (a < 0 || b < 0 || a === b) problems.push(problem('ref.unknown', `correlations[${k}]`, c, { en: 'two different input paths of this plan', zh: '本方案中两个不同输入的路径' }));
      else if (!(c.rho >= -1 && c.rho <= 1)) problems.push(problem('schema.range', `correlations[${k}].rho`, c.rho, { en: 'a correlation from −1 to 1', zh: '−1 至 1 之间的相关系数' }));
      else m[a][b] = m[b][a] = c.rho;
    });
    L = cholesky(m);
    if (!L) problems.push(problem('schema.range', 'correlations', plan.correlations, { en: 'correlations that can hold together (a positive semi-definite matrix)', zh: '可同时成立的相关系数（半正定矩阵）' }));
  }
  const eventPaths = (plan.events ?? []).map((e) => e.output);
  const measurePaths = [...new Set([...plan.outputs, ...eventPaths])];
  const outs = parseOutputs(measurePaths);
  if (!outs.ok) problems.push(...outs.problems);
  const ser = parseOutputs(plan.series ?? []);
  if (!ser.ok) problems.push(...ser.problems);
  if (ser.ok && ser.outputs.some((s) => s.tail === null || s.aggregate !== null)) problems.push(problem('schema.format', 'series', plan.series, { en: 'series paths with one [*], e.g. periods[*].reserveFundBalance', zh: '含一个 [*] 的序列路径，如 periods[*].reserveFundBalance' }));
  (plan.events ?? []).forEach((e, k) => {
    if (!['<', '<=', '>', '>='].includes(e.op)) problems.push(problem('schema.enum', `events[${k}].op`, e.op, { en: 'one of <, <=, >, >=', zh: '<、<=、>、>= 之一' }));
    if (!/^\s*-?\d+(\.\d+)?\s*$/.test(String(e.threshold))) problems.push(problem('schema.format', `events[${k}].threshold`, e.threshold, { en: 'a decimal number as a string, e.g. "0" or "1.2"', zh: '小数字符串，如 "0" 或 "1.2"' }));
  });
  if (problems.length || !outs.ok || !ser.ok) return { ok: false, problems };
  // Before the scenario is prepared and run: every series has at least one month.
  const early = keptBreach(plan.runs, outs.outputs.length, inputs.length, ser.outputs.length, 1);
  if (early) return { ok: false, problems: [early] };
  // The base scenario must run: its problems are the plan's problems, and it gives the periods.
  let model: IncrementalModel | undefined;
  let periods: string[];
  if (options.forRuns !== false && editsVariants(inputs.map((i) => i.input))) {
    const made = IncrementalModel.create(plan.scenario, { transient: true });
    if (!made.ok) return { ok: false, problems: [...made.problems] };
    model = made.model;
    periods = [...model.model.periodLabels];
  } else {
    const base = prepare(plan.scenario);
    if (!base.ok) return { ok: false, problems: base.problems };
    periods = [...base.model.periodLabels];
  }
  const tooMany = keptBreach(plan.runs, outs.outputs.length, inputs.length, ser.outputs.length, periods.length);
  if (tooMany) return { ok: false, problems: [tooMany] };
  return { ok: true, compiled: { plan, inputs, cholesky: L, measures: outs.outputs, series: ser.outputs, periods, evaluate: evaluator(outs.outputs, ser.outputs), model } };
}

/** A plan whose runs would keep more than MAX_MC_NUMBERS_KEPT numbers, as its runs' problem (null within it). */
function keptBreach(runs: number, outputs: number, inputs: number, series: number, months: number): Problem | null {
  const kept = runs * (outputs + inputs + series * months);
  if (kept <= MAX_MC_NUMBERS_KEPT) return null;
  const limit = MAX_MC_NUMBERS_KEPT.toLocaleString('en').replace(/,/g, ' ');
  return problem('schema.range', 'runs', runs, {
    en: `runs × (${outputs} outputs + ${inputs} inputs + ${series} series × ${months} months) to keep at most ${limit} numbers (${MAX_MC_NUMBERS_KEPT * 8 / 1e6} MB); ${runs} runs would keep ${kept}: fewer runs or series`,
    zh: `次数 ×（${outputs} 个输出 + ${inputs} 个输入 + ${series} 条序列 × ${months} 个月）至多保存 ${limit} 个数（${MAX_MC_NUMBERS_KEPT * 8 / 1e6} MB）；${runs} 次需保存 ${kept} 个：请减少次数或序列`,
  });
}

/** The draws of run `index`: a function of (seed, index) only. */
export function drawInputs(c: CompiledPlan, index: number): Decimal[] {
  const rng = streamFor(c.plan.seed, index);
  const z = c.inputs.map(() => standardNormal(rng));
  const zc = c.cholesky ? c.cholesky.map((row) => row.reduce((s, l, k) => s + l * z[k], 0)) : z;
  return c.inputs.map((inp, k) => {
    const x = dec(fromNormal(inp.distribution, zc[k]).toFixed(inp.places));
    return inp.scale ? inp.input.base.times(x) : x;
  });
}

export interface ChunkResult {
  readonly from: number;
  readonly to: number;
  /** Per measure (outputs, then event outputs): one value per run, NaN where the run was refused. */
  readonly values: Float64Array[];
  /** Per series: (to − from) × periods values, run-major. */
  readonly series: Float64Array[];
  /** Per input: the value drawn (as a number, for summaries). */
  readonly draws: Float64Array[];
  readonly failed: number;
  /** The first few refusals, with the run and the inputs that caused them. */
  readonly failures: { run: number; inputs: (string | number)[]; message: string }[];
}

/** One variant evaluator per compiled plan: its model is prepared once, whatever the chunks. */
const VARIANTS = new WeakMap<CompiledPlan, (variant: unknown) => Evaluation>();

function variantsOf(c: CompiledPlan, resolved: readonly ResolvedInput[]): (variant: unknown) => Evaluation {
  let v = VARIANTS.get(c);
  if (!v) {
    v = variantEvaluator(c.evaluate, c.plan.scenario, resolved, c.model);
    VARIANTS.set(c, v);
  }
  return v;
}

/** Runs draws from…to−1. `onRun` is told after each run (progress). */
export function runChunk(c: CompiledPlan, from: number, to: number, onRun?: (done: number) => void): ChunkResult {
  const n = to - from;
  const nP = c.periods.length;
  const values = c.measures.map(() => new Float64Array(n));
  const series = c.series.map(() => new Float64Array(n * nP).fill(NaN));
  const draws = c.inputs.map(() => new Float64Array(n));
  const failures: ChunkResult['failures'] = [];
  let failed = 0;
  const resolved = c.inputs.map((i) => i.input);
  const evaluate = variantsOf(c, resolved);
  for (let k = 0; k < n; k++) {
    const xs = drawInputs(c, from + k);
    xs.forEach((x, i) => (draws[i][k] = x.toNumber()));
    const e = evaluate(applyInputs(c.plan.scenario, resolved, xs));
    if (e.ok) {
      for (let m = 0; m < values.length; m++) values[m][k] = e.values[m];
      for (let s = 0; s < series.length; s++) series[s].set(e.series[s].subarray(0, nP), k * nP);
    } else {
      failed++;
      for (let m = 0; m < values.length; m++) values[m][k] = NaN;
      if (failures.length < 5) failures.push({ run: from + k, inputs: xs.map((x, i) => formatInput(resolved[i], x)), message: e.problems[0]?.message.en ?? 'refused' });
    }
    onRun?.(k + 1);
  }
  return { from, to, values, series, draws, failed, failures };
}
