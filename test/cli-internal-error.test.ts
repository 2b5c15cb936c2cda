/**
 * A broken engine invariant reaches the command line as an internal error naming the check, with
 * exit code 70 (EX_SOFTWARE) and no stack trace: it is the engine's bug, not the user's mistake.
 */
import { describe, expect, it, vi } from 'vitest';
import { InvariantError } from '../engine/assert';
import { main } from '../cli/main';

vi.mock('../cli/commands/run', () => ({
  runCommand: async () => { throw new InvariantError('reserveFund is -100 fen at the end of 2022-03', 'funds.nonNegative'); },
}));

describe('an InvariantError on the command line', () => {
  it('prints the check as an internal error in both languages and exits 70', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['run', 'scenarios/hainan-provincial.json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(70);
    expect(out).toEqual([]);
    const text = err.join('\n');
    expect(text).toContain('internal error: engine invariant funds.nonNegative broken');
    expect(text).toContain('内部错误');
    expect(text).not.toMatch(/\n\s+at /);
  });
});
