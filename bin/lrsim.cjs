#!/usr/bin/env node
// Runs the CLI built on `npm install` (build/: no TypeScript to transpile, the scenario schema already
// compiled, V8's code cache beside each chunk). When the build is missing or older than the sources,
// runs the TypeScript through tsx instead — slower to start, never out of date; `npm run build:cli`
// makes the fast start again. CommonJS, as is the build: Node starts it without its ES module loader.
'use strict';
const { loadBuiltCli, recordedAnswer } = require('./built-cli.cjs');

// `lrsim … | head` closes the pipe early: that is the reader's choice, not an error. Any other
// failure to write the output (`> /dev/full`, a full disk) is the user's to fix: say so, exit 1.
for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream !== process.stderr) {
      try { process.stderr.write(`cannot write ${name}: ${e.code === 'ENOSPC' ? 'no space left on the device' : e.message} / 无法写入${name === 'standard output' ? '标准输出' : '标准错误'}\n`); } catch { /* nowhere left to say it */ }
    }
    process.exit(1);
  });
}

async function start(argv) {
  // The usage (`lrsim`, `lrsim --help`) as the build recorded it: nothing more to load.
  const answer = recordedAnswer(argv);
  if (answer) {
    if (answer.out) process.stdout.write(answer.out);
    if (answer.err) process.stderr.write(answer.err);
    return answer.code;
  }
  let main = loadBuiltCli()?.main;
  if (!main) {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../cli/main.ts'));
  }
  try {
    return await main(argv);
  } catch (e) {
    // Only engine bugs reach here; user mistakes come back as problems with exit code 1.
    console.error(e?.stack ?? String(e));
    return 70;
  }
}

start(process.argv.slice(2)).then((code) => { process.exitCode = code; });
