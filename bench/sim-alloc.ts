/**
 * Heap allocated by one simulate() of a generated portfolio, by function (V8's sampling heap
 * profiler, objects collected since included) and by part (prepare, run, report):
 *   npx tsx bench/sim-alloc.ts [10000x240] [calls]
 */
import { Session } from 'node:inspector/promises';
import { simulate } from '../engine/index';
import { portfolio } from './portfolio';

const [parcels, months] = (process.argv[2] ?? '10000x240').split('x').map(Number);
const calls = Number(process.argv[3] ?? 2);
const scenario = portfolio({ parcels, months, seed: 1 });
simulate(scenario);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (let i = 0; i < calls; i++) simulate(scenario);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type Node = { callFrame: { functionName: string; url: string }; selfSize: number; children: Node[] };
const self = new Map<string, number>();
const parts = new Map<string, number>();
const PARTS = new Set(['prepare', 'run', 'report']);
const walk = (n: Node, part: string | null) => {
  const f = n.callFrame;
  const at = part ?? (PARTS.has(f.functionName) ? f.functionName : null);
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}`;
  self.set(key, (self.get(key) ?? 0) + n.selfSize);
  if (at) parts.set(at, (parts.get(at) ?? 0) + n.selfSize);
  for (const c of n.children) walk(c, at);
};
walk(profile.head as unknown as Node, null);
const mb = (x: number) => `${(x / calls / 2 ** 20).toFixed(1)} MB`;
console.log(`simulate ${parcels}x${months}, per call: ${[...parts].map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${mb(v).padStart(9)}  ${k}`);
// Callers of the functions named in SIM_ALLOC_CALLERS (comma-separated), with what they allocate there.
const wanted = new Set((process.env.SIM_ALLOC_CALLERS ?? '').split(',').filter(Boolean));
if (wanted.size > 0) {
  const callers = new Map<string, number>();
  const up = (n: Node, parent: string) => {
    if (wanted.has(n.callFrame.functionName)) {
      const total = (x: Node): number => x.selfSize + x.children.reduce((s, c) => s + total(c), 0);
      const k = `${n.callFrame.functionName} ← ${parent}`;
      callers.set(k, (callers.get(k) ?? 0) + total(n));
    }
    for (const c of n.children) up(c, `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`);
  };
  up(profile.head as unknown as Node, '');
  for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${mb(v).padStart(9)}  ${k}`);
}
