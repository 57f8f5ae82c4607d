// @ts-nocheck
// Bundled for Node by scripts/bench/sync.mjs: sustained delivery from the built extension to the
// local capture server (test/fixtures/capture-server.mjs), one target kind at a time, and the
// popup's first render while a backlog drains.
import type { Page } from 'playwright-core';
import { generateEvents } from '../fixtures/generate-events';
import { startCaptureServer } from '../fixtures/capture-server.mjs';
import { seedThroughExtensionPage } from '../support/seed';
import { launchBenchExtension } from './extension';
import { chromiumCpuMs, cpuSpent } from './process-cpu';

const KEYS = { posthogKey: 'phc_bench', segmentKey: 'bench-write-key' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Server = { url: string; events(kind?: string): Record<string, unknown>[]; close(): Promise<void> };

async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    async ([t, d]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
      const reply = await chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() });
      if (reply?.err) throw new Error(`${t}: ${reply.err.message}`);
      return reply.res;
    },
    [type, data] as const,
  ) as Promise<T>;
}

/** Distinct events the server accepted for `kind`. */
const arrived = (server: Server, kind: string) => new Set(server.events(kind).map((e) => (e.uuid ?? e.messageId) as string)).size;

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('sync bench: the server did not receive every event in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Open the popup `times` times: ms from navigation to its own first frame (its buttons) and to the sync line (which waits for the background's answer). */
async function popupOpenings(popup: Page, id: string, times: number) {
  const frame: number[] = [];
  const line: number[] = [];
  for (let i = 0; i < times; i++) {
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const framed = await popup.waitForFunction(() => document.querySelector('[data-testid="open-settings"]') && performance.now(), null, { timeout: 60_000 });
    frame.push(Number(await framed.jsonValue()));
    const drawn = await popup.waitForFunction(() => document.querySelector('[data-testid="sync-line"]') && performance.now(), null, { timeout: 60_000 });
    line.push(Number(await drawn.jsonValue()));
  }
  return { frame, line };
}

/**
 * Seed `count` events, then for PostHog and Segment in turn: add a backfill target and time until
 * the server has every event (events/s, gzip on). Then a third target drains the backlog while the
 * popup is opened `popupOpens` times: its first render (the sync line drawn), ms from navigation.
 */
export async function syncTimings(executablePath: string, args: string[], count: number, popupOpens = 5) {
  const { context, id, profile, close } = await launchBenchExtension(executablePath, args);
  const server = (await startCaptureServer(KEYS)) as Server;
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    const events = generateEvents({ count, seed: 13, days: 30 });
    const seedStart = Date.now();
    await seedThroughExtensionPage(page as never, events);
    const seedMs = Date.now() - seedStart;
    const rows: { kind: string; events: number; ms: number; perSec: number; cpuMsPer1000: Record<string, number> }[] = [];
    for (const kind of ['posthog', 'segment'] as const) {
      const target = kind === 'posthog' ? { kind, name: 'PostHog', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'backfill' } : { kind, name: 'Segment', host: server.url, writeKey: KEYS.segmentKey, start: 'backfill' };
      const t0 = Date.now();
      const cpuBefore = chromiumCpuMs(profile);
      const view = await ask<{ id: string }>(page, 'sync.save', { target });
      await waitFor(() => arrived(server, kind) >= count, 30 * 60_000);
      const ms = Date.now() - t0;
      // The extension process runs the background (encoding, gzip); the browser process runs IndexedDB; the network process the requests.
      const spent = cpuSpent(cpuBefore, chromiumCpuMs(profile));
      const cpuMsPer1000 = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round((v / count) * 1000 * 10) / 10]));
      rows.push({ kind, events: count, ms, perSec: (count / ms) * 1000, cpuMsPer1000 });
      await ask(page, 'sync.remove', { id: view.id });
    }
    // The popup with nothing to deliver (a paused target gives it a sync line), then while a
    // backlog drains: a PostHog target with the same history.
    const popup = await context.newPage();
    const paused = await ask<{ id: string }>(page, 'sync.save', { target: { kind: 'posthog', name: 'Idle', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'now' } });
    await ask(page, 'sync.pause', { id: paused.id, paused: true });
    const idle = await popupOpenings(popup, id, popupOpens);
    await ask(page, 'sync.remove', { id: paused.id });
    const drain = await ask<{ id: string }>(page, 'sync.save', { target: { kind: 'posthog', name: 'Drain', hostPreset: 'custom', host: server.url, apiKey: KEYS.posthogKey, start: 'backfill' } });
    const draining = await popupOpenings(popup, id, popupOpens);
    const waitingAtEnd = (await ask<{ waiting: number }[]>(page, 'sync.status', {})).find(() => true)?.waiting ?? 0;
    await ask(page, 'sync.remove', { id: drain.id });
    return { events: count, seedMs, rows, popup: { opens: popupOpens, medianMs: median(draining.line), firstMs: draining.line[0], shellMedianMs: median(draining.frame), idleMedianMs: median(idle.line), idleShellMedianMs: median(idle.frame), waitingAtEnd } };
  } finally {
    await server.close();
    await close();
  }
}
