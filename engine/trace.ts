/**
 * A figure's trace: the postings that make it, read straight from the ledger's columns, the rules
 * that made them with their DOMAIN.md references, and the policy parameters those rules read with
 * the documents they come from — and whether the postings add up to the figure, to the fen.
 *
 *   traceFigure(out, {figure: 'shares.province', parcel: 'HK-C1'})   (scenarios/hainan-year-base.json)
 *   → the split.share posting into the province's share account for that parcel, rule S-1,
 *     parameter split.ratios 6:4 with its source (琼府〔2021〕7号), sum 121 890 000.00 元.
 *
 * A balance (reserveFundBalance) is every posting into (+) or out of (−) its accounts up to the
 * period; a derived figure (peakFundingNeed) has no postings of its own and names its parts.
 */
import { NONE } from './ledger';
import { RULES, RULE_IDS } from './rules';
import { fenToYuan, parseMoney } from './money';
import { yearOf } from './timeline';
import { figure as figureOf, type Figure } from './figures';
import type { RunOutput } from './run';
import type { PostingRow } from './result';

export interface TraceQuery {
  /** A figure key of the catalogue: 'valueAdded', 'saleRevenue', 'shares.city', 'provisionsByKind.education'… */
  figure: string;
  /** A month ('2023-04'): its flow, or a balance at its end. */
  period?: string;
  /** A calendar (fiscal) year: its flow, or a balance at its end. */
  year?: number;
  parcel?: string;
  zone?: string;
  bond?: string;
  /** The figure as shown (元), to check the postings against. */
  value?: string;
}

export interface TracedRule { id: string; zh: string; en: string; ref: string; sign: 1 | -1; count: number; sum: string }
export interface TracedParameter { key: string; value: unknown; source: string; ref: string; confidence: string; overridden: boolean; from: string | null }

export interface TraceAnswer {
  query: TraceQuery;
  label: { zh: string; en: string };
  known: boolean;
  /** What a computed figure is made of (no postings of its own). */
  derived: { zh: string; en: string; from: readonly string[] } | null;
  /** The postings (the first `limit`), in ledger order. */
  postings: PostingRow[];
  count: number;
  sum: string;
  /** Does the postings' sum equal `query.value`? null when no value was given. */
  agrees: boolean | null;
  rules: TracedRule[];
  parameters: TracedParameter[];
}

/** Why a query cannot be answered: an unknown parcel, zone, bond, tier or month. */
export class TraceScopeError extends Error {
  constructor(readonly what: string, readonly value: string, readonly known: readonly string[]) {
    super(`unknown ${what} "${value}"`);
  }
}

export function traceFigure(out: RunOutput, query: TraceQuery, limit = 400): TraceAnswer {
  const { model, ledger: l } = out;
  const tierId = /^shares\.(.+)$/.exec(query.figure)?.[1];
  const tierIndex = tierId === undefined ? -1 : model.tiers.findIndex((t) => t.id === tierId);
  const f = figureOf(query.figure, tierIndex >= 0 ? model.tiers[tierIndex].name : undefined);
  const label = f ? { zh: f.zh, en: f.en } : { zh: query.figure, en: query.figure };
  const unknown: TraceAnswer = { query, label, known: false, derived: null, postings: [], count: 0, sum: '0.00', agrees: null, rules: [], parameters: [] };
  if (!f || (tierId !== undefined && tierIndex < 0)) return unknown;
  if (f.derived) return { ...unknown, known: true, derived: f.derived };

  const scope = scopeOf(out, query, f);
  const sign = signOf(out, f, tierIndex);
  const matched: number[] = [];
  const byRule = new Map<number, { count: number; sum: number; sign: 1 | -1 }>();
  let sum = 0;
  for (let i = 0; i < l.length; i++) {
    if (!scope(i)) continue;
    const s = sign(i);
    if (s === 0) continue;
    matched.push(i);
    sum += s * l.amount[i];
    const r = byRule.get(l.rule[i]) ?? { count: 0, sum: 0, sign: s > 0 ? 1 : -1 };
    r.count++;
    r.sum += l.amount[i];
    byRule.set(l.rule[i], r);
  }
  // A flow with no postings in scope still names the rules that would make it.
  const ruleIds = f.accounts ? [...byRule.keys()].map((r) => RULE_IDS[r]) : [...f.plus, ...f.minus];
  const rules = ruleIds.map((id): TracedRule => {
    const info = RULES.get(id)!;
    const got = byRule.get(RULE_IDS.indexOf(id));
    return { id, zh: info.zh, en: info.en, ref: info.ref, sign: got?.sign ?? (f.minus.includes(id) ? -1 : 1), count: got?.count ?? 0, sum: fenToYuan(got?.sum ?? 0) };
  });
  const shown = query.value !== undefined ? parseMoney(query.value) : null;
  return {
    query,
    label,
    known: true,
    derived: null,
    postings: matched.slice(0, limit).map((i) => postingRow(out, i)),
    count: matched.length,
    sum: fenToYuan(sum),
    agrees: shown === null ? null : shown === sum,
    rules,
    parameters: parametersOf(out, rules),
  };
}

/** Which postings are in the query's time and place. */
function scopeOf(out: RunOutput, q: TraceQuery, f: Figure): (i: number) => boolean {
  const { model, ledger: l } = out;
  const labels = model.periodLabels;
  const find = (what: string, ids: readonly string[], id: string) => { const i = ids.indexOf(id); if (i < 0) throw new TraceScopeError(what, id, ids); return i; };
  const period = q.period !== undefined ? find('period', labels, q.period) : -1;
  if (q.year !== undefined && !labels.some((_, p) => yearOf(model.timeline, p) === q.year)) throw new TraceScopeError('year', String(q.year), [...new Set(labels.map((x) => x.slice(0, 4)))]);
  const parcel = q.parcel !== undefined ? find('parcel', model.parcels.map((p) => p.id), q.parcel) : NONE;
  const zone = q.zone !== undefined ? find('zone', model.zones.map((z) => z.id), q.zone) : NONE;
  const bondAccounts = q.bond !== undefined ? bondAccountsOf(out, q.bond) : null;
  // A balance is everything up to the period (the year's end); a flow is the period's (year's) own.
  const last = period >= 0 ? period : q.year !== undefined ? labels.reduce((m, _, p) => (yearOf(model.timeline, p) === q.year ? p : m), -1) : labels.length - 1;
  const inTime = f.accounts
    ? (p: number) => p <= last
    : q.year !== undefined ? (p: number) => yearOf(model.timeline, p) === q.year : period >= 0 ? (p: number) => p === period : () => true;
  return (i) => inTime(l.period[i])
    && (parcel === NONE || l.parcel[i] === parcel)
    && (zone === NONE || l.zone[i] === zone)
    && (bondAccounts === null || bondAccounts.has(l.from[i]) || bondAccounts.has(l.to[i]));
}

/** A bond's own accounts (its holders and issuing agents, and its rollover's): what its postings touch. */
function bondAccountsOf(out: RunOutput, id: string): Set<number> {
  const list = out.model.accounts.list;
  const ids = out.model.bonds.map((b) => b.id);
  if (!ids.includes(id)) throw new TraceScopeError('bond', id, ids);
  const own = new Set([`bondholders:${id}`, `bondAgent:${id}`, `bondholders:${id}-R`, `bondAgent:${id}-R`]);
  return new Set(list.map((a, i) => (own.has(a.id) ? i : -1)).filter((i) => i >= 0));
}

/** +1 for a posting that adds to the figure, −1 for one that subtracts, 0 for one that is not part of it. */
function signOf(out: RunOutput, f: Figure, tier: number): (i: number) => number {
  const { model, ledger: l } = out;
  if (f.accounts) {
    const wanted = new Set<number>();
    model.accounts.list.forEach((a, i) => {
      if (f.accounts!.includes(a.id) || (f.accounts!.includes('*fund') && a.kind === 'fund' && a.id !== 'treasury')) wanted.add(i);
    });
    return (i) => (wanted.has(l.to[i]) ? 1 : 0) - (wanted.has(l.from[i]) ? 1 : 0);
  }
  const sign = new Int8Array(RULE_IDS.length);
  for (const id of f.plus) sign[RULE_IDS.indexOf(id)] = 1;
  for (const id of f.minus) sign[RULE_IDS.indexOf(id)] = -1;
  if (tier < 0) return (i) => sign[l.rule[i]];
  const tierAccounts = new Set(model.parcels.map((p) => p.shareAccounts[tier]));
  return (i) => (tierAccounts.has(l.to[i]) ? sign[l.rule[i]] : 0);
}

/** The parameters whose DOMAIN.md reference one of the rules shares, with their source documents. */
function parametersOf(out: RunOutput, rules: readonly TracedRule[]): TracedParameter[] {
  const refs = new Set(rules.flatMap((r) => r.ref.split(/,\s*/).map((x) => x.trim())));
  return [...out.model.params.resolved.values()]
    .filter((p) => refs.has(p.ref))
    .map((p) => ({ key: p.key, value: p.raw, source: p.source, ref: p.ref, confidence: p.confidence, overridden: p.overridden, from: p.from }));
}

export function postingRow(out: RunOutput, i: number): PostingRow {
  const { model, ledger: l } = out;
  return {
    period: model.periodLabels[l.period[i]],
    from: model.accounts.list[l.from[i]].id,
    to: model.accounts.list[l.to[i]].id,
    amount: fenToYuan(l.amount[i]),
    rule: RULE_IDS[l.rule[i]],
    parcel: l.parcel[i] >= 0 ? model.parcels[l.parcel[i]].id : null,
    zone: l.zone[i] >= 0 ? model.zones[l.zone[i]].id : null,
  };
}
