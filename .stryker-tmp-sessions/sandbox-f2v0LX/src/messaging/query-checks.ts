// @ts-nocheck
import type { PropertyFilter } from '../actions/types';
import { isSiteKey } from '../settings/site';
import { isTimeZone, type Interval } from '../store/queries/buckets';
import type { Position } from '../store/queries/order';
import type { PersonCursor, PersonPropertyFilter } from '../store/queries/persons';
import type { SessionCursor, SessionFilter } from '../store/queries/sessions';
import { MessageRejectedError } from './validate';

/**
 * Payload checks for the `query.*` messages (pure: unknown in, typed request out). Each refusal
 * is a MessageRejectedError whose text names the field (`filter.from`, `series[1].event`) and
 * what was expected. Action and property filter contents are checked by the action compiler
 * (ActionValidationError with their own path).
 */

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x) && [Object.prototype, null].includes(Object.getPrototypeOf(x));
const reject = (field: string, expected: string, got: unknown): never => {
  throw new MessageRejectedError(`${field}: expected ${expected}, not ${JSON.stringify(got)?.slice(0, 80) ?? String(got)}`);
};

function obj(x: unknown, field: string): Obj {
  return isObj(x) ? x : reject(field, 'an object', x);
}
function str(x: unknown, field: string, max = 2048): string {
  return typeof x === 'string' && x.length <= max ? x : reject(field, `a string of at most ${max} characters`, x);
}
const optStr = (x: unknown, field: string, max = 2048) => (x === undefined ? undefined : str(x, field, max));
function strList(x: unknown, field: string, maxItems: number, maxLength = 200): string[] {
  if (!Array.isArray(x) || x.length === 0 || x.length > maxItems) return reject(field, `a list of 1–${maxItems} strings`, x);
  return x.map((v, i) => str(v, `${field}[${i}]`, maxLength));
}
function int(x: unknown, field: string, min: number, max: number): number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : reject(field, `an integer between ${min} and ${max}`, x);
}
const optInt = (x: unknown, field: string, min: number, max: number) => (x === undefined ? undefined : int(x, field, min, max));
function time(x: unknown, field: string): number {
  return typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= 8.64e15 ? x : reject(field, 'a time in ms since 1970', x);
}
const optTime = (x: unknown, field: string) => (x === undefined ? undefined : time(x, field));
function site(x: unknown, field: string): string | undefined {
  if (x === undefined) return undefined;
  return isSiteKey(x) ? x : reject(field, 'a site (host and port as in the address bar, lower case, e.g. localhost:3000)', x);
}
function range(o: Obj, field: string): { from?: number; to?: number } {
  const from = optTime(o.from, `${field}.from`);
  const to = optTime(o.to, `${field}.to`);
  if (from !== undefined && to !== undefined && from > to) throw new MessageRejectedError(`${field}.from: ${from} is after ${field}.to ${to}`);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}
function position(x: unknown, field: string): Position | null {
  if (x === undefined || x === null) return null;
  const o = obj(x, field);
  return { ms: time(o.ms, `${field}.ms`), uuid: str(o.uuid, `${field}.uuid`, 200) };
}
function properties(x: unknown, field: string): PropertyFilter[] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length > 20) return reject(field, 'a list of at most 20 property filters', x);
  return x.map((f, i) => obj(f, `${field}[${i}]`)) as unknown as PropertyFilter[];
}

/** The events filter as sent: a saved action by id, a person by any of its distinct ids. */
export interface EventsFilterInput {
  site?: string;
  from?: number;
  to?: number;
  events?: string[];
  actionId?: string;
  url?: { value: string; match: 'contains' | 'exact' };
  person?: string;
  session?: string;
  properties?: PropertyFilter[];
}

export function checkEventsRequest(data: unknown): { filter: EventsFilterInput; limit: number; cursor: Position | null } {
  const d = obj(data, 'query.events');
  const f = obj(d.filter ?? {}, 'filter');
  const known = ['site', 'from', 'to', 'events', 'actionId', 'url', 'person', 'session', 'properties'];
  const extra = Object.keys(f).find((k) => !known.includes(k));
  if (extra) throw new MessageRejectedError(`filter.${extra}: unknown filter (expected ${known.join(', ')})`);
  let url: EventsFilterInput['url'];
  if (f.url !== undefined) {
    const u = obj(f.url, 'filter.url');
    if (u.match !== 'contains' && u.match !== 'exact') reject('filter.url.match', '"contains" or "exact"', u.match);
    url = { value: str(u.value, 'filter.url.value', 8192), match: u.match as 'contains' | 'exact' };
  }
  const filter: EventsFilterInput = {
    site: site(f.site, 'filter.site'),
    ...range(f, 'filter'),
    events: f.events === undefined ? undefined : strList(f.events, 'filter.events', 50),
    actionId: optStr(f.actionId, 'filter.actionId', 64),
    url,
    person: optStr(f.person, 'filter.person', 200),
    session: optStr(f.session, 'filter.session', 200),
    properties: properties(f.properties, 'filter.properties'),
  };
  for (const k of Object.keys(filter) as (keyof EventsFilterInput)[]) if (filter[k] === undefined) delete filter[k];
  return { filter, limit: optInt(d.limit, 'limit', 1, 500) ?? 50, cursor: position(d.cursor, 'cursor') };
}

/** A trend line as sent: an event name or a saved action's id. */
export type TrendSeriesInput = { name: string; event: string } | { name: string; actionId: string };

export interface TrendsRequest {
  series: TrendSeriesInput[];
  site?: string;
  from: number;
  to: number;
  interval: Interval;
  timeZone: string;
  weekStartsOn: 0 | 1;
  breakdown?: { property: string; limit: number };
}

const DAY = 86_400_000;

export function checkTrendsRequest(data: unknown): TrendsRequest {
  const d = obj(data, 'query.trends');
  if (!Array.isArray(d.series) || !d.series.length || d.series.length > 10) reject('series', 'a list of 1–10 lines', d.series);
  const series = (d.series as unknown[]).map((x, i): TrendSeriesInput => {
    const s = obj(x, `series[${i}]`);
    const name = str(s.name ?? s.event ?? s.actionId, `series[${i}].name`, 200);
    if ((s.event === undefined) === (s.actionId === undefined)) throw new MessageRejectedError(`series[${i}]: expected either an event name or an actionId`);
    return s.event !== undefined ? { name, event: str(s.event, `series[${i}].event`, 200) } : { name, actionId: str(s.actionId, `series[${i}].actionId`, 64) };
  });
  const from = time(d.from, 'from');
  const to = time(d.to, 'to');
  if (from >= to) throw new MessageRejectedError(`from: ${from} is not before to ${to}`);
  if (!['hour', 'day', 'week'].includes(d.interval as string)) reject('interval', '"hour", "day" or "week"', d.interval);
  const interval = d.interval as Interval;
  const maxDays = interval === 'hour' ? 31 : 731;
  if (to - from > maxDays * DAY) throw new MessageRejectedError(`to: a range of at most ${maxDays} days per ${interval}`);
  const timeZone = d.timeZone === undefined ? 'UTC' : str(d.timeZone, 'timeZone', 100);
  if (!isTimeZone(timeZone)) reject('timeZone', 'an IANA time zone such as Europe/Berlin', timeZone);
  if (d.weekStartsOn !== undefined && d.weekStartsOn !== 0 && d.weekStartsOn !== 1) reject('weekStartsOn', '0 (Sunday) or 1 (Monday)', d.weekStartsOn);
  let breakdown: TrendsRequest['breakdown'];
  if (d.breakdown !== undefined) {
    const b = obj(d.breakdown, 'breakdown');
    breakdown = { property: str(b.property, 'breakdown.property', 200), limit: optInt(b.limit, 'breakdown.limit', 1, 50) ?? 5 };
  }
  return { series, ...(d.site !== undefined && { site: site(d.site, 'site') }), from, to, interval, timeZone, weekStartsOn: (d.weekStartsOn ?? 0) as 0 | 1, ...(breakdown && { breakdown }) };
}

export interface PersonsRequest {
  limit: number;
  idPrefix?: string;
  property?: PersonPropertyFilter;
  /** The previous page's `next`: a PersonCursor for the list / property search, the last id for an id search. */
  cursor: PersonCursor | string | null;
}

export function checkPersonsRequest(data: unknown): PersonsRequest {
  const d = obj(data, 'query.persons');
  const idPrefix = optStr(d.idPrefix, 'idPrefix', 200);
  let property: PersonPropertyFilter | undefined;
  if (d.property !== undefined) {
    const p = obj(d.property, 'property');
    property = { key: str(p.key, 'property.key', 200), value: p.value, ...(p.operator !== undefined && { operator: str(p.operator, 'property.operator', 40) as PersonPropertyFilter['operator'] }) };
  }
  if (idPrefix !== undefined && property) throw new MessageRejectedError('idPrefix: search by distinct id or by property, not both');
  let cursor: PersonsRequest['cursor'] = null;
  if (d.cursor !== undefined && d.cursor !== null) {
    if (idPrefix !== undefined) cursor = str(d.cursor, 'cursor', 200);
    else {
      const c = obj(d.cursor, 'cursor');
      cursor = { created_at: str(c.created_at, 'cursor.created_at', 64), key: str(c.key, 'cursor.key', 64) };
    }
  }
  return { limit: optInt(d.limit, 'limit', 1, 500) ?? 50, ...(idPrefix !== undefined && { idPrefix }), ...(property && { property }), cursor };
}

export function checkPersonRequest(data: unknown): { distinctId: string; events: number } {
  const d = obj(data, 'query.person');
  return { distinctId: str(d.distinctId, 'distinctId', 200), events: optInt(d.events, 'events', 1, 200) ?? 20 };
}

export function checkSessionsRequest(data: unknown): { filter: SessionFilter; limit: number; cursor: SessionCursor | null } {
  const d = obj(data, 'query.sessions');
  const f = obj(d.filter ?? {}, 'filter');
  if (f.bounce !== undefined && typeof f.bounce !== 'boolean') reject('filter.bounce', 'true or false', f.bounce);
  const filter: SessionFilter = {
    ...(f.site !== undefined && { site: site(f.site, 'filter.site') }),
    ...range(f, 'filter'),
    ...(f.channelTypes !== undefined && { channelTypes: strList(f.channelTypes, 'filter.channelTypes', 30) }),
    ...(f.bounce !== undefined && { bounce: f.bounce as boolean }),
    ...(f.entryUrlContains !== undefined && { entryUrlContains: str(f.entryUrlContains, 'filter.entryUrlContains', 2048) }),
  };
  let cursor: SessionCursor | null = null;
  if (d.cursor !== undefined && d.cursor !== null) {
    const c = obj(d.cursor, 'cursor');
    cursor = { start: time(c.start, 'cursor.start'), id: str(c.id, 'cursor.id', 200) };
  }
  return { filter, limit: optInt(d.limit, 'limit', 1, 500) ?? 50, cursor };
}

export function checkSessionRequest(data: unknown): { id: string; limit: number; after: Position | null } {
  const d = obj(data, 'query.session');
  return { id: str(d.id, 'id', 200), limit: optInt(d.limit, 'limit', 1, 1000) ?? 200, after: position(d.after, 'after') };
}
