// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { isSiteKey, siteKeyOf } from '../settings/site';

/** Raised for a message that must not be handled; its text names the problem. */
export class MessageRejectedError extends Error {
  override name = 'MessageRejectedError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
/** Per-event cap on the serialized size: far above any real event, far below abuse. */
export const MAX_EVENT_BYTES = 256 * 1024;
/** Events per `capture.ingest` message (a content script: the page is not trusted). */
export const MAX_BATCH = 500;
/**
 * Events per `store.import` message (extension pages only). Larger than capture's: one ingest
 * transaction per message, and each batch reads and writes every person, series and hour it
 * touches once, so bigger batches touch fewer rows per event (src/store/README.md "Ingest speed").
 */
export const MAX_IMPORT_BATCH = 2000;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Throw unless the message comes from this extension (its own pages or its content scripts). */
export function assertOwnSender(sender: { id?: string } | undefined, extensionId: string): void {
  if (!sender || sender.id !== extensionId) {
    throw new MessageRejectedError(`message rejected: sender ${sender?.id ?? 'unknown'} is not this extension`);
  }
}

/** Why `x` is not a storable capture event, or null when it is. */
export function captureEventProblem(x: unknown): string | null {
  if (!isPlainObject(x)) return 'event is not an object';
  if (typeof x.uuid !== 'string' || !UUID.test(x.uuid)) return 'uuid: not a UUID';
  if (typeof x.event !== 'string' || x.event.length === 0 || x.event.length > 200) return 'event: not a name of 1-200 characters';
  if (typeof x.distinct_id !== 'string' || x.distinct_id.length === 0 || x.distinct_id.length > 200)
    return 'distinct_id: not a string of 1-200 characters';
  if (typeof x.timestamp !== 'string' || !ISO.test(x.timestamp) || Number.isNaN(Date.parse(x.timestamp)))
    return 'timestamp: not an ISO-8601 time';
  if (!isPlainObject(x.properties)) return 'properties: not an object';
  const extra = Object.keys(x).filter((k) => !['uuid', 'event', 'distinct_id', 'timestamp', 'properties'].includes(k));
  if (extra.length) return `unexpected field ${extra[0]}`;
  let size: number;
  try {
    size = JSON.stringify(x).length;
  } catch {
    return 'event is not serializable';
  }
  if (size > MAX_EVENT_BYTES) return `event is ${size} bytes, over the ${MAX_EVENT_BYTES} limit`;
  return null;
}

/** The frame a captured batch came from (messaging/frame-scope.ts): its origin and site. */
export interface SendingFrame {
  /** `scheme://host[:port]`. */
  origin: string;
  /** Host with port (`siteKeyOf`). */
  site: string;
}

/** `scheme://host[:port]` of a web (http/https) URL, or null. */
export function originOf(url: string): string | null {
  return siteKeyOf(url) ? new URL(url).origin : null;
}

/** A URL as an error message quotes it: short, and never a whole pasted document. */
export const describeUrl = (url: string): string => (url ? JSON.stringify(url.length > 80 ? `${url.slice(0, 80)}…` : url) : 'no address');

/** Why `url` (a page address a frame sent) is not of the frame's own origin, or null when it is. */
export function foreignUrlProblem(url: string, frame: Pick<SendingFrame, 'origin'>): string | null {
  return originOf(url) === frame.origin ? null : `${describeUrl(url)} is not of the sending frame's origin ${frame.origin}`;
}

/**
 * Why a captured event does not speak for the frame that sent it, or null: a frame stores events
 * of its own page only, so its `$current_url` must be of the frame's origin and its `$host` the
 * frame's site (what posthog-js records, `location.host`).
 */
export function eventFrameProblem(event: CaptureEvent, frame: SendingFrame): string | null {
  const { $current_url: url, $host: host } = event.properties;
  if (typeof url !== 'string') return "$current_url: missing, so the event cannot be checked against the frame that sent it";
  const foreign = foreignUrlProblem(url, frame);
  if (foreign) return `$current_url: ${foreign}`;
  if (typeof host !== 'string' || host.toLowerCase() !== frame.site) return `$host: ${JSON.stringify(host)?.slice(0, 80)} is not the sending frame's site ${frame.site}`;
  return null;
}

/**
 * Split a batch into valid events and rejections; throws when the payload itself is malformed.
 * With `frame` (a content script's batch, ≤ MAX_BATCH), events of any other origin are rejected
 * one by one; without it (an extension page's import) up to MAX_IMPORT_BATCH events.
 */
export function checkIngestBatch(data: unknown, frame?: SendingFrame): { valid: CaptureEvent[]; rejected: { uuid: string; reason: string }[] } {
  if (!isPlainObject(data) || !Array.isArray(data.events)) throw new MessageRejectedError('capture.ingest: events must be an array');
  const [message, max] = frame ? ['capture.ingest', MAX_BATCH] : ['store.import', MAX_IMPORT_BATCH];
  if (data.events.length > max) throw new MessageRejectedError(`${message}: batch of ${data.events.length} is over ${max}`);
  const valid: CaptureEvent[] = [];
  const rejected: { uuid: string; reason: string }[] = [];
  for (const e of data.events) {
    const problem = captureEventProblem(e) ?? (frame ? eventFrameProblem(e as unknown as CaptureEvent, frame) : null);
    if (problem) rejected.push({ uuid: isPlainObject(e) && typeof e.uuid === 'string' ? e.uuid.slice(0, 64) : '', reason: problem });
    else valid.push(e as unknown as CaptureEvent);
  }
  return { valid, rejected };
}

/** A checked string field of a message payload. */
export function requireString(data: unknown, field: string, max = 2048): string {
  const v = isPlainObject(data) ? data[field] : undefined;
  if (typeof v !== 'string' || v.length > max) throw new MessageRejectedError(`${field}: expected a string of at most ${max} characters`);
  return v;
}

/** A checked site field (host with port, as siteKeyOf writes it: `localhost:3000`, `shop.example.com`). */
export function requireSite(data: unknown, field = 'site'): string {
  const v = isPlainObject(data) ? data[field] : undefined;
  if (!isSiteKey(v)) throw new MessageRejectedError(`${field}: expected a site (host and port as in the address bar, lower case, e.g. localhost:3000), not ${JSON.stringify(v)?.slice(0, 80)}`);
  return v;
}

/** A checked optional site field: undefined when absent (see requireSite). */
export function optionalSite(data: unknown, field: string): string | undefined {
  const v = isPlainObject(data) ? data[field] : undefined;
  return v === undefined ? undefined : requireSite(data, field);
}

/** A checked integer field of a message payload (optional when `optional`). */
export function requireInt(data: unknown, field: string, min: number, max: number): number {
  const v = isPlainObject(data) ? data[field] : undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new MessageRejectedError(`${field}: expected an integer between ${min} and ${max}`);
  return v;
}

/** A checked optional boolean field. */
export function optionalBoolean(data: unknown, field: string): boolean | undefined {
  const v = isPlainObject(data) ? data[field] : undefined;
  if (v !== undefined && typeof v !== 'boolean') throw new MessageRejectedError(`${field}: expected true or false`);
  return v;
}

/** Whether `url` is a page of an extension (popup, dashboard), not a web page. */
export function isExtensionUrl(url: string | undefined): boolean {
  try {
    return !!url && /^(chrome|moz)-extension:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}
