/**
 * How long a user waits for `lrsim`: wall time from starting `node <the package's lrsim bin> …` (what
 * `npx lrsim` runs, bin/lrsim.cjs) to its exit, median of repeated starts, beside a bare `node -e 0`
 * (the part no change to lrsim can remove). It times the build made on `npm install` (build/), building
 * it first if the sources are newer.
 *
 *   cliStartMs(['--help'], 15) → 120   (ms, median wall time of 15 starts after 2 warm-ups)
 */
import { spawnSync } from 'node:child_process';
import pkg from '../package.json';
import { builtCliIsFresh } from '../bin/built-cli.cjs';
import { buildCli } from '../scripts/build-cli';

/** Wall ms of one `node <args>` to its exit, and what it printed; a non-zero exit is an error. */
export function timedNode(args: string[], capture = false): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-2000)}`);
  return { ms, stdout: capture ? r.stdout : '' };
}

function startMs(args: string[]): number {
  return timedNode(args).ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time of `node <args>`, after two starts that warm the file cache. */
export function nodeStartMs(args: string[], times: number): number {
  startMs(args);
  startMs(args);
  return median(Array.from({ length: times }, () => startMs(args)));
}

export function cliStartMs(args: string[], times: number): number {
  return nodeStartMs([pkg.bin.lrsim, ...args], times);
}

/** Makes sure what is timed is the build a user gets from `npm install`; true if it had to be rebuilt. */
export async function ensureBuiltCli(): Promise<boolean> {
  if (builtCliIsFresh()) return false;
  await buildCli();
  return true;
}
