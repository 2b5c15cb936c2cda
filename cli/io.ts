/**
 * The CLI's window on the world: every command writes through this, so tests can capture
 * output and a command never calls process.exit itself (the entry point does, once).
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A command: parses its own arguments, returns the exit code (0 ok, 1 bad input, 2 usage). */
export type Command = (args: string[], io: CliIO) => Promise<number>;

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};
