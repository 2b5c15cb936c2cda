// The built CLI (build/, made by scripts/build-cli.ts on `npm install`): whether it still matches the
// sources, and loading it. It is stale when any file it was bundled from is newer than its manifest,
// build/cli.json, or gone (a developer editing the TypeScript, a checkout). Plain JavaScript, and
// CommonJS: it runs before anything is compiled, and Node loads it without the ES module loader.
//
// The build is CommonJS chunks, each loaded through vm.Script with the V8 code cache the build left
// beside it (<chunk>.cache): V8 then skips parsing and compiling what the cache holds, most of a
// start's work. Chunk names carry a hash of their content, so a cache never meets another source; a
// cache V8 refuses (another Node version, other V8 flags) only costs the compile it would have saved.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..') + '/';
const BUILD = ROOT + 'build/';
const MANIFEST = BUILD + 'cli.json';

function manifest() {
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

/** True when the build is there and no source it was bundled from changed since it was made. */
function builtCliIsFresh() {
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
function loadBuiltCli() {
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
function recordedAnswer(argv) {
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
// Required when the CLI is loaded, not for a recorded answer: node:vm alone takes milliseconds to load.
let Module;
let Script;
let nodeRequire;

/** The chunks' `require`: another chunk through the code cache, anything else (node:fs…) as Node does. */
function chunkRequire(id) {
  return id.startsWith('./') && id.endsWith('.cjs') ? loadChunk(id.slice(2)) : nodeRequire(id);
}

function loadChunk(name) {
  if (!Script) {
    Module = require('node:module');
    ({ Script } = require('node:vm'));
    nodeRequire = Module.createRequire(BUILD);
    chunkRequire.resolve = nodeRequire.resolve;
  }
  const known = chunks.get(name);
  if (known) return known.mod.exports;
  const file = BUILD + name;
  let cachedData;
  try {
    cachedData = readFileSync(file + '.cache');
  } catch { /* no cache: compiled as usual */ }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = { exports: {}, filename: file };
  chunks.set(name, { script, mod });
  script.runInThisContext()(mod.exports, chunkRequire, mod, file, BUILD);
  return mod.exports;
}

/** Writes the code cache of every chunk loaded so far (after a run, so it holds what that run compiled). */
function writeCodeCache() {
  for (const [name, { script }] of chunks) {
    const file = `${BUILD}${name}.cache`;
    writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return [...chunks.keys()];
}

module.exports = { MANIFEST, builtCliIsFresh, loadBuiltCli, recordedAnswer, writeCodeCache };
