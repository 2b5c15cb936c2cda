/**
 * What `lrsim`, `lrsim --help`, `-h` and `help` write and return, recorded when the CLI is built
 * (into build/cli.json) so bin/lrsim.cjs answers them without loading the CLI: such a start costs
 * little more than Node's own. Recorded by running cli/main.ts itself, so the usage is still the one
 * cli/usage.ts and cli/main.ts make, and the bytes are what the process would write.
 *
 *   recordedAnswers() → { '[]': { out: 'lrsim — …\n', err: '', code: 2 }, '["--help"]': { …, code: 0 }, … }
 */
import { HELP_ARGUMENTS, main } from '../cli/main';
import { streamText } from '../cli/io';

export interface Answer {
  out: string;
  err: string;
  code: number;
}

/** Each answer keyed by its arguments as JSON (the key bin/built-cli.cjs looks up). */
export async function recordedAnswers(): Promise<Record<string, Answer>> {
  const answers: Record<string, Answer> = {};
  for (const argv of [[], ...HELP_ARGUMENTS.map((a) => [a])]) {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => { out += streamText(t); }, err: (t) => { err += streamText(t); } });
    answers[JSON.stringify(argv)] = { out, err, code };
  }
  return answers;
}
