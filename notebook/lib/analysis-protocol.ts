/**
 * Messages between the 情景分析 page and its analysis worker (notebook/analysis-worker.ts). A job
 * is plain JSON — the scenario and a spec the engine's analysis functions take as they are — so
 * the page sends it by structured clone and gets the engine's own answer back:
 *
 *   page → worker   {type: 'job', seq: 7, job: {kind: 'sweep', scenario, spec: {axes, outputs}}}
 *                   {type: 'cancel', seq: 7}          (Monte Carlo hears it between chunks)
 *   worker → page   {type: 'progress', seq: 7, done: 480, total: 2000}
 *                   {type: 'answer', seq: 7, answer: {kind: 'sweep', outcome}, ms: 812}
 *
 * A scenario or spec with problems is an answer (`outcome.ok === false`), never an exception.
 */
import type { McOutcome, McPlan, SeekResult, SeekSpec, SolvePresetName, StressOutputRow, SweepResult, SweepSpec, TornadoResult, TornadoSpec, OutputRef } from '../../engine/analysis/index';
import type { Problem } from '../../engine/problem';

export type AnalysisJob =
  | { readonly kind: 'sweep'; readonly scenario: unknown; readonly spec: SweepSpec }
  | { readonly kind: 'tornado'; readonly scenario: unknown; readonly spec: TornadoSpec }
  | { readonly kind: 'solve'; readonly scenario: unknown; readonly presets: readonly SolvePresetName[] }
  | { readonly kind: 'stress'; readonly scenario: unknown; readonly outputs: readonly string[] }
  | { readonly kind: 'mc'; readonly plan: McPlan; readonly threads: number };

type Outcome<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** One preset's answer: the engine's question and goal-seek result, or why the preset does not apply. */
export type SolveAnswer =
  | { readonly preset: SolvePresetName; readonly ok: true; readonly question: { zh: string; en: string }; readonly spec: SeekSpec; readonly result: SeekResult }
  | { readonly preset: SolvePresetName; readonly ok: false; readonly problems: readonly Problem[] };

export type AnalysisAnswer =
  | { readonly kind: 'sweep'; readonly outcome: Outcome<SweepResult> }
  | { readonly kind: 'tornado'; readonly outcome: Outcome<TornadoResult> }
  | { readonly kind: 'solve'; readonly answers: readonly SolveAnswer[] }
  | { readonly kind: 'stress'; readonly outcome: Outcome<{ outputs: OutputRef[]; rows: StressOutputRow[] }> }
  | { readonly kind: 'mc'; readonly outcome: McOutcome; readonly threads: number };

export type AnalysisRequest = { readonly type: 'job'; readonly seq: number; readonly job: AnalysisJob } | { readonly type: 'cancel'; readonly seq: number };

export type AnalysisMessage =
  | { readonly type: 'progress'; readonly seq: number; readonly done: number; readonly total: number }
  | { readonly type: 'answer'; readonly seq: number; readonly answer: AnalysisAnswer; readonly ms: number }
  | { readonly type: 'error'; readonly seq: number; readonly message: string };

/** What a page gets back for a job: the answer, a cancel, or a failure of the worker itself. */
export type AnalysisReply =
  | { readonly status: 'done'; readonly answer: AnalysisAnswer; readonly ms: number }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: string };
