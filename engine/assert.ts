/**
 * Assertions guard the engine's own invariants (tigerbeetle style). A failed assertion is a bug
 * in the engine, never a user's mistake: those are Problems, reported before anything runs.
 */
export class InvariantError extends Error {
  constructor(message: string) {
    super(`engine invariant broken: ${message}`);
    this.name = 'InvariantError';
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
