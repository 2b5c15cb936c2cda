/**
 * Monte Carlo as a user waits for it: `lrsim montecarlo` on the bench plan (bench/mc-plan.ts), the
 * built CLI a `npm install` makes, wall time from the shell's start of the command to its exit —
 * Node's start, the plan's compile, the draws (on worker processes of the built code when
 * --threads > 1) and the JSON printed. The in-process figure (bench/mc-speed.ts) times the engine
 * under tsx, whose worker processes also transpile the TypeScript as they start: about a second
 * of each child's start that no user of the built CLI or of the notebook pays.
 *
 *   mcCliSeconds(mcPlan(10000), 2) → { seconds: 8.1, result: { outputs: […], events: […], … } }
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../package.json';
import type { McPlan } from '../engine/analysis/index';
import { timedNode } from './cli-start';

/** The command-line arguments that ask `lrsim montecarlo` for this plan. */
export function mcCliArguments(plan: McPlan, scenarioFile: string, threads: number): string[] {
  return [
    'montecarlo', scenarioFile, '--runs', String(plan.runs), '--seed', String(plan.seed), '--threads', String(threads), '--json', '--quiet',
    ...plan.inputs.flatMap((i) => ['--dist', `${i.path}=${i.distribution}`]),
    ...(plan.correlations ?? []).flatMap((c) => ['--corr', `${c.a},${c.b}=${c.rho}`]),
    ...(plan.outputs ?? []).flatMap((o) => ['--output', o]),
    ...(plan.series ?? []).flatMap((s) => ['--series', s]),
    ...(plan.events ?? []).flatMap((e) => ['--event', `${e.output}${e.op}${e.threshold}`]),
  ];
}

/** Wall seconds of one `lrsim montecarlo` of the plan, and the result it printed. */
export function mcCliSeconds(plan: McPlan, threads: number): { seconds: number; result: { outputs: { percentiles: { p: number; text: string }[] }[] } } {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-mc-'));
  try {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(plan.scenario));
    const { ms, stdout } = timedNode([pkg.bin.lrsim, ...mcCliArguments(plan, file, threads)], true);
    return { seconds: ms / 1000, result: JSON.parse(stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
