/**
 * The engine's one pure entry point: simulate(scenario) → Result. Same input, byte-identical
 * output; no clock, no randomness, no I/O. A scenario with problems is refused before anything
 * runs (ScenarioInvalid carries every problem); use `prepare` to get them as values instead.
 * Analyses that call the engine many times use prepare once and run/report as they need.
 */
import { ScenarioInvalid } from './problem';
import { prepare } from './scenario/normalize';
import { run } from './run';
import { report, type Result } from './report';

export function simulate(scenario: unknown): Result {
  const prepared = prepare(scenario);
  if (!prepared.ok) throw new ScenarioInvalid(prepared.problems);
  // The largest views are made when first read (report-lazy.ts): the bytes are the same.
  return report(run(prepared.model), { lazy: true });
}
