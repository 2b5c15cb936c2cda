/**
 * A breach of a documented rule (a service fee over 2% of the acquisition cost, a lease over two
 * years, a sale paid slower than H-3): refused as a Problem or reported as a failed Check, as the
 * scenario's rulePolicy says.
 */
import { problem, type ProblemCode } from '../problem';
import { parcelCheck } from '../check';
import type { Text } from '../model';
import type { ParcelContext, RuleSeverity } from './parcel';

export function breach(ctx: ParcelContext, parcelId: string, severity: RuleSeverity, code: ProblemCode, id: string, ref: string, fieldPath: string, value: unknown, expected: Text, en: string, zh: string): void {
  if (severity === 'error') ctx.problems.push(problem(code, fieldPath, value, expected, { en: `${fieldPath}: ${en}`, zh: `${fieldPath}：${zh}` }));
  else ctx.checks.push(parcelCheck(id, false, 'rule', en, zh, ref, parcelId));
}
