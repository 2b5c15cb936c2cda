/**
 * A command's arguments, read the same way by every command: node:util's parseArgs, then the
 * project's conventions — `--help`/`-h` prints the usage and exits 0; a mistake (an unknown flag,
 * the wrong number of files, --json with --csv) prints what is wrong and the usage line, exit 2.
 *
 *   const a = commandArguments(args, io, { json: { type: 'boolean' } }, { usage: RUN_USAGE });
 *   if (typeof a === 'number') return a;      // exit code: printed help or a usage mistake
 *   a.values.json; a.positionals[0];
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { CliIO } from './io';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Config<O extends ParseArgsOptionsConfig> = { args: string[]; allowPositionals: true; options: O & typeof HELP };
export type CommandArguments<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<Config<O>>>;

export interface ArgumentRules {
  /** The usage text, printed for --help and after "usage: " under a mistake. */
  readonly usage: string;
  /** Exactly this many positional arguments (files); null for any number. Default 1. */
  readonly positionals?: number | null;
  /** Flags of which at most one may be given (default --json and --csv). */
  readonly exclusive?: readonly string[];
}

export function commandArguments<O extends ParseArgsOptionsConfig>(args: string[], io: CliIO, options: O, rules: ArgumentRules): CommandArguments<O> | number {
  const mistake = (why: string) => {
    io.err(`${why ? why + '\n' : ''}usage: ${rules.usage}`);
    return 2;
  };
  let parsed: CommandArguments<O>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, ...HELP } } as Config<O>);
  } catch (e) {
    return mistake((e as Error).message);
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    io.out(rules.usage);
    return 0;
  }
  const wanted = rules.positionals === undefined ? 1 : rules.positionals;
  if (wanted !== null && parsed.positionals.length !== wanted) return mistake(`expected ${wanted} file${wanted === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  const given = (rules.exclusive ?? ['json', 'csv']).filter((k) => values[k] !== undefined && values[k] !== false);
  if (given.length > 1) return mistake(`choose one of ${given.map((k) => `--${k}`).join(' and ')}`);
  return parsed;
}

/** --lang zh (default) or en; null (a usage mistake) otherwise. */
export function languageOf(value: unknown): 'zh' | 'en' | null {
  return value === undefined || value === 'zh' ? 'zh' : value === 'en' ? 'en' : null;
}
