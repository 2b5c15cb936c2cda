/**
 * Scoring rules (评分标准) of a leaf indicator, as data, and the one function that applies them.
 *
 *   passFail        符合得满分，不符合不得分                       (立项依据充分性 5 → 5)
 *   thresholdSteps  资金到位率 > 90 % full; −1 per 5 points below; < 60 % → 0.
 *                   Seed 001: 6 205.07 / 6 205.27 = 99.9968 % > 90 % → 4 of 4. At 84 % the rate is
 *                   6 points under 90 %: two started steps → 4 − 2 = 2 (or one whole step with
 *                   partialStep "ignored" → 3).
 *   deductPerItem   −2 per unmet criterion (绩效目标设定的合理性 6 − 2×2 = 2); −1 per non-compliance
 *   proportional    weight × actual/planned, capped at the weight (数量指标 34.9928/34.9928 亩 → 6)
 *   targetMet       full marks when an indicator meets its target (成本节约率 ≥ 0 → 7), else the
 *                   evaluator's score
 *   manual          the evaluator's score with its justification (经济效益 8 of 10)
 * A score is never negative and never above the leaf's weight.
 */
import { dec, Decimal } from '../money';
import { problem, type Problem } from '../problem';
import { formatPercent, INDICATOR_LABELS, INDICATOR_NAMES, type IndicatorName, type Indicators } from './indicators';
import { path, readArray, readCount, readEnum, readObject, readPoints, readRate, readString, readBoolean } from './fields';

export type ScoringRule =
  | { readonly kind: 'passFail' }
  | {
      readonly kind: 'thresholdSteps';
      readonly indicator: IndicatorName;
      /** Full marks above this rate (at it too when fullInclusive). */
      readonly fullAt: Decimal;
      readonly fullInclusive: boolean;
      /** Each step of this size below fullAt costs pointsPerStep. */
      readonly step: Decimal;
      readonly pointsPerStep: Decimal;
      /** Below this rate the leaf scores 0. */
      readonly zeroBelow: Decimal;
      /** "counts": a started step costs a whole step (ceil); "ignored": only whole steps (floor). */
      readonly partialStep: 'counts' | 'ignored';
    }
  | { readonly kind: 'deductPerItem'; readonly pointsPerItem: Decimal; readonly criteria: readonly string[] }
  | { readonly kind: 'proportional'; readonly indicator: IndicatorName; readonly places: number }
  | { readonly kind: 'targetMet'; readonly indicator: IndicatorName; readonly op: '>=' | '<='; readonly target: Decimal }
  | { readonly kind: 'manual' };

export type RuleKind = ScoringRule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['passFail', 'thresholdSteps', 'deductPerItem', 'proportional', 'targetMet', 'manual'];

/** The evaluator's findings for one leaf: what the rule needs besides computed indicators. */
export interface Assessment {
  /** passFail: did the leaf meet its criterion? */
  readonly met?: boolean;
  /** deductPerItem: how many criteria were unmet / how many non-compliances were found. */
  readonly failedCount?: number;
  /** manual (and targetMet when missed): the score given. */
  readonly score?: Decimal;
  /** Why: required for manual scores, kept for every kind. */
  readonly justification?: string;
}

export interface RuleOutcome {
  readonly score: Decimal;
  /** How the score came about, in Chinese and English ("99.9968% > 90% → 满分 4"). */
  readonly trace: string;
}

/** Applies a rule: a score in [0, weight], or throws if the rule's inputs are missing (validate first). */
export function applyRule(rule: ScoringRule, weight: Decimal, assessment: Assessment, indicators: Indicators | null): RuleOutcome {
  const clamp = (s: Decimal) => Decimal.max(dec('0'), Decimal.min(weight, s));
  switch (rule.kind) {
    case 'passFail': {
      const met = need(assessment.met, 'met');
      return { score: met ? weight : dec('0'), trace: met ? '符合 met → full' : '不符合 not met → 0' };
    }
    case 'thresholdSteps': {
      const r = indicatorValue(indicators, rule.indicator);
      const rt = `${INDICATOR_LABELS[rule.indicator].zh} ${formatPercent(r, 4)}`;
      const full = rule.fullInclusive ? r.gte(rule.fullAt) : r.gt(rule.fullAt);
      if (full) return { score: weight, trace: `${rt} ${rule.fullInclusive ? '≥' : '>'} ${formatPercent(rule.fullAt, 0)} → full` };
      if (r.lt(rule.zeroBelow)) return { score: dec('0'), trace: `${rt} < ${formatPercent(rule.zeroBelow, 0)} → 0` };
      const raw = rule.fullAt.minus(r).div(rule.step);
      const whole = rule.partialStep === 'counts' ? raw.ceil() : raw.floor();
      const steps = Decimal.max(dec('1'), whole);
      const score = clamp(weight.minus(steps.times(rule.pointsPerStep)));
      return { score, trace: `${rt}: ${steps.toString()} step(s) of ${formatPercent(rule.step, 0)} below ${formatPercent(rule.fullAt, 0)} → −${steps.times(rule.pointsPerStep).toString()}` };
    }
    case 'deductPerItem': {
      const n = need(assessment.failedCount, 'failedCount');
      const off = rule.pointsPerItem.times(n);
      const trace = n === 0 ? 'none unmet → full' : `${n} unmet × −${rule.pointsPerItem.toString()} = −${off.toString()}`;
      return { score: clamp(weight.minus(off)), trace };
    }
    case 'proportional': {
      const r = indicatorValue(indicators, rule.indicator);
      const capped = Decimal.max(dec('0'), Decimal.min(dec('1'), r));
      const score = clamp(weight.times(capped).toDecimalPlaces(rule.places, Decimal.ROUND_HALF_UP));
      return { score, trace: `${INDICATOR_LABELS[rule.indicator].zh} ${formatPercent(r, 4)} × ${weight.toString()}` };
    }
    case 'targetMet': {
      const r = indicatorValue(indicators, rule.indicator);
      const met = rule.op === '>=' ? r.gte(rule.target) : r.lte(rule.target);
      const rt = `${INDICATOR_LABELS[rule.indicator].zh} ${formatPercent(r, 4)} ${rule.op} ${formatPercent(rule.target, 2)}`;
      if (met) return { score: weight, trace: `${rt}: met → full` };
      return { score: clamp(need(assessment.score, 'score')), trace: `${rt}: missed → evaluator's score` };
    }
    case 'manual':
      return { score: clamp(need(assessment.score, 'score')), trace: 'manual 酌情评分' };
  }
}

function need<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`assessment.${name} is missing: validate the evaluation before scoring it`);
  return value;
}

function indicatorValue(indicators: Indicators | null, name: IndicatorName): Decimal {
  const v = indicators?.[name] ?? null;
  if (v === null) throw new Error(`indicator ${name} cannot be computed from the inputs: validate the evaluation before scoring it`);
  return v;
}

/** The computed indicator a rule reads, if any. */
export function ruleIndicator(rule: ScoringRule): IndicatorName | null {
  return rule.kind === 'thresholdSteps' || rule.kind === 'proportional' || rule.kind === 'targetMet' ? rule.indicator : null;
}

/** Reads a rule from JSON, adding a problem for each bad field. */
export function parseScoringRule(value: unknown, at: string, problems: Problem[]): ScoringRule | null {
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const kind = readEnum(obj, 'kind', at, RULE_KINDS, problems);
  const before = problems.length;
  switch (kind) {
    case null:
      return null;
    case 'passFail':
    case 'manual':
      return { kind };
    case 'thresholdSteps': {
      const indicator = readEnum(obj, 'indicator', at, INDICATOR_NAMES, problems);
      const fullAt = readRate(obj, 'fullAt', at, problems);
      const fullInclusive = readBoolean(obj, 'fullInclusive', at, problems);
      const step = readRate(obj, 'step', at, problems);
      const pointsPerStep = readPoints(obj, 'pointsPerStep', at, problems);
      const zeroBelow = readRate(obj, 'zeroBelow', at, problems);
      const partialStep = obj.partialStep === undefined ? 'counts' : readEnum(obj, 'partialStep', at, ['counts', 'ignored'] as const, problems);
      if (step !== null && !step.isPositive()) problems.push(problem('schema.range', path(at, 'step'), obj.step, { en: 'a step above 0', zh: '大于 0 的步长' }));
      if (fullAt !== null && zeroBelow !== null && zeroBelow.gt(fullAt)) {
        problems.push(problem('schema.range', path(at, 'zeroBelow'), obj.zeroBelow, { en: `a rate not above fullAt (${obj.fullAt})`, zh: `不高于满分线（${obj.fullAt}）的比率` }));
      }
      if (problems.length > before || !indicator || !fullAt || fullInclusive === null || !step || !pointsPerStep || !zeroBelow || !partialStep) return null;
      return { kind, indicator, fullAt, fullInclusive, step, pointsPerStep, zeroBelow, partialStep };
    }
    case 'deductPerItem': {
      const pointsPerItem = readPoints(obj, 'pointsPerItem', at, problems);
      const criteria = obj.criteria === undefined ? [] : (readArray(obj.criteria, path(at, 'criteria'), problems) ?? []);
      criteria.forEach((c, i) => {
        if (typeof c !== 'string') problems.push(problem('schema.type', path(at, 'criteria', i), c, { en: 'a string', zh: '字符串' }));
      });
      if (problems.length > before || !pointsPerItem) return null;
      return { kind, pointsPerItem, criteria: criteria as string[] };
    }
    case 'proportional': {
      const indicator = readEnum(obj, 'indicator', at, INDICATOR_NAMES, problems);
      const places = obj.places === undefined ? 2 : readCount(obj, 'places', at, problems);
      if (problems.length > before || !indicator || places === null) return null;
      return { kind, indicator, places };
    }
    case 'targetMet': {
      const indicator = readEnum(obj, 'indicator', at, INDICATOR_NAMES, problems);
      const op = readEnum(obj, 'op', at, ['>=', '<='] as const, problems);
      const target = readRate(obj, 'target', at, problems);
      if (problems.length > before || !indicator || !op || !target) return null;
      return { kind, indicator, op, target };
    }
  }
}

/** Reads the evaluator's findings for a leaf and checks they fit its rule and weight. */
export function parseAssessment(value: unknown, at: string, rule: ScoringRule | null, weight: Decimal | null, problems: Problem[]): Assessment | null {
  // Computed rules need no findings; a rule that failed to read has its own problem already.
  if (value === undefined && (rule === null || rule.kind === 'thresholdSteps' || rule.kind === 'proportional' || rule.kind === 'targetMet')) return {};
  const obj = readObject(value, at, problems);
  if (!obj) return null;
  const before = problems.length;
  const justification = readString(obj, 'justification', at, problems, rule?.kind !== 'manual') ?? undefined;
  let met: boolean | undefined;
  let failedCount: number | undefined;
  let score: Decimal | undefined;
  if (rule?.kind === 'passFail') met = readBoolean(obj, 'met', at, problems) ?? undefined;
  if (rule?.kind === 'deductPerItem') {
    failedCount = readCount(obj, 'failedCount', at, problems) ?? undefined;
    if (failedCount !== undefined && rule.criteria.length > 0 && failedCount > rule.criteria.length) {
      problems.push(problem('schema.range', path(at, 'failedCount'), obj.failedCount, {
        en: `at most ${rule.criteria.length}, the number of criteria`,
        zh: `不超过评分标准的条数 ${rule.criteria.length}`,
      }));
    }
  }
  if (rule?.kind === 'manual' || (rule?.kind === 'targetMet' && obj.score !== undefined)) {
    score = readPoints(obj, 'score', at, problems) ?? undefined;
    if (score !== undefined && weight !== null && score.gt(weight)) {
      problems.push(problem('schema.range', path(at, 'score'), obj.score, { en: `a score from 0 to the weight ${weight.toString()}`, zh: `0 至分值 ${weight.toString()} 之间的得分` }));
    }
  }
  if (problems.length > before) return null;
  return { met, failedCount, score, justification };
}
