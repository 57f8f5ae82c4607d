import type { CaptureEvent } from '../events/types';
import { channelType, nullIfEmpty } from './channel-type';
import { urlDomain, urlPath } from './url';

/**
 * One session, built event by event in any order: the incremental form of PostHog's raw sessions
 * table (posthog/models/raw_sessions/sessions_v2.py, RAW_SESSION_TABLE_MV_SELECT_SQL) and of the
 * HogQL `sessions` table over it (posthog/hogql/database/schema/sessions_v2.py).
 *
 * Every part is order-independent, so the same events added in any order give the same row:
 * entry values are taken from the earliest event (argMin by time), end values from the latest
 * (argMax); where PostHog leaves a tie to ClickHouse, Lasso breaks it by uuid (smallest uuid is
 * the entry, largest the end). Counts assume each event is added once (the store drops a uuid it
 * already has); `sessionsFromEvents` drops repeated uuids itself.
 *
 * The accumulator is plain data (structured-cloneable) so the store can keep it between batches.
 */
export interface SessionAccumulator {
  /** Canonical (lower-case) UUIDv7 of the session; null until the first event. */
  sessionId: string | null;
  first: Snapshot | null;
  last: Snapshot | null;
  /** Distinct non-empty `$current_url`s, sorted (PostHog's groupUniqArray has no order). */
  urls: string[];
  pageviews: number;
  autocaptures: number;
  screens: number;
  /** Earliest event with a numeric `$web_vitals_LCP_value` (argMin skips missing values). */
  lcp: { ms: number; uuid: string; value: number } | null;
}

/** What an entry or end event contributes: its time, uuid, distinct_id and tracked properties. */
export interface Snapshot {
  ms: number;
  uuid: string;
  distinctId: string;
  /** Tracked property → value as ClickHouse's JSONExtractString reads it ('' unless a string). */
  props: Record<string, string>;
}

/** Session property → the event property PostHog's raw sessions table takes it from (argMin). */
export const ENTRY_PROPERTIES: ReadonlyArray<[string, string]> = [
  ['$entry_current_url', '$current_url'],
  ['$entry_referring_domain', '$referring_domain'],
  ['$entry_utm_source', 'utm_source'],
  ['$entry_utm_campaign', 'utm_campaign'],
  ['$entry_utm_medium', 'utm_medium'],
  ['$entry_utm_term', 'utm_term'],
  ['$entry_utm_content', 'utm_content'],
  ['$entry_gclid', 'gclid'],
  ['$entry_gad_source', 'gad_source'],
  ['$entry_gclsrc', 'gclsrc'],
  ['$entry_dclid', 'dclid'],
  ['$entry_gbraid', 'gbraid'],
  ['$entry_wbraid', 'wbraid'],
  ['$entry_fbclid', 'fbclid'],
  ['$entry_msclkid', 'msclkid'],
  ['$entry_twclid', 'twclid'],
  ['$entry_li_fat_id', 'li_fat_id'],
  ['$entry_mc_cid', 'mc_cid'],
  ['$entry_igshid', 'igshid'],
  ['$entry_ttclid', 'ttclid'],
  ['$entry__kx', '_kx'],
  ['$entry_irclid', 'irclid'],
];

// `$host` too: not a session property, but the store lists a site's sessions by their entry host.
const TRACKED = [...ENTRY_PROPERTIES.map(([, prop]) => prop), '$external_click_url', '$host'];
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Seconds at or above which a one-pageview session is not a bounce (DEFAULT_BOUNCE_RATE_DURATION_SECONDS, sessions_v1.py). */
export const BOUNCE_DURATION_SECONDS = 10;

/**
 * The session an event belongs to: its `$session_id` in canonical form, or null when it has none
 * or it is not a UUIDv7 — PostHog's raw sessions table keeps only UUIDv7 session ids.
 */
export function sessionKey(event: CaptureEvent): string | null {
  const id = event.properties?.$session_id;
  return typeof id === 'string' && UUID_V7.test(id) ? id.toLowerCase() : null;
}

/** Event time in ms; a clear error naming the event when its timestamp cannot be read. */
export function eventTime(event: CaptureEvent): number {
  const ms = typeof event.timestamp === 'string' ? Date.parse(event.timestamp) : NaN;
  if (Number.isNaN(ms)) throw new Error(`sessions: event ${event.uuid} has an unreadable timestamp ${JSON.stringify(event.timestamp)}`);
  return ms;
}

/** (time, uuid) order: the order PostHog's argMin / argMax see, with uuid breaking ties. */
export const isBefore = (a: { ms: number; uuid: string }, b: { ms: number; uuid: string }): boolean =>
  a.ms < b.ms || (a.ms === b.ms && a.uuid < b.uuid);

/** An accumulator that has seen no events. */
export function emptySession(): SessionAccumulator {
  return { sessionId: null, first: null, last: null, urls: [], pageviews: 0, autocaptures: 0, screens: 0, lcp: null };
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** PostHog's `$web_vitals_LCP_value` read: a number, or a string holding one; otherwise none. */
function lcpValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function insertSorted(list: string[], value: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}

/**
 * Add one event to the session (mutates and returns `acc`). Throws when the event has no UUIDv7
 * `$session_id`, belongs to another session, or has an unreadable timestamp.
 */
export function addEvent(acc: SessionAccumulator, event: CaptureEvent): SessionAccumulator {
  const key = sessionKey(event);
  if (key === null) throw new Error(`sessions: event ${event.uuid} has no UUIDv7 $session_id`);
  if (acc.sessionId !== null && acc.sessionId !== key) {
    throw new Error(`sessions: event ${event.uuid} belongs to session ${key}, not ${acc.sessionId}`);
  }
  acc.sessionId = key;
  const props = event.properties ?? {};
  const snapshot: Snapshot = { ms: eventTime(event), uuid: event.uuid, distinctId: asString(event.distinct_id), props: {} };
  for (const prop of TRACKED) snapshot.props[prop] = asString(props[prop]);
  if (acc.first === null || isBefore(snapshot, acc.first)) acc.first = snapshot;
  if (acc.last === null || isBefore(acc.last, snapshot)) acc.last = snapshot;

  const url = asString(props.$current_url);
  if (url !== '') insertSorted(acc.urls, url);
  if (event.event === '$pageview') acc.pageviews++;
  else if (event.event === '$autocapture') acc.autocaptures++;
  else if (event.event === '$screen') acc.screens++;

  const lcp = lcpValue(props.$web_vitals_LCP_value);
  if (lcp !== null && (acc.lcp === null || isBefore(snapshot, acc.lcp))) acc.lcp = { ms: snapshot.ms, uuid: snapshot.uuid, value: lcp };
  return acc;
}

/** PostHog's `$is_bounce` (BounceRatePageViewMode.COUNT_PAGEVIEWS, the default): null without pageviews. */
export function isBounce(pageviews: number, autocaptures: number, durationSeconds: number): boolean | null {
  if (pageviews === 0) return null;
  return !(pageviews > 1 || autocaptures > 0 || durationSeconds >= BOUNCE_DURATION_SECONDS);
}

/** ClickHouse `dateDiff('second', a, b)`: whole-second boundaries crossed, not elapsed time rounded. */
export const secondsBetween = (startMs: number, endMs: number): number => Math.floor(endMs / 1000) - Math.floor(startMs / 1000);

/** The session row, keys named as PostHog's sessions table names them. Throws on an empty accumulator. */
export function finish(acc: SessionAccumulator): Record<string, unknown> {
  const { first, last } = acc;
  if (acc.sessionId === null || first === null || last === null) throw new Error('sessions: cannot finish a session without events');
  const entryUrl = nullIfEmpty(first.props.$current_url);
  const endUrl = nullIfEmpty(last.props.$current_url);
  const duration = secondsBetween(first.ms, last.ms);
  const row: Record<string, unknown> = {
    $session_id: acc.sessionId,
    distinct_id: nullIfEmpty(last.distinctId),
    $start_timestamp: new Date(first.ms).toISOString(),
    $end_timestamp: new Date(last.ms).toISOString(),
    $session_duration: duration,
    $urls: [...acc.urls],
    $num_uniq_urls: acc.urls.length,
    $entry_current_url: entryUrl,
    $entry_pathname: entryUrl === null ? null : urlPath(entryUrl),
    $entry_hostname: entryUrl === null ? null : urlDomain(entryUrl),
    $end_current_url: endUrl,
    $end_pathname: endUrl === null ? null : urlPath(endUrl),
    $end_hostname: endUrl === null ? null : urlDomain(endUrl),
  };
  for (const [key, prop] of ENTRY_PROPERTIES) if (key !== '$entry_current_url') row[key] = nullIfEmpty(first.props[prop]);
  row.$pageview_count = acc.pageviews;
  row.$autocapture_count = acc.autocaptures;
  row.$screen_count = acc.screens;
  row.$channel_type = channelType({
    utmSource: row.$entry_utm_source as string | null,
    utmMedium: row.$entry_utm_medium as string | null,
    utmCampaign: row.$entry_utm_campaign as string | null,
    referringDomain: row.$entry_referring_domain as string | null,
    gclid: row.$entry_gclid as string | null,
    fbclid: row.$entry_fbclid as string | null,
    gadSource: row.$entry_gad_source as string | null,
  });
  row.$is_bounce = isBounce(acc.pageviews, acc.autocaptures, duration);
  row.$last_external_click_url = nullIfEmpty(last.props.$external_click_url);
  row.$vitals_lcp = acc.lcp?.value ?? null;
  return row;
}
