/**
 * What the notebook's first page (资金平衡, the default) loads, from the production build's manifest:
 * the entry, the funding page's module that the app imports at once, every chunk they import
 * statically, and the engine's Web Worker — each file's size raw and gzipped.
 *
 *   npm run build && node --import tsx scripts/first-page-size.ts
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }

const DIST = 'dist/';
const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, 'utf8'));

/** A chunk and everything it imports statically, each once. */
function closure(keys: string[], into = new Set<string>()): Set<string> {
  for (const k of keys) {
    if (into.has(k)) continue;
    into.add(k);
    closure(manifest[k].imports ?? [], into);
  }
  return into;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
const firstPage = Object.keys(manifest).find((k) => k.endsWith('pages/lr-page-funding.ts'))!;
const files = [...closure([entry, firstPage])].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
const worker = readFileSync(`${DIST}${manifest[entry].file}`, 'utf8').match(/assets\/engine-worker-[\w-]+\.js/g)?.[0]
  ?? [...new Set(files.flatMap((f) => readFileSync(DIST + f, 'utf8').match(/engine-worker-[\w-]+\.js/g) ?? []))].map((f) => `assets/${f}`)[0];

const sizeOf = (file: string) => {
  const bytes = readFileSync(DIST + file);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kB = (n: number) => (n / 1000).toFixed(1);
const page = files.map(sizeOf).sort((a, b) => b.gzip - a.gzip);
for (const f of page) console.log(`${kB(f.raw).padStart(8)} kB  ${kB(f.gzip).padStart(7)} kB gz  ${f.file}`);
const sum = (xs: { raw: number; gzip: number }[]) => ({ raw: xs.reduce((s, x) => s + x.raw, 0), gzip: xs.reduce((s, x) => s + x.gzip, 0) });
const main = sum(page);
console.log(`first page, main thread: ${page.length} files, ${kB(main.raw)} kB, ${kB(main.gzip)} kB gzipped`);
if (worker) {
  const w = sizeOf(worker);
  console.log(`engine worker: ${kB(w.raw)} kB, ${kB(w.gzip)} kB gzipped (${w.file}); with it ${kB(main.gzip + w.gzip)} kB gzipped`);
}
