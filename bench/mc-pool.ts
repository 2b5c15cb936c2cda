/**
 * Monte Carlo on each kind of Node worker, back to back on the plan of `npm run bench` section 3
 * (bench/mc-plan.ts): child processes (the default), worker threads, and the calling thread alone.
 * Prints the wall time, the CPU time of this process and of its ended children (Linux's
 * /proc/self/stat; elsewhere this process only), and the result's digest — the same on every
 * kind, or the line says so.
 *
 *   node --import tsx bench/mc-pool.ts
 *   BENCH_MC_RUNS=3000 BENCH_MC_REPEAT=3 BENCH_MC_KINDS=process,thread,inline node --import tsx bench/mc-pool.ts
 */
import { createHash } from 'node:crypto';
import { monteCarlo } from '../engine/analysis/index';
import { nodeSpawner, type NodeWorkerKind } from '../cli/analysis-worker';
import { mcPlan } from './mc-plan';
import { childrenReaped, cpuSeconds } from './mc-cpu';

const RUNS = Number(process.env.BENCH_MC_RUNS ?? 10000);
const REPEAT = Number(process.env.BENCH_MC_REPEAT ?? 1);
const KINDS = (process.env.BENCH_MC_KINDS ?? 'process,thread').split(',') as (NodeWorkerKind | 'inline')[];
const THREADS = Number(process.env.BENCH_MC_THREADS ?? 2);
const say = (s = '') => process.stdout.write(s + '\n');

async function once(kind: NodeWorkerKind | 'inline'): Promise<{ seconds: number; cpu: number; digest: string }> {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const outcome = kind === 'inline'
    ? await monteCarlo(mcPlan(RUNS), { threads: 1 })
    : await monteCarlo(mcPlan(RUNS), { threads: THREADS, spawn: nodeSpawner(kind) });
  const seconds = (performance.now() - t0) / 1000;
  await childrenReaped();
  if (!outcome.ok) throw new Error(`Monte Carlo failed: ${outcome.cancelled ? 'cancelled' : outcome.problems.map((p) => p.message.en).join('; ')}`);
  const digest = createHash('sha256').update(JSON.stringify(outcome.result)).digest('hex').slice(0, 16);
  return { seconds, cpu: cpuSeconds() - cpu0, digest };
}

const seen = new Map<string, number[]>();
const digests = new Set<string>();
say(`Monte Carlo by kind of worker — ${RUNS} runs, ${THREADS} workers, Node ${process.version}`);
for (let r = 0; r < REPEAT; r++) {
  for (const kind of KINDS) {
    const o = await once(kind);
    digests.add(o.digest);
    seen.set(kind, [...(seen.get(kind) ?? []), o.seconds]);
    say(`  ${kind.padEnd(7)} ${o.seconds.toFixed(2)} s (${((o.seconds * 1000) / RUNS).toFixed(3)} ms a run), CPU ${o.cpu.toFixed(1)} s; digest ${o.digest}`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
say(`medians: ${[...seen].map(([k, xs]) => `${k} ${median(xs).toFixed(2)} s`).join(', ')}; ${digests.size === 1 ? 'the same result on every run' : `RESULTS DIFFER: ${[...digests].join(' ')}`}`);
