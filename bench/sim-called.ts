/**
 * simulate(scenario) as a caller meets it — a new model every call — timed whole and in its parts
 * on that new model (prepare, the model's first run, report), in wall and CPU time (CPU: this
 * process, steadier on a shared machine). Also a second run of the last model, for what a first
 * run makes that a second reuses, and simulate() with a read of every field of its Result, which
 * makes the views it leaves to their first read (report-lazy.ts).
 *   npx tsx bench/sim-called.ts [500x120,10000x240] [scale]
 */
import { prepare, run, report, simulate } from '../engine/index';
import { portfolio } from './portfolio';
import { prepared } from './analysis-reads';
import { fmtMs } from './timing';

const sizes = (process.argv[2] ?? '500x120,10000x240').split(',');
const ITER: Record<string, number> = { '500x120': 60, '1000x240': 30, '10000x240': 7 };
const scale = Number(process.argv[3] ?? 1);

function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

for (const size of sizes) {
  const [parcels, months] = size.split('x').map(Number);
  const iterations = Math.max(3, Math.round((ITER[size] ?? 7) * scale));
  const scenario = portfolio({ parcels, months, seed: 1 });
  const warm = Math.max(2, iterations >> 2);
  for (let i = 0; i < warm; i++) simulate(scenario);
  const whole = { wall: [] as number[], cpu: [] as number[] };
  // The Result's views made when first read (report-lazy.ts) are made here too, by reading every field.
  const read = { wall: [] as number[], cpu: [] as number[] };
  const parts = { prepare: [] as number[], run1: [] as number[], run2: [] as number[], report: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    let c0 = cpuNow();
    const t0 = performance.now();
    simulate(scenario);
    whole.wall.push(performance.now() - t0);
    whole.cpu.push(cpuNow() - c0);
    c0 = cpuNow();
    const t1 = performance.now();
    const r = simulate(scenario) as unknown as Record<string, unknown>;
    let fields = 0;
    for (const k of Object.keys(r)) if (r[k] !== undefined) fields++;
    read.wall.push(performance.now() - t1);
    read.cpu.push(cpuNow() - c0);
    void fields;
    c0 = cpuNow();
    const model = prepared(scenario);
    const c1 = cpuNow();
    const out = run(model);
    const c2 = cpuNow();
    report(out);
    const c3 = cpuNow();
    run(model);
    const c4 = cpuNow();
    parts.prepare.push(c1 - c0);
    parts.run1.push(c2 - c1);
    parts.report.push(c3 - c2);
    parts.run2.push(c4 - c3);
  }
  void prepare;
  console.log(`${size.padEnd(9)} simulate() wall ${fmtMs(median(whole.wall))} ms cpu ${fmtMs(median(whole.cpu))} ms, with every view read wall ${fmtMs(median(read.wall))} cpu ${fmtMs(median(read.cpu))} ms │ cpu parts on a new model: prepare ${fmtMs(median(parts.prepare))} first run ${fmtMs(median(parts.run1))} report ${fmtMs(median(parts.report))} (second run ${fmtMs(median(parts.run2))}) ms`);
}
