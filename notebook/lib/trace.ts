/**
 * A figure's trace: the postings behind it, the rules that made them and the parameters those
 * rules read, with the postings' sum checked against the figure shown. Runs in the worker, next
 * to the ledger; the page sends a query and draws the answer.
 *
 *   traceFigure(postings, result, {metric: 'shares.province', parcel: 'HN-SY-01'})
 *   → postings of rule split.share into share:province:* for that parcel, rule S-1, parameters
 *     split.ratios and split.paidStockRecovery.ratios with their sources, sum 351,348,000.00 元.
 */
import { fenToYuan, parseMoney } from '../../engine/money';
import type { PostingRow, Result } from '../../engine/report';
import { metricDef, ruleMatches } from './metrics';

export interface TraceQuery {
  /** A metric key from metrics.ts ('saleReceipts', 'shares.city', 'provisions.education'…). */
  metric: string;
  period?: string;
  year?: number;
  parcel?: string;
  zone?: string;
  /** Which run of a pair the figure belongs to (the compare page); the worker ignores it. */
  side?: 'a' | 'b';
  /** The figure as the page shows it (元 string), to check the postings against. */
  value?: string;
}

export interface TraceAnswer {
  query: TraceQuery;
  label: { zh: string; en: string };
  known: boolean;
  postings: PostingRow[];
  /** How many postings matched (the list is capped at `limit`). */
  count: number;
  sum: string;
  /** Does the postings' sum equal the figure shown? null when no figure was given. */
  agrees: boolean | null;
  rules: Result['rules'];
  parameters: Result['parameters'];
}

const LIMIT = 400;

export function traceFigure(postings: readonly PostingRow[], result: Result, query: TraceQuery): TraceAnswer {
  const tierId = /^shares\.(.+)$/.exec(query.metric)?.[1];
  const tier = tierId ? result.tiers.find((t) => t.id === tierId) : undefined;
  const def = metricDef(query.metric, tier?.name);
  const label = def ? { zh: def.zh, en: def.en } : { zh: query.metric, en: query.metric };
  const empty: TraceAnswer = { query, label, known: false, postings: [], count: 0, sum: '0.00', agrees: null, rules: [], parameters: [] };
  if (!def || (!def.rules && !def.account)) return empty;

  // A balance is everything up to the period (or the year's end); a flow is the period's (year's) own.
  const bound = query.period ?? (query.year !== undefined ? `${query.year}-12` : undefined);
  const inTime = (p: PostingRow): boolean => {
    if (def.account) return bound === undefined || p.period <= bound;
    if (query.year !== undefined) return p.period.startsWith(`${query.year}-`);
    if (query.period !== undefined) return p.period === query.period;
    return true;
  };
  const inScope = (p: PostingRow) => (query.parcel === undefined || p.parcel === query.parcel) && (query.zone === undefined || p.zone === query.zone);

  const matched: PostingRow[] = [];
  let sum = 0;
  const usedRules = new Set<string>();
  for (const p of postings) {
    if (!inTime(p) || !inScope(p)) continue;
    let sign = 0;
    if (def.account) {
      sign = p.to === def.account ? 1 : p.from === def.account ? -1 : 0;
    } else if (def.minus && ruleMatches(def.minus, p.rule)) {
      sign = -1;
    } else if (def.rules && ruleMatches(def.rules, p.rule)) {
      sign = tierId ? (p.to.startsWith(`share:${tierId}:`) ? 1 : 0) : 1;
    }
    if (sign === 0) continue;
    matched.push(p);
    usedRules.add(p.rule);
    sum += sign * (parseMoney(p.amount) ?? 0);
  }
  const refs = new Set<string>();
  const rules = result.rules.filter((r) => usedRules.has(r.id) || (def.rules && ruleMatches(def.rules, r.id) && matched.length === 0 && !def.account));
  for (const r of rules) for (const ref of r.ref.split(/,\s*/)) refs.add(ref.trim());
  const parameters = result.parameters.filter((p) => refs.has(p.ref));
  const shown = query.value !== undefined ? parseMoney(query.value) : null;
  return {
    query,
    label,
    known: true,
    postings: matched.slice(0, LIMIT),
    count: matched.length,
    sum: fenToYuan(sum),
    agrees: shown === null ? null : shown === sum,
    rules,
    parameters,
  };
}
