/**
 * The monthly loop alone, timed at the sizes users wait on: run() at 200 × 120 (a Monte Carlo
 * draw's portfolio), 1 000 × 240 and 10 000 × 240 with the metrics an analysis reads, and a
 * split-ratio edit on the incremental model at 1 000 × 240. Medians of CPU time (see medianCpuMs);
 * nothing here is a test.
 *
 *   node --import tsx bench/run-loop.ts            all sizes
 *   node --import tsx bench/run-loop.ts 10000x240  one size (or `mc`, `split`, `events`)
 *   LOOP_ONLY=run node --cpu-prof --import tsx bench/run-loop.ts 1000x240   a profile of run() alone
 */
import { run } from '../engine/index';
import { eventsOf } from '../engine/run-events';
import { IncrementalModel } from '../engine/incremental/index';
import { portfolio } from './portfolio';
import { metrics, prepared } from './analysis-reads';
import { fmtMs, wallAndCpuMs } from './timing';

/**
 * Median CPU time of one call after warm-up: on a machine shared with other work, CPU time moves
 * far less than wall time. LOOP_CLOCK=wall times the wall instead.
 */
function medianCpuMs(fn: () => unknown, iterations: number, warmup: number): number {
  const m = wallAndCpuMs(fn, iterations, warmup);
  return process.env.LOOP_CLOCK === 'wall' ? m.wall : m.cpu;
}

const only = process.argv[2];
const loopOnly = process.env.LOOP_ONLY === 'run';
const say = (s: string) => process.stdout.write(s + '\n');

function size(name: string, scenario: unknown, iterations: number): void {
  const model = prepared(scenario);
  const out = run(model);
  if (loopOnly) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 15000) { run(model); n++; }
    say(`${name}: ${n} runs`);
    return;
  }
  const r = medianCpuMs(() => run(model), iterations, Math.max(3, iterations >> 1));
  const m = medianCpuMs(() => metrics(out), iterations, Math.max(3, iterations >> 1));
  say(`${name.padEnd(10)} ${String(out.ledger.length).padStart(8)} postings  run ${fmtMs(r)} ms  metrics ${fmtMs(Math.max(0, m))} ms  run+metrics ${fmtMs(r + Math.max(0, m))} ms`);
}

function split(): void {
  const created = IncrementalModel.create(portfolio({ parcels: 1000, months: 240, seed: 2, bond: true, headroomMonths: 6 }));
  if (!created.ok) throw new Error('refused');
  const model = created.model;
  const values = [{ province: '7', city: '3' }, { province: '6', city: '4' }];
  let k = 0;
  const fn = () => {
    const r = model.edit({ path: 'split.ratios', value: values[k++ % 2] });
    if (!r.ok) throw new Error('split refused');
    return metrics(model.output);
  };
  if (loopOnly) {
    const t0 = performance.now();
    while (performance.now() - t0 < 15000) fn();
    return;
  }
  say(`split edit 1000x240 (edit + metrics) ${fmtMs(medianCpuMs(fn, 600, 100))} ms`);
}

/** Sorting a model's events: once per model, so once per Monte Carlo draw (each draw is a new model). */
function events(): void {
  const model = prepared(mcScenario());
  const fresh = () => eventsOf({ ...model, parcels: model.parcels.slice() });
  say(`events mc200x120 ${fmtMs(medianCpuMs(fresh, 300, 100))} ms`);
}

const mcScenario = () => portfolio({ parcels: 200, months: 120, seed: 3, headroomMonths: 12, bond: true, bondShare: 0.8 });
if (!only || only === 'mc') size('mc200x120', mcScenario(), 400);
if (!only || only === '1000x240') size('1000x240', portfolio({ parcels: 1000, months: 240, seed: 1 }), 150);
if (!only || only === '10000x240') size('10000x240', portfolio({ parcels: 10000, months: 240, seed: 1 }), 25);
if (!only || only === 'split') split();
if (!only || only === 'events') events();
