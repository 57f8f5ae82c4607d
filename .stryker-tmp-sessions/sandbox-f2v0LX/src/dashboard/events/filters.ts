// @ts-nocheck
import { OPERATORS } from '../../actions';
import type { PropertyFilter } from '../../actions/types';
import type { EventsFilterInput } from '../../messaging/query-checks';

/**
 * The Events view's filters as they live in the route's query string, and the `query.events`
 * filter they mean (pure). Keys:
 *
 *   site=<host[:port]>  last=1h|24h|7d|30d  from=<ISO time>  to=<ISO time>
 *   event=<name> (repeatable)  action=<action id>  url=<text>  urlMatch=exact (default contains)
 *   person=<distinct id>  session=<session id>  prop=<JSON property filter> (repeatable)  live=1
 *
 * `last` wins over `from`; `to` is only for a fixed range (a live view has no end).
 */
export interface EventFilters {
  site: string;
  last: TimePreset | '';
  from: string;
  to: string;
  events: string[];
  action: string;
  url: string;
  urlMatch: 'contains' | 'exact';
  person: string;
  session: string;
  properties: PropertyFilter[];
  live: boolean;
}

export const TIME_PRESETS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type TimePreset = keyof typeof TIME_PRESETS;

export const NO_FILTERS: EventFilters = { site: '', last: '', from: '', to: '', events: [], action: '', url: '', urlMatch: 'contains', person: '', session: '', properties: [], live: false };

const isPreset = (x: string): x is TimePreset => Object.hasOwn(TIME_PRESETS, x);

/** A property filter written as JSON in the route, checked enough to send (the background checks the rest). */
export function parsePropertyFilter(text: string): PropertyFilter {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`property filter ${JSON.stringify(text.slice(0, 60))} is not JSON like {"key":"plan","operator":"exact","value":"pro"}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`property filter ${text.slice(0, 60)} is not an object with a key`);
  const f = value as Record<string, unknown>;
  if (typeof f.key !== 'string' || !f.key) throw new Error(`property filter ${text.slice(0, 60)} has no key`);
  if (f.operator !== undefined && !OPERATORS.includes(f.operator as PropertyFilter['operator'] & string)) throw new Error(`property filter on ${f.key}: unknown operator ${JSON.stringify(f.operator)} (one of ${OPERATORS.join(', ')})`);
  if (f.type !== undefined && !['event', 'person', 'element'].includes(f.type as string)) throw new Error(`property filter on ${f.key}: type must be event, person or element`);
  return { key: f.key, ...(f.value !== undefined && { value: f.value }), ...(f.operator !== undefined && { operator: f.operator as PropertyFilter['operator'] }), ...(f.type !== undefined && { type: f.type as PropertyFilter['type'] }) };
}

/** The filters of a route query, and what in it could not be read (said, then left out — never guessed). */
export function filtersFromQuery(query: URLSearchParams): { filters: EventFilters; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => query.get(key)?.trim() ?? '';
  const time = (key: string) => {
    const v = text(key);
    if (v && Number.isNaN(Date.parse(v))) {
      problems.push(`"${key}" is not a time: ${v}`);
      return '';
    }
    return v;
  };
  const last = text('last');
  if (last && !isPreset(last)) problems.push(`"last" must be one of ${Object.keys(TIME_PRESETS).join(', ')}, not ${last}`);
  const properties: PropertyFilter[] = [];
  for (const raw of query.getAll('prop')) {
    try {
      properties.push(parsePropertyFilter(raw));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const filters: EventFilters = {
    site: text('site'),
    last: isPreset(last) ? last : '',
    from: time('from'),
    to: time('to'),
    events: [...new Set(query.getAll('event').map((e) => e.trim()).filter(Boolean))],
    action: text('action'),
    url: query.get('url') ?? '',
    urlMatch: text('urlMatch') === 'exact' ? 'exact' : 'contains',
    person: text('person'),
    session: text('session'),
    properties,
    live: text('live') === '1',
  };
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) problems.push(`"from" (${filters.from}) is after "to" (${filters.to})`);
  return { filters, problems };
}

/** The route query of `filters`, in one fixed key order; empty filters leave no key. */
export function queryFromFilters(filters: EventFilters): URLSearchParams {
  const q = new URLSearchParams();
  const set = (key: string, value: string) => value && q.append(key, value);
  set('site', filters.site);
  set('last', filters.last);
  if (!filters.last) set('from', filters.from);
  set('to', filters.to);
  for (const e of filters.events) set('event', e);
  set('action', filters.action);
  set('url', filters.url);
  if (filters.url && filters.urlMatch === 'exact') set('urlMatch', 'exact');
  set('person', filters.person);
  set('session', filters.session);
  for (const p of filters.properties) set('prop', JSON.stringify(p));
  if (filters.live) set('live', '1');
  return q;
}

/** The `query.events` filter of `filters` at `now` (ms; a `last` range ends now, open for live events). */
export function toFilterInput(filters: EventFilters, now: number): EventsFilterInput {
  const input: EventsFilterInput = {};
  if (filters.site) input.site = filters.site;
  if (filters.last) input.from = now - TIME_PRESETS[filters.last];
  else if (filters.from && !Number.isNaN(Date.parse(filters.from))) input.from = Date.parse(filters.from);
  if (filters.to && !Number.isNaN(Date.parse(filters.to))) input.to = Date.parse(filters.to);
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) delete input.to;
  if (filters.events.length) input.events = filters.events;
  if (filters.action) input.actionId = filters.action;
  if (filters.url) input.url = { value: filters.url, match: filters.urlMatch };
  if (filters.person) input.person = filters.person;
  if (filters.session) input.session = filters.session;
  if (filters.properties.length) input.properties = filters.properties;
  return input;
}

/** How many filters narrow the list (the site and live mode are not counted: they are always shown). */
export const activeFilterCount = (f: EventFilters): number =>
  [f.last || f.from || f.to, f.events.length, f.action, f.url, f.person, f.session].filter(Boolean).length + f.properties.length;
