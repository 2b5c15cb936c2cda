/**
 * A figure addressed by its Result path, as a trace query: what `lrsim trace` accepts.
 *
 *   totals.valueAdded                   → {figure: 'valueAdded'}
 *   totals.shares.province              → {figure: 'shares.province'}
 *   periods[12].saleRevenue             → {figure: 'saleRevenue', period: '2022-01'}
 *   periods["2022-01"].treasuryBalance  → the treasury's balance at the end of 2022-01
 *   years["2023"].provisions            → the year's provisions
 *   parcels["HN-SY-01"].valueAdded      → that parcel's value added
 *   zones[0].saleRevenue, bonds["HN-2021-TC01"].interest
 *
 * A path the catalogue does not know is a problem with the nearest known path as a hint.
 */
import { parsePath, type PathSegment } from './scenario/json-path';
import { problem, type Problem } from './problem';
import { didYouMean } from './suggest';
import { FIGURES, type FigureLevel } from './figures';
import { yearOf } from './timeline';
import type { Model } from './model';
import type { TraceQuery } from './trace';

const SECTION_LEVEL: Record<string, FigureLevel> = { totals: 'total', periods: 'period', years: 'period', parcels: 'parcel', zones: 'zone', bonds: 'bond' };

/** Every figure path at a level, as typed after the section: 'valueAdded', 'shares.city', 'developer.compensation'. */
function fieldsAt(level: FigureLevel, model: Model): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of FIGURES.values()) if (f.levels.includes(level)) out.set(f.at?.[level] ?? f.key, f.key);
  if (level === 'total' || level === 'period' || level === 'parcel') for (const t of model.tiers) out.set(`shares.${t.id}`, `shares.${t.id}`);
  return out;
}

/** The examples a problem offers: one path of each kind. */
function knownPaths(model: Model): string[] {
  const out: string[] = [];
  for (const [section, level] of Object.entries(SECTION_LEVEL)) {
    const at = section === 'totals' ? 'totals' : `${section}[0]`;
    for (const field of fieldsAt(level, model).keys()) out.push(`${at}.${field}`);
  }
  return out;
}

export function figureQuery(model: Model, path: string): { ok: true; query: TraceQuery } | { ok: false; problem: Problem } {
  const expected = { en: 'a figure path such as totals.valueAdded, periods[12].saleRevenue or parcels["P1"].provisions', zh: '数字路径，例如 totals.valueAdded、periods[12].saleRevenue、parcels["P1"].provisions' };
  const fail = (hint?: string) => ({ ok: false as const, problem: problem('ref.unknown', path, path, expected, undefined, hint) });
  const segs = parsePath(path);
  if (!segs) return fail();
  const [section, ...rest] = segs;
  const level = typeof section === 'string' ? SECTION_LEVEL[section] : undefined;
  if (!level) return fail(didYouMean(path, knownPaths(model)));
  let index: PathSegment | undefined;
  if (level !== 'total') {
    index = rest.shift();
    if (index === undefined) return fail(didYouMean(path, knownPaths(model)));
  }
  const field = rest.join('.');
  const fields = fieldsAt(level, model);
  const key = fields.get(field);
  if (!key || rest.some((s) => typeof s !== 'string')) {
    const prefix = level === 'total' ? 'totals' : `${String(section)}[${JSON.stringify(index)}]`;
    return fail(didYouMean(field, [...fields.keys()])?.replace(/"([^"]+)"/g, (_, f: string) => `"${prefix}.${f}"`) ?? didYouMean(path, knownPaths(model)));
  }
  const scope = scopeOf(model, String(section), index);
  if (!scope.ok) return { ok: false, problem: problem('ref.unknown', path, index, scope.expected, undefined, scope.hint) };
  return { ok: true, query: { figure: key, ...scope.query } };
}

type Scope = { ok: true; query: Omit<TraceQuery, 'figure'> } | { ok: false; expected: { en: string; zh: string }; hint?: string };

/** periods[12] / periods["2022-01"], years[1] / years["2023"], parcels[0] / parcels["id"], zones, bonds. */
function scopeOf(model: Model, section: string, index: PathSegment | undefined): Scope {
  const pick = (ids: readonly string[], what: { en: string; zh: string }): { ok: true; id: string } | { ok: false; expected: { en: string; zh: string }; hint?: string } => {
    const id = typeof index === 'number' ? ids[index] : ids.includes(String(index)) ? String(index) : undefined;
    if (id !== undefined) return { ok: true, id };
    return { ok: false, expected: { en: `${what.en}: an index below ${ids.length} or one of ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}`, zh: `${what.zh}：小于 ${ids.length} 的序号或 ${ids.slice(0, 6).join('、')}${ids.length > 6 ? '等' : ''}` }, hint: typeof index === 'string' ? didYouMean(index, ids) : undefined };
  };
  const wrap = (r: ReturnType<typeof pick>, q: (id: string) => Omit<TraceQuery, 'figure'>): Scope => (r.ok ? { ok: true, query: q(r.id) } : r);
  switch (section) {
    case 'totals': return { ok: true, query: {} };
    case 'periods': return wrap(pick(model.periodLabels, { en: 'a month of the timeline', zh: '测算期内的月份' }), (id) => ({ period: id }));
    case 'years': {
      const years = [...new Set(model.periodLabels.map((_, p) => String(yearOf(model.timeline, p))))];
      return wrap(pick(years, { en: 'a year of the timeline', zh: '测算期内的年度' }), (id) => ({ year: Number(id) }));
    }
    case 'parcels': return wrap(pick(model.parcels.map((p) => p.id), { en: 'a parcel', zh: '宗地' }), (id) => ({ parcel: id }));
    case 'zones': return wrap(pick(model.zones.map((z) => z.id), { en: 'a zone', zh: '片区' }), (id) => ({ zone: id }));
    default: return wrap(pick(model.bonds.map((b) => b.id), { en: 'a bond', zh: '债券' }), (id) => ({ bond: id }));
  }
}
