import { build } from 'vite';
const [from, ...targets] = process.argv.slice(2);
await build({ logLevel: 'silent', build: { write: false }, plugins: [{ name: 'why', generateBundle() {
  const short = (id) => id.replace(/.*node_modules\//, 'nm:').replace('/work/wt-speed/', '');
  const start = [...this.getModuleIds()].find((i) => short(i) === from);
  const prev = new Map([[start, null]]); const q = [start];
  while (q.length) { const cur = q.shift(); for (const imp of this.getModuleInfo(cur).importedIds) if (!prev.has(imp)) { prev.set(imp, cur); q.push(imp); } }
  for (const t of targets) { const id = [...prev.keys()].find((i) => short(i).startsWith(t)); if (!id) { console.log(t, 'NOT statically reachable'); continue; }
    const chain = []; let c = id; while (c) { chain.unshift(short(c)); c = prev.get(c); } console.log(t, ':', chain.join(' -> ')); }
} }] });
