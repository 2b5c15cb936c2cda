/**
 * Monte Carlo on child processes: the same protocol as the worker threads (cli/analysis-worker.ts,
 * engine/analysis/worker-protocol.ts), over a forked Node's IPC channel with structured clone
 * (`serialization: 'advanced'`, so a chunk's Float64Arrays cross as they are). Two processes run
 * the draws about 1.5× as fast as one; two worker threads in one process barely 1.1–1.3×, as the
 * threads share one process's heap, allocator and garbage collector's helpers.
 *
 * This file is both sides. Imported, it gives `processSpawner()`, which forks this same module —
 * the built JavaScript as it is (build/, see scripts/build-cli.ts), or this TypeScript file with
 * tsx's loader. Forked with CHILD_FLAG, it serves chunks until its parent says stop, kills it or
 * goes away (the IPC channel closes: a child never outlives its parent's run).
 *
 *   await monteCarlo(plan, { threads: 2, spawn: processSpawner() })
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analysisWorkerHandler, type FromWorker, type ToWorker } from '../engine/analysis/worker-protocol';
import type { Spawn, WorkerPort } from '../engine/analysis/pool';

const CHILD_FLAG = '--lrsim-analysis-child';

/**
 * The semi-space of a child's young generation. A draw allocates a few hundred KB that die with
 * the next draw while the model lives on; each scavenge copies the live model, so fewer, larger
 * nurseries make garbage collection a smaller share of a draw (worker threads get the same from
 * `maxYoungGenerationSizeMb`).
 */
const SEMI_SPACE_MB = 32;

/** The last characters a child wrote on stderr, quoted when it dies. */
const STDERR_KEPT = 2000;

/** A child seen from the driver; `pid` lets a caller (a test) see it end. */
export interface ProcessPort extends WorkerPort {
  readonly pid: number | undefined;
}

/** Children still running, killed if this process exits before a run has ended them. */
const live = new Set<ChildProcess>();
let exitHookSet = false;

function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookSet) return;
  exitHookSet = true;
  process.once('exit', () => { for (const c of live) c.kill('SIGKILL'); });
}

/**
 * Node's flags for a child: its young generation; garbage collection on the child's own thread
 * (children run beside each other, one a core: V8's helper threads only take a sibling's core, and
 * 10 000 draws on two children took 8.0–8.1 s with them off against 8.5–8.6 s on), and tsx's
 * loader when this file is TypeScript.
 */
function childArgv(file: string): string[] {
  const argv = [`--max-semi-space-size=${SEMI_SPACE_MB}`, '--single-threaded-gc'];
  // tsx's ES module loader, as `--import tsx` on a command line, resolved from this file (not the
  // working directory); the child then loads this file as an ES module, like the main thread.
  if (file.endsWith('.ts')) argv.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  return argv;
}

function startChild(): ChildProcess {
  const file = fileURLToPath(import.meta.url);
  const child = fork(file, [CHILD_FLAG], { execArgv: childArgv(file), serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  killOnExit(child);
  return child;
}

export function processSpawner(): Spawn {
  return (): ProcessPort => {
    const child = startChild();
    let stopped = false;
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => { stderr = (stderr + s).slice(-STDERR_KEPT); });
    const errorListeners: ((e: Error) => void)[] = [];
    const fail = (e: Error) => { if (!stopped) for (const l of errorListeners) l(e); };
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      fail(new Error(`the worker process ${how} before its runs were done${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
    });
    return {
      pid: child.pid,
      post: (m: ToWorker) => {
        // A message to a child that has just died fails here; its exit is the error reported.
        if (child.connected) child.send(m, (e) => { if (e) fail(e); });
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
      onError: (listener) => { errorListeners.push(listener); },
      terminate: () => {
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
  };
}

if (process.argv.includes(CHILD_FLAG) && typeof process.send === 'function') {
  const send = process.send.bind(process);
  // A send after the parent has gone fails through its callback, not as an unhandled 'error'.
  const handle = analysisWorkerHandler((m) => void send(m, undefined, undefined, () => {}));
  process.on('message', (m) => handle(m as ToWorker));
  // Ctrl-C reaches the whole process group: the parent cancels and ends its children itself.
  process.on('SIGINT', () => {});
  // The parent gone (ended, killed, crashed): nothing is left to run for.
  process.on('disconnect', () => process.exit(0));
}
