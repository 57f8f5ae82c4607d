// @ts-nocheck
// `npm test`: every tier, in order, stopping at the first failure.
// typecheck → lint → unit → build → Chromium e2e → Firefox e2e → bench smoke.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Every group has one of its paths (a browser binary, Xvfb, xdotool). */
const has = (groups) => groups.every((paths) => paths.some((p) => existsSync(p)));
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['unit', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['wxt', 'build']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']],
  // The same builds with the toolbar's shadow root open: what Playwright and puppeteer can drive
  // (src/toolbar/mount.ts). The e2e tiers run these; toolbar-closed.spec.ts runs the one above.
  ['build e2e', 'npx', ['wxt', 'build', '--mode', 'e2e']],
  ['build firefox e2e', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']],
  ['chromium e2e', 'npx', ['playwright', 'test', '--project=chromium'], [['/usr/lib/chromium/chromium', '/usr/bin/chromium'], ['/usr/bin/Xvfb'], ['/usr/bin/xdotool']], 'chromium xvfb xdotool'],
  ['firefox e2e', 'npx', ['playwright', 'test', '--project=firefox'], [['/usr/bin/firefox-esr']], 'firefox-esr'],
  // Every bench section at tiny sizes (~25 s), figures not asserted: a bench that breaks fails here.
  ['bench smoke', 'node', ['scripts/bench.mjs'], [['/usr/lib/chromium/chromium', '/usr/bin/chromium']], 'chromium', { BENCH_SMOKE: '1', BENCH: 'capture,match,selectors,preview,ingest,queries,toolbar' }],
];

for (const [name, cmd, args, browsers, aptPackage, env] of steps) {
  if (browsers && !has(browsers)) {
    console.error(`✗ ${name}: a program it needs is missing — install with: apt-get install ${aptPackage}`);
    process.exit(1);
  }
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) {
    console.error(`✗ ${name} failed (exit ${status})`);
    console.log(`\ntiers: ${steps.indexOf(steps.find((s) => s[0] === name))} passed, 1 failed`);
    process.exit(status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
// A plain closing line CI can read (tiers, each one a whole test runner's pass).
console.log(`\ntiers: ${steps.length} passed, 0 failed`);
