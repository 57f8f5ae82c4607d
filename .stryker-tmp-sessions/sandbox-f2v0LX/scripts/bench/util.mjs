// @ts-nocheck
// Shared bits of the benchmark scripts.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * BENCH_SMOKE=1 (`npm test`'s bench step): every section runs its real code path at a handful of
 * iterations, so a broken bench fails the tests; the figures it prints mean nothing.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** `full` in a real run, `smoke` in a smoke run. */
export const sized = (full, smoke) => (SMOKE ? smoke : full);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function chromiumPath() {
  const found = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync);
  if (!found) {
    console.error('Chromium not found: install it with `apt-get install chromium`');
    process.exit(1);
  }
  return found;
}

/** Bundle a TypeScript entry to an IIFE string for a page (exports on window[name]). */
export async function bundleIife(entry, name) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __LASSO_VERSION__: '"bench"' },
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name } },
  });
  return out[0].output[0].code;
}

/** Bundle a TypeScript entry for Node and import it. */
export async function importTs(entry) {
  // Inside the project so the bundle's external imports (re2js, playwright-core) resolve.
  mkdirSync('bench-results', { recursive: true });
  const outDir = resolve(mkdtempSync(join('bench-results', '.build-')));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      define: { __LASSO_VERSION__: '"bench"' },
      build: { write: true, outDir, ssr: resolve(entry), minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'entry.mjs' } } },
    });
    return await import(pathToFileURL(join(outDir, 'entry.mjs')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
