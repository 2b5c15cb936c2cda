/** Loading the repository's scenario files the way the CLI does. */
import { readdirSync } from 'node:fs';
import { loadScenarioFile } from '../../cli/load';
import { prepare, report, run, type Result } from '../../engine/index';

export const SCENARIO_DIR = 'scenarios';

/** Every scenario file, stress variants in scenarios/stress/ included. */
export function scenarioFiles(): string[] {
  return (readdirSync(SCENARIO_DIR, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json') && !f.endsWith('scenario.schema.json'))
    .sort()
    .map((f) => `${SCENARIO_DIR}/${f}`);
}

export function runFile(file: string): Result {
  const composed = loadScenarioFile(file);
  if (!composed.ok) throw new Error(`${file}: ${composed.problems.map((p) => p.message.en).join('; ')}`);
  const prepared = prepare(composed.scenario);
  if (!prepared.ok) throw new Error(`${file}: ${prepared.problems.map((p) => p.message.en).join('; ')}`);
  return report(run(prepared.model), { postings: true });
}

export function composed(file: string): Record<string, unknown> {
  const c = loadScenarioFile(file);
  if (!c.ok) throw new Error(c.problems.map((p) => p.message.en).join('; '));
  return c.scenario;
}
