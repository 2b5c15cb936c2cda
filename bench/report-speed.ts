/**
 * What report(out) costs on generated portfolios (500 × 120, 1 000 × 240, 10 000 × 240): the
 * median wall time (tinybench) and the median CPU time of this process (process.cpuUsage: steadier
 * on a shared machine, and it counts the garbage collector's helper threads). Not a test.
 *
 *   node --import tsx bench/report-speed.ts [sizes, e.g. 500x120,10000x240] [iterations]
 */
import { prepare, run, report } from '../engine/index';
import { portfolio } from './portfolio';
import { fmtMs, medianMs } from './timing';

const sizes = (process.argv[2] ?? '500x120,1000x240,10000x240').split(',').map((s) => s.split('x').map(Number));
const iterations = Number(process.argv[3] ?? 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [parcels, months] of sizes) {
  const p = prepare(portfolio({ parcels, months, seed: 1 }));
  if (!p.ok) throw new Error('generated portfolio refused');
  const out = run(p.model);
  const n = iterations || (parcels >= 10000 ? 15 : 60);
  const wall = medianMs('report', () => report(out), n, Math.max(2, Math.round(n / 3)));
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.cpuUsage();
    report(out);
    const t = process.cpuUsage(t0);
    cpu.push((t.user + t.system) / 1000);
  }
  console.log(`  ${String(parcels).padStart(6)} × ${String(months).padEnd(4)} ${String(out.ledger.length).padStart(8)} postings   report ${fmtMs(wall).padStart(7)} ms wall, ${fmtMs(median(cpu)).padStart(7)} ms CPU (medians of ${n})`);
}
