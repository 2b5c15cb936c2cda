/**
 * The messages between a Monte Carlo driver and its workers — Node worker threads or browser Web
 * Workers alike. A worker gets the plan once, then chunks of run indices; it answers with progress
 * and each chunk's result. The handler is pure: the host only wires `post` and incoming messages.
 *
 *   main → worker   {type: 'plan', plan}  then  {type: 'chunk', id: 3, from: 750, to: 1000}
 *   worker → main   {type: 'ready'} | {type: 'progress', id: 3, done: 25} | {type: 'result', id: 3, chunk}
 *
 * A browser worker file is two lines:
 *   import { analysisWorkerHandler } from '../engine/analysis/worker-protocol';
 *   const handle = analysisWorkerHandler((m, t) => postMessage(m, { transfer: t })); onmessage = (e) => handle(e.data);
 */
import type { Problem } from '../index';
import { compilePlan, runChunk, type ChunkResult, type CompiledPlan, type McPlan } from './monte-carlo';

export type ToWorker = { readonly type: 'plan'; readonly plan: McPlan } | { readonly type: 'chunk'; readonly id: number; readonly from: number; readonly to: number };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'problems'; readonly problems: readonly Problem[] }
  | { readonly type: 'progress'; readonly id: number; readonly done: number }
  | { readonly type: 'result'; readonly id: number; readonly chunk: ChunkResult }
  | { readonly type: 'error'; readonly message: string };

/** Buffers a chunk result can hand over without copying. */
export function transferables(chunk: ChunkResult): ArrayBuffer[] {
  return [...chunk.values, ...chunk.series, ...chunk.draws].map((a) => a.buffer as ArrayBuffer);
}

export function analysisWorkerHandler(post: (message: FromWorker, transfer?: ArrayBuffer[]) => void): (message: ToWorker) => void {
  let compiled: CompiledPlan | null = null;
  return (message) => {
    try {
      if (message.type === 'plan') {
        const c = compilePlan(message.plan);
        if (!c.ok) return post({ type: 'problems', problems: c.problems });
        compiled = c.compiled;
        return post({ type: 'ready' });
      }
      if (!compiled) return post({ type: 'error', message: 'chunk before plan' });
      const { id, from, to } = message;
      const every = Math.max(1, Math.floor((to - from) / 10));
      let reported = 0;
      const chunk = runChunk(compiled, from, to, (done) => {
        if (done - reported >= every) { post({ type: 'progress', id, done: done - reported }); reported = done; }
      });
      if (to - from > reported) post({ type: 'progress', id, done: to - from - reported });
      post({ type: 'result', id, chunk }, transferables(chunk));
    } catch (e) {
      post({ type: 'error', message: (e as Error)?.stack ?? String(e) });
    }
  };
}
