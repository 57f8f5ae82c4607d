// @ts-nocheck
import { browser, type Browser } from 'wxt/browser';
import type { CaptureEvent } from '../events/types';
import { LIVE_EVENTS_PORT, TOOLBAR_LIVE_PORT, TOOLBAR_STORED_PORT, type LiveCatchUp, type LiveEventsMessage, type PortRefusal, type StoredTickMessage } from '../messaging/protocol';
import { frameScope, webFrame } from '../messaging/frame-scope';
import { MessageRejectedError } from '../messaging/validate';
import { inSite } from '../preview/select';

/** What a port may see: everything (extension pages), or one tab's events of one site (a toolbar). */
type Scope = { tabId: number; site: string } | null;

/** Is an event of `scope`? A toolbar never sees events of frames from other sites in its tab. */
export const inScope = (scope: Scope, event: CaptureEvent, tabId: number | undefined): boolean =>
  scope === null || (scope.tabId === tabId && inSite(String(event.properties.$host ?? ''), scope.site));

/** How many of `events` belong to `site` (any tab): what a toolbar's stored port is told. */
export const countInSite = (site: string, events: readonly CaptureEvent[]): number =>
  events.reduce((n, e) => n + (inSite(String(e.properties.$host ?? ''), site) ? 1 : 0), 0);

/**
 * Pushes newly stored events over ports, so views update live without polling: extension pages
 * (popup, dashboard) get every event; a toolbar gets only its own tab's events of its own site
 * (a cross-site iframe's events would otherwise be shown to — and readable by — the top page).
 * A port that disconnects is dropped.
 */
export function createLiveEvents(
  extensionId: string,
  recent: (tabId: number) => Promise<CaptureEvent[]> = async () => [],
  personsOf: (distinctIds: string[]) => Promise<Record<string, Record<string, unknown>>> = async () => ({}),
) {
  const ports = new Map<Browser.runtime.Port, Scope>();
  /** A toolbar's message: its events with their persons' current properties (read once per message). */
  const toolbarMessage = async (events: CaptureEvent[], tabId: number | undefined): Promise<LiveEventsMessage> =>
    ({ type: 'events', events, tabId, persons: await personsOf([...new Set(events.map((e) => String(e.distinct_id)))]) });
  const send = (port: Browser.runtime.Port, message: LiveEventsMessage) => {
    if (!ports.has(port)) return;
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  };
  /** Toolbars told how many events of their site were stored (counts only, from any tab). */
  const storedPorts = new Map<Browser.runtime.Port, string>();
  /** A toolbar (re)connected: send what its tab stored since it last saw an event. */
  const catchUp = async (port: Browser.runtime.Port, scope: NonNullable<Scope>, message: unknown) => {
    const since = (message as Partial<LiveCatchUp> | null)?.timestamp;
    if ((message as Partial<LiveCatchUp> | null)?.type !== 'since' || typeof since !== 'string' || since.length > 40) return;
    const events = (await recent(scope.tabId)).filter((e) => e.timestamp >= since && inScope(scope, e, scope.tabId));
    if (!events.length || !ports.has(port)) return;
    send(port, await toolbarMessage(events, scope.tabId));
  };
  /** Serve a live port, or throw a MessageRejectedError naming why not. */
  const serve = (port: Browser.runtime.Port) => {
    if (port.name === LIVE_EVENTS_PORT) {
      const scope = frameScope(port.sender, extensionId);
      if ('refused' in scope) throw new MessageRejectedError(`${port.name}: refused — ${scope.refused}`);
      if (!scope.extensionPage) throw new MessageRejectedError(`${port.name}: refused — only extension pages may open it`);
      ports.set(port, null);
    } else {
      // The toolbar's ports: its tab's top frame only, scoped by that frame's own site.
      const { tabId, site } = webFrame(port.sender, extensionId, port.name, { top: true });
      if (port.name === TOOLBAR_STORED_PORT) {
        storedPorts.set(port, site);
        port.onDisconnect.addListener(() => storedPorts.delete(port));
        return;
      }
      const scope = { tabId, site };
      ports.set(port, scope);
      port.onMessage.addListener((message: unknown) => void catchUp(port, scope, message).catch(() => undefined));
    }
    port.onDisconnect.addListener(() => ports.delete(port));
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_EVENTS_PORT && port.name !== TOOLBAR_LIVE_PORT && port.name !== TOOLBAR_STORED_PORT) return;
    try {
      serve(port);
    } catch (error) {
      // Say why, then hang up: a refused caller gets the reason and never an event or a count.
      port.postMessage({ type: 'refused', reason: error instanceof Error ? error.message : String(error) } satisfies PortRefusal);
      port.disconnect();
    }
  });
  return {
    /** Tell every open view about events just stored from `tabId`. */
    publish(events: CaptureEvent[], tabId: number | undefined): void {
      if (!events.length) return;
      const all: LiveEventsMessage = { type: 'events', events, tabId };
      for (const [port, scope] of ports) {
        if (scope === null) {
          send(port, all);
          continue;
        }
        const own = events.filter((e) => inScope(scope, e, tabId));
        if (own.length) void toolbarMessage(own, tabId).then((message) => send(port, message), () => send(port, { type: 'events', events: own, tabId }));
      }
      for (const [port, site] of storedPorts) {
        const count = countInSite(site, events);
        if (!count) continue;
        try {
          port.postMessage({ type: 'stored', count } satisfies StoredTickMessage);
        } catch {
          storedPorts.delete(port);
        }
      }
    },
  };
}
