// @ts-nocheck
// Gzipped sizes: the on-demand toolbar bundle next to the always-on capture script, and re2js's share.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const gz = (bytes) => gzipSync(bytes).length;

/** What re2js adds to the toolbar: the same minified build of the toolbar with and without it. */
async function re2jsShare() {
  const { default: preact } = await import('@preact/preset-vite');
  const stubDir = mkdtempSync(join(tmpdir(), 'lasso-re2js-stub-'));
  const stub = join(stubDir, 're2js-stub.mjs');
  writeFileSync(stub, 'export class RE2JS { static compile() { throw new Error("stub"); } }\n');
  const toolbarGzip = async (alias) => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [preact()],
      resolve: { alias },
      define: { __LASSO_VERSION__: '"bench"' },
      build: { write: false, minify: true, lib: { entry: 'src/toolbar/toolbar.ts', formats: ['iife'], name: 'lassoToolbar' } },
    });
    return gz(Buffer.from(out[0].output[0].code));
  };
  try {
    const withRe2 = await toolbarGzip({});
    const without = await toolbarGzip({ re2js: stub });
    return { rebuiltToolbar: withRe2, rebuiltWithoutRe2js: without, re2jsInToolbar: withRe2 - without };
  } finally {
    rmSync(stubDir, { recursive: true, force: true });
  }
}

/** Bytes after gzip of the built scripts (.output: build first) and of re2js. */
export async function benchToolbarSize() {
  const file = (p) => gz(readFileSync(p));
  return {
    toolbar: file('.output/chrome-mv3/content-scripts/toolbar.js'),
    capture: file('.output/chrome-mv3/content-scripts/capture.js'),
    re2jsDist: file('node_modules/re2js/build/index.js'),
    ...(await re2jsShare()),
  };
}

