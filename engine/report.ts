/**
 * report(): the Result of a run, every figure a view of the ledger's postings (result.ts names the
 * shapes, figures.ts which rules make which figure). The sections are built from sums made once
 * each (ledger-sums.ts), so a caller asking for some views pays only for those:
 *   report(out)                                 the whole Result (the default)
 *   report(out, {views: ['totals', 'checks']})  what the CLI summary prints, no period or parcel rows
 * A view asked for is byte-identical to the same view of the whole Result.
 */
import { LedgerSums } from './ledger-sums';
import { runChecks } from './run-checks';
import { RULES, RULE_IDS, PROVISION_KINDS } from './rules';
import { fenToYuan } from './money';
import { check, type Check } from './check';
import { yearOf } from './timeline';
import { FIGURES, ruleSum } from './figures';
import { periodRows, periodRunning, quarterRows, yearRows } from './report-periods';
import { totalsOf } from './report-totals';
import { parcelRows } from './report-parcels';
import { ruralEarmark } from './rural-earmark';
import { postingRow } from './trace';
import { defineLazyView, holdLazySource, LAZY_VIEWS, type LazyView } from './report-lazy';
import { SCHEMA_VERSION, type EarmarkRow, type PostingRow, type Result } from './result';
import type { RunOutput } from './run';

export { SCHEMA_VERSION } from './result';
export type { Money, Totals, PeriodRow, YearRow, QuarterRow, ParcelRow, Result, EarmarkRow, PostingRow } from './result';

/** The parts of a Result that can be asked for on their own. */
export const VIEWS = ['totals', 'periods', 'years', 'quarters', 'parcels', 'ruralEarmark', 'zones', 'bonds', 'projects', 'pool', 'accounts', 'checks', 'parameters', 'rules'] as const;
export type View = (typeof VIEWS)[number];
/** Always present, whatever was asked: who the run is, its timeline and its tiers. */
type Always = 'schemaVersion' | 'scenario' | 'timeline' | 'zoneMode' | 'tiers';
export type PartialResult<V extends View> = Pick<Result, Always | V> & { postings?: PostingRow[] };

export interface ReportOptions {
  postings?: boolean;
  /** The largest views asked for (parcels, zones, bonds, projects, pool, checks) made when first read (report-lazy.ts); what simulate() returns. */
  lazy?: boolean;
}

export function report(out: RunOutput, options?: ReportOptions): Result;
export function report<V extends View>(out: RunOutput, options: ReportOptions & { views: readonly V[] }): PartialResult<V>;
export function report(out: RunOutput, options: ReportOptions & { views?: readonly View[] } = {}): PartialResult<View> {
  const { model, ledger } = out;
  const want = new Set<View>(options.views ?? VIEWS);
  const lazy = options.lazy === true;
  const s = new LedgerSums(out);
  // Most views read most sums: one pass over the postings makes them all.
  if (['totals', 'periods', 'years', 'quarters', 'parcels', 'checks'].some((v) => want.has(v as View))) s.sumAll();
  const running = want.has('periods') || want.has('years') || want.has('quarters') ? periodRunning(s) : null;
  const earmark = want.has('ruralEarmark') || want.has('checks') ? earmarkOf(s) : [];
  const funding = lazy ? null : want.has('zones') || want.has('bonds') || want.has('projects') || want.has('pool') || want.has('checks') ? s.funding : null;
  const view = (v: LazyView) => { if (want.has(v)) defineLazyView(result, v); };
  const result: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    scenario: { id: model.id, name: model.name, description: model.description, sources: [...model.sources], jurisdiction: model.jurisdiction, asOf: model.asOf },
    timeline: { start: model.periodLabels[0], months: model.timeline.months, periods: [...model.periodLabels] },
  };
  // The checks' texts (and the invariants' pass behind them) only when the checks are asked for.
  const checks = want.has('checks');
  if (lazy && LAZY_VIEWS.some((v) => want.has(v))) holdLazySource(result, { sums: s, checksBefore: checks ? [basisCheck(model), ...runChecks(out, s.balances)] : [], checksAfter: checks ? earmarkChecks(earmark) : [] });
  if (want.has('totals')) result.totals = totalsOf(s);
  if (running && want.has('periods')) result.periods = periodRows(s, running);
  if (running && want.has('years')) result.years = yearRows(s, running);
  if (running && want.has('quarters')) result.quarters = quarterRows(s, running);
  if (lazy) view('parcels');
  else if (want.has('parcels')) result.parcels = parcelRows(s);
  if (want.has('ruralEarmark')) result.ruralEarmark = earmark.map(earmarkRow);
  if (lazy) view('zones');
  else if (funding && want.has('zones')) result.zones = funding.zones;
  result.zoneMode = model.zoneMode;
  if (lazy) for (const v of ['bonds', 'projects', 'pool'] as const) view(v);
  else {
    if (funding && want.has('bonds')) result.bonds = funding.bonds;
    if (funding && want.has('projects')) result.projects = funding.projects;
    if (funding && want.has('pool')) result.pool = funding.pool;
  }
  result.tiers = model.tiers.map((t) => ({ ...t }));
  if (want.has('accounts')) result.accounts = model.accounts.list.map((a, i) => ({ id: a.id, kind: a.kind, name: { zh: a.zh, en: a.en }, balance: fenToYuan(ledger.balances[i]) }));
  // concat copies the arrays (a province has a check or two per parcel) without iterating them.
  if (lazy) view('checks');
  else if (funding && want.has('checks')) result.checks = (model.staticChecks as Check[]).concat([basisCheck(model)], runChecks(out, s.balances), funding.checks, earmarkChecks(earmark));
  if (want.has('parameters')) result.parameters = [...model.params.resolved.values()].map((r) => ({ key: r.key, value: r.raw, source: r.source, ref: r.ref, confidence: r.confidence, overridden: r.overridden, from: r.from }));
  if (want.has('rules')) result.rules = RULE_IDS.map((id) => { const r = RULES.get(id)!; return { id, zh: r.zh, en: r.en, ref: r.ref }; });
  if (options.postings) result.postings = postingRows(out);
  return result as unknown as PartialResult<View>;
}

/** The 2020 rural earmark per year, on the provisions of each kind the year's postings made. */
function earmarkOf(s: LedgerSums): ReturnType<typeof ruralEarmark> {
  const { model } = s.out;
  const byKind = new Map(PROVISION_KINDS.map((k) => [k, ruleSum(FIGURES.get(`provisionsByKind.${k}`)!)]));
  const yearAt = Int32Array.from({ length: s.periods }, (_, p) => yearOf(model.timeline, p));
  return ruralEarmark(model, s.out.years, (year, kind) => {
    const rs = byKind.get(kind)!;
    let sum = 0;
    for (let p = 0; p < s.periods; p++) if (yearAt[p] === year) sum += s.inPeriod(p, rs);
    return sum;
  });
}

/** The year's figures as texts, in the fields' order (every field of EarmarkYear, so the type checks none is left out). */
function earmarkRow(e: ReturnType<typeof ruralEarmark>[number]): EarmarkRow & Omit<typeof e, keyof EarmarkRow> {
  const fromProvisions: Record<string, string> = {};
  for (const k of Object.keys(e.fromProvisions)) fromProvisions[k] = fenToYuan(e.fromProvisions[k]);
  return {
    year: e.year, income: fenToYuan(e.income), netIncome: fenToYuan(e.netIncome), fromProvisions, otherRuralSpending: fenToYuan(e.otherRuralSpending),
    ruralUses: fenToYuan(e.ruralUses), method: e.method, target: e.target, floor: e.floor, required: fenToYuan(e.required), met: e.met, shortBy: fenToYuan(e.shortBy),
    shareOfNetIncomePercent: e.shareOfNetIncomePercent, shareOfIncomePercent: e.shareOfIncomePercent, source: e.source,
  };
}

/** Says which rule the provision bases follow (S-5, P-3), so a reader of the checks knows. */
function basisCheck(model: RunOutput['model']): Check {
  const year = model.basePeriod === 'year';
  const fin = model.financingInCost;
  return check('provisions.basis', true, 'info',
    `education, water and housing are provisioned on ${year ? "the jurisdiction's year: the year's land income less the 核定成本 recognised with it" : 'each parcel: its income less its 核定成本'} (S-5, P-3, 财综〔2011〕62号); the 核定成本 is each parcel's stated verifiedCost (else its planned reserve cost)${fin ? ' plus its share of bond interest and fees (S-6)' : ''}`,
    `教育资金、农田水利建设资金、保障性安居工程资金按${year ? '全年土地出让收入减当年核定成本' : '各宗地出让收入减其核定成本'}计提（财综〔2011〕62号）；核定成本取宗地申报的核定成本（未申报的取计划储备成本）${fin ? '并计入分摊的专项债券利息和发行费用' : ''}`,
    { ref: 'S-5, S-6, P-3' });
}

/** One check per earmark year: met, or short by how much (P-11). */
function earmarkChecks(rows: ReturnType<typeof ruralEarmark>): Check[] {
  return rows.map((e) => {
    const rule = e.method === 'netIncome' ? `${e.target} of net income${e.floor && e.floor !== '0%' ? ` and ${e.floor} of income` : ''}` : `${e.target} of income`;
    const ruleZh = e.method === 'netIncome' ? `土地出让收益的 ${e.target}${e.floor && e.floor !== '0%' ? `且不低于土地出让收入的 ${e.floor}` : ''}` : `土地出让收入的 ${e.target}`;
    return check('earmark.rural', e.met, 'rule',
      `${e.year}: land income used for agriculture and rural areas ${fenToYuan(e.ruralUses)} 元 ${e.met ? '≥' : '<'} required ${fenToYuan(e.required)} 元 (${rule})${e.met ? '' : `; short by ${fenToYuan(e.shortBy)} 元`}`,
      `${e.year} 年：土地出让收入用于农业农村 ${fenToYuan(e.ruralUses)} 元，${e.met ? '达到' : '未达到'}应计提 ${fenToYuan(e.required)} 元（${ruleZh}）${e.met ? '' : `，差 ${fenToYuan(e.shortBy)} 元`}`,
      { ref: 'P-11' });
  });
}

export function postingRows(out: RunOutput): PostingRow[] {
  const rows: PostingRow[] = [];
  for (let i = 0; i < out.ledger.length; i++) rows.push(postingRow(out, i));
  return rows;
}
