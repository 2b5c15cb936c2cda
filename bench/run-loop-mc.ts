/**
 * A Monte Carlo draw as bench/run.ts times it (four adjustments edited on the incremental model,
 * then the metrics), run for 15 s: a profile of where a draw's time goes.
 *
 *   node --cpu-prof --import tsx bench/run-loop-mc.ts
 */
import { IncrementalModel } from '../engine/incremental/index';
import { portfolio } from './portfolio';
import { metrics } from './analysis-reads';

const created = IncrementalModel.create(portfolio({ parcels: 200, months: 120, seed: 3, headroomMonths: 12, bond: true, bondShare: 0.8 }));
if (!created.ok) throw new Error('refused');
const draws = [
  { salePriceFactor: '0.9371', costFactor: '1.0523', saleDelayMonths: 4, rateShiftBp: 23 },
  { salePriceFactor: '1.0412', costFactor: '0.9811', saleDelayMonths: 1, rateShiftBp: -31 },
].map((a) => Object.entries(a).map(([k, v]) => ({ path: `adjustments.${k}`, value: v })));
const t0 = performance.now();
const c0 = process.cpuUsage();
let n = 0;
while (performance.now() - t0 < Number(process.env.LOOP_SECONDS ?? 15) * 1000) {
  created.model.editAll(draws[n++ % 2]);
  metrics(created.model.output);
}
const cpu = process.cpuUsage(c0);
process.stdout.write(`${n} draws, ${((performance.now() - t0) / n).toFixed(3)} ms a draw (wall), ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms (CPU, this process)\n`);
