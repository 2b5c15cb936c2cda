/**
 * What the run invariants cost beside the run they check (engine/run-invariants.ts), on the
 * portfolio a Monte Carlo draw runs: 200 parcels × 240 months, with and without a bond. The
 * invariants are asserted after every draw, so they must stay a small fraction of a run.
 *
 *   node --import tsx bench/invariants.ts          (prints medians and the ratio)
 */
import { prepare } from '../engine/scenario/normalize';
import { run } from '../engine/run';
import { assertRunInvariants } from '../engine/run-invariants';
import { portfolio } from './portfolio';
import { fmtMs, medianMs } from './timing';

for (const bond of [false, true]) {
  const scenario = portfolio({ parcels: 200, months: 240, seed: 1, bond });
  const p = prepare(scenario);
  if (!p.ok) throw new Error(p.problems.slice(0, 3).map((x) => x.message.en).join('; '));
  const out = run(p.model);
  const runMs = medianMs('run', () => run(p.model), 60, 20);
  const checkMs = medianMs('invariants', () => assertRunInvariants(out), 200, 50);
  console.log(`200 × 240${bond ? ' with a bond' : ''}: ${out.ledger.length} postings   run ${fmtMs(runMs)} ms   invariants ${fmtMs(checkMs)} ms   = ${((checkMs / runMs) * 100).toFixed(1)} % of a run`);
}
