// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { toSegment } from './segment';
import type { Target } from './types';

/** Per-target limits: events and bytes (uncompressed) per request, bytes per event. */
export interface Limits {
  maxEvents: number;
  maxBytes: number;
  maxEventBytes: number;
}

/**
 * Conservative limits under each API's documented ones (capture-apis.md): PostHog's body ≤ 20 MB
 * and event ≤ ~1 MB; Segment's 500 KB per batch and 32 KB per message. Smaller batches keep a
 * retry cheap and the background's memory bounded.
 */
export const LIMITS: Record<Target['kind'], Limits> = {
  posthog: { maxEvents: 500, maxBytes: 2_000_000, maxEventBytes: 1_000_000 },
  segment: { maxEvents: 200, maxBytes: 480_000, maxEventBytes: 32_000 },
  webhook: { maxEvents: 500, maxBytes: 2_000_000, maxEventBytes: 1_000_000 },
};

const encoder = new TextEncoder();
/** UTF-8 size of a string. */
export const byteLength = (text: string): number => encoder.encode(text).length;

/** One event as its target's wire item (a JSON text): PostHog and webhook keep the capture shape; Segment maps it. */
export function encodeEvent(target: Pick<Target, 'kind'>, event: CaptureEvent): string {
  if (target.kind === 'segment') return JSON.stringify(toSegment(event));
  const { uuid, event: name, distinct_id, timestamp, properties } = event;
  return JSON.stringify({ uuid, event: name, distinct_id, timestamp, properties });
}

/** What a batch request carries besides its items. */
export interface BatchMeta {
  /** Stamped at every attempt (the only thing that changes on a retry). */
  sentAt: string;
  /** PostHog: the batch belongs to a backfill. */
  historical?: boolean;
}

/** The request body (uncompressed) for a batch of encoded items. */
export function bodyOf(target: Target, items: string[], meta: BatchMeta): string {
  switch (target.kind) {
    case 'posthog':
      return `{"api_key":${JSON.stringify(target.apiKey)},"batch":[${items.join(',')}],"sent_at":${JSON.stringify(meta.sentAt)}${meta.historical ? ',"historical_migration":true' : ''}}`;
    case 'segment':
      return `{"batch":[${items.join(',')}],"sentAt":${JSON.stringify(meta.sentAt)}}`;
    case 'webhook':
      return target.format === 'ndjson' ? items.map((i) => `${i}\n`).join('') : `[${items.join(',')}]`;
  }
}

/** Bytes a body adds around its items (envelope plus separators), so batches stay under `maxBytes`. */
export const ENVELOPE_BYTES = 300;
