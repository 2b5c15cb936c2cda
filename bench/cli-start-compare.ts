/**
 * The CLI's start beside Node's own, alone (section 4 of bench/run.ts without the rest): starts of
 * `node -e 0`, `lrsim run scenarios/xingning-buyback.json` and `lrsim --help` taken in turns, so a
 * busy machine slows all three alike; the median of each and of each start's excess over the
 * `node -e 0` started just before it.
 *
 *   node --import tsx bench/cli-start-compare.ts [starts=15]
 */
import { spawnSync } from 'node:child_process';
import pkg from '../package.json';
import { ensureBuiltCli } from './cli-start';

const STARTS = Number(process.argv[2] ?? 15);
const RUNS: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['lrsim run scenarios/xingning-buyback.json', [pkg.bin.lrsim, 'run', 'scenarios/xingning-buyback.json']],
  ['lrsim --help', [pkg.bin.lrsim, '--help']],
];

function startMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

if (await ensureBuiltCli()) console.log('(build/ was older than the sources: built again first)');
for (const [, args] of RUNS) for (let i = 0; i < 2; i++) startMs(args);
const times = RUNS.map(() => [] as number[]);
for (let i = 0; i < STARTS; i++) RUNS.forEach(([, args], j) => times[j].push(startMs(args)));
for (const [j, [name]] of RUNS.entries()) {
  const over = j === 0 ? '' : `, ${median(times[j].map((t, i) => t - times[0][i])).toFixed(1)} ms over node -e 0`;
  console.log(`${name}: median ${median(times[j]).toFixed(1)} ms${over} (${STARTS} starts)`);
}
