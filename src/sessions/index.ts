import type { CaptureEvent } from '../events/types';
import { addEvent, emptySession, eventTime, finish, sessionKey, type SessionAccumulator } from './aggregate';

export { addEvent, emptySession, finish, sessionKey, isBounce, BOUNCE_DURATION_SECONDS } from './aggregate';
export type { SessionAccumulator } from './aggregate';
export { channelType, type ChannelInputs, type ChannelType } from './channel-type';

interface Timed {
  event: CaptureEvent;
  ms: number;
}

/** Total order on events: time, then uuid, then content (only for the same uuid sent twice). */
function compareTimed(a: Timed, b: Timed): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.event.uuid !== b.event.uuid) return a.event.uuid < b.event.uuid ? -1 : 1;
  const ja = JSON.stringify(a.event);
  const jb = JSON.stringify(b.event);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/**
 * PostHog's sessions, derived from events: one row per `$session_id` (events without a UUIDv7
 * session id are ignored, as PostHog's sessions table ignores them), keys named as PostHog's HogQL
 * `sessions` table names them (`$start_timestamp`, `$entry_current_url`, `$channel_type`,
 * `$is_bounce`, …). Events are applied in (timestamp, uuid) order and a uuid counts once, so
 * the same events in any order give the same rows. Rows are sorted by start time, then id.
 *
 * This is the definition; the store keeps the same rows up to date with `emptySession` /
 * `addEvent` / `finish`, and `sessionsFromEvents` is their fold.
 */
export function sessionsFromEvents(events: CaptureEvent[]): Array<Record<string, unknown>> {
  const timed: Timed[] = [];
  for (const event of events) if (sessionKey(event) !== null) timed.push({ event, ms: eventTime(event) });
  timed.sort(compareTimed);

  const seen = new Set<string>();
  const sessions = new Map<string, SessionAccumulator>();
  for (const { event } of timed) {
    if (seen.has(event.uuid)) continue;
    seen.add(event.uuid);
    const key = sessionKey(event) as string;
    let acc = sessions.get(key);
    if (!acc) sessions.set(key, (acc = emptySession()));
    addEvent(acc, event);
  }

  return [...sessions.values()]
    .map((acc) => ({ start: (acc.first as { ms: number }).ms, row: finish(acc) }))
    .sort((a, b) => a.start - b.start || ((a.row.$session_id as string) < (b.row.$session_id as string) ? -1 : 1))
    .map(({ row }) => row);
}
