/**
 * The event layout (run-events.ts) of the models Monte Carlo draws of bench/mc-plan.ts make, each
 * timed alone, two ways taken in turns: laid out afresh, and from the layout of an earlier draw of
 * the same sale delay (eventsReplaced, as the incremental model does). µs a layout, wall: the
 * median and the best of the rounds.
 *
 *   node --import tsx bench/layout-speed.ts [draws=100] [rounds=31]
 */
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import { eventsOf, eventsReplaced } from '../engine/run-events';
import type { Model } from '../engine/model';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.argv[2] ?? 100);
const ROUNDS = Number(process.argv[3] ?? 31);
const { compiled: c, edits } = planDraws(DRAWS);
const base = prepareBase(c.plan.scenario);
const delays = edits.map((e) => (e.find((x) => x.path === 'adjustments.saleDelayMonths')?.value as number | undefined) ?? 0);
const models: Model[] = edits.map((e) => {
  const a = adjustFrom(base, Object.fromEntries(e.map((x) => [x.path.replace('adjustments.', ''), x.value])), null).prepared;
  if (!a.ok) throw new Error('refused');
  return a.model;
});
/** A model of the same fields under a new identity: its layout is not cached. */
const fresh = (m: Model): Model => Object.create(Object.getPrototypeOf(m), Object.getOwnPropertyDescriptors(m)) as Model;
// One laid-out model of each delay, its places noted, as a Monte Carlo run's first draws leave them.
const kept = new Map<number, Model>();
models.forEach((m, k) => {
  if (!kept.has(delays[k])) kept.set(delays[k], fresh(m));
  eventsOf(kept.get(delays[k])!);
});
let replaced = 0;
for (let k = 0; k < DRAWS; k++) if (eventsReplaced(kept.get(delays[k])!, fresh(models[k]))) replaced++;

const times: Record<'afresh' | 'replaced', number[]> = { afresh: [], replaced: [] };
const ways = { afresh: (_k: number, m: Model) => eventsOf(m), replaced: (k: number, m: Model) => eventsReplaced(kept.get(delays[k])!, m) };
for (let r = 0; r < ROUNDS; r++) {
  for (const way of (r % 2 ? ['afresh', 'replaced'] : ['replaced', 'afresh']) as (keyof typeof times)[]) {
    const copies = models.map(fresh);
    const t0 = performance.now();
    for (let k = 0; k < DRAWS; k++) ways[way](k, copies[k]);
    times[way].push(((performance.now() - t0) * 1000) / DRAWS);
  }
}
const n = eventsOf(models[0]).kind.length;
process.stdout.write(`event layout of a draw's model (${n} events; ${replaced} of ${DRAWS} draws take an earlier draw's layout), over ${ROUNDS} rounds of ${DRAWS}\n`);
for (const [way, t] of Object.entries(times)) {
  t.sort((a, b) => a - b);
  process.stdout.write(`  ${way.padEnd(9)} median ${t[t.length >> 1].toFixed(1)} µs, best ${t[0].toFixed(1)} µs\n`);
}
