/**
 * A loop of report(out) to profile: node --cpu-prof --import tsx bench/report-profile.ts 10000x240 20
 */
import { prepare, run, report } from '../engine/index';
import { portfolio } from './portfolio';

const [parcels, months] = (process.argv[2] ?? '10000x240').split('x').map(Number);
const n = Number(process.argv[3] ?? 20);
const p = prepare(portfolio({ parcels, months, seed: 1 }));
if (!p.ok) throw new Error('generated portfolio refused');
const out = run(p.model);
const t0 = performance.now();
for (let i = 0; i < n; i++) report(out);
console.log(`${n} reports in ${(performance.now() - t0).toFixed(0)} ms`);
