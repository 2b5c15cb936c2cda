/**
 * 增存挂钩 quota reward and penalty: a county that completes its year's 增存挂钩 disposal task
 * (批而未供 and idle land) gets 10 % more new construction-land quota next year; one that fails
 * gets 20 % less (seed 004 五、(三); nationally 自然资规〔2018〕1号, DOMAIN K-1, K-2).
 *
 * Worked example: a base quota of 1 000 亩 → 1 100 亩 next year if the task is met, 800 亩 if not.
 */
import { dec, type Decimal } from '../money';

export interface QuotaRule {
  /** Fraction added when the task is met (0.1). */
  readonly reward: Decimal;
  /** Fraction taken off when it is missed (0.2). */
  readonly penalty: Decimal;
}

export interface QuotaOutcome {
  readonly met: boolean;
  /** 1 + reward or 1 − penalty (1.1 / 0.8). */
  readonly factor: Decimal;
  /** "+10%" / "−20%" */
  readonly change: string;
  /** This year's quota in 亩, when known. */
  readonly baseMu: Decimal | null;
  /** Next year's quota in 亩 = base × factor, exact. */
  readonly nextMu: Decimal | null;
}

export function nextYearQuota(rule: QuotaRule, met: boolean, baseMu: Decimal | null = null): QuotaOutcome {
  if (rule.reward.isNegative() || rule.penalty.isNegative() || rule.penalty.gt(1)) {
    throw new RangeError(`quota rule out of range: reward ${rule.reward.toString()}, penalty ${rule.penalty.toString()}`);
  }
  const factor = met ? dec('1').plus(rule.reward) : dec('1').minus(rule.penalty);
  const pct = (met ? rule.reward : rule.penalty).times(100).toString();
  return { met, factor, change: `${met ? '+' : '−'}${pct}%`, baseMu, nextMu: baseMu === null ? null : baseMu.times(factor) };
}
