/**
 * One point of an analysis: a scenario in, the chosen outputs out — prepare, run, then read each
 * output from the ledger (metrics.ts) where the fast path knows it, from report() otherwise.
 * A scenario the engine refuses is an answer too: its problems come back instead of values.
 *
 *   const evaluate = evaluator(['totals.valueAdded', 'totals.shares.province']);
 *   evaluate(hainan) → { ok: true, texts: ['796884300.00', '508766300.00'], values: [79688430000, 50876630000] }
 *   (texts are the Result's own strings; values are whole fen for money, numbers otherwise)
 */
import { assertRunInvariantsWithSums, dec, editKind, fenToYuan, getAt, IncrementalModel, type PathSegment, prepare, type Prepared, type Problem, report, type Result, run, type RunOutput } from '../index';
import { FUNDING_SECTIONS, LedgerMetrics, fastReader, fastSeriesReader, fundingView, coverageView, readsCoverageOnly, type FastReader, type FastSeriesReader } from './metrics';
import { measureText, parseOutput, readOutput, readSeries, toMeasure, type OutputRef } from './output';
import type { ResolvedInput } from './input';

export type Evaluation =
  | { readonly ok: true; readonly texts: (string | null)[]; readonly values: number[]; readonly series: Float64Array[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface EvaluatorOptions {
  /** Read every output from report() (the reference) instead of the ledger. Default false. */
  readonly viaReport?: boolean;
}

interface Compiled {
  readonly out: OutputRef;
  readonly fast: FastReader | null;
  readonly fastSeries: FastSeriesReader | null;
  /** Reads the funding views (bonds, zones, pool) without a full report. */
  readonly viaFunding?: boolean;
}

/** Parses output paths; throws nothing — bad paths come back as problems. */
export function parseOutputs(paths: readonly string[]): { ok: true; outputs: OutputRef[] } | { ok: false; problems: Problem[] } {
  const outputs: OutputRef[] = [];
  const problems: Problem[] = [];
  for (const p of paths) {
    const r = parseOutput(p);
    if (r.ok) outputs.push(r.output);
    else problems.push(...r.problems);
  }
  return problems.length ? { ok: false, problems } : { ok: true, outputs };
}

function compile(out: OutputRef, viaReport: boolean): Compiled {
  if (viaReport) return { out, fast: null, fastSeries: null };
  if ((FUNDING_SECTIONS as readonly unknown[]).includes(out.head[0])) return { out, fast: null, fastSeries: null, viaFunding: true };
  if (out.tail === null) return { out, fast: fastReader(out.head), fastSeries: null };
  const isPeriods = out.head.length === 1 && out.head[0] === 'periods';
  const series = isPeriods ? fastSeriesReader(out.tail) : null;
  if (!series) return { out, fast: null, fastSeries: null };
  if (out.aggregate === null) return { out, fast: null, fastSeries: series };
  if (out.aggregate === 'count') return { out, fast: null, fastSeries: null };
  const agg = out.aggregate;
  return {
    out,
    fastSeries: series,
    fast: (m) => {
      const s = series(m);
      let v = agg === 'min' ? Infinity : agg === 'max' ? -Infinity : 0;
      for (let i = 0; i < s.length; i++) v = agg === 'min' ? Math.min(v, s[i]) : agg === 'max' ? Math.max(v, s[i]) : v + s[i];
      return v;
    },
  };
}

/**
 * An evaluator of `outputs` (single figures or aggregates) and `series` (paths with [*]) for any
 * scenario. Money comes back as whole fen in `values` and as the Result's string in `texts`.
 */
export function evaluator(outputs: readonly OutputRef[], series: readonly OutputRef[] = [], options: EvaluatorOptions = {}) {
  const viaReport = !!options.viaReport;
  const single = outputs.map((o) => compile(o, viaReport));
  const multi = series.map((o) => compile(o, viaReport));
  const needsReport = single.some((c) => !c.fast && !c.viaFunding) || multi.some((c) => !c.fastSeries && !c.viaFunding);
  const funding = [...single, ...multi].filter((c) => c.viaFunding);
  // Coverage ratios alone are read from the run's bonds without the whole funding report.
  const view = funding.every((c) => readsCoverageOnly(c.out.head, c.out.tail)) ? coverageView : fundingView;
  const fromPrepared = (prepared: Prepared): Evaluation => {
    if (!prepared.ok) return { ok: false, problems: prepared.problems };
    return evaluateRun(run(prepared.model), single, multi, needsReport, view);
  };
  const fromRun = (out: RunOutput): Evaluation => evaluateRun(out, single, multi, needsReport, view);
  return Object.assign((scenario: unknown): Evaluation => fromPrepared(prepare(scenario)), { prepared: fromPrepared, run: fromRun });
}

export type Evaluator = ReturnType<typeof evaluator>;

/**
 * An evaluator of variants of `scenario` that differ from it only in `inputs`. When every input is
 * a field the incremental model has a shortcut for (the adjustments, split ratios and share
 * percentages, bond coupons), the scenario is prepared and run once and each variant is an edit
 * of it that rebuilds only what its inputs reach — the same answers as preparing each variant
 * whole (a variant the model refuses is evaluated whole, for its problems); otherwise each
 * variant is prepared. Each run's invariants are asserted in evaluateRun (run-invariants.ts).
 */
export function variantEvaluator(evaluate: Evaluator, scenario: unknown, inputs: readonly ResolvedInput[], made?: IncrementalModel): (variant: unknown) => Evaluation {
  const fields = inputs.map(editFieldOf);
  if (fields.some((f) => f === null)) return evaluate;
  let model = made;
  if (!model) {
    const created = IncrementalModel.create(scenario, { transient: true });
    if (!created.ok) return evaluate;
    model = created.model;
  }
  return (variant) => {
    const edits = fields.map((f) => ({ path: f!.path, value: getAt(variant, f!.segments) }));
    if (!model!.editAll(edits).ok) return evaluate(variant);
    return evaluate.run(model!.output);
  };
}

/** Whether variantEvaluator answers variants in these inputs by edits of one incremental model (else by preparing each). */
export function editsVariants(inputs: readonly ResolvedInput[]): boolean {
  return inputs.every((i) => editFieldOf(i) !== null);
}

/** The scenario field an input sets, when the incremental model has a shortcut for it. */
function editFieldOf(input: ResolvedInput): { path: string; segments: readonly PathSegment[] } | null {
  if (input.apply) return input.segments[0] === 'split' && input.segments[1] === 'sharePercent' ? { path: 'split.ratios', segments: ['split', 'ratios'] } : null;
  return editKind(input.segments).kind === 'scenario' ? null : { path: input.path, segments: input.segments };
}

type FundingViewOf = (m: LedgerMetrics) => unknown;

function evaluateRun(out: RunOutput, single: readonly Compiled[], multi: readonly Compiled[], needsReport: boolean, view: FundingViewOf): Evaluation {
  const metrics = new LedgerMetrics(out, assertRunInvariantsWithSums(out));
  const result: Result | null = needsReport ? report(out) : null;
  let fundingMade: unknown = null;
  const fundingOf = () => (fundingMade ??= view(metrics));
  const texts: (string | null)[] = [];
  const values: number[] = [];
  for (const c of single) {
    if (c.fast) {
      const v = c.fast(metrics);
      const ok = Number.isFinite(v);
      texts.push(ok ? (c.out.kind === 'money' ? fenToYuan(v) : String(v)) : null);
      values.push(ok ? v : NaN);
    } else {
      const t = readOutput(c.viaFunding ? fundingOf() : result, c.out);
      texts.push(t);
      values.push(t === null ? NaN : safeMeasure(c.out, t));
    }
  }
  const seriesOut: Float64Array[] = multi.map((c) => {
    if (c.fastSeries) return c.fastSeries(metrics);
    const s = readSeries(c.viaFunding ? fundingOf() : result, c.out);
    return Float64Array.from(s, (t) => (t === null ? NaN : safeMeasure(c.out, t)));
  });
  return { ok: true, texts, values, series: seriesOut };
}

/** A money output whose text is not whole fen (a field misread as money) keeps its fraction of a fen rather than failing the run. */
function safeMeasure(out: OutputRef, text: string): number {
  try {
    return toMeasure(out, text);
  } catch {
    return dec(text).times(out.kind === 'money' ? 100 : 1).toNumber();
  }
}

export { measureText };
