/**
 * Monte Carlo on child processes (cli/analysis-process.ts): the same numbers as worker threads and
 * as the calling thread; a child that dies is an error the caller gets, not a hang; no child
 * outlives a run, whether it ends, is cancelled or fails.
 */
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { monteCarlo, type McPlan } from '../engine/analysis/index';
import type { Spawn } from '../engine/analysis/pool';
import { processSpawner, type ProcessPort } from '../cli/analysis-process';
import { nodeSpawner } from '../cli/analysis-worker';
import { composed } from './support/scenarios';

const bonds = composed('scenarios/hainan-bonds.json');

function plan(runs: number): McPlan {
  return {
    scenario: bonds,
    runs,
    seed: 11,
    inputs: [
      { path: 'adjustments.salePriceFactor', distribution: 'triangular(0.8, 1, 1.1)' },
      { path: 'adjustments.saleDelayMonths', distribution: 'uniform(0, 10) integer' },
      { path: 'adjustments.rateShiftBp', distribution: 'normal(0, 50) integer' },
    ],
    outputs: ['totals.valueAdded', 'min(bonds[*].coverageRatio)'],
    series: ['periods[*].treasuryBalance'],
    events: [{ output: 'min(bonds[*].coverageRatio)', op: '<', threshold: '1.6' }],
  };
}

/** A spawner that keeps the ports it made, to reach their processes. */
function watched(): { spawn: Spawn; ports: ProcessPort[] } {
  const inner = processSpawner();
  const ports: ProcessPort[] = [];
  return { ports, spawn: () => { const p = inner() as ProcessPort; ports.push(p); return p; } };
}

function running(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until none of the ports' processes runs (a killed child's exit takes a moment to reap). */
async function allEnded(ports: readonly ProcessPort[]): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!ports.some((p) => running(p.pid))) return true;
    await sleep(50);
  }
  return false;
}

/** A run of 2,000 draws on two threads whose first child is killed at the first progress: its outcome and the children. */
async function firstChildKilled(thisThreadRuns: boolean): Promise<{ outcome: Awaited<ReturnType<typeof monteCarlo>>; killed: boolean; ports: ProcessPort[] }> {
  const w = watched();
  let killed = false;
  const outcome = await monteCarlo(plan(2000), {
    threads: 2, spawn: w.spawn, thisThreadRuns, chunkSize: 10,
    onProgress: () => { if (!killed && w.ports[0]?.pid) { killed = true; process.kill(w.ports[0].pid, 'SIGKILL'); } },
  });
  return { outcome, killed, ports: w.ports };
}

describe('Monte Carlo on child processes', () => {
  it('gives the same result as worker threads and as one thread, and leaves no process behind', async () => {
    const w = watched();
    const processes = await monteCarlo(plan(120), { threads: 2, spawn: w.spawn, chunkSize: 13 });
    const threads = await monteCarlo(plan(120), { threads: 2, spawn: nodeSpawner('thread'), chunkSize: 7 });
    const inline = await monteCarlo(plan(120), { threads: 1 });
    if (!processes.ok || !threads.ok || !inline.ok) throw new Error('refused');
    expect(processes.threads).toBe(2);
    expect(w.ports).toHaveLength(2);
    expect(JSON.stringify(processes.result)).toBe(JSON.stringify(inline.result));
    expect(JSON.stringify(threads.result)).toBe(JSON.stringify(inline.result));
    expect(await allEnded(w.ports)).toBe(true);
  }, 120_000);

  it('with this thread running draws beside the children (the CLI): the same result, one child fewer, none left', async () => {
    const w = watched();
    let progressed = 0;
    const here = await monteCarlo(plan(120), { threads: 2, spawn: w.spawn, thisThreadRuns: true, onProgress: (done) => { progressed = done; } });
    const small = await monteCarlo(plan(120), { threads: 3, spawn: w.spawn, thisThreadRuns: true, chunkSize: 9 });
    const inline = await monteCarlo(plan(120), { threads: 1 });
    if (!here.ok || !small.ok || !inline.ok) throw new Error('refused');
    expect(here.threads).toBe(2);
    expect(small.threads).toBe(3);
    // One child for two threads, two for three: this thread is the other.
    expect(w.ports).toHaveLength(3);
    expect(progressed).toBe(120);
    expect(JSON.stringify(here.result)).toBe(JSON.stringify(inline.result));
    expect(JSON.stringify(small.result)).toBe(JSON.stringify(inline.result));
    expect(await allEnded(w.ports)).toBe(true);
  }, 120_000);

  it('with this thread running draws: a child that dies, a cancel and a plan refused each end the run and every child', async () => {
    const dying = await firstChildKilled(true);
    expect(dying.killed).toBe(true);
    expect(dying.ports).toHaveLength(1);
    if (dying.outcome.ok || dying.outcome.cancelled) throw new Error('expected a failure');
    expect(dying.outcome.problems[0].message.en).toMatch(/a worker failed: the worker process was killed by SIGKILL/);
    const cancelling = watched();
    const controller = new AbortController();
    const cancelled = await monteCarlo(plan(2000), { threads: 2, spawn: cancelling.spawn, thisThreadRuns: true, chunkSize: 10, signal: controller.signal, onProgress: (done) => { if (done >= 10) controller.abort(); } });
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.cancelled).toBe(true);
    const refusing = watched();
    const refused = await monteCarlo({ ...plan(100), outputs: ['totals.'] }, { threads: 2, spawn: refusing.spawn, thisThreadRuns: true });
    if (refused.ok || refused.cancelled) throw new Error('expected problems');
    expect(refused.problems.map((p) => p.path)).toContain('totals.');
    expect(await allEnded([...dying.ports, ...cancelling.ports, ...refusing.ports])).toBe(true);
  }, 120_000);

  it('a child that dies mid-run is reported as a failed worker, and the other child is ended', async () => {
    const { outcome: r, killed, ports } = await firstChildKilled(false);
    expect(killed).toBe(true);
    expect(r.ok).toBe(false);
    if (r.ok || r.cancelled) throw new Error('expected a failure');
    expect(r.problems[0].message.en).toMatch(/a worker failed: the worker process was killed by SIGKILL/);
    expect(ports).toHaveLength(2);
    expect(await allEnded(ports)).toBe(true);
  }, 120_000);

  it('a cancel ends every child', async () => {
    const w = watched();
    const controller = new AbortController();
    const r = await monteCarlo(plan(2000), { threads: 2, spawn: w.spawn, chunkSize: 10, signal: controller.signal, onProgress: (done) => { if (done >= 10) controller.abort(); } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.cancelled).toBe(true);
    expect(await allEnded(w.ports)).toBe(true);
  }, 120_000);

  it("a plan's problems come back from the children as problems", async () => {
    const w = watched();
    const r = await monteCarlo({ ...plan(100), outputs: ['totals.'] }, { threads: 2, spawn: w.spawn });
    expect(r.ok).toBe(false);
    if (r.ok || r.cancelled) throw new Error('expected problems');
    expect(r.problems.map((p) => p.path)).toContain('totals.');
    expect(await allEnded(w.ports)).toBe(true);
  }, 120_000);

  it('a spawn that throws after a child started fails the run and stops that child (no process left, no hang)', async () => {
    const w = watched();
    let n = 0;
    const spawn: Spawn = () => {
      if (++n === 2) throw new Error('no more processes');
      return w.spawn();
    };
    const r = await monteCarlo(plan(2000), { threads: 2, spawn });
    if (r.ok || r.cancelled) throw new Error('expected problems');
    expect(r.problems[0].message.en).toContain('no more processes');
    expect(w.ports).toHaveLength(1);
    expect(await allEnded(w.ports)).toBe(true);
  }, 120_000);
});
