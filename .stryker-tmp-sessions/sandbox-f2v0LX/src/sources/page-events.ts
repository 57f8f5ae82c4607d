// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { captureEventProblem, eventFrameProblem, type SendingFrame } from '../messaging/validate';

/** Property marking where a stored event came from; the page's own PostHog traffic is `'page'`. */
export const SOURCE_PROPERTY = '$lasso_source';
export const PAGE_SOURCE = 'page';

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * One event of the page's PostHog traffic in Lasso's capture shape, or why it is refused. posthog-js
 * sends `distinct_id` inside `properties` and `$set` / `$set_once` at the top level: the id is lifted,
 * the person updates move into `properties` (a top-level key wins, as PostHog merges them), and
 * `$lasso_source: 'page'` is added. Then it passes the same checks as Lasso's own captured events,
 * including that it speaks for the page that sent it (`frame`: its `$current_url` and `$host`).
 */
export function pageEvent(raw: unknown, frame: SendingFrame, receivedAt: number): { event: CaptureEvent } | { reason: string } {
  if (!isObject(raw)) return { reason: 'event is not an object' };
  const props = isObject(raw.properties) ? raw.properties : null;
  if (!props) return { reason: 'properties: not an object' };
  const distinctId = raw.distinct_id ?? props.distinct_id;
  const timestamp =
    typeof raw.timestamp === 'string'
      ? raw.timestamp
      : // Old clients send `offset` (ms before sending) instead of a timestamp.
        typeof raw.offset === 'number' && Number.isFinite(raw.offset) && raw.offset >= 0
        ? new Date(receivedAt - raw.offset).toISOString()
        : raw.timestamp;
  const properties: Record<string, unknown> = { ...props };
  for (const key of ['$set', '$set_once'] as const) {
    if (raw[key] === undefined) continue;
    if (!isObject(raw[key])) return { reason: `${key}: not an object` };
    properties[key] = { ...(isObject(props[key]) ? props[key] : {}), ...raw[key] };
  }
  properties[SOURCE_PROPERTY] = PAGE_SOURCE;
  const event = { uuid: raw.uuid, event: raw.event, distinct_id: distinctId, timestamp, properties };
  const problem = captureEventProblem(event) ?? eventFrameProblem(event as CaptureEvent, frame);
  return problem ? { reason: problem } : { event: event as CaptureEvent };
}

/** Split decoded request events into storable ones and refusals (each with its uuid when it had one). */
export function pageEvents(raws: unknown[], frame: SendingFrame, receivedAt: number): { valid: CaptureEvent[]; rejected: { uuid: string; reason: string }[] } {
  const valid: CaptureEvent[] = [];
  const rejected: { uuid: string; reason: string }[] = [];
  for (const raw of raws) {
    const result = pageEvent(raw, frame, receivedAt);
    if ('event' in result) valid.push(result.event);
    else rejected.push({ uuid: isObject(raw) && typeof raw.uuid === 'string' ? raw.uuid.slice(0, 64) : '', reason: result.reason });
  }
  return { valid, rejected };
}
