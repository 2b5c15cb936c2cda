/**
 * The engine in a Web Worker, so a moved slider never freezes the page. It prepares, runs and
 * reports the scenarios it is sent and keeps the last few runs' ledgers for traces. Each channel
 * keeps the model of its last scenario, so a moved control is an edit that rebuilds only what
 * it reaches (a split ratio re-splits the finished run) — the same Result as preparing afresh. When several
 * requests of one channel are waiting, only the newest is computed: the older ones are answered
 * as superseded without running (the page would not draw them anyway).
 */
import { prepare } from '../engine/scenario/normalize';
import { run, type RunOutput } from '../engine/run';
import { IncrementalModel, scenarioEdits } from '../engine/incremental/index';
import type { Problem } from '../engine/problem';
import { postingRows, report, type PartialResult, type PostingRow, type View } from '../engine/report';
import { diffTotals } from './lib/compare';
import { traceQuery } from './lib/trace';
import { buildReport, sensitivityRuns, type ReportKind } from '../engine/reports/index';
import type { ReportReply, RunReply, WorkerRequest, WorkerResponse } from './lib/protocol';
import type { Result } from '../engine/report';
import { warmVariants } from './engine-warmup';

interface Kept { out: RunOutput }
const kept = new Map<number, Kept>();
const KEEP = 12;
let nextRunId = 1;

/** Per channel, the model of its last scenario: a moved control is an edit of it (engine/incremental). */
const models = new Map<string, IncrementalModel>();

/** The run of `scenario`: an edit of the channel's model when the two differ in a few fields, else prepared afresh. */
function runOf(channel: string, scenario: unknown): { ok: true; out: RunOutput } | { ok: false; problems: readonly Problem[] } {
  const model = models.get(channel);
  const edits = model ? scenarioEdits(model.scenario, scenario) : null;
  if (model && edits) {
    const edited = model.editAll(edits);
    return edited.ok ? { ok: true, out: model.output } : edited;
  }
  const created = IncrementalModel.create(scenario);
  if (!created.ok) return created;
  models.set(channel, created.model);
  return { ok: true, out: created.model.output };
}

/** A run of the scenario, reported whole or only in the views the page asked for. */
function runOne(scenario: unknown, channel: string): RunReply;
function runOne(scenario: unknown, channel: string, views: readonly View[] | undefined): RunReply<Result | PartialResult<View>>;
function runOne(scenario: unknown, channel: string, views?: readonly View[]): RunReply<Result | PartialResult<View>> {
  const t0 = performance.now();
  try {
    const r = runOf(channel, scenario);
    if (!r.ok) return { ok: false, problems: [...r.problems], ms: performance.now() - t0 };
    const out = r.out;
    const result = views ? report(out, { views }) : report(out);
    const runId = nextRunId++;
    kept.set(runId, { out });
    if (kept.size > KEEP) kept.delete(kept.keys().next().value as number);
    return { ok: true, result, runId, ms: performance.now() - t0 };
  } catch (e) {
    // An engine assertion: report it as a value so the page can show it, never crash the worker.
    const error = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [], ms: performance.now() - t0, error };
  }
}

function reportOne(scenario: unknown, kind: ReportKind, year: number | undefined): ReportReply {
  const t0 = performance.now();
  try {
    const prepared = prepare(scenario);
    if (!prepared.ok) return { ok: false, problems: prepared.problems, ms: performance.now() - t0 };
    const result = report(run(prepared.model), { postings: true });
    const sensitivity = kind === 'balance' ? sensitivityRuns(scenario as Record<string, unknown>) : [];
    return { ok: true, report: buildReport(kind, result, { year, sensitivity }), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: [], ms: performance.now() - t0, error: e instanceof Error ? e.message : String(e) };
  }
}

function handle(req: WorkerRequest): WorkerResponse {
  switch (req.type) {
    case 'run':
      return { type: 'run', seq: req.seq, channel: req.channel, reply: runOne(req.scenario, req.channel, req.views) };
    case 'compare': {
      const a = runOne(req.a, `${req.channel}:a`);
      const b = runOne(req.b, `${req.channel}:b`);
      const diff = a.ok && b.ok ? diffTotals(a.result, b.result) : [];
      return { type: 'compare', seq: req.seq, channel: req.channel, a, b, diff };
    }
    case 'sweep':
      return { type: 'sweep', seq: req.seq, channel: req.channel, replies: req.scenarios.map((sc) => runOne(sc, req.channel, req.views)) };
    case 'report':
      return { type: 'report', seq: req.seq, channel: req.channel, reply: reportOne(req.scenario, req.kind, req.year) };
    case 'trace': {
      const k = kept.get(req.runId);
      if (!k) return { type: 'trace', seq: req.seq, channel: req.channel, answer: null, error: 'run no longer kept; move a control to rerun' };
      try {
        return { type: 'trace', seq: req.seq, channel: req.channel, answer: traceQuery(k.out, req.query) };
      } catch (e) {
        return { type: 'trace', seq: req.seq, channel: req.channel, answer: null, error: e instanceof Error ? e.message : String(e) };
      }
    }
  }
}

// Newest-only per channel: requests wait in `pending` until the event loop is free.
const pending = new Map<string, WorkerRequest>();
let scheduled = false;

function drain() {
  scheduled = false;
  const batch = [...pending.values()];
  pending.clear();
  for (const req of batch) {
    const res = handle(req);
    self.postMessage(res);
    if (req.type === 'run' && res.type === 'run' && res.reply.ok && !warmed) startWarmUp(req.channel, req.scenario, req.views, res.reply.ms);
  }
}

/*
 * The warm-up (engine-warmup.ts): once per worker, after its first run, as edits of that run's own
 * model, which the last step edits back to the scenario the page sent. A request of the channel
 * meanwhile ends it: the model is then the page's again (each request is diffed against whatever
 * scenario the model holds, so a warm-up edit never shows in a result). A first run slower than
 * WARM_UP_LIMIT_MS is a scenario whose edits would be slow too: a moved slider would wait for a
 * warm-up step, so there is none.
 */
const WARM_UP_LIMIT_MS = 250;
let warmed = false;
let warming: { channel: string; steps: unknown[]; views: readonly View[] | undefined; left: unknown } | null = null;

function startWarmUp(channel: string, scenario: unknown, views: readonly View[] | undefined, firstRunMs: number) {
  warmed = true;
  if (firstRunMs > WARM_UP_LIMIT_MS) return;
  const steps = warmVariants(scenario);
  if (steps.length === 0) return;
  warming = { channel, steps: [...steps, scenario], views, left: models.get(channel)?.scenario };
  setTimeout(warmStep, 0);
}

function warmStep() {
  const w = warming;
  if (!w) return;
  const model = models.get(w.channel);
  const next = w.steps.shift();
  // A request of the channel came first: the model is the page's now.
  if (next === undefined || !model || model.scenario !== w.left || pending.has(w.channel)) {
    warming = null;
    return;
  }
  try {
    const r = runOf(w.channel, next);
    if (r.ok && w.steps.length > 0) void (w.views ? report(r.out, { views: w.views }) : report(r.out));
  } catch {
    // A scenario the engine rejects warms nothing more; its real run reports why.
  }
  const after = models.get(w.channel);
  w.left = after?.scenario;
  setTimeout(warmStep, 0);
}

self.addEventListener('message', (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  const key = req.type === 'trace' ? `trace:${req.channel}` : req.channel;
  pending.set(key, req);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
});
