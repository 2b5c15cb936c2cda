import { build } from 'vite';
const targets = process.argv.slice(2);
await build({ logLevel: 'silent', build: { write: false }, plugins: [{ name: 'why', generateBundle() {
  const short = (id) => id.replace(/.*node_modules\//, 'nm:').replace('/work/wt-speed/', '');
  for (const t of targets) {
    const id = [...this.getModuleIds()].find((i) => short(i).startsWith(t));
    if (!id) { console.log('no', t); continue; }
    // shortest chain from entry
    const prev = new Map(); const q = [id]; const seen = new Set([id]); let found = null;
    while (q.length) { const cur = q.shift(); const info = this.getModuleInfo(cur); if (info.isEntry) { found = cur; break; }
      for (const imp of info.importers) if (!seen.has(imp)) { seen.add(imp); prev.set(imp, cur); q.push(imp); } }
    const chain = []; let c = found; while (c) { chain.push(short(c)); c = prev.get(c); }
    console.log(t, ':', chain.join(' -> '));
  } } }] });
