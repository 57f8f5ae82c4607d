// @ts-nocheck
import type { CaptureEvent } from '../../src/events/types';

/**
 * Tiny builders for person/group derivation tests: event `n` happens at minute `n` of
 * 2026-11-28 and has uuid `u<nn>`, so a table reads in time order.
 */
export const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);

/** ISO time of minute `n`. */
export const at = (n: number): string => new Date(T0 + n * 60_000).toISOString();

/** An event at minute `n`. */
export function ev(n: number, event: string, distinct_id: string, properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): CaptureEvent {
  return { uuid: `u${String(n).padStart(2, '0')}`, event, distinct_id, timestamp: at(n), properties, ...extra } as CaptureEvent;
}

/** `$pageview` by `id` at minute `n`. */
export const view = (n: number, id: string, properties: Record<string, unknown> = {}) => ev(n, '$pageview', id, properties);
/** `$identify` of `anon` as `id` at minute `n`. */
export const identify = (n: number, id: string, anon: unknown, properties: Record<string, unknown> = {}) =>
  ev(n, '$identify', id, { $anon_distinct_id: anon, ...properties });
/** `$create_alias` joining `alias` into `id` at minute `n`. */
export const alias = (n: number, id: string, aliasId: unknown) => ev(n, '$create_alias', id, { alias: aliasId });
/** `$merge_dangerously` joining `aliasId` into `id` at minute `n`. */
export const mergeDangerously = (n: number, id: string, aliasId: unknown) => ev(n, '$merge_dangerously', id, { alias: aliasId });

/** Each person as its distinct ids (in join order) and identified flag, for compact tables. */
export function shape(persons: Array<{ distinct_ids: string[]; is_identified: boolean }>): Array<[string[], boolean]> {
  return persons.map((p) => [p.distinct_ids, p.is_identified]);
}
