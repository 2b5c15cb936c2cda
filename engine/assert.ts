/**
 * Assertions guard the engine's own invariants (tigerbeetle style). A failed assertion is a bug
 * in the engine, never a user's mistake: those are Problems, reported before anything runs.
 * The error names the check that failed (`funds.nonNegative`, `ledger.balanced`, …) so the CLI
 * and the notebook can say which, as an internal error rather than a stack trace.
 */
export class InvariantError extends Error {
  constructor(readonly detail: string, readonly check = 'engine.assert') {
    super(`internal error: engine invariant ${check} broken — ${detail} (a bug in the engine, not in the scenario) / 内部错误：引擎不变量 ${check} 不成立（引擎缺陷，并非情景输入有误）`);
    this.name = 'InvariantError';
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
