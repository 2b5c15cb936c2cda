/**
 * The parcel-flow stage alone: how long prepare() takes on generated portfolios, and what an
 * adjustment edit costs on the incremental model (the edit itself, and the edit without its run).
 *
 *   npx tsx bench/parcel-flows.ts            → prepare at 500 × 120, 1 000 × 240, 10 000 × 240;
 *                                              price factor, delay and a four-adjustment draw at
 *                                              200 × 120 (the Monte Carlo portfolio) and 1 000 × 240
 *   PF_SKIP=prepare,edits                    → leave a part out
 *
 * "edit" is IncrementalModel.edit (parcel flows + run); "adjust" is the same adjustments applied
 * to a base prepared once (engine/scenario/adjust.ts) without the run; "run" is run() of the
 * edited model. Medians only; nothing here is a pass/fail test.
 */
import { prepare, run } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { adjust, prepareBase } from '../engine/scenario/adjust';
import { portfolio } from './portfolio';
import { prepared } from './analysis-reads';
import { fmtMs, medianMs } from './timing';

const skip = new Set((process.env.PF_SKIP ?? '').split(',').map((s) => s.trim()));
const say = (s = '') => process.stdout.write(s + '\n');

function benchPrepare(parcels: number, months: number, iterations: number): void {
  const scenario = portfolio({ parcels, months, seed: 1 });
  prepared(scenario);
  const ms = medianMs(`prepare ${parcels}x${months}`, () => prepare(scenario), iterations, 2);
  say(`  prepare ${String(parcels).padStart(6)} × ${String(months).padEnd(4)} ${fmtMs(ms).padStart(7)} ms`);
}

type Adj = Record<string, unknown>;

interface EditCase { name: string; values: [Adj, Adj] }

/** Two alternating adjustment sets per case: each edit moves from one to the other. */
const CASES: EditCase[] = [
  { name: 'price factor', values: [{ salePriceFactor: '0.9' }, { salePriceFactor: '1' }] },
  { name: 'sale delay', values: [{ saleDelayMonths: 3 }, { saleDelayMonths: 0 }] },
  { name: 'cost factor', values: [{ costFactor: '1.1' }, { costFactor: '1' }] },
  {
    name: 'four adjustments',
    values: [
      { salePriceFactor: '0.9371', costFactor: '1.0523', saleDelayMonths: 4, rateShiftBp: 23 },
      { salePriceFactor: '1.0412', costFactor: '0.9811', saleDelayMonths: 1, rateShiftBp: -31 },
    ],
  },
];

function benchEdits(label: string, scenario: Record<string, unknown>, iterations: number): void {
  const created = IncrementalModel.create(scenario);
  if (!created.ok) throw new Error(`${label} refused`);
  const model = created.model;
  const base = prepareBase(scenario);
  const plain = prepared(scenario);
  const runMs = medianMs(`${label} run`, () => run(plain), iterations, 5);
  say(`  ${label}: run alone ${fmtMs(runMs)} ms`);
  for (const c of CASES) {
    let k = 0;
    const edit = medianMs(`${label} ${c.name} edit`, () => {
      const r = model.editAll(Object.entries(c.values[k++ % 2]).map(([key, value]) => ({ path: `adjustments.${key}`, value })));
      if (!r.ok) throw new Error(`${c.name}: ${r.problems[0]?.message.en}`);
    }, iterations, 5);
    const adj = medianMs(`${label} ${c.name} adjust`, () => {
      const p = adjust(base, c.values[k++ % 2]);
      if (!p.ok) throw new Error(`${c.name}: ${p.problems[0]?.message.en}`);
    }, iterations, 5);
    say(`    ${c.name.padEnd(17)} edit (flows + run) ${fmtMs(edit).padStart(6)} ms   adjust on a base ${fmtMs(adj).padStart(6)} ms   edit − run ≈ ${fmtMs(Math.max(0, edit - runMs)).padStart(6)} ms`);
  }
}

say(`parcel-flow stage — Node ${process.version}`);
if (!skip.has('prepare')) {
  say('prepare (medians)');
  benchPrepare(500, 120, 40);
  benchPrepare(1000, 240, 20);
  benchPrepare(10000, 240, 6);
}
if (!skip.has('edits')) {
  say('adjustment edits on the incremental model (medians)');
  benchEdits('200 × 120 (MC portfolio)', portfolio({ parcels: 200, months: 120, seed: 3, headroomMonths: 12, bond: true, bondShare: 0.8 }), 200);
  benchEdits('1 000 × 240 (edit bench)', portfolio({ parcels: 1000, months: 240, seed: 2, bond: true, headroomMonths: 6 }), 40);
}
