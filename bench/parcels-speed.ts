/**
 * The parcels of Monte Carlo draws of bench/mc-plan.ts made again, alone (adjustFrom from the
 * parcels of the draw before, as the incremental model makes them): µs a draw, the median and the
 * best of rounds of 100 draws, and the heap a draw allocates (sampled).
 *
 *   node --import tsx bench/parcels-speed.ts [rounds=41]
 */
import { Session } from 'node:inspector/promises';
import { adjustFrom, prepareBase } from '../engine/scenario/adjust';
import type { MadeParcels } from '../engine/scenario/parcel-reuse';
import { planDraws } from './mc-plan';

const ROUNDS = Number(process.argv[2] ?? 41);
const { compiled: c, edits } = planDraws(100);
const base = prepareBase(c.plan.scenario);
const adjustments = edits.map((e) => Object.fromEntries(e.map((x) => [x.path.replace('adjustments.', ''), x.value])));
let made: MadeParcels | null = null;
const draw = (k: number) => {
  const a = adjustFrom(base, adjustments[k], made);
  if (!a.prepared.ok) throw new Error('refused');
  made = a.made;
};
const per: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  for (let k = 0; k < 100; k++) draw(k);
  per.push((performance.now() - t0) * 10);
}
per.sort((a, b) => a - b);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (let k = 0; k < 100; k++) draw(k);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type Node = { selfSize: number; children: Node[] };
const sum = (n: Node): number => n.selfSize + n.children.reduce((s, ch) => s + sum(ch), 0);
process.stdout.write(`parcels of a draw made again: median ${per[per.length >> 1].toFixed(0)} µs, best ${per[0].toFixed(0)} µs over ${ROUNDS} rounds of 100; ${(sum(profile.head as unknown as Node) / 100 / 1024).toFixed(0)} KB allocated a draw\n`);
