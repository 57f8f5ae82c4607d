// @ts-nocheck
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CaptureEvent } from '../../events/types';
import type { EventsFilterInput } from '../../messaging/query-checks';
import { LIVE_EVENTS_PORT, sendMessage, type LiveEventsMessage } from '../../messaging/protocol';

/** Most new events fetched per refresh (the protocol's page limit). */
const LIVE_LIMIT = 500;
/** Refreshes at most this often while events pour in. */
const MIN_GAP_MS = 1000;

/** The filter of a live refresh: the view's filter from the newest event shown on (pure). */
export function liveFilter(filter: EventsFilterInput, newestMs: number | null): EventsFilterInput {
  if (newestMs === null) return filter;
  return { ...filter, from: Math.max(filter.from ?? -Infinity, newestMs) };
}

/** Could any of `events` belong to the view (its site)? Saves a query when another site's events arrive (pure). */
export const mayConcern = (filter: EventsFilterInput, events: CaptureEvent[]): boolean =>
  !filter.site || events.some((e) => String(e.properties.$host ?? '').toLowerCase() === filter.site);

/**
 * Live mode: while `enabled`, listen on the background's live port (extension pages get every
 * stored event) and, when events arrive, ask `query.events` for the filter's events since the
 * newest one shown — so what is prepended is exactly what the store's filter says (actions,
 * persons and property filters included), never a guess made here. The port closes when live
 * mode ends or the view goes.
 */
export function useLiveRefresh(enabled: boolean, filter: EventsFilterInput | null, newest: () => number | null, onEvents: (events: CaptureEvent[]) => void, onError: (message: string) => void): void {
  const latest = useRef({ newest, onEvents, onError });
  latest.current = { newest, onEvents, onError };
  const key = filter === null ? null : JSON.stringify(filter);
  useEffect(() => {
    if (!enabled || key === null) return;
    const base = JSON.parse(key) as EventsFilterInput;
    let closed = false;
    let running = false;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      try {
        const page = await sendMessage('query.events', { filter: liveFilter(base, latest.current.newest()), limit: LIVE_LIMIT });
        if (!closed && page.rows.length) latest.current.onEvents(page.rows);
      } catch (error) {
        if (!closed) latest.current.onError(error instanceof Error ? error.message : String(error));
      } finally {
        running = false;
        if (pending && !closed) {
          pending = false;
          timer = setTimeout(() => void refresh(), MIN_GAP_MS);
        }
      }
    };
    const port = browser.runtime.connect({ name: LIVE_EVENTS_PORT });
    port.onMessage.addListener((message: LiveEventsMessage) => {
      if (message.type !== 'events' || !mayConcern(base, message.events)) return;
      if (timer === undefined && !running) timer = setTimeout(() => ((timer = undefined), void refresh()), 0);
      else pending = true;
    });
    // Events stored between the list's first page and this port opening are caught by one refresh
    // (before the first page is there, that page brings them).
    if (latest.current.newest() !== null) void refresh();
    return () => {
      closed = true;
      clearTimeout(timer);
      port.disconnect();
    };
  }, [enabled, key]);
}
