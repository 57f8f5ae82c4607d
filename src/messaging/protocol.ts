import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureEvent } from '../events/types';
import type { Settings } from '../settings/settings';

/** What a capture content script needs from the background before it captures. */
export interface CaptureContext {
  /** Per-site anonymous id, kept in extension storage (the page cannot read or change it). */
  distinctId: string;
  deviceId: string;
  /** Per tab and site; survives reloads of that tab. */
  windowId: string;
}

/** The background's answer to a batch: which uuids are now safely stored. */
export interface IngestAck {
  /** Newly stored plus already-present uuids: the sender may forget these. */
  acknowledged: string[];
  stored: number;
  duplicates: number;
  /** Events that failed validation: never stored, never worth resending. */
  rejected: { uuid: string; reason: string }[];
}

export interface StoreStats {
  eventCount: number;
}

/**
 * Lasso's one messaging protocol between contexts. Every message is checked by the receiver
 * (see ./validate.ts): the sender is this extension and the payload has the expected shape.
 */
export interface ProtocolMap {
  /** capture script → background: ids for this tab and site. */
  'capture.hello'(data: { url: string }): CaptureContext;
  /** capture script → background: store a batch; resent until acknowledged. */
  'capture.ingest'(data: { events: CaptureEvent[] }): IngestAck;
  /** extension pages → background */
  'store.stats'(data: Record<string, never>): StoreStats;
  /** Latest events captured in a tab (newest first). */
  'store.latestForTab'(data: { tabId: number; limit: number }): CaptureEvent[];
  /** Switch capture for a site; the caller has already obtained any host permission needed. */
  'settings.setSite'(data: { site: string; enabled: boolean; tabId?: number }): Settings;
  'settings.update'(data: { allSites?: boolean; paused?: boolean }): Settings;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Port name extension pages use to receive new events as they are stored. */
export const LIVE_EVENTS_PORT = 'lasso.live-events';

/** What the background pushes on a live-events port: events just stored, and their tab. */
export type LiveEventsMessage = { type: 'events'; events: CaptureEvent[]; tabId?: number };
