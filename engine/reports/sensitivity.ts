/**
 * The sensitivity block of a balance plan: the same scenario run again under the stress presets a
 * 实施方案 shows (income −10% / −20%, sales 6 / 12 months late, coupons +100 bp), each by the
 * engine (engine/multi-run/stress.ts presets, applied as adjustments), so each case's coverage is the
 * engine's, not a scaled copy of the base case.
 */
import { STRESS_PRESETS } from '../multi-run/stress';
import { mergeDeep } from '../scenario/compose';
import { prepare } from '../scenario/normalize';
import { run } from '../run';
import { report, type Result } from '../report';
import type { Text } from '../model';

export const SENSITIVITY_PRESETS = ['price-90', 'price-80', 'delay-6', 'delay-12', 'rates-100bp'] as const;

export interface SensitivityRun {
  readonly id: string;
  readonly name: Text;
  /** null when the adjusted scenario is refused (its problems are the stress table's business). */
  readonly result: Result | null;
}

export function sensitivityRuns(scenario: Record<string, unknown>): SensitivityRun[] {
  return SENSITIVITY_PRESETS.map((id) => {
    const preset = STRESS_PRESETS.find((p) => p.id === id)!;
    const adjusted = mergeDeep(scenario, { adjustments: { ...((scenario.adjustments as object) ?? {}), ...preset.adjustments } });
    const prepared = prepare(adjusted);
    return { id, name: preset.name, result: prepared.ok ? report(run(prepared.model)) : null };
  });
}
