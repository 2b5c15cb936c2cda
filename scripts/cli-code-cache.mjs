// Runs the built CLI once on a sample scenario, output discarded, then writes V8's code cache of
// every chunk it loaded (bin/built-cli.cjs reads it back): the functions that run compiled ahead.
// Plain JavaScript in a fresh Node, as `lrsim` starts: a cache is only accepted by the Node and the
// V8 flags that made it. scripts/build-cli.ts runs this after each build.
import { fileURLToPath } from 'node:url';
import { loadBuiltCli, writeCodeCache } from '../bin/built-cli.cjs';

const cli = loadBuiltCli();
if (!cli) throw new Error('build/ is missing or older than the sources');
const quiet = { out() {}, err() {} };
const sample = fileURLToPath(new URL('../scenarios/xingning-buyback.json', import.meta.url));
for (const args of [['--help'], ['run', sample], ['validate', sample]]) {
  const code = await cli.main(args, quiet);
  if (code !== 0) throw new Error(`lrsim ${args.join(' ')} exited ${code}`);
}
writeCodeCache();
