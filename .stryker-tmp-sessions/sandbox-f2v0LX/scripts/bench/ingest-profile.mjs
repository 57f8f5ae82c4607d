// @ts-nocheck
// Where ingest's time goes: `node scripts/bench/ingest-profile.mjs [events=20000] [batch=500]` runs ingest's
// steps (events, filing, sessions, persons, groups, event_hours) on the generator's events in a
// Chromium page, 500 per transaction, and prints each step's time and IndexedDB requests by store.
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../test/fixtures/serve.mjs';
import { bundleIife, CHROMIUM_ARGS, chromiumPath, importTs } from './util.mjs';

const count = Number(process.argv[2] ?? 20_000);
const batch = Number(process.argv[3] ?? 500);
const { generateEvents } = await importTs('test/fixtures/generate-events.ts');
const events = generateEvents({ count, seed: 2026 });
const code = await bundleIife('test/bench/page-ingest-profile.ts', 'LassoProfile');
const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.evaluate(code);
  await page.evaluate(() => (globalThis.profileEvents = []));
  for (let i = 0; i < events.length; i += 5_000) await page.evaluate((chunk) => globalThis.profileEvents.push(...chunk), events.slice(i, i + 5_000));
  const r = await page.evaluate((batch) => globalThis.LassoProfile.profileIngest(globalThis.profileEvents, batch), batch);
  const us = (ms) => `${((ms * 1000) / count).toFixed(1)} µs/event`;
  console.log(`${count} events, ${batch} per transaction, in ${(r.total / 1000).toFixed(1)} s: ${Math.round(count / (r.total / 1000))} events/s`);
  for (const [step, ms] of Object.entries(r.ms)) console.log(`  ${step.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms  ${us(ms)}`);
  const byStep = {};
  for (const [key, n] of Object.entries(r.counts)) (byStep[key.split(' ')[0]] ??= []).push([key.slice(key.indexOf(' ') + 1), n]);
  for (const [step, rows] of Object.entries(byStep)) {
    const sum = rows.reduce((a, [, n]) => a + n, 0);
    console.log(`  ${step}: ${(sum / count).toFixed(2)} requests/event — ${rows.map(([k, n]) => `${k} ${(n / count).toFixed(2)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
