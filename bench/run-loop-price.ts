/**
 * The sale price factor edit at 1,000 × 240 taken apart: the whole edit with its metrics, and
 * each part of it on its own — adjusting the parcels, rewriting the event layout, the monthly
 * loop, the metrics. Medians of wall and CPU time (bench/timing.ts), for before/after comparisons
 * of the loop and the edit path run back to back.
 *
 *   node --import tsx bench/run-loop-price.ts [parcels] [months] [iterations]   (default 1000 240 300)
 *   LOOP_ONLY=run node --cpu-prof --import tsx bench/run-loop-price.ts    the loop alone, for a profile
 *   LOOP_ONLY=edit node --cpu-prof --import tsx bench/run-loop-price.ts   the edit alone, for a profile
 */
import { IncrementalModel, run } from '../engine/index';
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import { eventsOf, eventsRescaled } from '../engine/run-events';
import { metrics } from './analysis-reads';
import { portfolio } from './portfolio';
import { fmtMs, wallAndCpuMs } from './timing';

const [parcels = 1000, months = 240, iterations = 300] = process.argv.slice(2).map(Number);
const loopOnly = process.env.LOOP_ONLY;
const scenario = portfolio({ parcels, months, seed: 2, bond: true, headroomMonths: 6 });
const values = ['0.9', '1'];
const fig = (fn: () => unknown) => {
  const m = wallAndCpuMs(fn, iterations, Math.min(50, iterations));
  return `${fmtMs(m.wall)} ms (cpu ${fmtMs(m.cpu)}, p10 ${fmtMs(m.p10)})`;
};
/** `fn` called `iterations` times and nothing else (for a profile): its mean wall time. */
const only = (fn: () => unknown) => {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  console.log(`${loopOnly} ${((performance.now() - t0) / iterations).toFixed(3)} ms (mean of ${iterations})`);
  process.exit(0);
};

// Two adjusted models (0.9 and 1) made from one base, the second's layout rewritten from the first's.
const base = prepareBase(scenario);
const a = adjustFrom(base, { salePriceFactor: values[0] }, null);
const b = adjustFrom(base, { salePriceFactor: values[1] }, a.made);
if (!a.prepared.ok || !b.prepared.ok) throw new Error('refused');
const [ma, mb] = [a.prepared.model, b.prepared.model];
eventsOf(ma);
eventsRescaled(ma, mb);
let k = 0;
if (loopOnly === 'run') only(() => run(k++ % 2 ? ma : mb));

const created = IncrementalModel.create(scenario);
if (!created.ok) throw new Error('refused');
const model = created.model;
const editOnce = () => {
  const r = model.edit({ path: 'adjustments.salePriceFactor', value: values[k++ % 2] });
  if (!r.ok) throw new Error('refused');
  return metrics(model.output);
};
if (loopOnly === 'edit') only(editOnce);

const edit = fig(editOnce);
let made = b.made;
const adjust = fig(() => {
  const r = adjustFrom(base, { salePriceFactor: values[k++ % 2] }, made);
  made = r.made;
  return r;
});
const layout = fig(() => eventsRescaled(ma, { ...mb }));
const loop = fig(() => run(mb));
const out = run(mb);
const reads = fig(() => metrics(out));
console.log(`${parcels}x${months} price edit + metrics ${edit}; adjust ${adjust}; layout ${layout}; run ${loop} (${out.ledger.length} postings); metrics ${reads}`);
