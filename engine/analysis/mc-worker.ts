/**
 * The browser's Monte Carlo worker: the engine's pure chunk handler on a Web Worker's messages
 * (browser-pool.ts starts it). Node's worker threads use cli/analysis-worker.ts, the same handler.
 */
import { analysisWorkerHandler, type ToWorker } from './worker-protocol';

const scope = globalThis as unknown as { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const handle = analysisWorkerHandler((m, transfer) => scope.postMessage(m, transfer ?? []));
scope.onmessage = (e) => handle(e.data);
