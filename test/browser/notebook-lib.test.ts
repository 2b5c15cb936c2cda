/**
 * The notebook's pure helpers, in Node: controls as scenario overrides (and back as a variant
 * file), exact differences, traces that add up to the figure, problems placed at drawn fields,
 * money formatting, the URL round trip. The browser tests drive the same code through the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeScenario } from '../../engine/scenario/compose';
import { prepare } from '../../engine/scenario/normalize';
import { run } from '../../engine/run';
import { report } from '../../engine/report';
import { applyControls, percentToFactor, ratioPair, controlDefaults, variantFile } from '../../notebook/lib/controls';
import { difference, diffTotals, diffYears } from '../../notebook/lib/compare';
import { traceQuery } from '../../notebook/lib/trace';
import { SCENARIO_SCHEMA, SchemaWalker, removeAt } from '../../notebook/lib/schema-walk';
import { pathText } from '../../engine/incremental/scenario-diff';
import { formatMoney, plotValue } from '../../notebook/lib/format';
import { paramsToSearch, readParams, withChange } from '../../notebook/lib/url-state';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');
const read = (p: string) => { try { return readFileSync(resolve(SCENARIOS, p), 'utf8'); } catch { return null; } };
const load = (file: string) => { const c = composeScenario(file, read); if (!c.ok) throw new Error(file); return c.scenario; };
const runScenario = (s: unknown) => { const p = prepare(s); if (!p.ok) throw new Error(JSON.stringify(p.problems.map((x) => x.message.en))); const out = run(p.model); return { out, result: report(out) }; };

describe('controls → scenario overrides', () => {
  it('percentToFactor and ratioPair are exact text, not floats', () => {
    expect(percentToFactor('90')).toBe('0.90');
    expect(percentToFactor('105')).toBe('1.05');
    expect(percentToFactor('5')).toBe('0.05');
    expect(percentToFactor('9.5')).toBeNull();
    expect(ratioPair('7')).toEqual(['7', '3']);
    expect(ratioPair('6.5')).toEqual(['6.5', '3.5']);
    expect(ratioPair('11')).toBeNull();
  });

  it('applies price, delay (extending the timeline), split, exception and provisions without touching the input', () => {
    const s = load('hainan-provincial.json');
    const before = JSON.stringify(s);
    const months = (s.timeline as { months: number }).months;
    const c = applyControls(s, { price: '90', delay: '6', ratio: '7', exc: '0', prov: 'education,water' });
    expect(JSON.stringify(s)).toBe(before);
    expect(c.scenario.adjustments).toMatchObject({ salePriceFactor: '0.90', saleDelayMonths: 6 });
    expect((c.scenario.timeline as { months: number }).months).toBe(months + 6);
    expect((c.scenario.split as { ratios: unknown }).ratios).toEqual({ province: '7', city: '3' });
    expect((c.scenario.split as { cases: Record<string, unknown> }).cases.paidStockRecovery).toEqual({ province: '7', city: '3' });
    expect(c.scenario.provisions).toEqual(['education', 'water']);
    expect(c.ignored).toEqual([]);
    const { result } = runScenario(c.scenario);
    expect(result.parcels.find((p) => p.id === 'HN-HK-02')!.shares.city).not.toBe('0.00');
  });

  it('a control at the scenario’s own value changes nothing', () => {
    const s = load('hainan-provincial.json');
    expect(controlDefaults(s)).toMatchObject({ price: '100', delay: '0' });
    expect(applyControls(s, { price: '100', delay: '0' }).applied).toEqual([]);
  });

  it('a saved variant file composes back to the same scenario as the controls', () => {
    const s = load('hainan-provincial.json');
    const c = applyControls(s, { price: '85', ratio: '7.5', prov: 'none' });
    const v = variantFile('hainan-provincial.json', 'hainan-provincial', c.applied);
    const composed = composeScenario('variant.json', (p) => (p === 'variant.json' ? JSON.stringify(v) : read(p)));
    expect(composed.ok).toBe(true);
    const { description: _a, ...fromVariant } = (composed as { scenario: Record<string, unknown> }).scenario;
    const { description: _b, ...fromControls }: Record<string, unknown> = { ...c.scenario, id: v.id };
    expect(fromVariant).toEqual(fromControls);
  });

  it('funding controls go where the engine’s schema puts them', () => {
    const s = load('hainan-provincial.json');
    const c = applyControls(s, { bond: '50000', issue: '2021-06', rate: '3.2', term: '5', pool: '10000' });
    expect((c.scenario.bonds as Record<string, unknown>[])[0]).toMatchObject({ principal: '50000万元', issueDate: '2021-06', couponRate: '3.2%', termYears: 5 });
    expect(runScenario(c.scenario).result.totals).toHaveProperty('saleRevenue');
    expect(JSON.stringify(c.scenario)).toContain('"opening":"10000万元"');
    expect(c.ignored).toEqual([]);
  });

  it('a rate shift moves the bond case’s financing cost', () => {
    if (!read('hainan-bonds.json')) return;
    const s = load('hainan-bonds.json');
    const base = runScenario(s).result.totals;
    const up = runScenario(applyControls(s, { shift: '100' }).scenario).result.totals;
    expect(difference(base.financingCost, up.financingCost)!.startsWith('-')).toBe(false);
    expect(up.financingCost).not.toBe(base.financingCost);
  });

  it('the developer fee goes to the zones that have a developer', () => {
    const file = read('xinmi-zoning.json');
    if (!file) return;
    const s = load('xinmi-zoning.json');
    const c = applyControls(s, { fee: '10' });
    for (const z of c.scenario.zones as { developer?: { compensationRate: string } }[]) if (z.developer) expect(z.developer.compensationRate).toBe('10%');
    runScenario(c.scenario);
  });
});

describe('compare', () => {
  it('differences are exact in fen', () => {
    expect(difference('0.10', '0.30')).toBe('0.20');
    expect(difference('2253333333.33', '2028000000.00')).toBe('-225333333.33');
    expect(difference(null, '1.00')).toBeNull();
  });

  it('diffTotals and diffYears line the two runs up', () => {
    const s = load('hainan-provincial.json');
    const a = runScenario(s).result;
    const b = runScenario(applyControls(s, { price: '90' }).scenario).result;
    const rows = diffTotals(a, b);
    const sale = rows.find((r) => r.key === 'saleRevenue')!;
    expect(sale.diff).toBe(difference(a.totals.saleRevenue, b.totals.saleRevenue));
    expect(rows.some((r) => r.key === 'shares.province')).toBe(true);
    const years = diffYears(a, b, 'shares.province');
    expect(years.map((y) => y.year)).toEqual(a.years.map((y) => y.year));
  });
});

describe('trace', () => {
  const s = load('hainan-provincial.json');
  const { out, result } = runScenario(s);

  it('the postings behind a total add up to it, with the rule and its parameters', () => {
    const t = traceQuery(out, { metric: 'saleRevenue', value: result.totals.saleRevenue });
    expect(t.agrees).toBe(true);
    expect(t.rules.map((r) => r.id)).toEqual(['sale.receipt']);
    const share = traceQuery(out, { metric: 'shares.province', value: result.totals.shares.province });
    expect(share.agrees).toBe(true);
    expect(share.parameters.map((p) => p.key)).toContain('split.ratios');
    const edu = traceQuery(out, { metric: 'provisions.education', value: result.totals.provisionsByKind.education });
    expect(edu.agrees).toBe(true);
    expect(edu.parameters.map((p) => p.key)).toContain('provisions.education.rate');
  });

  it('a month’s flow, a parcel’s figure and a balance at a month agree too', () => {
    const row = result.periods.find((p) => p.acquisitionCost !== '0.00')!;
    expect(traceQuery(out, { metric: 'acquisitionCost', period: row.period, value: row.acquisitionCost }).agrees).toBe(true);
    const parcel = result.parcels[0];
    expect(traceQuery(out, { metric: 'valueAdded', parcel: parcel.id, value: parcel.valueAdded }).agrees).toBe(true);
    const mid = result.periods[Math.floor(result.periods.length / 2)];
    expect(traceQuery(out, { metric: 'treasuryBalance', period: mid.period, value: mid.treasuryBalance }).agrees).toBe(true);
    const y = result.years[1];
    expect(traceQuery(out, { metric: 'saleRevenue', year: y.year, value: y.saleRevenue }).agrees).toBe(true);
  });

  it('an unknown figure says so', () => {
    expect(traceQuery(out, { metric: 'nonsense' }).known).toBe(false);
  });
});

describe('schema walk', () => {
  const w = new SchemaWalker(SCENARIO_SCHEMA);
  it('paths print as the engine prints them', () => {
    expect(pathText(['parcels', 2, 'sale', 'price'])).toBe('parcels[2].sale.price');
    expect(pathText(['parameters', 'provisions.education.rate'])).toBe('parameters["provisions.education.rate"]');
  });
  it('a problem under a field the form does not draw lands at the nearest drawn one', () => {
    const value = { id: 'x', parcels: [{ id: 'P1', area: '1亩' }] };
    const placed = w.place(value, [
      { code: 'schema.required', path: 'parcels[0].sale.date', expected: { en: '', zh: '' }, message: { en: 'a', zh: 'a' } },
      { code: 'schema.required', path: 'timeline', expected: { en: '', zh: '' }, message: { en: 'b', zh: 'b' } },
      { code: 'money.format', path: 'parcels[0].area', expected: { en: '', zh: '' }, message: { en: 'c', zh: 'c' } },
    ]);
    expect([...placed.keys()].sort()).toEqual(['', 'parcels[0]', 'parcels[0].area']);
  });
  it('removeAt splices arrays and drops keys without mutating', () => {
    const v = { a: [1, 2, 3], b: { c: 1, d: 2 } };
    expect(removeAt(v, ['a', 1])).toEqual({ a: [1, 3], b: { c: 1, d: 2 } });
    expect(removeAt(v, ['b', 'c'])).toEqual({ a: [1, 2, 3], b: { d: 2 } });
    expect(v).toEqual({ a: [1, 2, 3], b: { c: 1, d: 2 } });
  });
});

describe('format and URL', () => {
  it('money in 万元 and 亿元 through the engine’s money functions', () => {
    expect(formatMoney('62052732.24')).toBe('6,205.27');
    expect(formatMoney('2253333333.33', 'yi')).toBe('22.53');
    expect(formatMoney('-225333333.33')).toBe('-22,533.33');
    expect(formatMoney(null)).toBe('—');
    expect(plotValue('62052732.24')).toBeCloseTo(6205.2732, 4);
  });
  it('the query string round-trips, in a stable order', () => {
    const p = withChange(readParams('?s=hainan-provincial&p=split&ratio=7'), { exc: '0', ratio: null });
    expect(paramsToSearch(p)).toBe('?p=split&s=hainan-provincial&exc=0');
    expect(readParams(paramsToSearch(p))).toEqual(p);
  });
});
