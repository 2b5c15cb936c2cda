/**
 * The event layout (run-events.ts) of the models Monte Carlo draws of bench/mc-plan.ts make:
 * each draw's model laid out afresh, timed alone (µs a layout, wall: the median and the best of the rounds).
 *
 *   node --import tsx bench/layout-speed.ts [draws=100] [rounds=31]
 */
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import { eventsOf } from '../engine/run-events';
import type { Model } from '../engine/model';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.argv[2] ?? 100);
const ROUNDS = Number(process.argv[3] ?? 31);
const { compiled: c, edits } = planDraws(DRAWS);
const base = prepareBase(c.plan.scenario);
const models: Model[] = edits.map((e) => {
  const a = adjustFrom(base, Object.fromEntries(e.map((x) => [x.path.replace('adjustments.', ''), x.value])), null).prepared;
  if (!a.ok) throw new Error('refused');
  return a.model;
});
/** A model of the same fields under a new identity: its layout is not cached. */
const fresh = (m: Model): Model => Object.create(Object.getPrototypeOf(m), Object.getOwnPropertyDescriptors(m)) as Model;
const per: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const copies = models.map(fresh);
  const t0 = performance.now();
  for (const m of copies) eventsOf(m);
  per.push(((performance.now() - t0) * 1000) / DRAWS);
}
per.sort((a, b) => a - b);
const n = eventsOf(models[0]).kind.length;
process.stdout.write(`layout of a draw's model (${n} events): median ${per[per.length >> 1].toFixed(1)} µs, best ${per[0].toFixed(1)} µs, over ${ROUNDS} rounds of ${DRAWS}\n`);
