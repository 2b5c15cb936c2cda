import { applyInputs, compilePlan, drawInputs } from '../engine/analysis/index';
import { getAt } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { mcPlan } from './mc-plan';
const N = 2000;
const c = (compilePlan(mcPlan(N)) as any).compiled;
const resolved = c.inputs.map((i: any) => i.input);
const model = (IncrementalModel.create(c.plan.scenario) as any).model;
const edits = Array.from({ length: N }, (_, k) => { const v = applyInputs(c.plan.scenario, resolved, drawInputs(c, k)); return resolved.map((r: any) => ({ path: r.path, value: getAt(v, r.segments) })); });
const g = (globalThis as any).gc;
const out: string[] = [];
for (let k = 0; k < N; k++) {
  model.editAll(edits[k]); c.evaluate.run(model.output);
  if (k % 200 === 199) { g(); out.push((process.memoryUsage().heapUsed / 1e6).toFixed(1)); }
}
console.log('heapUsed after full GC every 200 draws (MB):', out.join(' '));
