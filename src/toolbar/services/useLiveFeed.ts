import { useEffect, useState } from 'preact/hooks';
import type { CaptureEvent } from '../../events/types';
import { TOOLBAR_LIVE_PORT, type LiveEventsMessage } from '../../messaging/protocol';
import { livePort } from './port';

/** Entries kept in the feed. */
const KEEP = 100;

/**
 * Events captured in this tab (of this site) from the moment `on` became true, newest first: the
 * toolbar's "test" feed. The background only sends this tab's own events on the toolbar's port.
 */
export function useLiveFeed(on: boolean): CaptureEvent[] {
  const [events, setEvents] = useState<CaptureEvent[]>([]);
  useEffect(() => {
    if (!on) return;
    const port = livePort(TOOLBAR_LIVE_PORT, (message: LiveEventsMessage) => {
      if (message.type !== 'events') return;
      const incoming = [...message.events].sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
      setEvents((list) => [...incoming, ...list].slice(0, KEEP));
    });
    return () => port.close();
  }, [on]);
  return events;
}
