/**
 * A check: one invariant or rule, evaluated on a run, pass or fail, with a message in both
 * languages. Invariant checks (the ledger balances, funds never negative, split parts sum to the
 * total) fail only if the engine is wrong; rule checks (service fee over 2%, lease over two
 * years, an unpaid acquisition balance) fail when the scenario breaches a documented rule.
 */
export type Severity = 'invariant' | 'rule' | 'info';

export interface Check {
  readonly id: string;
  readonly ok: boolean;
  readonly severity: Severity;
  /** English message. */
  readonly message: string;
  readonly messageZh: string;
  /** DOMAIN.md rule id, when the check enforces a documented rule. */
  readonly ref?: string;
  readonly parcel?: string;
}

export function check(id: string, ok: boolean, severity: Severity, message: string, messageZh: string, extra: { ref?: string; parcel?: string } = {}): Check {
  return { id, ok, severity, message, messageZh, ...extra };
}

/** A parcel's check of a documented rule: check(id, ok, severity, message, messageZh, {ref, parcel}) in one literal (a province makes tens of thousands). */
export function parcelCheck(id: string, ok: boolean, severity: Severity, message: string, messageZh: string, ref: string, parcel: string): Check {
  return { id, ok, severity, message, messageZh, ref, parcel };
}

/**
 * A check as a parcel makes it: made now, or — when its messages cost more than the check (a
 * parcel's amounts written in 万元) — a function that makes it when the checks are first read. A
 * Monte Carlo draw re-makes every parcel's checks and reads none of them.
 */
export type PendingCheck = Check | (() => Check);

/** The checks, each made (in order). */
export function settleChecks(list: readonly PendingCheck[]): Check[] {
  return list.map((c) => (typeof c === 'function' ? c() : c));
}
