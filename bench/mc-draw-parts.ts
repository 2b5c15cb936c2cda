/**
 * Where one Monte Carlo draw of bench/mc-plan.ts goes, in process and in steady state: the edit
 * (adjust and the loop, on the incremental model), the evaluation of the run's outputs, and the
 * heap each allocates per draw. Allocation does not move with the machine's load the way time
 * does, and it is what the scavenges a draw pays for are made of: a figure to compare before and
 * after a change on a shared machine.
 *
 *   node --import tsx bench/mc-draw-parts.ts            # 300 draws timed, 100 sampled for allocation
 *   BENCH_DRAWS=1000 node --import tsx bench/mc-draw-parts.ts
 */
import { Session } from 'node:inspector/promises';
import { planDraws } from './mc-plan';

const DRAWS = Number(process.env.BENCH_DRAWS ?? 300);
const say = (s: string) => process.stdout.write(s + '\n');

const { compiled: c, model, edits } = planDraws(DRAWS * 2);
const evaluate = c.evaluate;

function timed(from: number, to: number): { edit: number; evaluate: number } {
  let edit = 0;
  let ev = 0;
  for (let k = from; k < to; k++) {
    const t0 = performance.now();
    if (!model.editAll(edits[k]).ok) throw new Error(`draw ${k} refused`);
    const t1 = performance.now();
    evaluate.run(model.output);
    ev += performance.now() - t1;
    edit += t1 - t0;
  }
  return { edit: edit / (to - from), evaluate: ev / (to - from) };
}

/** Heap allocated per draw by the edit and by the evaluation (V8's sampling heap profiler, objects collected since included). */
async function allocation(from: number, to: number): Promise<{ edit: number; evaluate: number; total: number }> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  for (let k = from; k < to; k++) {
    model.editAll(edits[k]);
    evaluate.run(model.output);
  }
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  type Node = { callFrame: { functionName: string }; selfSize: number; children: Node[] };
  const sums = { edit: 0, evaluate: 0, total: 0 };
  const walk = (n: Node, under: 'edit' | 'evaluate' | null) => {
    const name = n.callFrame.functionName;
    const at = under ?? (name === 'editAll' ? 'edit' : name === 'evaluateRun' ? 'evaluate' : null);
    sums.total += n.selfSize;
    if (at) sums[at] += n.selfSize;
    for (const ch of n.children) walk(ch, at);
  };
  walk(profile.head as unknown as Node, null);
  const n = to - from;
  return { edit: sums.edit / n, evaluate: sums.evaluate / n, total: sums.total / n };
}

const warm = Math.min(200, Math.floor(DRAWS / 3));
timed(0, warm);
const t = timed(warm, DRAWS);
const a = await allocation(0, Math.min(100, DRAWS));
const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
say(`Monte Carlo draw parts — ${DRAWS - warm} draws timed after ${warm} to warm up, Node ${process.version}`);
say(`  edit (adjust + loop) ${t.edit.toFixed(3)} ms, evaluate ${t.evaluate.toFixed(3)} ms a draw`);
say(`  heap allocated a draw: edit ${kb(a.edit)}, evaluate ${kb(a.evaluate)}, all ${kb(a.total)}`);
