import { browser, type Browser } from 'wxt/browser';
import type { CaptureEvent } from '../events/types';
import { LIVE_EVENTS_PORT, TOOLBAR_LIVE_PORT, type LiveEventsMessage } from '../messaging/protocol';
import { isExtensionUrl } from '../messaging/validate';

/**
 * Pushes newly stored events over ports, so views update live without polling: extension pages
 * (popup, dashboard) get every event; a toolbar gets only the events captured in its own tab.
 * A port that disconnects is dropped.
 */
export function createLiveEvents(extensionId: string) {
  /** Port → the tab it may see (undefined: an extension page, sees all). */
  const ports = new Map<Browser.runtime.Port, number | undefined>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.sender?.id !== extensionId) return;
    if (port.name === LIVE_EVENTS_PORT && isExtensionUrl(port.sender.url)) ports.set(port, undefined);
    else if (port.name === TOOLBAR_LIVE_PORT && port.sender.tab?.id !== undefined && !isExtensionUrl(port.sender.url)) ports.set(port, port.sender.tab.id);
    else return;
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    /** Tell every open view about events just stored from `tabId`. */
    publish(events: CaptureEvent[], tabId: number | undefined): void {
      if (!events.length) return;
      const message: LiveEventsMessage = { type: 'events', events, tabId };
      for (const [port, only] of ports) {
        if (only !== undefined && only !== tabId) continue;
        try {
          port.postMessage(message);
        } catch {
          ports.delete(port);
        }
      }
    },
  };
}
