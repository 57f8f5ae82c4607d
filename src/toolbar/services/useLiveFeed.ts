import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CaptureEvent } from '../../events/types';
import { TOOLBAR_LIVE_PORT, type LiveEventsMessage } from '../../messaging/protocol';

/** Entries kept in the feed. */
const KEEP = 100;

/**
 * Events captured in this tab from the moment `on` became true, newest first: the toolbar's
 * "test" feed. The background only sends this tab's events on the toolbar's port.
 */
export function useLiveFeed(on: boolean): { events: CaptureEvent[]; clear(): void } {
  const [events, setEvents] = useState<CaptureEvent[]>([]);
  useEffect(() => {
    if (!on) return;
    const port = browser.runtime.connect({ name: TOOLBAR_LIVE_PORT });
    port.onMessage.addListener((message: LiveEventsMessage) => {
      if (message.type !== 'events') return;
      const incoming = [...message.events].sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
      setEvents((list) => [...incoming, ...list].slice(0, KEEP));
    });
    return () => port.disconnect();
  }, [on]);
  return { events, clear: () => setEvents([]) };
}
