/**
 * A Lit reactive controller that keeps one analysis panel's latest answer. `request(key, job)`
 * asks the analysis worker only when the key (the scenario and the spec) changed, shows progress
 * while it runs, and draws only the answer to the newest request (older ones resolve null in the
 * client). `cancel()` stops the run; `rerun()` asks again for the same key. A panel taken off the
 * page cancels what it started.
 *
 *   private job = new AnalysisController(this, 'sweep');
 *   willUpdate() { this.job.request(`${scenarioKey}|${JSON.stringify(spec)}`, { kind: 'sweep', scenario, spec }); }
 *   render()     { this.job.reply?.status === 'done' ? … : this.job.running ? <lr-progress …> : … }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { analysis } from './analysis-client';
import type { AnalysisAnswer, AnalysisJob, AnalysisReply } from './analysis-protocol';

export class AnalysisController implements ReactiveController {
  /** The answer to the current key (null while it runs or before any). */
  reply: AnalysisReply | null = null;
  running = false;
  done = 0;
  total = 0;
  private key: string | null = null;
  private job: AnalysisJob | null = null;

  constructor(private host: ReactiveControllerHost, private channel: string) {
    host.addController(this);
  }

  hostConnected() {}

  /** The finished answer when it is of this kind (a tab asks only for its own). */
  answer<K extends AnalysisAnswer['kind']>(kind: K): Extract<AnalysisAnswer, { kind: K }> | null {
    const r = this.reply;
    return r?.status === 'done' && r.answer.kind === kind ? (r.answer as Extract<AnalysisAnswer, { kind: K }>) : null;
  }

  hostDisconnected() {
    if (this.running) {
      analysis().cancel(this.channel);
      this.key = null;
    }
  }

  get currentKey(): string | null {
    return this.key;
  }

  request(key: string, job: AnalysisJob): void {
    if (key === this.key) return;
    this.key = key;
    this.job = job;
    const kept = analysis().cached(key);
    if (kept) {
      // Back to an answer already had: whatever was running for another key is not wanted.
      if (this.running) analysis().cancel(this.channel);
      this.reply = kept;
      this.running = false;
      return;
    }
    this.start(key, job);
  }

  rerun(): void {
    if (this.key !== null && this.job) this.start(this.key, this.job);
  }

  cancel(): void {
    analysis().cancel(this.channel);
  }

  private start(key: string, job: AnalysisJob) {
    this.reply = null;
    this.running = true;
    this.done = 0;
    this.total = 0;
    void analysis()
      .run(this.channel, key, job, (done, total) => {
        if (this.key !== key) return;
        this.done = done;
        this.total = total;
        this.host.requestUpdate();
      })
      .then((reply) => {
        if (reply === null || this.key !== key) return;
        this.reply = reply;
        this.running = false;
        this.host.requestUpdate();
      });
  }
}
