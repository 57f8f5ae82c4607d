// @ts-nocheck
import { existsSync } from 'node:fs';

/** Debian's Chromium binary (Playwright drives it; nothing downloads a browser). */
export function chromiumPath(): string {
  const found = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', process.env.CHROMIUM_PATH ?? ''].find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install chromium`');
  return found;
}

/** Debian's Firefox ESR binary (puppeteer-core drives it over WebDriver BiDi). */
export function firefoxPath(): string {
  const found = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', process.env.FIREFOX_PATH ?? ''].find((p) => p && existsSync(p));
  if (!found) throw new Error('Firefox not found: install it with `apt-get install firefox-esr`');
  return found;
}

/** Flags that keep Chromium quiet on a machine without network. */
export const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
