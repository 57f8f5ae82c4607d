// @ts-nocheck
import type { CaptureEvent } from '../events/types';

/**
 * Pure shapes and key arithmetic of the store's general index (chains, urls, series, counts,
 * refs). Ingest, the v1→v2 backfill and the preview all derive their keys here, so the three
 * can never disagree on how an event is filed.
 */

export const HOUR_MS = 3_600_000;
/** Chain / URL id for "the event has none" (ids assigned by the store start at 1). */
export const NONE = 0;

/** Each distinct `$elements_chain` once. */
export interface ChainRecord {
  id: number;
  chain: string;
}

/** Each distinct `$current_url` once. */
export interface UrlRecord {
  id: number;
  url: string;
}

/**
 * What files an event: name, chain id, url id, `$host` ('' when missing), `$event_type` ('' when
 * missing or not a string). v3 added the type: a field's clicks and changes share a chain, and the
 * preview splits and filters them by type from the index alone.
 */
export type SeriesKey = [event: string, chain: number, url: number, host: string, type: string];

/** The parts of a series key, by name. */
export interface SeriesParts {
  event: string;
  chain: number;
  url: number;
  host: string;
  type: string;
}

/** One distinct (event, chain, url, host, type) combination with its totals. */
export interface SeriesRow extends SeriesParts {
  /** Events filed under this key. */
  n: number;
  /** Earliest and latest event time, ms since the epoch. */
  first: number;
  last: number;
}

/** Events of one series in one hour (hours since the epoch, UTC). */
export interface CountRow extends SeriesParts {
  hour: number;
  n: number;
}

/**
 * Key of one event in `refs`: its series, then the NEGATED time so an ascending `getAllKeys`
 * with a count limit yields the newest events first (IndexedDB has no descending getAll).
 */
export type RefKey = [event: string, chain: number, url: number, host: string, type: string, negMs: number, uuid: string];

/** Time (ms) of the event a `refs` key stands for. */
export const refMs = (k: RefKey): number => -k[5];
/** Uuid of the event a `refs` key stands for. */
export const refUuid = (k: RefKey): string => k[6];

/** Event time in ms, or null for an unparsable timestamp (such an event is stored, not indexed). */
export function eventMs(event: CaptureEvent): number | null {
  const ms = Date.parse(event.timestamp);
  return Number.isNaN(ms) ? null : ms;
}

export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS);

/**
 * The chain / url / host / type strings an event is filed under. Mirrors what the action matcher
 * can see: an empty chain is no chain (the matcher treats it so), but an empty-string URL is a URL
 * (a url pattern may match ''), while a non-string URL is none. `type` is `$event_type` (click,
 * change, submit for `$autocapture`), '' when missing, empty or not a string.
 */
export function indexedParts(event: CaptureEvent): { chain: string | null; url: string | null; host: string; type: string } {
  const p = event.properties ?? {};
  const chain = typeof p.$elements_chain === 'string' && p.$elements_chain !== '' ? p.$elements_chain : null;
  const url = typeof p.$current_url === 'string' ? p.$current_url : null;
  return { chain, url, host: typeof p.$host === 'string' ? p.$host : '', type: typeof p.$event_type === 'string' ? p.$event_type : '' };
}

/** A Map key for a series. */
export const seriesId = (k: SeriesParts): string => `${k.event}\u0000${k.chain}\u0000${k.url}\u0000${k.host}\u0000${k.type}`;

export const seriesKeyOf = (k: SeriesParts): SeriesKey => [k.event, k.chain, k.url, k.host, k.type];

/** Every `counts` row of one series: [series, -∞] … [series, +∞]. */
export function countsRange(s: SeriesKey): IDBKeyRange {
  return IDBKeyRange.bound([...s, -Infinity], [...s, Infinity]);
}

/**
 * `refs` keys of one series with time in [fromMs, toMs) (newest first when read ascending).
 * Arrays sort after every string, so `[..., t, []]` sits after all uuids of time t.
 */
export function refsRange(s: SeriesKey, fromMs = -Infinity, toMs = Infinity): IDBKeyRange {
  const lower = Number.isFinite(toMs) ? [...s, -toMs, []] : [...s, -Infinity];
  const upper = Number.isFinite(fromMs) ? [...s, -fromMs, []] : [...s, Infinity];
  return IDBKeyRange.bound(lower, upper);
}

/** An event with resolved ids, ready to be filed. */
export interface Filed {
  event: CaptureEvent;
  key: SeriesKey;
  ms: number;
}

/** Series and count increments of a batch of filed events (pure; merged with stored rows later). */
export function foldFiled(filed: Filed[]): { series: Map<string, SeriesRow>; counts: Map<string, CountRow> } {
  const series = new Map<string, SeriesRow>();
  const counts = new Map<string, CountRow>();
  for (const { key, ms } of filed) {
    const [event, chain, url, host, type] = key;
    const sid = seriesId({ event, chain, url, host, type });
    const s = series.get(sid);
    if (s) {
      s.n++;
      s.first = Math.min(s.first, ms);
      s.last = Math.max(s.last, ms);
    } else series.set(sid, { event, chain, url, host, type, n: 1, first: ms, last: ms });
    const hour = hourOf(ms);
    const cid = `${sid}\u0000${hour}`;
    const c = counts.get(cid);
    if (c) c.n++;
    else counts.set(cid, { event, chain, url, host, type, hour, n: 1 });
  }
  return { series, counts };
}

/** A stored series row plus a batch increment. */
export function mergeSeries(stored: SeriesRow | undefined, add: SeriesRow): SeriesRow {
  if (!stored) return add;
  return { ...stored, n: stored.n + add.n, first: Math.min(stored.first, add.first), last: Math.max(stored.last, add.last) };
}
