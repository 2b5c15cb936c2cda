/**
 * The CLI's window on the world: every command writes through this, so tests can capture
 * output and a command never calls process.exit itself (the entry point does, once).
 */
import { streamSafe } from '../engine/presentation/terminal-text';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A command: parses its own arguments, returns the exit code (0 ok, 1 bad input, 2 usage). */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** What the process writes for a text: a line, with control characters from a file never reaching the terminal. */
export function streamText(text: string): string {
  return streamSafe(text.endsWith('\n') ? text : text + '\n');
}

/** The process's streams. */
export const processIO: CliIO = {
  out: (text) => process.stdout.write(streamText(text)),
  err: (text) => process.stderr.write(streamText(text)),
};
