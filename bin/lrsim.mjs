#!/usr/bin/env node
// Runs the CLI built on `npm install` (build/cli.mjs: no TypeScript to transpile, the scenario schema
// already compiled). When the build is missing or older than the sources, runs the TypeScript through
// tsx instead — slower to start, never out of date; `npm run build:cli` makes the fast start again.
import { BUILT_CLI, builtCliIsFresh } from './built-cli.mjs';

// `lrsim … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
}
let main;
if (builtCliIsFresh()) {
  ({ main } = await import(BUILT_CLI));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Only engine bugs reach here; user mistakes come back as problems with exit code 1.
  console.error(e?.stack ?? String(e));
  process.exitCode = 70;
}
