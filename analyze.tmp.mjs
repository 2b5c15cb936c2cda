import { build } from 'vite';
await build({ logLevel: 'warn', build: { write: false }, plugins: [{ name: 'sizes', generateBundle(_, bundle) {
  for (const c of Object.values(bundle)) { if (c.type !== 'chunk') continue;
    const mods = Object.entries(c.modules).map(([id, m]) => [m.renderedLength, id.replace(/.*node_modules\//, 'nm:').replace('/work/wt-speed/', '')]);
    const byPkg = new Map(); for (const [n, id] of mods) { const k = id.startsWith('nm:') ? id.split('/').slice(0, id.startsWith('nm:@') ? 2 : 1).join('/') : id.split('/').slice(0,2).join('/'); byPkg.set(k, (byPkg.get(k) || 0) + n); }
    console.log('==', c.fileName, c.code.length, c.isEntry ? 'entry' : '', c.isDynamicEntry ? 'dyn' : '');
    console.log([...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `  ${(n/1000).toFixed(1)}k ${k}`).join('\n'));
  } } }] });
