/**
 * simulate()'s parts as bench/run.ts section 1 times them (medians of prepare, run, report), at
 * 500 × 120 and 10 000 × 240 only, in wall time and in this process's CPU time (steadier on a
 * shared machine): npx tsx bench/sim-parts.ts [500x120,10000x240]
 */
import { prepare, run, report } from '../engine/index';
import { portfolio } from './portfolio';
import { prepared } from './analysis-reads';
import { fmtMs, wallAndCpuMs } from './timing';

const sizes = (process.argv[2] ?? '500x120,10000x240').split(',');
const ITER: Record<string, number> = { '500x120': 200, '1000x240': 100, '10000x240': 12 };
const scale = Number(process.argv[3] ?? 1);
for (const size of sizes) {
  const [parcels, months] = size.split('x').map(Number);
  const iterations = (ITER[size] ?? 12) * scale;
  const scenario = portfolio({ parcels, months, seed: 1 });
  const model = prepared(scenario);
  const out = run(model);
  const p = wallAndCpuMs(() => prepare(scenario), Math.max(3, Math.round(iterations / 5)), 1);
  const r = wallAndCpuMs(() => run(model), iterations, Math.max(3, Math.round(iterations / 2)));
  const rep = wallAndCpuMs(() => report(out), Math.max(3, Math.round(iterations / 5)), 1);
  const f = (k: 'wall' | 'cpu') => `prepare ${fmtMs(p[k])} run ${fmtMs(r[k])} report ${fmtMs(rep[k])} simulate ${fmtMs(p[k] + r[k] + rep[k])}`;
  console.log(`${size.padEnd(9)} wall: ${f('wall')} ms │ cpu: ${f('cpu')} ms`);
}
