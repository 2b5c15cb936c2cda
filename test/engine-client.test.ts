/**
 * The notebook's engine client when the worker stalls: after the time-out every waiting page gets
 * an answer saying what happened (so "计算中…" never stays forever), the stuck worker is stopped,
 * a fresh one answers the next request; and a page whose scenario failed to load drops the
 * figures of the scenario before instead of showing them under the new name.
 */
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../notebook/lib/engine-client';
import { RunController } from '../notebook/lib/run-controller';
import type { WorkerRequest, WorkerResponse } from '../notebook/lib/protocol';

/** A stand-in for a Web Worker: `stuck` ones never answer, others answer every run at once. */
class FakeWorker extends EventTarget {
  terminated = false;
  received: WorkerRequest[] = [];
  constructor(private stuck: boolean) { super(); }
  postMessage(req: WorkerRequest) {
    this.received.push(req);
    if (this.stuck) return;
    const res: WorkerResponse = { type: 'run', seq: req.seq, channel: req.channel, reply: { ok: false, problems: [], ms: 1 } };
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: res })));
  }
  terminate() { this.terminated = true; }
}

describe('engine client time-out', () => {
  it('a stalled worker is stopped, the waiting run answered with the reason, the next run served by a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new EngineClient({ timeoutMs: 20, makeWorker: () => { const w = new FakeWorker(workers.length === 0); workers.push(w); return w as unknown as Worker; } });
    const reply = await client.run('funding', { id: 'huge' });
    expect(reply).not.toBeNull();
    expect(reply!.ok).toBe(false);
    expect(!reply!.ok && reply!.error).toMatch(/longer than .* and was stopped/);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const next = await client.run('funding', { id: 'small' });
    expect(next).toEqual({ ok: false, problems: [], ms: 1 });
    expect(workers[1].received.map((r) => r.seq)).toHaveLength(1);
  });

  it('a worker that answers in time is never stopped', async () => {
    const workers: FakeWorker[] = [];
    const client = new EngineClient({ timeoutMs: 50, makeWorker: () => { const w = new FakeWorker(false); workers.push(w); return w as unknown as Worker; } });
    for (let i = 0; i < 5; i++) await client.run('split', { i });
    await new Promise((r) => setTimeout(r, 80));
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
  });
});

describe('a page whose scenario failed to load', () => {
  it('drops the previous figures and the pending state', () => {
    const host = { loaded: { ok: false } as { ok: boolean } | null, addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
    const rc = new RunController(host, 'funding');
    rc.reply = { ok: true, result: {} as never, runId: 1, ms: 1 };
    rc.pending = true;
    rc.hostUpdate();
    expect(rc.reply).toBeNull();
    expect(rc.pending).toBe(false);
    host.loaded = { ok: true };
    rc.reply = { ok: true, result: {} as never, runId: 2, ms: 1 };
    rc.hostUpdate();
    expect(rc.reply).not.toBeNull();
  });
});
