/**
 * A loop of one part of simulate() to profile, with nothing else in the process:
 *   node --cpu-prof --import tsx bench/sim-profile.ts prepare|run|report|simulate 500x120 200
 */
import { prepare, run, report, simulate } from '../engine/index';
import { portfolio } from './portfolio';
import { prepared } from './analysis-reads';

const part = process.argv[2] ?? 'report';
const [parcels, months] = (process.argv[3] ?? '500x120').split('x').map(Number);
const n = Number(process.argv[4] ?? 100);
const scenario = portfolio({ parcels, months, seed: 1 });
const model = prepared(scenario);
const out = run(model);
const step: () => unknown = part === 'prepare' ? () => prepare(scenario) : part === 'run' ? () => run(model) : part === 'simulate' ? () => simulate(scenario) : () => report(out);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  step();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`${part} ${parcels}x${months}: median ${times[n >> 1].toFixed(2)} ms over ${n}`);
