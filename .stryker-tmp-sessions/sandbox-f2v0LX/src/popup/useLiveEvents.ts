// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CaptureEvent } from '../events/types';
import { LIVE_EVENTS_PORT, sendMessage, type LiveEventsMessage } from '../messaging/protocol';
import type { SiteDays } from '../store/queries/site-days';
import { tzOffsetNow } from './days';

/** Days of the site's counts the popup shows. */
export const DAYS = 14;

const LIMIT = 50;

/** Newest first, without duplicates, at most LIMIT (pure). */
export function mergeLatest(current: CaptureEvent[], incoming: CaptureEvent[]): CaptureEvent[] {
  const byUuid = new Map<string, CaptureEvent>();
  for (const e of [...incoming, ...current]) if (!byUuid.has(e.uuid)) byUuid.set(e.uuid, e);
  return [...byUuid.values()].sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0)).slice(0, LIMIT);
}

/** How many of `events` belong to site `host` (`$host`, with its port) (pure). */
export function countOfHost(events: CaptureEvent[], host: string): number {
  return events.filter((e) => e.properties.$host === host).length;
}

/**
 * The latest events of a tab plus the site's stored count and its events and sessions per day
 * (`host`, with port), kept current while the page is open: one `store.siteDays` on open (the
 * count from the index's totals, no events read), then pushes over a port (no polling, no
 * rescans). Without a host (not a web page) there are no counts. `days` is null until answered
 * and stays null when the answer failed (`failed` says so).
 */
export function useLiveEvents(tabId: number | undefined, host: string | null): { events: CaptureEvent[]; count: number | null; days: SiteDays | null; failed: boolean } {
  const [events, setEvents] = useState<CaptureEvent[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [days, setDays] = useState<SiteDays | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setCount(null);
    setDays(null);
    setFailed(false);
    if (tabId === undefined) return;
    let closed = false;
    // Connect first so nothing stored between the query and the subscription is missed.
    const port = browser.runtime.connect({ name: LIVE_EVENTS_PORT });
    port.onMessage.addListener((msg: LiveEventsMessage) => {
      if (msg.type !== 'events') return;
      if (host) setCount((c) => (c === null ? c : c + countOfHost(msg.events, host)));
      if (msg.tabId === tabId) setEvents((list) => mergeLatest(list, msg.events));
    });
    if (host) {
      sendMessage('store.siteDays', { site: host, days: DAYS, tzOffsetMinutes: tzOffsetNow() }).then(
        (d) => {
          if (closed) return;
          setDays(d);
          setCount(d.total);
        },
        () => !closed && setFailed(true),
      );
    }
    void sendMessage('store.latestForTab', { tabId, limit: LIMIT }).then((latest) => !closed && setEvents((list) => mergeLatest(list, latest)));
    return () => {
      closed = true;
      port.disconnect();
    };
  }, [tabId, host]);
  return { events, count, days, failed };
}
