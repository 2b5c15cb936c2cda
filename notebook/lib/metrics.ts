/**
 * The figures the notebook shows, by key, with their Chinese and English names: read from the
 * engine's figure catalogue (engine/figures.ts), which also says which rules make each figure — the
 * KPI cards, the compare view's rows and the trace all use it, and keep no list of their own.
 *
 * Keys are the Result's field names, the same at every level: `saleRevenue` (totals.saleRevenue,
 * periods[].saleRevenue), `shares.province`, `provisionsByKind.education`.
 */
import { figure } from '../../engine/figures';
import { PROVISIONS } from '../../engine/provision-catalogue';

export interface MetricDef {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Can the trace list the postings behind it (false for a computed figure such as the peak need)? */
  readonly traced: boolean;
}

// Provision kinds and their names come from the engine's catalogue (data/provisions.json).
export { PROVISION_KINDS, type ProvisionKind } from '../../engine/provision-catalogue';
export const PROVISION_NAMES: Readonly<Record<string, { zh: string; en: string }>> = Object.fromEntries(PROVISIONS.map((d) => [d.id, { zh: d.zh, en: d.en }]));

/** A table column or chart step may name a provision kind as `provisions.<kind>`. */
export function figureKey(key: string): string {
  const kind = /^provisions\.(.+)$/.exec(key)?.[1];
  return kind !== undefined ? `provisionsByKind.${kind}` : key;
}

/** A metric by key; `shares.<tier>` is made on the fly (the tier's name from the result). */
export function metricDef(key: string, tierName?: { zh: string; en: string }): MetricDef | null {
  const f = figure(figureKey(key), tierName);
  return f ? { key: f.key, zh: f.zh, en: f.en, traced: !f.derived } : null;
}
