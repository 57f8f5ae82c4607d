// @ts-nocheck
// `npm start`: build the extension, serve the demo shop on 127.0.0.1, open a browser with
// Lasso loaded on it. Where there is no display or no browser, say so and explain how to load
// the build by hand; the demo site keeps serving either way (Ctrl+C stops it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../test/fixtures/serve.mjs';

const CHROME_DIR = resolve('.output/chrome-mv3');
const FIREFOX_DIR = resolve('.output/firefox-mv2');
const port = Number(process.env.PORT ?? 5174);

const CHROMIUMS = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'];
const CHROMES = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
const FIREFOXES = ['/usr/bin/firefox', '/usr/bin/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'];
const find = (list) => list.find((p) => existsSync(p));

function build() {
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    const { status } = spawnSync('npx', args, { stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}

function manualHelp(reason) {
  console.log(`\n${reason}`);
  console.log(`Load Lasso by hand:
  Chrome/Chromium: open chrome://extensions, switch on Developer mode, "Load unpacked" → ${CHROME_DIR}
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" → ${FIREFOX_DIR}/manifest.json
Then visit the demo shop (still serving here).`);
}

async function openChromium(executablePath, url, branded) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'lasso-start-'));
  // Branded Chrome ≥137 ignores --load-extension: load it over CDP instead.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: branded
      ? ['--enable-unsafe-extension-debugging', '--no-first-run']
      : [`--disable-extensions-except=${CHROME_DIR}`, `--load-extension=${CHROME_DIR}`, '--no-first-run'],
  });
  if (branded) await (await context.browser().newBrowserCDPSession()).send('Extensions.loadUnpacked', { path: CHROME_DIR });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  context.on('close', () => process.exit(0));
}

build();
const server = await startDemoServer({ host: '127.0.0.1', port });
console.log(`\nDemo shop: ${server.url}/  — open the toolbar there with Alt+Shift+L or the Lasso button → Toolbar.`);
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromiumBin = find(CHROMIUMS);
const chromeBin = find(CHROMES);
const firefoxBin = find(FIREFOXES);
if (!hasDisplay) {
  manualHelp('No display found (DISPLAY/WAYLAND_DISPLAY unset), so no browser is opened.');
} else if (chromiumBin || chromeBin) {
  await openChromium(chromiumBin ?? chromeBin, `${server.url}/`, !chromiumBin).catch((e) =>
    manualHelp(`Could not open the browser: ${e.message.split('\n')[0]}`),
  );
} else if (firefoxBin) {
  spawn('npx', ['web-ext', 'run', '-s', FIREFOX_DIR, '--firefox', firefoxBin, '--start-url', `${server.url}/`], { stdio: 'inherit' });
} else {
  manualHelp('No Chromium, Chrome or Firefox found (on Debian: apt-get install chromium).');
}
