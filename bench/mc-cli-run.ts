/**
 * `lrsim montecarlo` of the bench plan (bench/mc-plan.ts) from the shell, as section 3 of
 * `npm run bench` times it, alone: THREADS (default "1,2") and ROUNDS (default 1) alternated.
 * Needs the built CLI (`npm install` builds it; `node --import tsx scripts/build-cli.ts` again).
 *
 *   ROUNDS=3 node --import tsx bench/mc-cli-run.ts
 */
import { mcPlan } from './mc-plan';
import { mcCliSeconds } from './mc-cli';

const runs = Number(process.env.BENCH_MC_RUNS ?? 10000);
const threads = (process.env.THREADS ?? '1,2').split(',').map(Number);
const plan = mcPlan(runs);
for (let r = 0; r < Number(process.env.ROUNDS ?? 1); r++) {
  for (const t of threads) {
    const { seconds, result } = mcCliSeconds(plan, t);
    const p50 = result.outputs[0].percentiles.find((p) => p.p === 50)?.text;
    process.stdout.write(`${runs} runs, ${t} thread${t > 1 ? 's' : ''}: ${seconds.toFixed(2)} s (value added P50 ${p50})\n`);
  }
}
