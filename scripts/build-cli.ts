/**
 * Builds the command-line tool into build/cli.mjs, so `lrsim` starts without transpiling TypeScript
 * or compiling the scenario schema: `npm install` runs this (the `prepare` script), and so does the
 * test setup when the sources are newer than the build.
 *
 *   build/cli.mjs                 cli/main.ts and everything it imports, one ES module for Node
 *   build/scenario-validator.mjs  the schema's validator as ajv standalone code, bundled in place
 *                                 of engine/scenario/scenario-validator.ts
 *   build/cli-inputs.json         the source files bundled, for bin/lrsim.mjs to tell a stale build
 *
 *   node --import tsx scripts/build-cli.ts [--if-stale]
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import schema from '../scenarios/scenario.schema.json';
import { AJV_OPTIONS } from '../engine/scenario/scenario-validator';
import { SCENARIO_FORMATS } from '../engine/scenario/scenario-formats';
import { builtCliIsFresh } from '../bin/built-cli.mjs';

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
      code: `import { createRequire } from 'node:module';
let stringWidth;
export default function lazyStringWidth(text, options) {
  stringWidth ??= createRequire(import.meta.url)('./${STRING_WIDTH_CJS}');
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
  writeAtomic(join(OUT, STRING_WIDTH_CJS), result.output.find((o) => o.type === 'chunk' && o.isEntry)!.code);
}

export async function buildCli(): Promise<string[]> {
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
    plugins: [{
      name: 'standalone-scenario-validator',
      load(id: string) {
        return id === VALIDATOR_SOURCE ? { code: `export { validate as validateScenario } from ${JSON.stringify(validator)};`, moduleType: 'js' } : null;
      },
    }, lazyStringWidth],
    output: { format: 'esm', entryFileNames: 'cli.mjs', chunkFileNames: 'cli-[name]-[hash].mjs', minify: { compress: true, mangle: false } },
  });
  const chunks = result.output.filter((o) => o.type === 'chunk');
  const inputs = [...chunks.flatMap((c) => c.moduleIds), join(ROOT, 'scripts/build-cli.ts'), join(ROOT, 'bin/built-cli.mjs')]
    .filter((id) => id.startsWith(ROOT + '/') && !id.includes('/node_modules/') && !id.startsWith(OUT + '/') && id !== VALIDATOR_SOURCE)
    .map((id) => relative(ROOT, id));
  inputs.push(relative(ROOT, VALIDATOR_SOURCE), 'scenarios/scenario.schema.json');
  const unique = [...new Set(inputs)].sort();
  writeAtomic(join(OUT, 'cli-inputs.json'), JSON.stringify(unique, null, 1) + '\n');
  // The entry last: until it is renamed into place the previous build (or none) is what runs.
  for (const c of chunks.filter((c) => !c.isEntry)) writeAtomic(join(OUT, c.fileName), c.code);
  writeAtomic(join(OUT, 'cli.mjs'), chunks.find((c) => c.isEntry)!.code);
  const current = new Set(chunks.map((c) => c.fileName));
  for (const f of readdirSync(OUT)) if (/^cli-.*\.mjs$/.test(f) && !current.has(f)) rmSync(join(OUT, f), { force: true });
  return unique;
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
    console.log('build/cli.mjs not built: rolldown is not installed (devDependencies left out); lrsim runs the TypeScript through tsx');
    process.exit(0);
  }
  const t = performance.now();
  const inputs = await buildCli();
  console.log(`build/cli.mjs: ${inputs.length} source files bundled in ${Math.round(performance.now() - t)} ms`);
}
