/**
 * The analysis worker: sweeps, tornadoes, solve-for presets, the stress table and Monte Carlo run
 * here, never on the page's thread. Each job calls the engine's analysis function as the CLI does
 * (engine/analysis), so the page shows the CLI's numbers. A Monte Carlo is driven from here on
 * the engine's browser pool: with `threads` > 1 its runs go to nested Web Workers
 * (engine/analysis/mc-worker.ts), chunk by chunk, the same runs for the same seed on any number
 * of them; a `cancel` message aborts it between chunks. Sweeps and the rest are synchronous: the
 * page stops a superseded one by ending this worker and starting another (analysis-client.ts).
 */
import { browserSpawner, monteCarlo, seek, solvePreset, stressOutputs, sweep, tornado } from '../engine/analysis/index';
import type { AnalysisAnswer, AnalysisJob, AnalysisMessage, AnalysisRequest, SolveAnswer } from './lib/analysis-protocol';

const post = (m: AnalysisMessage) => self.postMessage(m);
const running = new Map<number, AbortController>();

/** Progress at most every 80 ms (and always at the end), so the page redraws calmly. */
function progressPoster(seq: number): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < 80) return;
    last = now;
    post({ type: 'progress', seq, done, total });
  };
}

async function handle(seq: number, job: AnalysisJob): Promise<AnalysisAnswer> {
  const progress = progressPoster(seq);
  switch (job.kind) {
    case 'sweep':
      return { kind: 'sweep', outcome: sweep(job.scenario, job.spec) };
    case 'tornado':
      return { kind: 'tornado', outcome: tornado(job.scenario, job.spec) };
    case 'stress': {
      const r = stressOutputs(job.scenario, job.outputs);
      return { kind: 'stress', outcome: r.ok ? { ok: true, result: { outputs: r.outputs, rows: r.rows } } : r };
    }
    case 'solve': {
      const answers: SolveAnswer[] = [];
      job.presets.forEach((preset, i) => {
        progress(i, job.presets.length);
        const p = solvePreset(job.scenario, preset, {});
        if (!p.ok) return void answers.push({ preset, ok: false, problems: p.problems });
        const r = seek(job.scenario, p.solve.spec, p.solve.input);
        answers.push(r.ok ? { preset, ok: true, question: p.solve.question, spec: p.solve.spec, result: r.result } : { preset, ok: false, problems: r.problems });
      });
      progress(job.presets.length, job.presets.length);
      return { kind: 'solve', answers };
    }
    case 'mc': {
      const controller = new AbortController();
      running.set(seq, controller);
      try {
        const threads = Math.max(1, job.threads);
        const outcome = await monteCarlo(job.plan, { threads, spawn: threads > 1 ? browserSpawner() : undefined, signal: controller.signal, onProgress: progress });
        return { kind: 'mc', outcome, threads: outcome.ok ? outcome.threads : threads };
      } finally {
        running.delete(seq);
      }
    }
  }
}

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') return void running.get(m.seq)?.abort();
  const t0 = performance.now();
  handle(m.seq, m.job).then(
    (answer) => post({ type: 'answer', seq: m.seq, answer, ms: performance.now() - t0 }),
    // An engine assertion: reported as a value so the page can show it; the worker lives on.
    (err: unknown) => post({ type: 'error', seq: m.seq, message: err instanceof Error ? err.message : String(err) }),
  );
};
