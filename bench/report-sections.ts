/**
 * What each part of report(out) costs, in the order report() makes them (the ledger sums first,
 * then the sections that read them): medians over repeated fresh reports. Not a test.
 *
 *   node --import tsx bench/report-sections.ts [500x120] [rounds]
 */
import { prepare, run } from '../engine/index';
import { LedgerSums } from '../engine/ledger-sums';
import { periodRows, periodRunning, quarterRows, yearRows } from '../engine/report-periods';
import { parcelRows } from '../engine/report-parcels';
import { totalsOf } from '../engine/report-totals';
import { runChecks } from '../engine/run-checks';
import { report } from '../engine/report';
import { portfolio } from './portfolio';

const [parcels, months] = (process.argv[2] ?? '500x120').split('x').map(Number);
const rounds = Number(process.argv[3] ?? 40);
const p = prepare(portfolio({ parcels, months, seed: 1 }));
if (!p.ok) throw new Error('generated portfolio refused');
const out = run(p.model);
const steps: [string, (s: LedgerSums, r: Record<string, unknown>) => unknown][] = [
  ['sumAll (one pass)', (s) => s.sumAll()],
  ['byRule', (s) => s.byRule],
  ['flows', (s) => s.flows],
  ['pool series', (s) => s.poolBalanceSeries()],
  ['periodRunning', (s, r) => (r.running = periodRunning(s))],
  ['periodRows', (s, r) => periodRows(s, r.running as never)],
  ['yearRows', (s, r) => yearRows(s, r.running as never)],
  ['quarterRows', (s, r) => quarterRows(s, r.running as never)],
  ['parcelRows', (s) => parcelRows(s)],
  ['totals', (s) => totalsOf(s)],
  ['funding views', (s) => s.funding],
  ['runChecks', (s) => runChecks(out, s.balances)],
  ['ruralEarmark', () => report(out, { views: ['ruralEarmark'] })],
  ['accounts, parameters, rules', () => report(out, { views: ['accounts', 'parameters', 'rules'] })],
  ['whole report()', () => report(out)],
];
const times = steps.map(() => [] as number[]);
for (let k = 0; k < rounds + 3; k++) {
  const s = new LedgerSums(out);
  const r: Record<string, unknown> = {};
  steps.forEach(([, f], i) => {
    const t0 = process.cpuUsage();
    f(s, r);
    const t1 = process.cpuUsage(t0);
    if (k >= 3) times[i].push((t1.user + t1.system) / 1000);
  });
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`report() parts on ${parcels} × ${months} (${out.ledger.length} postings), medians of ${rounds} (ms of CPU time)`);
let sum = 0;
steps.forEach(([name], i) => { const m = med(times[i]); if (name !== 'whole report()') sum += m; console.log(`  ${name.padEnd(28)} ${m.toFixed(3).padStart(8)}`); });
console.log(`  ${'sum of parts'.padEnd(28)} ${sum.toFixed(3).padStart(8)}`);
