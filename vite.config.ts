import { defineConfig } from 'vitest/config';

// The notebook lives in notebook/; tests in test/ run under vitest with the same config.
export default defineConfig({
  root: 'notebook',
  publicDir: false,
  server: { fs: { allow: ['..'] } },
  // The manifest lets scripts/first-page-size.ts list what the first page loads.
  // One chunk is over Vite's 500 kB default: the XLSX library (exceljs, ~930 kB), loaded only when a
  // workbook is downloaded. What the first page loads is held to 200 kB gzipped by first-page-size.ts.
  build: { outDir: '../dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1000 },
  worker: { format: 'es' },
  // Lit's production build in the dev server too (`npm start` is what users run): its development
  // build checks and logs every binding, which slows each redraw a moved slider causes.
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Pre-bundle what the page and the engine worker import, so a first visit never stops to reload.
  optimizeDeps: { include: ['lit', '@observablehq/plot', 'idb-keyval', 'ajv', 'decimal.js', 'papaparse', 'exceljs'] },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // The CLI tests run the built CLI, as installed: rebuilt first if the sources changed.
    globalSetup: ['test/support/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
