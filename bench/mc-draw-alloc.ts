/**
 * Heap allocated per draw of the bench plan (bench/mc-plan.ts), by the function that allocated it
 * (V8's sampling heap profiler, objects since collected included): where a draw's garbage is made.
 *
 *   node --import tsx bench/mc-draw-alloc.ts
 */
import { Session } from 'node:inspector/promises';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 300);
const { compiled: c, model, edits } = planDraws(DRAWS);
for (let k = 0; k < 100; k++) { model.editAll(edits[k]); c.evaluate.run(model.output); }
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (let k = 100; k < DRAWS; k++) { model.editAll(edits[k]); c.evaluate.run(model.output); }
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const by = new Map<string, number>();
const walk = (n: Node) => {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;
  by.set(k, (by.get(k) ?? 0) + n.selfSize);
  for (const ch of n.children) walk(ch);
};
walk(profile.head as unknown as Node);
const n = DRAWS - 100;
let total = 0;
for (const v of by.values()) total += v;
process.stdout.write(`${(total / n / 1024).toFixed(0)} KB a draw\n`);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`${(v / n / 1024).toFixed(1).padStart(7)} KB  ${k}\n`);
