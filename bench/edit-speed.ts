/**
 * The four edits of `npm run bench` section 2 on the incremental model alone — split ratio, sale
 * price factor, bond rate, sale delay, each alternating between two values, then the metrics
 * every bench reads — and the Monte Carlo plan's four adjustments at once: medians, so that a
 * change to the edit path can be compared before and after, back to back, without the spreadsheet.
 * Each figure is the median wall time and, in brackets, the median CPU time of this process and
 * the tenth percentile of the wall time (both less moved by other work on a shared machine).
 *
 *   node --import tsx bench/edit-speed.ts [parcels] [months] [iterations]   (default 1000 240 200)
 *   EDITS="sale price factor" node --cpu-prof --import tsx bench/edit-speed.ts   (one edit, to profile)
 */
import { IncrementalModel } from '../engine/index';
import { metrics } from './analysis-reads';
import { portfolio } from './portfolio';
import { mcPlan } from './mc-plan';
import { fmtMs, wallAndCpuMs } from './timing';

const [parcels = 1000, months = 240, iterations = 200] = process.argv.slice(2).map(Number);

const EDITS: Record<string, { path: string; values: [unknown, unknown] }> = {
  'split ratio': { path: 'split.ratios', values: [{ province: '7', city: '3' }, { province: '6', city: '4' }] },
  'sale price factor': { path: 'adjustments.salePriceFactor', values: ['0.9', '1'] },
  'bond rate': { path: 'bonds[0].couponRate', values: ['3.5%', '3.2%'] },
  'sale delay': { path: 'adjustments.saleDelayMonths', values: [3, 0] },
  'cost factor': { path: 'adjustments.costFactor', values: ['1.1', '1'] },
};
/** Median wall and CPU milliseconds of `fn`, and the wall time's tenth percentile, as a text. */
function medians(fn: () => unknown, iterations: number, warmup: number): string {
  const m = wallAndCpuMs(fn, iterations, warmup);
  return `${fmtMs(m.wall)} ms (cpu ${fmtMs(m.cpu)}, p10 ${fmtMs(m.p10)})`;
}

const chosen = process.env.EDITS ? process.env.EDITS.split(',').map((s) => s.trim()) : [...Object.keys(EDITS), 'mc draw'];

function created(scenario: unknown): IncrementalModel {
  const c = IncrementalModel.create(scenario);
  if (!c.ok) throw new Error(`refused: ${c.problems[0]?.message.en}`);
  return c.model;
}

const model = created(portfolio({ parcels, months, seed: 2, bond: true, headroomMonths: 6 }));
const line: string[] = [];
for (const name of chosen.filter((n) => n in EDITS)) {
  const { path, values } = EDITS[name];
  let k = 0;
  const figure = medians(() => {
    const r = model.edit({ path, value: values[k++ % 2] });
    if (!r.ok) throw new Error(`${name}: ${r.problems[0]?.message.en}`);
    return metrics(model.output);
  }, iterations, Math.min(50, iterations));
  model.edit({ path, value: values[1] });
  line.push(`${name} ${figure}`);
}

if (chosen.includes('mc draw')) {
  // The Monte Carlo plan's draws: all four adjustments at once, on its 200 × 120 portfolio.
  const mc = created(mcPlan(1).scenario);
  const draws = [
    { salePriceFactor: '0.9371', costFactor: '1.0523', saleDelayMonths: 4, rateShiftBp: 23 },
    { salePriceFactor: '1.0412', costFactor: '0.9811', saleDelayMonths: 1, rateShiftBp: -31 },
  ];
  let k = 0;
  const figure = medians(() => {
    const d = draws[k++ % 2];
    const r = mc.editAll(Object.entries(d).map(([key, value]) => ({ path: `adjustments.${key}`, value })));
    if (!r.ok) throw new Error(`mc draw: ${r.problems[0]?.message.en}`);
    return metrics(mc.output);
  }, iterations * 2, Math.min(50, iterations));
  line.push(`mc draw (200x120, 4 adjustments) ${figure}`);
}
console.log(`${parcels}x${months} edit + metrics medians: ${line.join('; ')}`);
