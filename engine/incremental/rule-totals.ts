/**
 * A run's totals by rule known without a pass over its ledger. A coupon edit (coupon.ts) knows the
 * few postings it changed, so the new run's totals are the old run's moved by those changes: the
 * analysis readers (analysis/metrics.ts) take them from here. Every amount is a positive whole
 * number of fen, so while a total stays a safe integer every partial sum is exact and the order of
 * adding makes no difference: the totals equal a fresh pass's, to the fen.
 */
import { sumByRule } from '../ledger';
import { RULE_IDS } from '../rules';
import type { RunOutput } from '../run';

const KNOWN = new WeakMap<RunOutput, Float64Array>();

/** The run's totals by rule (indexed by rule), if known without a pass. */
export function knownRuleTotals(out: RunOutput): Float64Array | undefined {
  return KNOWN.get(out);
}

/** The old run's totals (summed once if not known yet), for a new run to be derived from. */
export function ruleTotalsOf(out: RunOutput): Float64Array {
  let s = KNOWN.get(out);
  if (!s) {
    s = sumByRule(out.ledger, RULE_IDS.length);
    KNOWN.set(out, s);
  }
  return s;
}

/** Records `next`'s totals: `base` moved by each (rule, change); not recorded if a total leaves the safe integers. */
export function recordRuleTotals(next: RunOutput, base: Float64Array, rules: readonly number[], changes: readonly number[]): void {
  const s = base.slice();
  for (let k = 0; k < rules.length; k++) s[rules[k]] += changes[k];
  for (let r = 0; r < s.length; r++) if (!Number.isSafeInteger(s[r]) || s[r] < 0) return;
  KNOWN.set(next, s);
}
