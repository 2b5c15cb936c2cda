/**
 * Which functions allocate the heap of a Monte Carlo draw of bench/mc-plan.ts (V8's sampling heap
 * profiler, objects collected since included): KB a draw by allocating function, largest first.
 *
 *   BENCH_DRAWS=300 node --import tsx bench/mc-draw-alloc-sites.ts
 */
import { Session } from 'node:inspector/promises';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 300);
const TOP = Number(process.env.BENCH_TOP ?? 30);
const { compiled: c, model, edits } = planDraws(DRAWS);
const warm = Math.floor(DRAWS / 3);
for (let k = 0; k < warm; k++) {
  model.editAll(edits[k]);
  c.evaluate.run(model.output);
}
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (let k = warm; k < DRAWS; k++) {
  model.editAll(edits[k]);
  c.evaluate.run(model.output);
}
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const sums = new Map<string, number>();
let total = 0;
const walk = (n: Node) => {
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  sums.set(key, (sums.get(key) ?? 0) + n.selfSize);
  total += n.selfSize;
  for (const ch of n.children) walk(ch);
};
walk(profile.head as unknown as Node);
const n = DRAWS - warm;
process.stdout.write(`heap allocated a draw, by function (${n} draws): ${(total / n / 1024).toFixed(0)} KB in all\n`);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, TOP)) process.stdout.write(`  ${(v / n / 1024).toFixed(1).padStart(7)} KB  ${k}\n`);
