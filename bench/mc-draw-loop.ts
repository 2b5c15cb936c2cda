/**
 * The bench plan's draws (bench/mc-plan.ts), each edited on the incremental model and evaluated as
 * Monte Carlo evaluates it, in a loop for LOOP_SECONDS (default 15): a profile of a real draw.
 *
 *   node --cpu-prof --import tsx bench/mc-draw-loop.ts
 */
import { planDraws } from './mc-plan';

const DRAWS = 2000;
const { compiled: c, model, edits } = planDraws(DRAWS);
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < Number(process.env.LOOP_SECONDS ?? 15) * 1000) {
  if (!model.editAll(edits[n++ % DRAWS]).ok) throw new Error('refused');
  c.evaluate.run(model.output);
}
process.stdout.write(`${n} draws, ${((performance.now() - t0) / n).toFixed(3)} ms a draw\n`);
