// @ts-nocheck
import { browser } from 'wxt/browser';
import type { CaptureEvent } from '../events/types';
import type { KeyValueArea } from '../identity/identity';
import { originOf } from '../messaging/validate';
import type { Settings } from '../settings/settings';
import { siteKeyOf } from '../settings/site';
import { decodeCaptureRequest, type RequestBody } from './decode';
import { CAPTURE_URL_PATTERNS, capturingSite } from './endpoints';
import { pageEvents } from './page-events';

/** What happened to one site's observed traffic (this browser session), for the popup. */
export interface PageTrafficStats {
  requests: number;
  stored: number;
  duplicates: number;
  /** Events refused one by one (bad shape, not of the page's origin) and whole bodies refused. */
  rejected: number;
  /** The latest refusal: its reason and when (ISO). */
  lastProblem?: { reason: string; at: string };
}

/** The slice of webRequest's onBeforeRequest details used here (Chrome: initiator; Firefox: originUrl). */
export interface ObservedRequest {
  url: string;
  method: string;
  tabId: number;
  initiator?: string;
  originUrl?: string;
  requestBody?: RequestBody | null;
}

export interface ObserveDeps {
  settings(): Promise<Settings>;
  /** Store a batch; the store dedupes by uuid. */
  ingest(events: CaptureEvent[]): Promise<{ stored: CaptureEvent[]; duplicates: string[] }>;
  /** Per-browser-session counters (storage.session). */
  session: KeyValueArea;
  /** Newly stored events, for live views. */
  published?(events: CaptureEvent[], tabId: number | undefined): void;
  now?: () => number;
}

const statsKey = (site: string) => `sources:stats:${site}`;

/** This session's counters for a site (zeros when nothing was observed). */
export async function pageTrafficStats(session: KeyValueArea, site: string): Promise<PageTrafficStats> {
  const v = (await session.get(statsKey(site)))[statsKey(site)] as PageTrafficStats | undefined;
  return v && typeof v.requests === 'number' ? v : { requests: 0, stored: 0, duplicates: 0, rejected: 0 };
}

/**
 * Handle one observed request: decode, check and store the events of an opted-in site's own
 * PostHog traffic, and count what was refused (with the reason). Never throws: the page chose
 * the body.
 */
export async function handleObservedRequest(request: ObservedRequest, deps: ObserveDeps): Promise<void> {
  if (request.method !== 'POST') return;
  const initiator = request.initiator ?? request.originUrl;
  const entry = capturingSite((await deps.settings()).pageTraffic, request.url, initiator);
  const origin = initiator ? originOf(initiator) : null;
  const siteKey = initiator ? siteKeyOf(initiator) : null;
  if (!entry || !origin || !siteKey) return;
  const now = deps.now?.() ?? Date.now();
  const stats = await pageTrafficStats(deps.session, entry.site);
  stats.requests++;
  const refuse = (count: number, reason: string) => {
    stats.rejected += count;
    stats.lastProblem = { reason: reason.slice(0, 300), at: new Date(now).toISOString() };
  };
  try {
    const decoded = await decodeCaptureRequest(request.url, request.requestBody ?? undefined);
    if (!decoded.ok) refuse(1, decoded.reason);
    else {
      const { valid, rejected } = pageEvents(decoded.events, { origin, site: siteKey }, now);
      if (rejected.length) refuse(rejected.length, `${rejected[0].uuid || 'an event'}: ${rejected[0].reason}`);
      if (valid.length) {
        const { stored, duplicates } = await deps.ingest(valid);
        stats.stored += stored.length;
        stats.duplicates += duplicates.length;
        deps.published?.(stored, request.tabId >= 0 ? request.tabId : undefined);
      }
    }
  } catch (error) {
    refuse(1, `could not store: ${String(error)}`);
  }
  await deps.session.set({ [statsKey(entry.site)]: stats });
}

/**
 * Observe the pages' requests to PostHog capture endpoints (non-blocking webRequest with the
 * request body: allowed in MV3 and MV2). Registered synchronously at background start with a
 * fixed URL filter so the browser wakes the service worker for them; requests are handled one
 * at a time, in order. Only sites in settings `pageTraffic` are kept (see capturingSite).
 */
export function observePageTraffic(deps: ObserveDeps): void {
  const onBeforeRequest = browser.webRequest?.onBeforeRequest;
  if (!onBeforeRequest) return; // no `webRequest` permission in this build
  let queue: Promise<void> = Promise.resolve();
  const listener = (details: unknown) => {
    const request = details as ObservedRequest;
    if (request.method !== 'POST') return undefined;
    queue = queue.then(() => handleObservedRequest(request, deps)).catch((e) => console.error('[lasso] page traffic:', e));
    return undefined;
  };
  onBeforeRequest.addListener(listener as never, { urls: [...CAPTURE_URL_PATTERNS] }, ['requestBody']);
}
