import type { CaptureEvent } from '../events/types';
import { isSiteKey } from '../settings/site';

/** Raised for a message that must not be handled; its text names the problem. */
export class MessageRejectedError extends Error {
  override name = 'MessageRejectedError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
/** Per-event cap on the serialized size: far above any real event, far below abuse. */
export const MAX_EVENT_BYTES = 256 * 1024;
export const MAX_BATCH = 500;

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

/** Split a batch into valid events and rejections; throws when the payload itself is malformed. */
export function checkIngestBatch(data: unknown): { valid: CaptureEvent[]; rejected: { uuid: string; reason: string }[] } {
  if (!isPlainObject(data) || !Array.isArray(data.events)) throw new MessageRejectedError('capture.ingest: events must be an array');
  if (data.events.length > MAX_BATCH) throw new MessageRejectedError(`capture.ingest: batch of ${data.events.length} is over ${MAX_BATCH}`);
  const valid: CaptureEvent[] = [];
  const rejected: { uuid: string; reason: string }[] = [];
  for (const e of data.events) {
    const problem = captureEventProblem(e);
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
