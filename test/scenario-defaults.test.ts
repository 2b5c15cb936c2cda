/**
 * A scenario's defaults are defined once (engine/scenario/scenario-defaults.ts) and read alike by
 * the run, the analysis inputs and the notebook's controls: a Hainan scenario whose parameters
 * override split.ratios to 7 : 3 is split 7 : 3 by all three, never 6 : 4 by one of them.
 */
import { describe, expect, it } from 'vitest';
import { scenarioDefaults } from '../engine/scenario/scenario-defaults';
import { prepare, report, run } from '../engine/index';
import { resolveInput } from '../engine/analysis/input';
import { scenarioFacts } from '../engine/analysis/defaults';
import { applyControls, defaultRatios, splitControls, tierIds } from '../notebook/lib/controls';
import { composed } from './support/scenarios';
import { mulDivHalfUp, parseMoney } from '../engine/money';

const hainan = () => composed('scenarios/hainan-provincial.json');
const withParams73 = () => ({ ...hainan(), parameters: { 'split.ratios': { province: '7', city: '3' } } });

describe('scenarioDefaults', () => {
  it('reads the as-of date, jurisdiction, tiers and ratios a scenario leaves out', () => {
    const d = scenarioDefaults({ id: 'x', timeline: { start: '2022-03', months: 12 } });
    expect(d.asOf).toBe('2022-03-01');
    expect(d.jurisdiction).toBe('national');
    expect(d.tiers.map((t) => t.id)).toEqual(['city']);
    expect(d.ratios).toEqual({ city: '1' });
    expect(d.problems).toEqual([]);
  });

  it('takes the jurisdiction’s ratios and its paid-recovery exception (Hainan 6 : 4, 1 : 0)', () => {
    const d = scenarioDefaults(hainan());
    expect(d.ratios).toEqual({ province: '6', city: '4' });
    expect(d.ratiosPath).toBe('parameters["split.ratios"]');
    expect(d.cases.paidStockRecovery).toEqual({ province: '1', city: '0' });
  });

  it('a parameters["split.ratios"] override of 7 : 3 is what the run, the analysis input and the notebook controls use', () => {
    const s = withParams73();
    expect(scenarioDefaults(s).ratios).toEqual({ province: '7', city: '3' });
    const p = prepare(s);
    if (!p.ok) throw new Error(p.problems[0].message.en);
    const [wp, wc] = p.model.splits[0].weights;
    expect(wp * 3).toBe(wc * 7);
    const share = resolveInput(s, 'split.sharePercent.province');
    expect(share.ok && share.input.base.toFixed()).toBe('70');
    // The notebook's split page: its default ratios and its slider start where the engine splits.
    expect(defaultRatios(s)).toEqual({ province: '7', city: '3' });
    expect(splitControls(s, {}).map((t) => t.weight)).toEqual(['7', '3']);
    const shares = report(run(p.model)).parcels.find((x) => x.id === 'HN-SY-01')!.shares;
    const [prov, city] = [parseMoney(shares.province)!, parseMoney(shares.city)!];
    expect(prov).toBe(mulDivHalfUp(prov + city, 7, 10));
  });

  it('a scenario’s own split.ratios win over the parameters', () => {
    const s = { ...withParams73(), split: { ratios: { province: '5', city: '5' } } };
    expect(scenarioDefaults(s).ratios).toEqual({ province: '5', city: '5' });
    expect(defaultRatios(s)).toEqual({ province: '5', city: '5' });
  });

  it('a misspelt jurisdiction is a problem at "jurisdiction" with the value and a did-you-mean in both languages', () => {
    const d = scenarioDefaults({ ...hainan(), jurisdiction: 'hainam' });
    expect(d.params).toBeNull();
    expect(d.problems).toHaveLength(1);
    const [p] = d.problems;
    expect(p).toMatchObject({ code: 'ref.unknown', path: 'jurisdiction', value: '"hainam"' });
    expect(p.hint).toContain('did you mean "hainan"');
    expect(p.hint).toContain('是否应为 "hainan"');
    expect(p.expected.zh).toContain('hainan');
    const prepared = prepare({ ...hainan(), jurisdiction: 'hainam' });
    expect(prepared.ok ? [] : prepared.problems.map((x) => x.path)).toEqual(['jurisdiction']);
  });

  it('reads any JSON without throwing (the notebook asks before the schema is checked)', () => {
    for (const v of [null, 3, 'x', [], { tiers: 'no' }, { tiers: [null, 5] }, { split: { ratios: 7 } }, { asOf: 12 }, { parameters: [] }]) {
      expect(() => scenarioDefaults(v)).not.toThrow();
    }
  });

  it('three tiers: a weight per tier, and the Hainan exception leaves both lower tiers out', () => {
    const s = composed('scenarios/hainan-three-tier.json');
    expect(tierIds(s)).toEqual(['province', 'city', 'county']);
    const c = splitControls(s, {});
    expect(c.map((t) => t.weight)).toEqual(['6', '2', '2']);
    expect(c.filter((t) => t.excluded).map((t) => t.id)).toEqual(['city', 'county']);
    expect(splitControls(s, { ratio: '5:3:2' }).map((t) => t.percent)).toEqual(['50.0', '30.0', '20.0']);
    // The controls as overrides: a weight per tier; the exception tier by tier.
    const c1 = applyControls(s, { ratio: '5:3:2', exc: 'city' });
    expect((c1.scenario.split as { ratios: unknown }).ratios).toEqual({ province: '5', city: '3', county: '2' });
    expect((c1.scenario.split as { cases: Record<string, unknown> }).cases.paidStockRecovery).toEqual({ province: '5', city: '0', county: '2' });
    const p = prepare(c1.scenario);
    if (!p.ok) throw new Error(p.problems[0].message.en);
    const jy = report(run(p.model)).parcels.find((x) => x.id === 'SY-JY-02')!;
    expect(jy.shares.city).toBe('0.00');
    expect(parseMoney(jy.shares.county)! * 5).toBe(parseMoney(jy.shares.province)! * 2);
    // A ratio without a weight for every tier is refused with the reason; all tiers out of the exception too.
    expect(applyControls(s, { ratio: '7' }).ignored.map((x) => x.key)).toEqual(['ratio']);
    expect(applyControls(s, { exc: 'province,city,county' }).ignored.map((x) => x.key)).toEqual(['exc']);
    expect(applyControls(s, { exc: 'city,county' }).applied).toEqual([]);
  });

  it('zones: declared, else those the parcels name; the analysis defaults read them and the coverage floor in force', () => {
    const bonds = composed('scenarios/hainan-bonds.json');
    const prepared = prepare(bonds);
    if (!prepared.ok) throw new Error('prepare');
    const facts = scenarioFacts(bonds)!;
    expect(facts.bonds).toBe(prepared.model.bonds.filter((b) => !b.isRollover).length);
    expect(facts.zones).toBe(prepared.model.zones.length);
    expect(scenarioFacts({ ...bonds, parameters: { ...(bonds.parameters as object), 'bond.coverageFloor': '1.5' } })!.coverageFloor).toBe('1.5');
    const parcels = [{ id: 'a', zone: 'Z2' }, { id: 'b', zone: 'Z1' }, { id: 'c', zone: 'Z2' }, { id: 'd' }];
    expect(scenarioDefaults({ parcels }).zones.map((z) => z.id)).toEqual(['Z2', 'Z1']);
    expect(scenarioDefaults({ parcels, zones: [{ id: 'Z9' }] }).zones.map((z) => z.id)).toEqual(['Z9']);
  });
});
