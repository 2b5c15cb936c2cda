/**
 * Warm-up of the engine worker. A fresh worker's first edits run several times slower than later
 * ones (the JavaScript engine has not compiled the edit and report paths yet), so the first moves
 * of a slider would wait for that. After the worker's first run, it edits that run's model a few
 * times, as a moved price slider does, reports each edit in the views the page asked for, and
 * edits it back to the page's scenario (engine-worker.ts). Each edit is a task of its own, so a
 * request never waits for more than one.
 */
import { setAt } from '../engine/scenario/json-path';

/** Sale price factors a slider passes through, one edit each: twenty, about as many as the compiler needs. */
const FACTORS = ['0.95', '0.90', '0.85', '0.80', '0.85', '0.90', '0.95', '1.05', '1.10', '1.15', '1.10', '1.05', '0.95', '0.90', '0.95', '1.05', '0.95', '0.90', '0.95', '1.05'];

/** The scenarios the warm-up runs, in order: the scenario with its sale price factor moved. */
export function warmVariants(scenario: unknown): unknown[] {
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) return [];
  return FACTORS.map((f) => setAt(scenario, ['adjustments', 'salePriceFactor'], f));
}
