/**
 * The scenario schema's own formats (`"format": "lrsim-money"` …). The schema's patterns say how a
 * value is written; these say whether it can be held: within the engine's exact range and the rules'
 * ranges (engine/limits.ts), a real calendar day. A malformed value passes here, so only its pattern
 * error names it. Used by the validator compiled at run time and by the CLI's standalone build.
 */
import { areaBreach, factorBreach, moneyBreach, moneyOrRateBreach, rateBreach, unitPriceBreach, weightBreach, type LimitBreach } from '../limits';
import { parseDate } from '../timeline';
import { memo } from '../money';
import type { ProblemCode } from '../problem';

const REAL_DATE: LimitBreach = { en: 'a real calendar date (2022-02 has 28 days)', zh: '真实存在的日期（如 2022-02 只有 28 天）' };

export const LIMIT_FORMATS: Record<string, { code: ProblemCode; breach: (text: string) => LimitBreach }> = {
  'lrsim-money': { code: 'amount.range', breach: moneyBreach },
  'lrsim-money-or-rate': { code: 'amount.range', breach: moneyOrRateBreach },
  'lrsim-rate': { code: 'rate.range', breach: rateBreach },
  'lrsim-factor': { code: 'amount.range', breach: factorBreach },
  'lrsim-area': { code: 'amount.range', breach: areaBreach },
  'lrsim-unit-price': { code: 'amount.range', breach: unitPriceBreach },
  'lrsim-weight': { code: 'amount.range', breach: weightBreach },
  'lrsim-date': { code: 'date.format', breach: (t) => (/^\d{4}-\d{2}-\d{2}$/.test(t) && !parseDate(t) ? REAL_DATE : null) },
};

/**
 * The formats as ajv takes them (name → a string check). The answers for areas, rates, unit
 * prices, weights and dates are remembered (a portfolio writes the same few parcel after parcel,
 * and checking one takes decimal.js); an amount of money is checked in integers, and is seldom
 * written twice, so it is checked each time.
 */
export const SCENARIO_FORMATS: Record<string, { type: 'string'; validate: (t: string) => boolean }> = Object.fromEntries(
  Object.entries(LIMIT_FORMATS).map(([name, f]) => [name, { type: 'string' as const, validate: formatCheck(name, f.breach) }]),
);

function formatCheck(name: string, breach: (text: string) => LimitBreach): (text: string) => boolean {
  const remembered = memo((t: string) => breach(t) === null);
  if (name === 'lrsim-money') return (t) => breach(t) === null;
  if (name === 'lrsim-money-or-rate') return (t) => (/[%‰]\s*$/.test(t) ? remembered(t) : breach(t) === null);
  return remembered;
}
