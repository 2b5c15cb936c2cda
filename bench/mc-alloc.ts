/**
 * Where a Monte Carlo draw of bench/mc-plan.ts allocates: V8's sampling heap profiler over steady
 * draws on the incremental model, the bytes per draw by allocating function (self), largest first.
 * Allocation does not move with the machine's load: a figure to compare before and after a change.
 *
 *   node --import tsx bench/mc-alloc.ts            # 300 draws to warm up, 200 sampled, top 25
 *   BENCH_DRAWS=400 BENCH_TOP=40 node --import tsx bench/mc-alloc.ts
 */
import { Session } from 'node:inspector/promises';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 200);
const TOP = Number(process.env.BENCH_TOP ?? 25);
const { compiled: c, model, edits } = planDraws(DRAWS + 300);
const draw = (k: number) => { model.editAll(edits[k]); c.evaluate.run(model.output); };
for (let k = 0; k < 300; k++) draw(k);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (let k = 300; k < 300 + DRAWS; k++) draw(k);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const by = new Map<string, number>();
let total = 0;
const walk = (n: Node) => {
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  by.set(key, (by.get(key) ?? 0) + n.selfSize);
  total += n.selfSize;
  for (const ch of n.children) walk(ch);
};
walk(profile.head as unknown as Node);
const kb = (x: number) => `${(x / 1024 / DRAWS).toFixed(1)} KB`;
process.stdout.write(`allocated a draw: ${kb(total)} (${DRAWS} draws sampled)\n`);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, TOP)) process.stdout.write(`  ${kb(v).padStart(9)}  ${k}\n`);
