/**
 * Running a Monte Carlo plan on any number of threads: the runs are cut into chunks that idle
 * workers take in turn; results are merged by run index, so 1 thread or 8 give the same answer.
 * Environment-free: the host supplies `spawn` (Node child processes or worker threads in cli/analysis-worker.ts, Web
 * Workers in browser-pool.ts); without it, or with threads ≤ 1, chunks run on this thread,
 * yielding between chunks so progress shows and a cancel is heard.
 *
 *   await monteCarlo(plan, { threads: 2, spawn: nodeSpawner(), onProgress: (done, total) => bar(done / total) })
 *   → { ok: true, result, threads: 2 } | { ok: false, problems } | { ok: false, cancelled: true }
 */
import type { Problem } from '../index';
import { MAX_MC_RUNS, compilePlan, runChunk, type ChunkResult, type CompiledPlan, type McPlan } from './monte-carlo';
import { summarize, type McResult } from './mc-summary';
import { MC_PLAN, shapeProblems } from './spec-shape';
import type { FromWorker, ToWorker } from './worker-protocol';

/** A worker seen from the driver. */
export interface WorkerPort {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}

export type Spawn = () => WorkerPort;

export interface McRunOptions {
  /** Worker threads; ≤ 1 runs on the calling thread. Default 1. */
  readonly threads?: number;
  readonly spawn?: Spawn;
  /** Runs per chunk. Default: on workers, chunks that shrink toward the end (guidedChunks); on this thread, an eighth of the runs, at most 250. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /**
   * With workers: this thread runs draws too, beside threads − 1 workers, a few at a time between
   * their messages. For a host whose thread has nothing else to do (the CLI), not for a page,
   * whose thread draws. Default false.
   */
  readonly thisThreadRuns?: boolean;
}

export type McOutcome =
  | { readonly ok: true; readonly result: McResult; readonly threads: number }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly cancelled?: false }
  | { readonly ok: false; readonly cancelled: true; readonly problems?: undefined };

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A turn of the event loop, as short as the host allows (Node's setImmediate; elsewhere a timeout). */
const turn: () => Promise<void> = typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
  ? () => new Promise<void>((resolve) => (globalThis as unknown as { setImmediate(f: () => void): void }).setImmediate(resolve))
  : tick;

/** Draws this thread runs between two looks at the workers' messages (thisThreadRuns). */
const SLICE = 25;

/** Fixed-size chunks (a caller's `chunkSize`). */
function chunksOf(runs: number, size: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < runs; from += size) out.push({ from, to: Math.min(runs, from + size) });
  return out;
}

/**
 * Chunks that shrink as the runs left shrink (a quarter of each thread's share of what is left,
 * from 250 down to 10 runs, fewer for a small plan): big chunks early keep messages few, small ones at the end keep the
 * threads finishing together instead of one thread running a last big chunk alone.
 */
function guidedChunks(runs: number, threads: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const smallest = Math.max(1, Math.min(10, Math.ceil(runs / (threads * 8))));
  for (let from = 0; from < runs;) {
    const size = Math.max(smallest, Math.min(250, Math.ceil((runs - from) / (threads * 4))));
    out.push({ from, to: Math.min(runs, from + size) });
    from += size;
  }
  return out;
}

export async function monteCarlo(plan: McPlan, options: McRunOptions = {}): Promise<McOutcome> {
  // A plan of the wrong shape is answered here, before a worker is started for it.
  const shape = shapeProblems(plan, MC_PLAN);
  if (shape.length > 0) return { ok: false, problems: shape };
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const onWorkers = threads > 1 && !!options.spawn;
  const chunkSize = options.chunkSize;
  const chunks = (runs: number, n: number) => (chunkSize ? chunksOf(runs, chunkSize) : onWorkers ? guidedChunks(runs, n) : chunksOf(runs, Math.max(1, Math.min(250, Math.ceil(runs / 8)))));
  let done = 0;
  const progress = (n: number) => { done += n; options.onProgress?.(done, plan.runs); };
  if (onWorkers) return runOnWorkers(plan, chunks, threads, options.spawn!, progress, options.signal, !!options.thisThreadRuns);

  const compiled = compilePlan(plan);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const c = compiled.compiled;
  const results: ChunkResult[] = [];
  for (const ch of chunks(plan.runs, 1)) {
    if (options.signal?.aborted) return { ok: false, cancelled: true };
    let seen = 0;
    results.push(runChunk(c, ch.from, ch.to, (k) => { if (k - seen >= 25 || k === ch.to - ch.from) { progress(k - seen); seen = k; } }));
    await tick();
  }
  if (options.signal?.aborted) return { ok: false, cancelled: true };
  return { ok: true, result: summarize(c, results), threads: 1 };
}

/**
 * The workers are started and given the plan first; the plan is compiled here while they start
 * (its problems are the answer, and the summary needs it), so their start-up costs no extra time.
 * With thisThreadRuns, threads − 1 workers are started and this thread runs draws from the
 * moment its plan is compiled, while they start.
 */
function runOnWorkers(
  plan: McPlan,
  chunksFor: (runs: number, threads: number) => { from: number; to: number }[],
  threads: number,
  spawn: Spawn,
  progress: (n: number) => void,
  signal: AbortSignal | undefined,
  thisThreadRuns: boolean,
): Promise<McOutcome> {
  return new Promise((resolve) => {
    const workers: WorkerPort[] = [];
    const results: ChunkResult[] = [];
    // Runs out of range are the plan's problem (compilePlan below); until then, plan for one.
    const runs = Number.isInteger(plan.runs) && plan.runs >= 1 && plan.runs <= MAX_MC_RUNS ? plan.runs : 1;
    const chunks = chunksFor(runs, threads);
    const count = Math.min(threads, chunks.length);
    let next = 0;
    let finished = false;
    let c: CompiledPlan | null = null;
    const finish = (outcome: McOutcome) => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) w.terminate();
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, cancelled: true });
    if (signal?.aborted) return resolve({ ok: false, cancelled: true });
    signal?.addEventListener('abort', onAbort);
    const feed = (w: WorkerPort) => {
      if (next < chunks.length) {
        const ch = chunks[next];
        w.post({ type: 'chunk', id: next++, from: ch.from, to: ch.to });
      }
    };
    let done = 0;
    const collect = (chunk: ChunkResult) => {
      results.push(chunk);
      done += chunk.to - chunk.from;
      if (done === runs) finish({ ok: true, result: summarize(c!, results), threads: count });
    };
    // This thread's share (thisThreadRuns): chunks from the same list, a few draws at a time with
    // a turn of the event loop between for the workers' messages and a cancel; each worker holds a
    // second chunk meanwhile, so none waits on this thread to be given its next.
    const runHere = async () => {
      while (!finished && next < chunks.length) {
        const ch = chunks[next++];
        for (let from = ch.from; from < ch.to && !finished; from += SLICE) {
          const to = Math.min(ch.to, from + SLICE);
          const chunk = runChunk(c!, from, to);
          progress(to - from);
          collect(chunk);
          await turn();
        }
      }
    };
    const workerCount = thisThreadRuns ? count - 1 : count;
    const start = () => {
      for (let i = 0; i < workerCount; i++) {
        const w = spawn();
        workers.push(w);
        w.onError((e) => finish({ ok: false, problems: [workerProblem(e.message)] }));
        w.onMessage((m) => {
          if (finished) return;
          switch (m.type) {
            case 'ready':
              feed(w);
              return thisThreadRuns ? feed(w) : undefined;
            case 'problems': return finish({ ok: false, problems: m.problems });
            case 'error': return finish({ ok: false, problems: [workerProblem(m.message)] });
            case 'progress': return progress(m.done);
            case 'result':
              collect(m.chunk);
              return finished ? undefined : feed(w);
          }
        });
        w.post({ type: 'plan', plan });
      }
      // Here for its problems and the summary, and for this thread's own draws when it runs some.
      const compiled = compilePlan(plan, { forRuns: thisThreadRuns });
      if (!compiled.ok) return finish({ ok: false, problems: compiled.problems });
      c = compiled.compiled;
      // An engine failure here ends the run as a worker's would.
      if (thisThreadRuns) void runHere().catch((e: unknown) => finish({ ok: false, problems: [workerProblem(e instanceof Error ? e.message : String(e))] }));
    };
    // A worker that cannot be started or sent its plan, or a plan that cannot be compiled, ends the
    // run like a worker's error: every worker started so far is stopped, none is left running.
    try {
      start();
    } catch (e) {
      finish({ ok: false, problems: [workerProblem(e instanceof Error ? e.message : String(e))] });
    }
  });
}

/** An engine failure inside a worker: reported, not swallowed (it is a bug, not a user's mistake). */
function workerProblem(message: string): Problem {
  return {
    code: 'schema.format',
    path: '(worker)',
    expected: { en: 'a worker that runs to the end', zh: '正常运行的工作进程或线程' },
    message: { en: `a worker failed: ${message}`, zh: `工作进程或线程出错：${message}` },
  };
}
