/**
 * Where a list of idle-land cases stands on a date (令第53号, DOMAIN I-1…I-4): which parcels are
 * idle, the 土地闲置费 due, and when each can be — or is — recovered without compensation. This is
 * what `lrsim stock --idle` prints and the notebook's stock page shows.
 *
 *   the worked example of idle-land.ts (12.5 亩 sold for 500 万元, start date 2020-03-01, no work)
 *   on 2021-06-30: idle, fee 100 万元, recoverable from 2022-03-01;
 *   on 2022-06-30: recovered, dated 2022-03-01 (or the case's later recoveryDate).
 *
 * An idle-land file is a list of cases or `{ "asOf": "2022-06-30", "cases": [ … ] }`.
 */
import type { Fen } from '../money';
import { problem, type Problem } from '../problem';
import { isObject, readDate } from '../evaluation/fields';
import { assessIdleLand, IDLE_LAND_RULES_53, parseIdleLandCases, recoveredParcels, recoveryDateOf, type IdleAssessment, type IdleLandCase, type IdleLandRules, type RecoveredParcel } from './idle-land';

export interface IdleLandRow {
  readonly case: IdleLandCase;
  readonly assessment: IdleAssessment;
  /** Recovered: the recovery's date; fee stage: the day recovery becomes possible; else null. */
  readonly recoveryDate: string | null;
}

export interface IdleLandStatus {
  readonly asOf: string;
  readonly rows: readonly IdleLandRow[];
  readonly idleParcels: number;
  /** 土地闲置费 due on the idle parcels idle by the holder's fault. */
  readonly feeDueFen: Fen;
  /** The parcels recovered without compensation, as reserve parcels for a funding scenario. */
  readonly recovered: readonly RecoveredParcel[];
}

export function idleLandStatus(cases: readonly IdleLandCase[], asOf: string, rules: IdleLandRules = IDLE_LAND_RULES_53): IdleLandStatus {
  const rows = cases.map((c): IdleLandRow => {
    const assessment = assessIdleLand(c, asOf, rules);
    return { case: c, assessment, recoveryDate: recoveryDateOf(c, assessment) };
  });
  return {
    asOf,
    rows,
    idleParcels: rows.filter((r) => r.assessment.idle).length,
    feeDueFen: rows.reduce((s, r) => s + r.assessment.feeFen, 0),
    recovered: recoveredParcels(cases, asOf, rules),
  };
}

/** Reads an idle-land file: a list of cases, or an object with the cases and an optional asOf. */
export function parseIdleLandFile(value: unknown): { asOf: string | null; cases: IdleLandCase[]; problems: Problem[] } {
  if (Array.isArray(value)) return { asOf: null, ...parseIdleLandCases(value, '') };
  if (!isObject(value)) {
    return { asOf: null, cases: [], problems: [problem('schema.type', '', value, { en: 'a list of idle-land cases, or {"asOf": …, "cases": […]}', zh: '闲置土地案件列表，或 {"asOf": …, "cases": […]}' })] };
  }
  const problems: Problem[] = [];
  const asOf = readDate(value, 'asOf', '', problems, true);
  const parsed = parseIdleLandCases(value.cases, 'cases');
  return { asOf, cases: parsed.cases, problems: [...problems, ...parsed.problems] };
}
