// @ts-nocheck
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * Bundles Lasso source modules into one IIFE for a test page (injected with page.addScriptTag),
 * exposing their exports as `window[globalName]`. The same code the extension runs, no copies.
 *
 *   const code = await bundleForPage('lassoTest', { '../../src/actions/index.ts': '*' });
 */
export async function bundleForPage(globalName: string, modules: string[]): Promise<string> {
  const ENTRY = '\0lasso-test-entry';
  const entry: Plugin = {
    name: 'lasso-test-entry',
    resolveId: (id) => (id.endsWith('lasso-test-entry') ? ENTRY : null),
    load: (id) => (id === ENTRY ? modules.map((m) => `export * from ${JSON.stringify(resolve(m))};`).join('\n') : null),
  };
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry],
    define: { __LASSO_VERSION__: '"test"' },
    build: { write: false, minify: false, lib: { entry: 'lasso-test-entry', formats: ['iife'], name: globalName } },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('vite build did not return an output bundle');
  return result.output[0].code;
}
