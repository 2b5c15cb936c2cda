/**
 * What an analysis reads when the user names nothing: the figures this scenario has. A scenario
 * with bonds gets its lowest coverage and P(coverage < floor); one with zones its worst zone
 * balance and P(zone deficit); every one the peak funding need, value added and the shortfall
 * its policy produces (fiscal top-up, bridge, a fund below zero, payments left waiting).
 *
 *   defaultEvents(hainanBonds) → [min(bonds[*].coverageRatio) < 1.2, totals.fiscalTopUp > 0, totals.unrecoveredCost > 0]
 */
import { dec, scenarioDefaults } from '../index';
import type { McEventSpec } from './monte-carlo';

export interface ScenarioFacts {
  readonly bonds: number;
  readonly zones: number;
  readonly shortfall: string;
  readonly coverageFloor: string;
}

/**
 * Read from the scenario's defaults (scenario-defaults.ts), not a whole prepare: the declared bonds
 * (rollovers are made by the run), its zones, its shortfall policy and the coverage floor in force.
 * Null when the defaults themselves are refused (an unknown jurisdiction, a bad parameter).
 */
export function scenarioFacts(scenario: unknown): ScenarioFacts | null {
  const d = scenarioDefaults(scenario);
  if (!d.params || d.problems.length > 0) return null;
  const bonds = (scenario as { bonds?: unknown }).bonds;
  const f = d.params.ratio('bond.coverageFloor');
  return { bonds: Array.isArray(bonds) ? bonds.length : 0, zones: d.zones.length, shortfall: d.shortfall, coverageFloor: dec(String(f.num)).div(f.den).toFixed() };
}

/** The output that measures a shortfall under each policy. */
export const SHORTFALL_MEASURE: Record<string, string> = {
  fiscalTopUp: 'totals.fiscalTopUp',
  bridge: 'totals.bridges',
  negative: 'pool.shortfall',
  wait: 'count(pool.delays[*].amount)',
};

export function defaultOutputs(scenario: unknown): string[] {
  const f = scenarioFacts(scenario);
  return [
    ...(f && f.bonds > 0 ? ['min(bonds[*].coverageRatio)'] : []),
    'totals.peakFundingNeed',
    SHORTFALL_MEASURE[f?.shortfall ?? 'fiscalTopUp'] ?? 'totals.fiscalTopUp',
    ...(f && f.zones > 0 ? ['min(zones[*].balance)'] : []),
    'totals.valueAdded',
  ];
}

export function defaultEvents(scenario: unknown): McEventSpec[] {
  const f = scenarioFacts(scenario);
  return [
    ...(f && f.bonds > 0 ? [{ output: 'min(bonds[*].coverageRatio)', op: '<' as const, threshold: f.coverageFloor, label: `P(coverage < ${f.coverageFloor}) / 覆盖倍数低于下限` }] : []),
    { output: SHORTFALL_MEASURE[f?.shortfall ?? 'fiscalTopUp'] ?? 'totals.fiscalTopUp', op: '>' as const, threshold: '0', label: `P(pool shortfall: ${f?.shortfall ?? 'fiscalTopUp'}) / 资金池缺口` },
    ...(f && f.zones > 0 ? [{ output: 'min(zones[*].balance)', op: '<' as const, threshold: '0', label: 'P(zone deficit) / 片区收不抵支' }] : []),
    { output: 'totals.unrecoveredCost', op: '>' as const, threshold: '0', label: 'P(cost not recovered) / 成本未能回收' },
  ];
}
