// @ts-nocheck
import { browser } from 'wxt/browser';
import type { Settings } from '../settings/settings';

const SCRIPT_ID = 'lasso-capture';
const CAPTURE_FILE = 'content-scripts/capture.js';
/** The toolbar's key gate (src/toolbar/key-gate.ts), on the same sites, before page scripts. */
const GATE_ID = 'lasso-keygate';
const GATE_FILE = 'content-scripts/keygate.js';
const CAPTURE_PATH = '/content-scripts/capture.js' as const;
/** Covered by the static content script in the manifest. */
const BUILT_IN = new Set(['localhost', '127.0.0.1']);

/** Match patterns for the enabled sites beyond the built-in ones. */
export function matchPatternsFor(settings: Settings): string[] {
  if (settings.allSites) return ['<all_urls>'];
  return settings.enabledSites.filter((h) => !BUILT_IN.has(h)).map((h) => `*://${h}/*`);
}

/**
 * Keep the runtime-registered capture script in line with settings. Only origins the user has
 * granted are registered; the script itself re-checks settings on every page, so a site
 * switched off stops capturing even before this runs. `scripting.registerContentScripts` is the
 * one API for both builds: Firefox offers it to MV2 extensions too (since 102, persisting across
 * restarts since 105), so the older `contentScripts.register` is not needed.
 */
export async function syncCaptureRegistration(settings: Settings): Promise<void> {
  const wanted = matchPatternsFor(settings);
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID, GATE_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, js: [CAPTURE_FILE], matches: granted, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
    { id: GATE_ID, js: [GATE_FILE], matches: granted, allFrames: false, runAt: 'document_start', persistAcrossSessions: true },
  ]);
}

/**
 * Can Lasso run capture on `site` without asking the user? Built in for localhost and 127.0.0.1
 * (any port); elsewhere only after the user granted host access (in the popup: the browser asks
 * only on a click there).
 */
export async function hasHostAccess(site: string): Promise<boolean> {
  let hostname: string;
  try {
    hostname = new URL(`http://${site}/`).hostname;
  } catch {
    return false;
  }
  if (BUILT_IN.has(hostname)) return true;
  return browser.permissions.contains({ origins: [`*://${hostname}/*`] });
}

/** Start capture in an already-open tab right after its site was switched on. */
export async function injectCapture(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CAPTURE_PATH] });
  } catch {
    // no access to that tab (permission refused, browser page): nothing to capture there
  }
}
