/**
 * The engine's layers, read from the source: the ledger core (the engine's root files, the
 * scenario parser, the evaluation and stock-land models) never imports presentation (tables,
 * CSV, workbooks, terminal text), the multi-run helpers, the analysis layer or the reports, not
 * even through another file. Presentation and multi-run sit above the core and may import it.
 * The analysis layer reaches the engine only through engine/index.ts, its public surface.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const ENGINE = join(ROOT, 'engine');
const ABOVE_CORE = ['presentation', 'multi-run', 'analysis', 'reports'];
const CORE_FOLDERS = ['', 'scenario', 'evaluation', 'stock-land'];

function filesIn(dir: string): string[] {
  return readdirSync(dir).map((f) => join(dir, f)).filter((f) => f.endsWith('.ts') && statSync(f).isFile());
}

/** Relative imports of a file as absolute paths (without `.ts`); `import type` too; not the examples in comments. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s.replace(/\.ts$/, '')));
}

const layerOf = (abs: string) => relative(ENGINE, abs).split('/')[0];

describe('engine layers', () => {
  const core = CORE_FOLDERS.flatMap((d) => filesIn(join(ENGINE, d))).filter((f) => !f.endsWith('/engine/index.ts'));

  it('finds the core and the layers above it', () => {
    expect(core.length).toBeGreaterThan(30);
    for (const layer of ABOVE_CORE) expect(filesIn(join(ENGINE, layer)).length).toBeGreaterThan(0);
  });

  it('the ledger core imports nothing above it, directly or through the files it imports', () => {
    const seen = new Set<string>();
    const offences: string[] = [];
    const visit = (file: string, chain: string[]) => {
      for (const target of importsOf(file)) {
        if (!target.startsWith(ENGINE + '/')) continue;
        if (ABOVE_CORE.includes(layerOf(target))) offences.push([...chain, relative(ROOT, file), relative(ROOT, target)].join(' → '));
        else if (!seen.has(target)) {
          seen.add(target);
          visit(target + '.ts', [...chain, relative(ROOT, file)]);
        }
      }
    };
    for (const f of core) visit(f, []);
    expect(offences).toEqual([]);
  });

  it('the check can fail: presentation itself reaches the core', () => {
    const tables = join(ENGINE, 'presentation', 'tables.ts');
    expect(importsOf(tables).map(layerOf)).toContain('report');
  });
});

describe('the analysis layer', () => {
  const analysis = filesIn(join(ENGINE, 'analysis'));
  const INDEX = join(ENGINE, 'index');
  /** Imports of engine files outside engine/analysis other than engine/index.ts. */
  const deepImports = (file: string) =>
    importsOf(file).filter((t) => t.startsWith(ENGINE + '/') && layerOf(t) !== 'analysis' && t !== INDEX).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`);

  it('imports the engine through engine/index.ts, never a core file by deep path', () => {
    expect(analysis.length).toBeGreaterThan(5);
    expect(analysis.flatMap(deepImports)).toEqual([]);
    expect(analysis.filter((f) => importsOf(f).includes(INDEX)).length).toBeGreaterThan(5);
  });

  it('the check can fail: the engine index itself deep-imports the core', () => {
    expect(deepImports(join(ENGINE, 'index.ts')).length).toBeGreaterThan(0);
  });

  it('engine/index.ts does not import the analysis layer (no import cycle)', () => {
    expect(importsOf(join(ENGINE, 'index.ts')).filter((t) => layerOf(t) === 'analysis')).toEqual([]);
  });
});
