// @ts-nocheck
import { browser } from 'wxt/browser';
import { captureContextFor, rememberTabWindows, type KeyValueArea } from '../identity/identity';
import { onMessage } from '../messaging/protocol';
import { webFrame } from '../messaging/frame-scope';
import { assertOwnSender, checkIngestBatch, foreignUrlProblem, isExtensionUrl, MessageRejectedError, optionalBoolean, requireInt, requireString } from '../messaging/validate';
import { parseDataAttributes } from '../settings/data-attributes';
import { isCaptureEnabled, RETENTION_LIMITS, retentionValue, withSite } from '../settings/settings';
import { hostnameOf } from '../settings/site';
import { loadSettings, saveSettings } from '../settings/storage';
import type { CaptureEvent } from '../events/types';
import { countEvents, ingestEvents, type IngestResult } from '../store/events';
import type { LassoDatabase } from '../store/schema';
import type { createLiveEvents } from './live';
import { latestForTab } from './recent';
import { hasHostAccess, injectCapture, syncCaptureRegistration } from './sites';
import { createTabRateLimit } from './tab-rate-limit';

interface Deps {
  db: Promise<LassoDatabase>;
  live: ReturnType<typeof createLiveEvents>;
  /** Per-browser-session area for window ids (storage.session, or memory where missing). */
  session: KeyValueArea;
  /** Retention: ingest that makes room when the quota is full, and a run after retention settings change. */
  retention?: { ingest(events: CaptureEvent[]): Promise<IngestResult>; run(): Promise<unknown> };
}

/**
 * Register the background's message handlers. Each checks that the sender is this extension
 * and that the payload has the expected shape before touching the store; a rejected message
 * answers with an error naming the problem.
 */
export function registerHandlers({ db, live, session, retention }: Deps): void {
  const extensionId = browser.runtime.id;
  const local = browser.storage.local as unknown as KeyValueArea;
  const tabRateLimit = createTabRateLimit();

  // Capture runs in every frame; each frame speaks for its own origin only (sender.url, never the tab's).
  onMessage('capture.hello', async ({ data, sender }) => {
    const frame = webFrame(sender, extensionId, 'capture.hello', { top: false });
    // Only its origin is used; any address the browser can hold (Chromium's cap: 2 MB) is accepted.
    const foreign = foreignUrlProblem(requireString(data, 'url', 2 * 1024 * 1024), frame);
    if (foreign) throw new MessageRejectedError(`capture.hello: refused — ${foreign}`);
    if (!isCaptureEnabled(await loadSettings(), frame.url)) throw new MessageRejectedError(`capture.hello: capture is off for ${frame.hostname}`);
    return captureContextFor(frame.hostname, frame.tabId, { local, session }); // ids are per hostname (settings/site.ts)
  });

  onMessage('capture.ingest', async ({ data, sender }) => {
    const frame = webFrame(sender, extensionId, 'capture.ingest', { top: false });
    const { valid, rejected } = checkIngestBatch(data, frame);
    const tabId = frame.tabId;
    // Acknowledged either way: what the tab's rate limit drops is counted in a stored warning.
    const admitted = tabRateLimit.admit(tabId, valid);
    const { stored, duplicates } = retention ? await retention.ingest(admitted) : await ingestEvents(await db, admitted);
    const windows = stored.map((e) => e.properties.$lasso_window_id).filter((w): w is string => typeof w === 'string');
    await rememberTabWindows(tabId, windows, session);
    live.publish(stored, tabId);
    return { acknowledged: valid.map((e) => e.uuid), stored: stored.length, duplicates: duplicates.length, rejected };
  });

  onMessage('store.stats', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    // A host is `name[:port]` as the page's location.host records it (`$host`).
    const host = (data as { host?: unknown } | null)?.host === undefined ? undefined : requireString(data, 'host', 260);
    return { eventCount: await countEvents(await db, host) };
  });

  onMessage('store.latestForTab', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    const tabId = requireInt(data, 'tabId', 0, Number.MAX_SAFE_INTEGER);
    return latestForTab(db, session, tabId, requireInt(data, 'limit', 1, 500));
  });

  onMessage('settings.setSite', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    // A hostname, or a site with port (the toolbar's): capture is switched for its hostname.
    const site = hostnameOf(`http://${requireString(data, 'site', 262)}/`);
    const enabled = optionalBoolean(data, 'enabled');
    if (!site || enabled === undefined) throw new MessageRejectedError('settings.setSite: expected a host name and enabled');
    const settings = withSite(await loadSettings(), site, enabled);
    await saveSettings(settings);
    await syncCaptureRegistration(settings);
    const tabId = (data as { tabId?: unknown }).tabId;
    if (enabled && typeof tabId === 'number') await injectCapture(tabId);
    return settings;
  });

  onMessage('toolbar.enableCapture', async ({ sender }) => {
    const { hostname: site, tabId } = webFrame(sender, extensionId, 'toolbar.enableCapture', { top: true });
    if (!(await hasHostAccess(site))) {
      throw new MessageRejectedError(`Lasso has no access to ${site} yet: switch capture on in Lasso's popup (the browser asks you there).`);
    }
    const settings = withSite(await loadSettings(), site, true);
    await saveSettings(settings);
    await syncCaptureRegistration(settings);
    await injectCapture(tabId);
    return { enabled: true as const };
  });

  onMessage('settings.update', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    const allSites = optionalBoolean(data, 'allSites');
    const paused = optionalBoolean(data, 'paused');
    const buttonOpensToolbar = optionalBoolean(data, 'buttonOpensToolbar');
    const retentionDays = optionalRetention(data, 'retentionDays', RETENTION_LIMITS.days);
    const retentionMB = optionalRetention(data, 'retentionMB', RETENTION_LIMITS.mb);
    const selectorAttributes = optionalDataAttributes(data);
    const current = await loadSettings();
    const settings = {
      ...current,
      ...(allSites !== undefined && { allSites }),
      ...(paused !== undefined && { paused }),
      ...(buttonOpensToolbar !== undefined && { buttonOpensToolbar }),
      ...(retentionDays !== undefined && { retentionDays }),
      ...(retentionMB !== undefined && { retentionMB }),
      ...(selectorAttributes !== undefined && { selectorAttributes }),
    };
    await saveSettings(settings);
    await syncCaptureRegistration(settings);
    if (retentionDays !== undefined || retentionMB !== undefined) void retention?.run().catch((e: unknown) => console.error('Lasso: retention failed', e));
    return settings;
  });
}

/** A retention field of settings.update: absent, null (keep all) or an integer within `limits`. */
function optionalRetention(data: unknown, field: 'retentionDays' | 'retentionMB', limits: readonly [number, number]): number | null | undefined {
  const raw = (data as Record<string, unknown> | null)?.[field];
  if (raw === undefined) return undefined;
  const value = retentionValue(raw, limits);
  if (value === undefined) throw new MessageRejectedError(`settings.update: ${field} must be null (keep all) or a whole number from ${limits[0]} to ${limits[1]}, not ${JSON.stringify(raw)?.slice(0, 40)}`);
  return value;
}

/** settings.update's selectorAttributes: absent, or a list of attribute names (refused naming the bad one). */
function optionalDataAttributes(data: unknown): string[] | undefined {
  const raw = (data as Record<string, unknown> | null)?.selectorAttributes;
  if (raw === undefined) return undefined;
  const parsed = parseDataAttributes(raw);
  if ('error' in parsed) throw new MessageRejectedError(`settings.update: selectorAttributes: ${parsed.error}`);
  return parsed.attributes;
}

/** Store queries and settings changes come only from extension pages, never content scripts. */
export function assertExtensionPage(sender: { id?: string; tab?: unknown; url?: string }, extensionId: string): void {
  assertOwnSender(sender, extensionId);
  if (!isExtensionUrl(sender.url)) {
    throw new MessageRejectedError('message rejected: only extension pages may ask this');
  }
}
