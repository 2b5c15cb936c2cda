/**
 * CPU time of a fixed number of draws of the bench plan (bench/mc-plan.ts), each edited on the
 * incremental model and evaluated as Monte Carlo evaluates it: this process's user + system time,
 * which a busy machine inflates less than wall time, and the spread of single draws' wall times
 * (a draw that a scavenge or another process's slice fell on sits in the upper tail; the lower
 * quantiles are the draw's own work). Run it against two builds in turn, several times each.
 *
 *   BENCH_DRAWS=3000 node --import tsx bench/mc-draw-cpu.ts
 */
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 3000);
const WARM = 300;
const { compiled: c, model, edits } = planDraws(DRAWS + WARM);
for (let k = 0; k < WARM; k++) {
  model.editAll(edits[k]);
  c.evaluate.run(model.output);
}
const each = new Float64Array(DRAWS);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let k = WARM; k < WARM + DRAWS; k++) {
  const t = performance.now();
  if (!model.editAll(edits[k]).ok) throw new Error(`draw ${k} refused`);
  c.evaluate.run(model.output);
  each[k - WARM] = performance.now() - t;
}
const cpu = process.cpuUsage(c0);
each.sort();
const at = (q: number) => each[Math.floor(q * (DRAWS - 1))].toFixed(3);
process.stdout.write(`${DRAWS} draws: ${((cpu.user + cpu.system) / 1000 / DRAWS).toFixed(3)} ms CPU a draw, ${((performance.now() - t0) / DRAWS).toFixed(3)} ms wall; a draw's wall p10 ${at(0.1)}, p25 ${at(0.25)}, median ${at(0.5)} ms\n`);
