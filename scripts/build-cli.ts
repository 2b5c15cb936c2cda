/**
 * Builds the command-line tool into build/, so `lrsim` starts without transpiling TypeScript or
 * compiling the scenario schema: `npm install` runs this (the `prepare` script), and so does the
 * test setup when the sources are newer than the build.
 *
 *   build/cli-<hash>.cjs          cli/main.ts, CommonJS (V8 caches the compiled code of a script, not
 *   build/cli-<name>-<hash>.cjs   of an ES module, on Node 20); each command a chunk loaded when it runs
 *   build/*.cjs.cache             V8's code cache of each chunk a run of the sample scenario loads
 *                                 (scripts/cli-code-cache.mjs), read by bin/built-cli.cjs
 *   build/scenario-validator.mjs  the schema's validator as ajv standalone code, bundled in place
 *                                 of engine/scenario/scenario-validator.ts
 *   build/string-width.cjs        string-width, required the first time a text needs it
 *   build/cli.json                the entry chunk and the source files bundled, written last: its
 *                                 time is the build's, for bin/built-cli.cjs to tell a stale build
 *
 *   node --import tsx scripts/build-cli.ts [--if-stale]
 */
import { mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import schema from '../scenarios/scenario.schema.json';
import { AJV_OPTIONS } from '../engine/scenario/scenario-validator';
import { SCENARIO_FORMATS } from '../engine/scenario/scenario-formats';
import { MANIFEST, builtCliIsFresh } from '../bin/built-cli.cjs';
import { recordedAnswers } from './cli-answers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build');
const VALIDATOR_SOURCE = join(ROOT, 'engine/scenario/scenario-validator.ts');
const FORMATS_SOURCE = join(ROOT, 'engine/scenario/scenario-formats.ts');

/**
 * The schema's validating function as ES module source. The schema's own formats (range checks)
 * are functions, not code: the generated module imports them from scenario-formats.ts, which the
 * bundler then compiles in with everything else.
 */
function validatorCode(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, formats: _`scenarioFormats` } });
  for (const [name, f] of Object.entries(SCENARIO_FORMATS)) ajv.addFormat(name, f);
  return `import { SCENARIO_FORMATS as scenarioFormats } from ${JSON.stringify(FORMATS_SOURCE)};\n${standaloneCode(ajv, ajv.compile(schema))}`;
}

/** Writes a file whole or not at all: a reader never sees half a build. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * string-width stays out of the bundle: its emoji regular expression alone takes ~25 ms to parse and its
 * grapheme segmenter ~20 ms to make, on every start, though most text (ASCII, Chinese) never reaches it
 * (engine/presentation/display-width.ts counts those itself). It is bundled on its own as CommonJS,
 * build/string-width.cjs, which the CLI requires — synchronously — the first time it is called.
 */
const LAZY_STRING_WIDTH = '\0lazy-string-width';
const lazyStringWidth = {
  name: 'lazy-string-width',
  resolveId(source: string) {
    return source === 'string-width' ? LAZY_STRING_WIDTH : null;
  },
  load(id: string) {
    if (id !== LAZY_STRING_WIDTH) return null;
    return {
      moduleType: 'js',
      code: `import { join } from 'node:path';
let stringWidth;
export default function lazyStringWidth(text, options) {
  stringWidth ??= require(join(__dirname, '${STRING_WIDTH_CJS}'));
  return stringWidth(text, options);
}`,
    };
  },
};
const STRING_WIDTH_CJS = 'string-width.cjs';

async function buildStringWidth(): Promise<void> {
  const { build } = await import('rolldown');
  const result = await build({
    input: 'string-width',
    cwd: ROOT,
    platform: 'node',
    write: false,
    logLevel: 'warn',
    output: { format: 'cjs', exports: 'default', minify: true },
  });
  writeAtomic(join(OUT, STRING_WIDTH_CJS), result.output.filter((o) => o.type === 'chunk').find((c) => c.isEntry)!.code);
}

/**
 * cli/analysis-worker.ts reads `import.meta.resolve` only to start a worker thread on its own
 * TypeScript through tsx; the bundle is CommonJS, where the bundler makes `import.meta` an empty
 * object, and the built CLI starts its workers on the built file without that path. Its warning
 * would only put a screenful of noise in every `npm install`.
 */
function quietImportMeta(level: string, log: { code?: string; message: string }, handler: (level: 'warn' | 'info' | 'debug', log: { code?: string; message: string }) => void): void {
  if (log.code === 'EMPTY_IMPORT_META' && log.message.includes('cli/analysis-worker.ts')) return;
  handler(level as 'warn', log);
}

export async function buildCli(): Promise<string[]> {
  const started = new Date();
  mkdirSync(OUT, { recursive: true });
  await buildStringWidth();
  const validator = join(OUT, 'scenario-validator.mjs');
  writeAtomic(validator, validatorCode());
  const { build } = await import('rolldown');
  const result = await build({
    input: join(ROOT, 'cli/main.ts'),
    platform: 'node',
    write: false,
    logLevel: 'warn',
    onLog: quietImportMeta,
    plugins: [{
      name: 'standalone-scenario-validator',
      load(id: string) {
        return id === VALIDATOR_SOURCE ? { code: `export { validate as validateScenario } from ${JSON.stringify(validator)};`, moduleType: 'js' } : null;
      },
    }, lazyStringWidth],
    output: { format: 'cjs', entryFileNames: 'cli-[hash].cjs', chunkFileNames: 'cli-[name]-[hash].cjs', minify: { compress: true, mangle: false }, charset: 'ascii' },
  });
  const chunks = result.output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry)!;
  const inputs = [...sourcesOf(chunks.flatMap((c) => c.moduleIds)), relative(ROOT, VALIDATOR_SOURCE), 'scenarios/scenario.schema.json'].sort();
  // The usage needs only the entry and what it imports: `lrsim --help` checks only their sources.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const loaded = [entry];
  for (const c of loaded) for (const i of c.imports) if (!loaded.includes(byName.get(i)!)) loaded.push(byName.get(i)!);
  const answers = { inputs: sourcesOf([...loaded.flatMap((c) => c.moduleIds), join(ROOT, 'scripts/cli-answers.ts')]), byArguments: await recordedAnswers() };
  // Chunks are named by their content: writing them leaves the previous build whole until the
  // manifest, written last, names the new entry.
  for (const c of chunks) writeAtomic(join(OUT, c.fileName), c.code);
  writeAtomic(MANIFEST, JSON.stringify({ entry: entry.fileName, inputs, answers }, null, 1) + '\n');
  // Dated when the build began: a source saved while it ran is newer, so the build is stale.
  utimesSync(MANIFEST, started, started);
  const current = new Set(chunks.map((c) => c.fileName));
  for (const f of readdirSync(OUT)) {
    const chunk = /^(cli.*\.[cm]js)(\.cache)?$|^cli-inputs\.json$/.exec(f);
    if (chunk && !current.has(chunk[1])) rmSync(join(OUT, f), { force: true });
  }
  writeCodeCache();
  return inputs;
}

/** The project's source files among a bundle's modules, with the build's own code (a change to it is a new build). */
function sourcesOf(ids: string[]): string[] {
  const own = ['scripts/build-cli.ts', 'bin/built-cli.cjs'].map((f) => join(ROOT, f));
  const files = [...ids, ...own]
    .filter((id) => id.startsWith(ROOT + '/') && !id.includes('/node_modules/') && !id.startsWith(OUT + '/') && id !== VALIDATOR_SOURCE)
    .map((id) => relative(ROOT, id));
  return [...new Set(files)].sort();
}

/**
 * The code cache, made by running the built CLI on a sample scenario in a fresh Node (the cache is
 * only accepted by the Node, and the V8 flags, that made it). Without it the CLI works, only slower.
 */
function writeCodeCache(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/cli-code-cache.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) console.warn(`build: no code cache written (lrsim starts slower): ${r.stderr || r.error?.message}`);
}

/** Without the bundler (an install that left out devDependencies) there is nothing to build: lrsim runs through tsx. */
async function bundlerMissing(): Promise<boolean> {
  try {
    await import('rolldown');
    return false;
  } catch {
    return true;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && builtCliIsFresh()) process.exit(0);
  if (await bundlerMissing()) {
    console.log('build/ not made: rolldown is not installed (devDependencies left out); lrsim runs the TypeScript through tsx');
    process.exit(0);
  }
  const t = performance.now();
  const inputs = await buildCli();
  console.log(`build/cli.json: ${inputs.length} source files bundled in ${Math.round(performance.now() - t)} ms`);
}
