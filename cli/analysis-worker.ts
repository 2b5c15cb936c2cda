/**
 * Monte Carlo workers in Node: `nodeSpawner()` gives child processes by default
 * (cli/analysis-process.ts: two processes run the draws about 1.5× as fast as one, two threads
 * of one process barely 1.1–1.3×), or worker threads with `nodeSpawner('thread')`. For threads
 * this file is both sides: imported on the main thread it starts workers on this same module —
 * the built JavaScript as it is (build/, see scripts/build-cli.ts), or this TypeScript file
 * through tsx; started as a worker it serves chunks with the engine's pure handler
 * (engine/analysis/worker-protocol.ts).
 *
 *   await monteCarlo(plan, { threads: 2, spawn: nodeSpawner() })
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analysisWorkerHandler, type FromWorker, type ToWorker } from '../engine/analysis/worker-protocol';
import type { Spawn, WorkerPort } from '../engine/analysis/pool';
import { processSpawner } from './analysis-process';

const TAG = 'lrsim-analysis-worker';

/**
 * A worker's first lines: register tsx's ES module hooks (what `--import tsx` registers on the
 * main thread; Node 20 workers neither inherit the hooks nor take `--import` in execArgv), then
 * import this file. As ES modules, like the main thread, not through tsx's CommonJS transform: there
 * each call into another module reads a getter of that module's exports, and a draw makes
 * hundreds of thousands of such calls — a worker's runs cost about a fifth more CPU than the
 * same runs on the main thread.
 */
function bootstrap(): string {
  // import.meta.resolve is there when this file runs as an ES module (the project's way); a script
  // that loads it through tsx's CommonJS transform has only require's resolution.
  const api = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
}

/**
 * The young generation a worker's heap gets. A draw builds a model and a ledger that live until
 * the next draw replaces them; with V8's default young generation a scavenge comes every few draws
 * and copies the live draw, so garbage collection is a large share of a draw's time and its
 * helper threads take the core the other worker needs. A larger nursery collects less often.
 */
const YOUNG_GENERATION_MB = 96;

/** A worker on this module: bundled, it is plain JavaScript that Node loads as it is. */
function startWorker(): Worker {
  const options = { workerData: { tag: TAG }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
  if (import.meta.url.endsWith('.ts')) return new Worker(bootstrap(), { ...options, eval: true });
  return new Worker(new URL(import.meta.url), options);
}

/** Where a Node Monte Carlo runs its chunks: separate processes (the default) or threads of this one. */
export type NodeWorkerKind = 'process' | 'thread';

export function nodeSpawner(kind: NodeWorkerKind = 'process'): Spawn {
  return kind === 'process' ? processSpawner() : threadSpawner();
}

function threadSpawner(): Spawn {
  return (): WorkerPort => {
    const w = startWorker();
    return {
      post: (m: ToWorker) => w.postMessage(m),
      onMessage: (listener) => w.on('message', (m: FromWorker) => listener(m)),
      onError: (listener) => {
        w.on('error', listener);
        w.on('exit', (code) => { if (code !== 0) listener(new Error(`worker exited with code ${code}`)); });
      },
      terminate: () => void w.terminate(),
    };
  };
}

if (!isMainThread && parentPort && (workerData as { tag?: string } | null)?.tag === TAG) {
  const port = parentPort;
  const handle = analysisWorkerHandler((m, transfer) => port.postMessage(m, transfer ?? []));
  port.on('message', (m: ToWorker) => handle(m));
}
