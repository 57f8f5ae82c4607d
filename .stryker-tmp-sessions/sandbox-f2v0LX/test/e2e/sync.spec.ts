// @ts-nocheck
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_QUIET_ARGS, chromiumPath } from '../support/browsers';
import type { CaptureEvent } from '../../src/events/types';
import { generateEvents } from '../fixtures/generate-events';
import { startCaptureServer } from '../fixtures/capture-server.mjs';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { autocaptures, captureReady, EXTENSION_DIR, expect, stopServiceWorker, test, waitForStored, type Extension } from './harness';

// Sync end to end: events captured on the demo site reach a local capture server (PostHog,
// Segment-compatible and webhook endpoints) through the background, through faults and a
// service-worker stop. Invariant each time: every stored event arrives at least once, repeats
// carry the identical uuid and timestamp, a refused event is set aside with the server's reason.

type Item = Record<string, unknown> & { properties?: Record<string, unknown> };
interface CaptureServer {
  url: string;
  log: { path: string; status: number }[];
  badWhen: ((item: Item) => boolean) | null;
  fault(f: Record<string, unknown>): void;
  events(kind?: string): Item[];
  close(): Promise<void>;
}

const KEYS = { posthogKey: 'phc_e2e_project', segmentKey: 'e2e-write-key', webhook: { secret: 'e2e-signing', headers: { 'X-Team': 'growth' } } };
const idOf = (item: Item) => (item.uuid ?? item.messageId) as string;
const buttonOf = (e: { properties?: Record<string, unknown> }): string => /data-testid="([^"]+)"/.exec(String(e.properties?.$elements_chain ?? ''))?.[1] ?? '?';

let server: CaptureServer;
test.beforeEach(async () => {
  server = (await startCaptureServer(KEYS)) as CaptureServer;
});
test.afterEach(() => server.close());

/** A message to the background from an extension page, in @webext-core/messaging's envelope. */
async function message<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(async ([type, data]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
    const reply = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    if (reply?.err) throw new Error(reply.err.message);
    return reply.res;
  }, [type, data] as const) as Promise<T>;
}

async function optionsPage(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/options.html`);
  return page;
}

/** Poll until `check` holds for the server's accepted items of `kind`. */
async function waitForServer(kind: string, check: (items: Item[]) => boolean, timeoutMs = 60_000): Promise<Item[]> {
  await expect.poll(() => check(server.events(kind)), { timeout: timeoutMs, intervals: [250] }).toBe(true);
  return server.events(kind);
}

/** Every stored event (except `except`) accepted; every accepted copy has the stored uuid and timestamp. */
function expectInvariant(stored: CaptureEvent[], items: Item[], except: string[] = []) {
  const byUuid = new Map(stored.map((e) => [e.uuid, e]));
  for (const item of items) expect(item.timestamp).toBe(byUuid.get(idOf(item))?.timestamp);
  const got = new Set(items.map(idOf));
  expect(stored.filter((e) => !got.has(e.uuid) && !except.includes(e.uuid)).map((e) => e.event)).toEqual([]);
}

/** Click through the demo shop and wait until the marker click is stored: every earlier event is stored then. */
async function captureSome(ext: Extension, siteUrl: string): Promise<CaptureEvent[]> {
  const page = await ext.context.newPage();
  await page.goto(`${siteUrl}/`);
  await captureReady(ext, '/');
  await page.getByTestId('add-to-cart-1').click();
  await page.getByTestId('add-to-cart-2').click();
  await page.getByTestId('wishlist').click();
  return waitForStored(ext, (all) => autocaptures(all).some((e) => buttonOf(e) === 'wishlist'));
}

test('captured events arrive at each kind of target, correctly mapped (targets added on the options page)', async ({ ext, site }) => {
  const options = await optionsPage(ext);
  await expect(options.getByText('Add a target to send your events to PostHog')).toBeVisible();
  const add = async (fill: () => Promise<void>) => {
    await options.getByRole('button', { name: 'Add a target' }).click();
    await fill();
    await options.getByLabel('Send the stored history too').check();
    await options.getByRole('button', { name: 'Add target' }).click();
    await expect(options.getByRole('button', { name: 'Add a target' })).toBeVisible();
  };
  await add(async () => {
    await options.getByLabel('Name', { exact: true }).fill('Local PostHog');
    await options.getByLabel('PostHog region').selectOption('custom');
    await options.getByLabel('Host (https://…)').fill(server.url);
    await options.getByLabel('Project API key (phc_…)').fill(KEYS.posthogKey);
  });
  await add(async () => {
    await options.getByLabel('Kind').selectOption('segment');
    await options.getByLabel('Name', { exact: true }).fill('Local Segment');
    await options.getByLabel('Host (https://…)').fill(server.url);
    await options.getByLabel('Write key').fill(KEYS.segmentKey);
  });
  await add(async () => {
    await options.getByLabel('Kind').selectOption('webhook');
    await options.getByLabel('Name', { exact: true }).fill('Local hook');
    await options.getByLabel('Webhook URL (https://…)').fill(`${server.url}/hook`);
    await options.getByLabel(/Extra headers/).fill('X-Team: growth');
    await options.getByLabel('Body format').selectOption('ndjson');
    await options.getByLabel('gzip the body').check();
    await options.getByLabel(/Signing secret/).fill(KEYS.webhook.secret);
  });
  await expect(options.getByRole('article')).toHaveCount(3);
  // The page never receives a secret back.
  expect(await options.content()).not.toContain(KEYS.posthogKey);

  const stored = await captureSome(ext, site.url);
  const done = (items: Item[]) => stored.every((e) => items.some((i) => idOf(i) === e.uuid));
  const posthog = await waitForServer('posthog', done);
  const segment = await waitForServer('segment', done);
  const hook = await waitForServer('webhook', done);

  for (const items of [posthog, hook]) {
    expectInvariant(stored, items);
    for (const item of items) expect(item).toEqual(stored.find((e) => e.uuid === item.uuid));
  }
  expectInvariant(stored, segment);
  for (const e of stored) {
    const m = segment.find((i) => i.messageId === e.uuid)!;
    expect(m).toMatchObject(e.event === '$pageview' ? { type: 'page', anonymousId: e.properties.$device_id } : { type: 'track', event: e.event, anonymousId: e.properties.$device_id });
    expect((m.context as { page?: { url?: string } }).page?.url).toBe(e.properties.$current_url);
  }
  // Status on the options page: each target delivered what was stored.
  await expect(options.getByTestId('delivered')).toHaveText(Array(3).fill(String(stored.length)), { timeout: 10_000 });
  // "Send a test event" shows the server's answer.
  await options.getByRole('button', { name: 'Send a test event to Local PostHog' }).click();
  await expect(options.getByRole('status')).toContainText('Accepted (200)');
});

test('a 5xx burst and a 400 for one event: nothing lost, the bad event set aside with the reason', async ({ ext, site }) => {
  const options = await optionsPage(ext);
  await message(options, 'sync.save', { target: { kind: 'posthog', name: 'PH', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'backfill' } });
  server.fault({ status: 503, times: 3 });
  server.badWhen = (item) => item.event === '$autocapture' && buttonOf(item) === 'add-to-cart-2';
  const stored = await captureSome(ext, site.url);
  const bad = autocaptures(stored).find((e) => buttonOf(e) === 'add-to-cart-2')!;
  const items = await waitForServer('posthog', (got) => stored.every((e) => e.uuid === bad.uuid || got.some((i) => i.uuid === e.uuid)));
  expectInvariant(stored, items, [bad.uuid]);
  expect(items.some((i) => i.uuid === bad.uuid)).toBe(false);
  expect(server.log.filter((r) => r.status === 503)).toHaveLength(3);
  const [target] = await message<{ id: string }[]>(options, 'sync.targets', {});
  await expect.poll(() => message<{ uuid: string; reason: string }[]>(options, 'sync.aside', { id: target.id }), { timeout: 20_000 }).toEqual([
    expect.objectContaining({ uuid: bad.uuid, reason: `400: event ${bad.uuid} is invalid: property "price" must be a number` }),
  ]);
  await expect(options.getByTestId('set-aside')).toHaveText('1');
  // The popup's one line says it too, and leads to the options page.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  await expect(popup.getByTestId('sync-line')).toHaveText(/^Sync: 1 target, .* · 1 set aside$/);
  await options.close();
  const opened = ext.context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
  await popup.getByTestId('sync-line').click();
  await opened;
});

test('the service worker stopped twice mid-request during a backlog loses nothing', async ({ ext }) => {
  test.setTimeout(240_000);
  const options = await optionsPage(ext);
  const seeded = generateEvents({ count: 2_000, seed: 13, days: 2 });
  expect(await seedThroughExtensionPage(options, seeded)).toBe(seeded.length);
  await options.close();
  // Slow answers keep requests in flight while the worker is stopped.
  server.fault({ slowMs: 1_500, times: 3 });
  const page = await optionsPage(ext);
  await message(page, 'sync.save', { target: { kind: 'posthog', name: 'PH', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'backfill' } });
  await page.close();
  await expect.poll(() => server.log.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await stopServiceWorker(ext);
  // The slow answers keep a request in flight when the worker stops (the server logs -3 then).
  await expect.poll(() => server.log.length, { timeout: 90_000 }).toBeGreaterThan(1);
  await stopServiceWorker(ext);
  // No page or message of this test wakes the worker: delivery resumes when the browser starts it
  // again (the sync alarm at the latest; a browser event may come first), from the stored cursor.
  const stored = seeded;
  const items = await waitForServer('posthog', (got) => new Set(got.map(idOf)).size >= stored.length, 180_000);
  expectInvariant(stored, items);
  for (const item of items) expect(item).toEqual(stored.find((e) => e.uuid === item.uuid));
});

test('a target limited to a cohort (chosen on the options page) receives its members\' events only', async ({ ext }) => {
  const options = await optionsPage(ext);
  const member = generateEvents({ count: 30, seed: 21, days: 1 }).map((e) => ({ ...e, distinct_id: 'member-1' }));
  const other = generateEvents({ count: 30, seed: 22, days: 1 }).map((e) => ({ ...e, distinct_id: 'other-1' }));
  expect(await seedThroughExtensionPage(options, [...member, ...other])).toBe(60);
  await message(options, 'cohorts.save', { cohort: { name: 'Members', definition: { is_static: true, distinct_ids: ['member-1'] } } });
  await options.reload();
  await options.getByRole('button', { name: 'Add a target' }).click();
  await options.getByLabel('Kind').selectOption('webhook');
  await options.getByLabel('Name', { exact: true }).fill('Members only');
  await options.getByLabel('Webhook URL (https://…)').fill(`${server.url}/hook`);
  await options.getByLabel(/Extra headers/).fill('X-Team: growth');
  await options.getByLabel(/Signing secret/).fill(KEYS.webhook.secret);
  await options.getByRole('group', { name: 'People' }).getByLabel('Members').check();
  await options.getByLabel('Send the stored history too').check();
  await options.getByRole('button', { name: 'Add target' }).click();
  await expect(options.getByRole('article')).toContainText('of members of 1 cohort(s)');
  // Nothing is waiting any more: the cursor passed every stored event, sent or passed over.
  await expect.poll(async () => (await message<{ waiting: number }[]>(options, 'sync.status', {}))[0], { timeout: 30_000 }).toMatchObject({ waiting: 0, lastError: null });
  expect(server.events('webhook').map(idOf).sort()).toEqual(member.map((e) => e.uuid).sort());
});

test('the Sync targets section passes axe in light and dark, empty and with a target, and works by keyboard', async ({ ext }) => {
  const options = await optionsPage(ext);
  const check = async (label: string) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await expectNoAxeViolations(options, `options, ${label}, ${colorScheme}`);
    }
  };
  await expect(options.getByText('Add a target to send your events to PostHog')).toBeVisible();
  await check('empty');
  // Keyboard only: focus the add button, open the form, fill it, submit with Enter.
  await options.getByRole('button', { name: 'Add a target' }).focus();
  await options.keyboard.press('Enter');
  await expect(options.getByLabel('Name', { exact: true })).toBeVisible();
  await check('form');
  await options.getByLabel('Kind').focus();
  await options.keyboard.press('Tab');
  await options.keyboard.type('Keyboard hook');
  await options.getByLabel('Kind').selectOption('webhook');
  await options.getByLabel('Webhook URL (https://…)').fill(`${server.url}/hook`);
  await options.getByLabel('Webhook URL (https://…)').press('Enter');
  await expect(options.getByRole('article', { name: 'Target Keyboard hook' })).toBeVisible();
  await check('one target');
});

test('the browser closed and reopened mid-backlog loses nothing', async () => {
  test.setTimeout(240_000);
  // Own launches on one profile directory (the harness gives each test a fresh, deleted profile).
  const profile = mkdtempSync(join(tmpdir(), 'lasso-sync-restart-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_QUIET_ARGS],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, id: new URL(worker.url()).host };
  };
  try {
    const first = await launch();
    const page = await first.context.newPage();
    await page.goto(`chrome-extension://${first.id}/options.html`);
    const seeded = generateEvents({ count: 2_000, seed: 21, days: 2 });
    expect(await seedThroughExtensionPage(page, seeded)).toBe(seeded.length);
    server.fault({ slowMs: 3_000, times: 2 });
    await message(page, 'sync.save', { target: { kind: 'posthog', name: 'PH', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'backfill' } });
    await expect.poll(() => server.log.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await first.context.close(); // mid-request: the first batch's answer is still 3 s away
    const second = await launch();
    try {
      const items = await waitForServer('posthog', (got) => new Set(got.map(idOf)).size >= seeded.length, 180_000);
      expectInvariant(seeded, items);
      for (const item of items) expect(item).toEqual(seeded.find((e) => e.uuid === item.uuid));
    } finally {
      await second.context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
