/**
 * A Monte Carlo draw as bench/run.ts times it (four adjustments edited on the incremental model,
 * then the metrics), run for 15 s: a profile of where a draw's time goes.
 *
 *   node --cpu-prof --import tsx bench/run-loop-mc.ts
 */
import { parsePath } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { LedgerMetrics, fastReader } from '../engine/analysis/index';
import { portfolio } from './portfolio';

const READERS = ['totals.valueAdded', 'totals.shares.province', 'totals.shares.city', 'totals.fiscalTopUp', 'totals.unrecoveredCost', 'totals.provisions'].map((p) => fastReader(parsePath(p)!)!);
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
  const m = new LedgerMetrics(created.model.output);
  for (const r of READERS) r(m);
}
const cpu = process.cpuUsage(c0);
process.stdout.write(`${n} draws, ${((performance.now() - t0) / n).toFixed(3)} ms a draw (wall), ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms (CPU, this process)\n`);
