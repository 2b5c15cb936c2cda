/**
 * The notebook is typed on the engine's exported result types: a double cast (`as unknown as`)
 * would let an engine rename compile and draw an empty chart, so none may appear in notebook/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every `as unknown as` in a file, as "file:line". */
export function doubleCasts(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\bas\s+unknown\s+as\b/.test(line) ? [`${relative(ROOT, file)}:${i + 1}`] : []));
}

describe('notebook types', () => {
  it('no `as unknown as` anywhere in notebook/', () => {
    const files = sources(join(ROOT, 'notebook'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(doubleCasts)).toEqual([]);
  });

  it('the check finds a double cast when there is one', () => {
    expect(doubleCasts(__filename).length).toBeGreaterThan(0);
  });
});
