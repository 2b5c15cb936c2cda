/**
 * Where the edit of one Monte Carlo draw of bench/mc-plan.ts goes, stage by stage, on the path
 * the incremental model takes for the four adjustments: the parcels made again under the draw's
 * factors and delay (adjustFrom), the events laid out (from an earlier draw's layout, or afresh),
 * the run's months, and the evaluation of the outputs. Medians over the draws, in process.
 *
 *   BENCH_DRAWS=1000 node --import tsx bench/mc-draw-stages.ts
 */
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import type { MadeParcels } from '../engine/scenario/parcel-reuse';
import { eventsOf, eventsRescaled, eventsReplaced, postingsCarried } from '../engine/run-events';
import { run, type RunOutput } from '../engine/run';
import type { Model } from '../engine/model';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 600);
const say = (s: string) => process.stdout.write(s + '\n');

const { compiled: c, edits } = planDraws(DRAWS);
const base = prepareBase(c.plan.scenario);
let made: MadeParcels | null = null;
let model: Model | null = null;
let out: RunOutput | null = null;
const byDelay = new Map<number, Model>();
const names = ['parcels', 'layout', 'run', 'evaluate'] as const;
const times = names.map(() => [] as number[]);
const warm = Math.min(200, Math.floor(DRAWS / 3));
for (let k = 0; k < DRAWS; k++) {
  const adjustments = Object.fromEntries(edits[k].map((e) => [e.path.replace('adjustments.', ''), e.value]));
  const t0 = performance.now();
  const a = adjustFrom(base, adjustments, made);
  if (!a.prepared.ok) throw new Error(`draw ${k} refused`);
  made = a.made;
  const next = a.prepared.model;
  const t1 = performance.now();
  // As the incremental model lays them out (incremental/model.ts): rewritten for a price factor,
  // else from the layout of an earlier draw of the same delay, else afresh.
  const rescaled = model !== null && eventsRescaled(model, next);
  const delay = (adjustments.saleDelayMonths as number | undefined) ?? 0;
  const kept = byDelay.get(delay);
  const replaced = !rescaled && kept !== undefined && eventsReplaced(kept, next);
  if (!rescaled && !replaced) byDelay.set(delay, next);
  if (model && !rescaled && !replaced) postingsCarried(model, next);
  eventsOf(next);
  const t2 = performance.now();
  const o = run(next, rescaled && out ? out : undefined);
  const t3 = performance.now();
  c.evaluate.run(o);
  const t4 = performance.now();
  model = next;
  out = o;
  if (k < warm) continue;
  times[0].push(t1 - t0);
  times[1].push(t2 - t1);
  times[2].push(t3 - t2);
  times[3].push(t4 - t3);
}
const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[xs.length >> 1];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
say(`Monte Carlo draw stages — ${DRAWS - warm} draws after ${warm} to warm up, Node ${process.version} (median / mean ms)`);
for (let i = 0; i < names.length; i++) say(`  ${names[i].padEnd(9)} ${median(times[i]).toFixed(3)} / ${mean(times[i]).toFixed(3)}`);
say(`  all       ${times.reduce((s, t) => s + median(t), 0).toFixed(3)} / ${times.reduce((s, t) => s + mean(t), 0).toFixed(3)} (sums)`);
