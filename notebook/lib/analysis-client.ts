/**
 * The page's side of the analysis worker. Each channel (one per kind of analysis on the page) has
 * its own worker and at most one job in flight; a newer job supersedes it:
 *
 *   run('sweep', job₁) … run('sweep', job₂)   → job₁ resolves null (never drawn), job₂ runs
 *
 * A superseded Monte Carlo is told to cancel (it stops between chunks and ends its own workers);
 * a superseded sweep, tornado, solve or stress job cannot be interrupted, so its worker is ended
 * and a fresh one takes the new job. `cancel(channel)` does the same and resolves the job as
 * `{status: 'cancelled'}`. Finished answers are kept by key, so going back to a tab is instant.
 */
import type { AnalysisJob, AnalysisMessage, AnalysisReply, AnalysisRequest } from './analysis-protocol';

interface InFlight {
  seq: number;
  kind: AnalysisJob['kind'];
  resolve: (r: AnalysisReply | null) => void;
  onProgress?: (done: number, total: number) => void;
}

interface Channel { worker: Worker | null; job: InFlight | null }

const KEEP = 24;

export class AnalysisClient {
  private seq = 0;
  private channels = new Map<string, Channel>();
  private kept = new Map<string, AnalysisReply>();
  /** For the status line and tests. */
  stats = { started: 0, superseded: 0, cancelled: 0, workers: 0 };

  constructor(private spawn: () => Worker = () => new Worker(new URL('../analysis-worker.ts', import.meta.url), { type: 'module' })) {}

  /** A finished answer for this key, if one is kept. */
  cached(key: string): AnalysisReply | null {
    return this.kept.get(key) ?? null;
  }

  run(channel: string, key: string, job: AnalysisJob, onProgress?: (done: number, total: number) => void): Promise<AnalysisReply | null> {
    const ch = this.channel(channel);
    if (ch.job) {
      this.stats.superseded++;
      this.stop(ch, null);
    }
    const seq = ++this.seq;
    const worker = this.workerOf(channel, ch);
    this.stats.started++;
    return new Promise((resolve) => {
      ch.job = {
        seq,
        kind: job.kind,
        onProgress,
        resolve: (r) => {
          if (r?.status === 'done') {
            this.kept.set(key, r);
            if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value as string);
          }
          resolve(r);
        },
      };
      worker.postMessage({ type: 'job', seq, job } satisfies AnalysisRequest);
    });
  }

  /** Stops the channel's job, if any; it resolves as cancelled. */
  cancel(channel: string): void {
    const ch = this.channels.get(channel);
    if (!ch?.job) return;
    this.stats.cancelled++;
    this.stop(ch, { status: 'cancelled' });
  }

  private channel(name: string): Channel {
    let ch = this.channels.get(name);
    if (!ch) {
      ch = { worker: null, job: null };
      this.channels.set(name, ch);
    }
    return ch;
  }

  private workerOf(name: string, ch: Channel): Worker {
    if (ch.worker) return ch.worker;
    const w = this.spawn();
    this.stats.workers++;
    w.addEventListener('message', (e: MessageEvent<AnalysisMessage>) => this.receive(ch, e.data));
    w.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      const job = ch.job;
      ch.job = null;
      if (ch.worker === w) { w.terminate(); ch.worker = null; }
      job?.resolve({ status: 'failed', error: `the analysis worker failed (${name}): ${e.message || 'could not start'}` });
    });
    ch.worker = w;
    return w;
  }

  /** Ends the job in flight: a Monte Carlo hears a cancel; anything else loses its worker. */
  private stop(ch: Channel, reply: AnalysisReply | null) {
    const job = ch.job!;
    ch.job = null;
    if (job.kind === 'mc') ch.worker?.postMessage({ type: 'cancel', seq: job.seq } satisfies AnalysisRequest);
    else {
      ch.worker?.terminate();
      ch.worker = null;
    }
    job.resolve(reply);
  }

  private receive(ch: Channel, m: AnalysisMessage) {
    const job = ch.job;
    if (!job || job.seq !== m.seq) return;
    if (m.type === 'progress') return void job.onProgress?.(m.done, m.total);
    ch.job = null;
    if (m.type === 'error') return void job.resolve({ status: 'failed', error: m.message });
    if (m.answer.kind === 'mc' && !m.answer.outcome.ok && m.answer.outcome.cancelled) return void job.resolve({ status: 'cancelled' });
    job.resolve({ status: 'done', answer: m.answer, ms: m.ms });
  }
}

let shared: AnalysisClient | null = null;
/** The page's one analysis client. */
export function analysis(): AnalysisClient {
  shared ??= new AnalysisClient();
  return shared;
}
