/**
 * The bond rate edit of bench/run.ts section 2, alone: `bonds[0].couponRate` alternating 3.5% and
 * 3.2% on the 1 000 × 240 portfolio with its bond, then the metrics the benches read. Timed side
 * by side, in rounds, medians:
 *
 *   loop         what the edit cost before: the monthly loop run again (run) + metrics
 *   re-derived   the finished run re-derived (engine/incremental/coupon.ts) + metrics
 *   edit         the incremental model's whole edit (parse, judge the rate, re-derive) + metrics
 *
 * and how often the re-derivation answers: for the bench's two rates, for coupons from 0% to 8%,
 * for rate shifts, and for coupon edits of the scenarios in scenarios/ (the rest run the loop).
 *
 *   npx tsx bench/coupon-edit.ts [parcels] [months]      (default 1000 240)
 */
import { readdirSync } from 'node:fs';
import { loadScenarioFile } from '../cli/load';
import { prepare, run, parsePath, setAt, type Model, type RunOutput } from '../engine/index';
import { IncrementalModel } from '../engine/incremental/index';
import { recouponOrWhy } from '../engine/incremental/coupon';
import { portfolio } from './portfolio';
import { metrics } from './analysis-reads';
import { fmtMs, medianMs } from './timing';

const say = (s = '') => process.stdout.write(s + '\n');
const parcels = Number(process.argv[2] ?? 1000);
const months = Number(process.argv[3] ?? 240);
const RATES = ['3.5%', '3.2%'];

/** `model` with the coupon rates of the scenario edited at `path` (what the incremental model makes). */
function edited(model: Model, scenario: unknown, path: string, value: unknown): Model | null {
  const p = prepare(setAt(scenario, parsePath(path)!, value));
  if (!p.ok) return null;
  return Object.defineProperties(Object.create(Object.getPrototypeOf(model)) as Model, { ...Object.getOwnPropertyDescriptors(model), bonds: { value: model.bonds.map((b, i) => ({ ...b, rate: p.model.bonds[i].rate })), enumerable: true } });
}

function timings(): void {
  const scenario = portfolio({ parcels, months, seed: 2, bond: true, headroomMonths: 6 });
  const created = IncrementalModel.create(scenario);
  if (!created.ok) throw new Error('portfolio refused');
  const m = created.model;
  const base = m.model;
  const models = RATES.map((r) => edited(base, scenario, 'bonds[0].couponRate', r)!);
  // Each side starts from the run of the other rate, as the alternating edit does.
  const outs: RunOutput[] = models.map((x) => run(x));
  let k = 0;
  const loop: number[] = [];
  const derived: number[] = [];
  const edit: number[] = [];
  for (let round = 0; round < 5; round++) {
    loop.push(medianMs('loop', () => metrics(run(models[k++ % 2])), 100, 30));
    derived.push(medianMs('re-derived', () => { const i = k++ % 2; const r = recouponOrWhy(outs[1 - i], models[i]); if (typeof r === 'string') throw new Error(r); return metrics(r); }, 400, 100));
    edit.push(medianMs('edit', () => { m.edit({ path: 'bonds[0].couponRate', value: RATES[k++ % 2] }); return metrics(m.output); }, 400, 100));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  say(`bond rate edit, ${parcels} × ${months} (${outs[0].ledger.length} postings), medians of 5 rounds:`);
  say(`  loop (run + metrics)         ${fmtMs(med(loop))} ms   rounds ${loop.map(fmtMs).join(' ')}`);
  say(`  re-derived (+ metrics)       ${fmtMs(med(derived))} ms   rounds ${derived.map(fmtMs).join(' ')}`);
  say(`  incremental edit (+ metrics) ${fmtMs(med(edit))} ms   rounds ${edit.map(fmtMs).join(' ')}`);
  say(`  loop / edit ${(med(loop) / med(edit)).toFixed(1)}×; HyperFormula's 9.23 ms recalculation / edit ${(9.23 / med(edit)).toFixed(1)}×`);
}

/** How many edits re-derive, and why the others run the loop. */
function coverage(label: string, scenario: unknown, edits: readonly { path: string; value: unknown }[]): void {
  const p = prepare(scenario);
  if (!p.ok) return;
  const out = run(p.model);
  const why = new Map<string, number>();
  let fast = 0;
  let total = 0;
  for (const e of edits) {
    const next = edited(p.model, scenario, e.path, e.value);
    if (!next) continue;
    total++;
    const r = recouponOrWhy(out, next);
    if (typeof r === 'string') why.set(r, (why.get(r) ?? 0) + 1);
    else fast++;
  }
  const reasons = [...why].map(([w, n]) => `${n} ${w}`).join('; ');
  say(`  ${label}: ${fast}/${total} re-derived${reasons ? ` (loop: ${reasons})` : ''}`);
}

timings();
say('');
say('edits that re-derive (else the loop runs):');
const bench = portfolio({ parcels, months, seed: 2, bond: true, headroomMonths: 6 });
coverage('bench rates 3.5% / 3.2%', bench, RATES.map((value) => ({ path: 'bonds[0].couponRate', value })));
coverage('bench coupons 0%–8% by 0.25%', bench, Array.from({ length: 33 }, (_, i) => ({ path: 'bonds[0].couponRate', value: `${i / 4}%` })));
coverage('bench rate shifts −300…+300 bp by 25', bench, Array.from({ length: 25 }, (_, i) => ({ path: 'adjustments.rateShiftBp', value: -300 + i * 25 })));
for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.json') && x !== 'scenario.schema.json')) {
  const composed = loadScenarioFile(`scenarios/${f}`);
  if (!composed.ok) continue;
  const s = composed.scenario as { bonds?: unknown[] };
  if (!s.bonds?.length) continue;
  coverage(f, s, s.bonds.flatMap((_, b) => ['2%', '3%', '4.5%'].map((value) => ({ path: `bonds[${b}].couponRate`, value }))));
}
