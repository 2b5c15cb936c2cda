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

/**
 * A check whose messages are written when they are read (a report, a JSON file), not when the
 * check is made: a Monte Carlo draw re-makes every parcel's checks and reads none of them. It
 * serialises, spreads and compares as `check(...)` with the same texts does, field for field.
 */
export function lazyCheck(id: string, ok: boolean, severity: Severity, message: () => string, messageZh: () => string, ref: string, parcel: string): Check {
  return {
    id,
    ok,
    severity,
    get message() {
      return message();
    },
    get messageZh() {
      return messageZh();
    },
    ref,
    parcel,
  };
}
