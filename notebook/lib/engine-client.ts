/**
 * The page's side of the engine worker. `request(channel, …)` posts a message with the next
 * sequence number and resolves with the answer — or with null if a newer request of the same
 * channel was made meanwhile (that answer is never drawn). At most one request per channel is in
 * flight; while it runs, newer ones replace each other and only the last is sent, so dragging a
 * slider computes the positions the worker has time for and always ends on the last one.
 *
 * A request that takes longer than ENGINE_TIMEOUT_MS stops the worker (its runs are discarded) and
 * starts a fresh one; every waiting request is answered with what happened, so a page never shows
 * "计算中…" forever over the figures of the scenario before.
 */
import type { TraceAnswer, TraceQuery } from './trace';
import type { ReportReply, RunReply, WorkerRequest, WorkerResponse } from './protocol';
import type { ReportKind } from '../../engine/reports/report-table';
import type { PartialResult, View } from '../../engine/report';
import type { DiffRow } from './compare';

type Body =
  | { type: 'run'; scenario: unknown; views?: readonly View[] }
  | { type: 'compare'; a: unknown; b: unknown }
  | { type: 'sweep'; scenarios: unknown[]; views?: readonly View[] }
  | { type: 'trace'; runId: number; query: TraceQuery }
  | { type: 'report'; scenario: unknown; kind: ReportKind; year?: number };

interface Waiting { seq: number; body: Body; resolve: (r: WorkerResponse | null) => void }

/**
 * How long one request may take: the largest bundled scenario runs in well under a second in the
 * worker, a 10,000-parcel portfolio in a few; a minute means the worker is stuck, not busy.
 */
export const ENGINE_TIMEOUT_MS = 60_000;

export interface EngineClientOptions {
  /** Makes a worker (the first and each one after a time-out). */
  makeWorker?: () => Worker;
  timeoutMs?: number;
}

export class EngineClient {
  private worker: Worker;
  private readonly makeWorker: () => Worker;
  private readonly timeoutMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private latest = new Map<string, number>();
  private inFlight = new Map<string, Waiting>();
  private queued = new Map<string, Waiting>();
  /** Answers received, for the status line and tests. */
  stats = { sent: 0, answered: 0, dropped: 0, lastMs: 0 };

  constructor(options: EngineClientOptions = {}) {
    this.makeWorker = options.makeWorker ?? (() => new Worker(new URL('../engine-worker.ts', import.meta.url), { type: 'module' }));
    this.timeoutMs = options.timeoutMs ?? ENGINE_TIMEOUT_MS;
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = this.makeWorker();
    worker.addEventListener('message', (ev: MessageEvent<WorkerResponse>) => { if (worker === this.worker) this.receive(ev.data); });
    worker.addEventListener('error', (ev) => { if (worker === this.worker) this.fail(`the engine worker failed: ${ev.message || 'could not start'}`); });
    return worker;
  }

  /** The worker took too long: stop it, answer everyone waiting with why, and start a fresh one. */
  private timedOut() {
    this.timer = null;
    this.worker.terminate();
    const s = Math.round(this.timeoutMs / 1000);
    this.fail(`the engine took longer than ${s} s and was stopped; the figures shown before are cleared. Check the scenario (a huge table or timeline?) and try again / 引擎计算超过 ${s} 秒，已停止；先前的图表已清除。请检查情景（表格或测算期过大？）后重试`);
    this.worker = this.start();
  }

  /** (Re)arms the time-out while anything is in flight. */
  private arm() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = this.inFlight.size > 0 ? setTimeout(() => this.timedOut(), this.timeoutMs) : null;
  }

  /** A run of the scenario: the whole Result, or only the views named (a page asks for what it draws). */
  run(channel: string, scenario: unknown): Promise<RunReply | null>;
  run<V extends View>(channel: string, scenario: unknown, views: readonly V[]): Promise<RunReply<PartialResult<V>> | null>;
  run(channel: string, scenario: unknown, views?: readonly View[]): Promise<RunReply<unknown> | null> {
    return this.request(channel, { type: 'run', scenario, views }).then((r) => (r && r.type === 'run' ? r.reply : null));
  }

  compare(channel: string, a: unknown, b: unknown): Promise<{ a: RunReply; b: RunReply; diff: DiffRow[] } | null> {
    return this.request(channel, { type: 'compare', a, b }).then((r) => (r && r.type === 'compare' ? { a: r.a, b: r.b, diff: r.diff } : null));
  }

  sweep(channel: string, scenarios: unknown[]): Promise<RunReply[] | null>;
  sweep<V extends View>(channel: string, scenarios: unknown[], views: readonly V[]): Promise<RunReply<PartialResult<V>>[] | null>;
  sweep(channel: string, scenarios: unknown[], views?: readonly View[]): Promise<RunReply<unknown>[] | null> {
    return this.request(channel, { type: 'sweep', scenarios, views }).then((r) => (r && r.type === 'sweep' ? r.replies : null));
  }

  report(channel: string, scenario: unknown, kind: ReportKind, year?: number): Promise<ReportReply | null> {
    return this.request(channel, { type: 'report', scenario, kind, year }).then((r) => (r && r.type === 'report' ? r.reply : null));
  }

  trace(runId: number, query: TraceQuery): Promise<{ answer: TraceAnswer | null; error?: string } | null> {
    return this.request('trace', { type: 'trace', runId, query }).then((r) => (r && r.type === 'trace' ? { answer: r.answer, error: r.error } : null));
  }

  private request(channel: string, body: Body): Promise<WorkerResponse | null> {
    const seq = ++this.seq;
    this.latest.set(channel, seq);
    return new Promise((resolve) => {
      const w: Waiting = { seq, body, resolve };
      if (this.inFlight.has(channel)) {
        const old = this.queued.get(channel);
        if (old) { this.stats.dropped++; old.resolve(null); }
        this.queued.set(channel, w);
      } else {
        this.send(channel, w);
      }
    });
  }

  private send(channel: string, w: Waiting) {
    this.inFlight.set(channel, w);
    this.stats.sent++;
    // Scenarios are plain JSON data; structured clone copies them to the worker.
    this.worker.postMessage({ ...w.body, seq: w.seq, channel } as WorkerRequest);
    this.arm();
  }

  /** A worker that cannot run answers every waiting run with the failure, so no page waits forever. */
  private fail(error: string) {
    for (const [channel, w] of [...this.inFlight, ...this.queued]) {
      const seq = w.seq;
      const reply = { ok: false as const, problems: [], ms: 0, error };
      const res: WorkerResponse = w.body.type === 'trace'
        ? { type: 'trace', seq, channel, answer: null, error }
        : w.body.type === 'compare' ? { type: 'compare', seq, channel, a: reply, b: reply, diff: [] }
        : w.body.type === 'sweep' ? { type: 'sweep', seq, channel, replies: [] }
        : w.body.type === 'report' ? { type: 'report', seq, channel, reply }
        : { type: 'run', seq, channel, reply };
      w.resolve(res);
    }
    this.inFlight.clear();
    this.queued.clear();
    this.arm();
  }

  private receive(res: WorkerResponse) {
    const channel = res.type === 'trace' ? 'trace' : res.channel;
    const w = this.inFlight.get(channel);
    if (!w || w.seq !== res.seq) return;
    this.inFlight.delete(channel);
    this.arm();
    this.stats.answered++;
    if (res.type === 'run' ) this.stats.lastMs = res.reply.ms;
    w.resolve(this.latest.get(channel) === res.seq ? res : null);
    const next = this.queued.get(channel);
    if (next) {
      this.queued.delete(channel);
      this.send(channel, next);
    }
  }
}

let shared: EngineClient | null = null;
/** The page's one worker. */
export function engine(): EngineClient {
  shared ??= new EngineClient();
  return shared;
}
