// The built CLI (build/, made by scripts/build-cli.ts on `npm install`): whether it still matches the
// sources, and loading it. It is stale when any file it was bundled from is newer than its manifest,
// build/cli.json, or gone (a developer editing the TypeScript, a checkout). Plain JavaScript: it runs
// before anything is compiled.
//
// The build is CommonJS chunks, each loaded through vm.Script with the V8 code cache the build left
// beside it (<chunk>.cache): V8 then skips parsing and compiling what the cache holds, most of a
// start's work. Chunk names carry a hash of their content, so a cache never meets another source; a
// cache V8 refuses (another Node version, other V8 flags) only costs the compile it would have saved.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = ROOT + 'build/';
export const MANIFEST = BUILD + 'cli.json';

function manifest() {
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

/** True when the build is there and no source it was bundled from changed since it was made. */
export function builtCliIsFresh() {
  try {
    return isFresh(manifest());
  } catch {
    return false;
  }
}

function isFresh({ entry, inputs }) {
  statSync(BUILD + entry);
  return unchanged(inputs);
}

/** True when none of these sources is newer than the build (throws when one is gone). */
function unchanged(inputs) {
  const built = statSync(MANIFEST).mtimeMs;
  for (const file of inputs) if (statSync(ROOT + file).mtimeMs > built) return false;
  return true;
}

/** The built CLI's exports ({ main }), or null when it is missing or stale. */
export function loadBuiltCli() {
  let m;
  try {
    m = manifest();
    if (!isFresh(m)) return null;
  } catch {
    return null;
  }
  return loadChunk(m.entry);
}

/**
 * What the CLI writes and returns for these arguments ({ out, err, code }) when the build recorded it
 * (the usage: scripts/cli-answers.ts) and the sources it came from are unchanged; otherwise null.
 */
export function recordedAnswer(argv) {
  if (argv.length > 1) return null;
  try {
    const { answers } = manifest();
    const key = JSON.stringify(argv);
    return Object.hasOwn(answers.byArguments, key) && unchanged(answers.inputs) ? answers.byArguments[key] : null;
  } catch {
    return null;
  }
}

const chunks = new Map();
const nodeRequire = createRequire(BUILD);

/** The chunks' `require`: another chunk through the code cache, anything else (node:fs…) as Node does. */
function chunkRequire(id) {
  return id.startsWith('./') && id.endsWith('.cjs') ? loadChunk(id.slice(2)) : nodeRequire(id);
}
chunkRequire.resolve = nodeRequire.resolve;

function loadChunk(name) {
  const known = chunks.get(name);
  if (known) return known.module.exports;
  const file = BUILD + name;
  let cachedData;
  try {
    cachedData = readFileSync(file + '.cache');
  } catch { /* no cache: compiled as usual */ }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {}, filename: file };
  chunks.set(name, { script, module });
  script.runInThisContext()(module.exports, chunkRequire, module, file, BUILD);
  return module.exports;
}

/** Writes the code cache of every chunk loaded so far (after a run, so it holds what that run compiled). */
export function writeCodeCache() {
  for (const [name, { script }] of chunks) {
    const file = `${BUILD}${name}.cache`;
    writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return [...chunks.keys()];
}
