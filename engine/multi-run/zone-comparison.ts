/**
 * Closed operation versus one pool, on the same parcels (封闭运行、区域平衡 vs 统筹): run the scenario
 * both ways and set each zone's balance, peak need and budget support side by side, with what the
 * programme as a whole had to borrow from the budget in each.
 */
import { mergeDeep } from '../scenario/compose';
import { prepare } from '../scenario/normalize';
import { run } from '../run';
import { report, type Result } from '../report';
import type { Problem } from '../problem';

export type ZoneComparison =
  | { ok: true; closed: Result; pooled: Result }
  | { ok: false; problems: Problem[] };

export function compareZoneModes(scenario: Record<string, unknown>): ZoneComparison {
  const results: Result[] = [];
  for (const zoneMode of ['closed', 'pooled'] as const) {
    const prepared = prepare(mergeDeep(scenario, { zoneMode }));
    if (!prepared.ok) return { ok: false, problems: prepared.problems };
    results.push(report(run(prepared.model)));
  }
  return { ok: true, closed: results[0], pooled: results[1] };
}
