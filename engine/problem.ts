/**
 * A user's mistake, as a value: what is wrong, where (a JSON path such as `parcels[2].sale.price`),
 * the value found, what was expected, in Chinese and English, and a hint to fix it.
 * Validation collects every problem before anything runs; it never stops at the first.
 */

export type ProblemCode =
  | 'file.notFound'
  | 'file.unreadable'
  | 'file.json'
  | 'file.csv'
  | 'file.xlsx'
  | 'schema.type'
  | 'schema.required'
  | 'schema.unknownField'
  | 'schema.enum'
  | 'schema.range'
  | 'schema.format'
  | 'money.format'
  | 'area.format'
  | 'unitPrice.format'
  | 'rate.format'
  | 'date.format'
  | 'date.outsideTimeline'
  | 'ref.unknown'
  | 'ref.duplicate'
  | 'variant.cycle'
  | 'payments.shares'
  | 'rule.serviceFeeCap'
  | 'rule.leaseTooLong'
  | 'rule.managementFeeCap'
  | 'rule.saleSchedule'
  | 'rule.bondTerm'
  | 'rule.bondQuota'
  | 'parameter.unknown'
  | 'parameter.value'
  | 'parameter.notInForce'
  | 'amount.range'
  | 'rate.range'
  | 'date.order'
  | 'file.notRegular'
  | 'file.tooLarge'
  | 'limit.depth'
  | 'set.path'
  | 'set.index';

export interface Problem {
  readonly code: ProblemCode;
  /** JSON path of the offending field, e.g. `parcels[2].acquisition.payments[0].amount`. */
  readonly path: string;
  /** The value found, as JSON text (undefined when the field is missing). */
  readonly value?: string;
  readonly expected: { readonly en: string; readonly zh: string };
  readonly message: { readonly en: string; readonly zh: string };
  readonly hint?: string;
  /** The file the problem is in, when it came from a file. */
  readonly file?: string;
}

export function problem(
  code: ProblemCode,
  path: string,
  value: unknown,
  expected: { en: string; zh: string },
  message?: { en: string; zh: string },
  hint?: string,
): Problem {
  const shown = value === undefined ? undefined : truncate(JSON.stringify(value) ?? String(value));
  return {
    code,
    path,
    value: shown,
    expected,
    message: message ?? {
      en: `${path || '(root)'}: found ${shown ?? 'nothing'}, expected ${expected.en}`,
      zh: `${path || '（根）'}：值为 ${shown ?? '（缺失）'}，应为${expected.zh}`,
    },
    hint,
  };
}

function truncate(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

/** Joins JSON path segments: ('parcels', 2, 'sale') → "parcels[2].sale". */
export function joinPath(...parts: (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (p === '') continue;
    else out += out ? `.${p}` : p;
  }
  return out;
}

/** Thrown by `simulate` when handed an invalid scenario; carries every problem found. */
export class ScenarioInvalid extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`scenario has ${problems.length} problem(s): ` + problems.map((p) => p.message.en).join('; '));
    this.name = 'ScenarioInvalid';
  }
}
