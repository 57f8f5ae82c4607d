// @ts-nocheck
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import pkg from './package.json' with { type: 'json' };

// Chrome MV3 and Firefox MV2 builds. Host access is deliberately narrow: capture runs on
// localhost and 127.0.0.1 out of the box; every other site is granted one by one from the popup
// (optional host permission + dynamic content-script registration). See README "Permissions".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
    define: { __LASSO_VERSION__: JSON.stringify(pkg.version) },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Lasso',
    description: 'Define product analytics actions by pointing at any website. PostHog-compatible.',
    // activeTab: the toolbar opens on any page the user invokes it on (shortcut, popup) without
    // a standing host permission for that site, and the popup reads that tab's URL. No `tabs`:
    // host access and activeTab give every tab URL Lasso reads (README "Permissions").
    // webRequest: observe (never block) the pages' requests to PostHog capture endpoints, for sites
    // whose own traffic the user opted in (src/sources); only hosts Lasso has access to are seen.
    // alarms: the daily retention run (src/background/retention-handlers.ts); no install warning.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', 'webRequest', 'alarms'],
    commands: {
      'toggle-toolbar': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open or close the Lasso toolbar on this page' },
    },
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*', 'https://localhost/*', 'https://127.0.0.1/*'],
    optional_host_permissions: ['<all_urls>'],
    // MV2 has no optional_host_permissions (WXT drops the key there): origins go in optional_permissions.
    // notifications: only when the user asks to be told that an action broke (src/health).
    optional_permissions: manifestVersion === 2 ? ['<all_urls>', 'notifications'] : ['notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is transmitted: events stay in the local store unless the user sets up sync.
            gecko: { id: 'lasso@lasso.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'], optional: ['browsingActivity', 'websiteActivity', 'websiteContent'] } },
          },
        }
      : {}),
  }),
});
