// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { CaptureEvent } from '../../events/types';
import { TOOLBAR_LIVE_PORT, type LiveCatchUp, type LiveEventsMessage } from '../../messaging/protocol';
import { livePort } from './port';

/** Entries kept in the feed. */
const KEEP = 100;

/**
 * Events captured in this tab (of this site) from the moment `on` became true, newest first: the
 * toolbar's "test" feed. The background only sends this tab's own events on the toolbar's port.
 */
export interface LiveFeedState {
  events: CaptureEvent[];
  /** The current properties of the events' persons, by distinct_id (for person filters). */
  persons: Record<string, Record<string, unknown>>;
}

export function useLiveFeed(on: boolean): LiveFeedState {
  const [events, setEvents] = useState<CaptureEvent[]>([]);
  const [persons, setPersons] = useState<Record<string, Record<string, unknown>>>({});
  useEffect(() => {
    if (!on) return;
    const since = new Date().toISOString();
    const port = livePort(
      TOOLBAR_LIVE_PORT,
      (message: LiveEventsMessage) => {
        if (message.type !== 'events') return;
        if (message.persons) setPersons((known) => ({ ...known, ...message.persons }));
        setEvents((list) => {
          // A catch-up after a reconnect can repeat events already shown: one entry per uuid.
          const seen = new Set(list.map((e) => e.uuid));
          const incoming = message.events.filter((e) => !seen.has(e.uuid));
          return [...incoming, ...list].sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1)).slice(0, KEEP);
        });
      },
      // The port was down (worker restart): ask for what this tab stored meanwhile.
      () => void port.post({ type: 'since', timestamp: since } satisfies LiveCatchUp),
    );
    return () => port.close();
  }, [on]);
  return { events, persons };
}
