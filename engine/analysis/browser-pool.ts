/**
 * Monte Carlo in the browser: Web Workers behind the same pool as Node's worker threads, so a
 * notebook page gets the same numbers as the CLI for the same seed. DOM-free: it needs only the
 * Worker constructor (a page or another worker has it).
 *
 *   import { browserSpawner } from '../../engine/analysis/browser-pool';
 *   const controller = new AbortController();
 *   const outcome = await monteCarlo(plan, {
 *     threads: navigator.hardwareConcurrency - 1, spawn: browserSpawner(),
 *     onProgress: (done, total) => (this.progress = done / total), signal: controller.signal,
 *   });                                   // cancel button: controller.abort()
 *
 * The worker is engine/analysis/mc-worker.ts, started as a module worker; Vite bundles it from the
 * `new URL(…, import.meta.url)` below. Pass another URL if the page ships its own worker file.
 */
import type { Spawn, WorkerPort } from './pool';
import type { FromWorker, ToWorker } from './worker-protocol';

export function browserSpawner(url?: URL | string): Spawn {
  return (): WorkerPort => {
    // Written as one expression so that Vite sees the worker and bundles it.
    const w = url ? new Worker(url, { type: 'module' }) : new Worker(new URL('./mc-worker.ts', import.meta.url), { type: 'module' });
    return {
      post: (m: ToWorker) => w.postMessage(m),
      onMessage: (listener) => w.addEventListener('message', (e: MessageEvent<FromWorker>) => listener(e.data)),
      onError: (listener) => w.addEventListener('error', (e: ErrorEvent) => listener(new Error(e.message || 'worker failed'))),
      terminate: () => w.terminate(),
    };
  };
}
