/**
 * The stress presets of the funding rules (engine/multi-run/stress.ts: price −10 % / −20 %, sales 6 / 12
 * months late, coupons +100 bp, costs +10 %) side by side in one table, for any outputs.
 *
 *   stressOutputs(hainanBonds, ['min(bonds[*].coverageRatio)', 'totals.peakFundingNeed'])
 *   → base, price-90, price-80, delay-6, delay-12, rates-100bp, costs-110: one row each,
 *     the figures as the Result writes them; a preset the engine refuses keeps its problems.
 */
import { type Problem, setAt, STRESS_PRESETS, type StressPreset, type Text } from '../index';
import { evaluator, parseOutputs } from './evaluate';
import type { OutputRef } from './output';

export interface StressOutputRow {
  readonly id: string;
  readonly name: Text;
  readonly adjustments: Record<string, string | number>;
  readonly texts: readonly (string | null)[];
  readonly values: readonly number[];
  readonly problems: readonly Problem[];
}

export function stressOutputs(scenario: unknown, outputs: readonly string[], presets: readonly StressPreset[] = STRESS_PRESETS): { ok: true; outputs: OutputRef[]; rows: StressOutputRow[] } | { ok: false; problems: Problem[] } {
  const outs = parseOutputs(outputs);
  if (!outs.ok) return outs;
  const evaluate = evaluator(outs.outputs);
  const current = ((scenario as { adjustments?: Record<string, unknown> }).adjustments ?? {}) as Record<string, string | number>;
  const rows = [{ id: 'base', name: { zh: '基准情景', en: 'Base case' }, adjustments: {} }, ...presets].map((preset) => {
    const adjustments = { ...current, ...preset.adjustments };
    const e = evaluate(setAt(scenario, ['adjustments'], adjustments));
    return e.ok
      ? { id: preset.id, name: preset.name, adjustments: preset.adjustments, texts: e.texts, values: e.values, problems: [] }
      : { id: preset.id, name: preset.name, adjustments: preset.adjustments, texts: outs.outputs.map(() => null), values: outs.outputs.map(() => NaN), problems: e.problems };
  });
  return { ok: true, outputs: outs.outputs, rows };
}
