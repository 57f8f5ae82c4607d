import { browser, type Browser } from 'wxt/browser';
import type { CaptureEvent } from '../events/types';
import { LIVE_EVENTS_PORT, type LiveEventsMessage } from '../messaging/protocol';
import { isExtensionUrl } from '../messaging/validate';

/**
 * Pushes newly stored events to open extension pages (popup, dashboard) over ports, so they
 * update live without polling. A port that disconnects is dropped.
 */
export function createLiveEvents(extensionId: string) {
  const ports = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_EVENTS_PORT || port.sender?.id !== extensionId || !isExtensionUrl(port.sender.url)) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    /** Tell every open page about events just stored from `tabId`. */
    publish(events: CaptureEvent[], tabId: number | undefined): void {
      if (!events.length) return;
      const message: LiveEventsMessage = { type: 'events', events, tabId };
      for (const port of ports) {
        try {
          port.postMessage(message);
        } catch {
          ports.delete(port);
        }
      }
    },
  };
}
