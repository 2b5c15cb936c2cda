/**
 * New split ratios judged on their own: every ratio written as the schema writes a weight and
 * within its limits, every key a tier, one tier above zero — what prepare checks of
 * `split.ratios`. The default split rebuilt from them; null for anything else (prepare judges it).
 */
import { dec } from '../money';
import { weightBreach } from '../limits';
import { splitRatios, type SplitRatios } from '../revenue-split';
import type { Model } from '../model';

const WEIGHT = /^\s*\d+(\.\d+)?\s*%?\s*$/;

export function splitEdit(model: Model, ratios: unknown): SplitRatios[] | null {
  if (typeof ratios !== 'object' || ratios === null || Array.isArray(ratios)) return null;
  const tiers = model.tiers.map((t) => t.id);
  const entries = Object.entries(ratios);
  for (const [k, v] of entries) {
    if (!tiers.includes(k) || typeof v !== 'string' || !WEIGHT.test(v) || weightBreach(v)) return null;
  }
  if (entries.every(([, v]) => dec((v as string).replace('%', '')).isZero())) return null;
  const at = model.splitNames.indexOf('default');
  if (at < 0) return null;
  const next = splitRatios(tiers, ratios as Record<string, string>, model.splits[at].remainder);
  return model.splits.map((s, i) => (i === at ? next : s));
}
