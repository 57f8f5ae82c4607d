// @ts-nocheck
import type { RequestData } from '../use-request';

/**
 * The Persons list's route keys: `q` = distinct id prefix; `prop` (+ optional `value`) = a person
 * property that is set (or equals `value`). The background searches one way at a time, so `q`
 * wins when both are in a hand-written hash.
 */
export const PERSONS_KEYS = { idPrefix: 'q', property: 'prop', value: 'value' } as const;

/** Rows per page of the persons list. */
export const PERSONS_PAGE = 50;

/** The `query.persons` payload (without cursor) of a route's filters (pure). */
export function personsRequest(query: URLSearchParams): Omit<RequestData<'query.persons'>, 'cursor'> {
  const idPrefix = query.get(PERSONS_KEYS.idPrefix)?.trim();
  if (idPrefix) return { limit: PERSONS_PAGE, idPrefix };
  const key = query.get(PERSONS_KEYS.property)?.trim();
  if (!key) return { limit: PERSONS_PAGE };
  const value = query.get(PERSONS_KEYS.value);
  return { limit: PERSONS_PAGE, property: value === null || value === '' ? { key, operator: 'is_set' } : { key, value } };
}

/** The route query after setting one filter key (`''` removes it); the other search mode is cleared. */
export function withPersonsFilter(query: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(query);
  if (value === '') next.delete(key);
  else next.set(key, value);
  if (key === PERSONS_KEYS.idPrefix && value !== '') {
    next.delete(PERSONS_KEYS.property);
    next.delete(PERSONS_KEYS.value);
  } else if (key !== PERSONS_KEYS.idPrefix && value !== '') next.delete(PERSONS_KEYS.idPrefix);
  return next;
}

/** Persons once each, by their first distinct id, in first-seen order (an id search may list one twice). */
export function uniquePersons<T extends { distinct_ids: string[] }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((p) => !seen.has(p.distinct_ids[0]) && (seen.add(p.distinct_ids[0]), true));
}
