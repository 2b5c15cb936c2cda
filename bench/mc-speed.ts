/**
 * Monte Carlo speed on its own: the 200-parcel, 120-month plan of `npm run bench` section 3, run
 * on 1 and on 2 threads back to back (alternating, to share the machine's load fairly), with the
 * seconds, the ms a run, the CPU time the process and its worker processes used (every thread and
 * the garbage collector's helpers: on a shared machine it shows the work where the wall time
 * shows the load; bench/mc-cpu.ts) and a
 * digest of the result — the same digest on 1 and 2 threads, and before and after a speed
 * change, shows that the answers did not move. Its worker processes run the TypeScript through
 * tsx, each about 1.2 s slower to start than the built CLI's: `npm run bench` times `lrsim
 * montecarlo` itself (bench/mc-cli.ts) for what a user waits.
 *
 *   node --import tsx bench/mc-speed.ts             # 10 000 runs, 1 then 2 threads, once
 *   BENCH_MC_RUNS=2000 BENCH_MC_REPEAT=3 BENCH_MC_THREADS=1,2 node --import tsx bench/mc-speed.ts
 *   BENCH_MC_PARTS=1 …                              # also where one in-process run's time goes
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { compilePlan, monteCarlo, runChunk } from '../engine/analysis/index';
import { nodeSpawner } from '../cli/analysis-worker';
import { mcPlan } from './mc-plan';
import { childrenReaped, cpuSeconds } from './mc-cpu';

const RUNS = Number(process.env.BENCH_MC_RUNS ?? 10000);
const REPEAT = Number(process.env.BENCH_MC_REPEAT ?? 1);
const THREADS = (process.env.BENCH_MC_THREADS ?? '1,2').split(',').map(Number);
const say = (s = '') => process.stdout.write(s + '\n');

async function once(threads: number): Promise<{ seconds: number; cpu: number; digest: string; p50: string }> {
  const plan = mcPlan(RUNS);
  const t0 = performance.now();
  const cpu0 = cpuSeconds();
  const outcome = await monteCarlo(plan, { threads, spawn: nodeSpawner() });
  const seconds = (performance.now() - t0) / 1000;
  await childrenReaped();
  const cpu = cpuSeconds() - cpu0;
  if (!outcome.ok) throw new Error(`Monte Carlo failed: ${outcome.cancelled ? 'cancelled' : outcome.problems.map((p) => p.message.en).join('; ')}`);
  const digest = createHash('sha256').update(JSON.stringify(outcome.result)).digest('hex').slice(0, 16);
  return { seconds, cpu, digest, p50: outcome.result.outputs[0].percentiles.find((p) => p.p === 50)!.text };
}

/** One in-process chunk timed as a whole, and the plan's compile, to see what is outside the draws. */
function parts(): void {
  const plan = mcPlan(RUNS);
  let t = performance.now();
  const compiled = compilePlan(plan);
  if (!compiled.ok) throw new Error('plan refused');
  const compileMs = performance.now() - t;
  const n = Math.min(RUNS, 1000);
  t = performance.now();
  runChunk(compiled.compiled, 0, 50);
  const firstMs = performance.now() - t;
  t = performance.now();
  runChunk(compiled.compiled, 50, 50 + n);
  const chunkMs = (performance.now() - t) / n;
  say(`  compile ${compileMs.toFixed(0)} ms; first 50 runs (model made, JIT warming) ${firstMs.toFixed(0)} ms; then ${chunkMs.toFixed(2)} ms a run in process (${n} runs)`);
}

async function main(): Promise<void> {
  say(`Monte Carlo speed — ${RUNS} runs, Node ${process.version}, ${availableParallelism()} core(s)`);
  if (process.env.BENCH_MC_PARTS) parts();
  const seen = new Map<number, number[]>();
  const digests = new Set<string>();
  for (let r = 0; r < REPEAT; r++) {
    for (const threads of THREADS) {
      const o = await once(threads);
      digests.add(o.digest);
      seen.set(threads, [...(seen.get(threads) ?? []), o.seconds]);
      say(`  ${threads} thread(s): ${o.seconds.toFixed(2)} s (${((o.seconds * 1000) / RUNS).toFixed(3)} ms a run), CPU with its workers ${o.cpu.toFixed(1)} s (${((o.cpu * 1000) / RUNS).toFixed(2)} ms a run); value added P50 ${o.p50} 元; result digest ${o.digest}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  say(`MC ${RUNS} runs ${[...seen].map(([t, xs]) => `${median(xs).toFixed(2)} s (${t} thread${t > 1 ? 's' : ''})`).join(', ')}; ${digests.size === 1 ? 'the same result on every run' : `RESULTS DIFFER: ${[...digests].join(' ')}`}`);
}

await main();
