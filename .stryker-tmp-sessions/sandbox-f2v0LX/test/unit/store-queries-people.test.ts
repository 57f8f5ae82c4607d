// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents, sortEvents } from '../../src/persons';
import { personUpdates } from '../../src/persons/properties';
import { propertySources } from '../../src/store/queries/person-sources';
import { sessionKey } from '../../src/sessions';
import { ingestEvents } from '../../src/store/events';
import type { Position } from '../../src/store/queries/order';
import { listPersons, personActivity, personProfile, searchPersonsById, withActivity, type PersonCursor, type PersonView } from '../../src/store/queries/persons';
import { querySessions, sessionEvents, type SessionCursor, type SessionFilter } from '../../src/store/queries/sessions';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { listSessions, type SessionRow } from '../../src/store/sessions';
import { generateEvents } from '../fixtures/generate-events';
import { peopleStream } from '../support/people-stream';
import { bruteEvents } from '../support/query-brute';

/** Two people streams share some uuids: the store keeps the first, so the brute force does too. */
const events: CaptureEvent[] = [
  ...new Map([...generateEvents({ count: 2000, seed: 3, days: 5 }), ...peopleStream(5, 400), ...peopleStream(6, 300)].reverse().map((e) => [e.uuid, e])).values(),
].reverse();
const defined = personsFromEvents(events);
const idsOf = (p: { distinct_ids: string[] }) => [...p.distinct_ids].sort().join(',');

let db: LassoDatabase;
let sessions: SessionRow[];
beforeAll(async () => {
  db = await openLassoDB(new IDBFactory());
  for (let i = 0; i < events.length; i += 300) await ingestEvents(db, events.slice(i, i + 300));
  sessions = (await listSessions(db, { limit: 100_000 })).rows;
});

async function allPersons(opts: Parameters<typeof listPersons>[1], limit: number): Promise<PersonView[]> {
  const rows: PersonView[] = [];
  let cursor: PersonCursor | null = null;
  for (;;) {
    const page = await listPersons(db, { ...opts, limit, cursor });
    rows.push(...page.rows);
    if (!page.next) return rows;
    cursor = page.next;
  }
}

describe('persons queries = the definition over the same events', () => {
  it.each([1, 3, 50])('list newest first, pages of %i, each person once', async (limit) => {
    const rows = await allPersons({}, limit);
    expect(rows.map(idsOf).sort()).toEqual(defined.persons.map(idsOf).sort());
    const created = rows.map((r) => Date.parse(r.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it.each([
    [{ key: 'plan', value: 'pro' }, (p: Record<string, unknown>) => p.plan === 'pro'],
    [{ key: 'plan', value: ['free', 'team'] }, (p: Record<string, unknown>) => p.plan === 'free' || p.plan === 'team'],
    [{ key: 'first_seen_plan', operator: 'is_set' as const }, (p: Record<string, unknown>) => p.first_seen_plan !== undefined],
    [{ key: 'plan', value: 'enterprise' }, () => false],
  ])('search by property %j, tiny budget, pages add up', async (property, holds) => {
    const rows = await allPersons({ property, budget: 2 }, 2);
    expect(rows.map(idsOf).sort()).toEqual(defined.persons.filter((p) => holds(p.properties)).map(idsOf).sort());
  });

  it.each([['person-3-'], ['anon-'], ['user'], ['nobody']])('search by distinct id prefix %j', async (prefix) => {
    const expected = defined.persons.filter((p) => p.distinct_ids.some((id) => id.startsWith(prefix))).map(idsOf).sort();
    const found: PersonView[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await searchPersonsById(db, prefix, { limit: 2, after });
      found.push(...page.rows);
      if (!page.next) break;
      after = page.next;
    }
    // A person with two matching ids may show on two pages; each page lists it once.
    expect([...new Set(found.map(idsOf))].sort()).toEqual(expected);
  });

  it('a bad property filter names the field', async () => {
    await expect(listPersons(db, { property: { key: 'plan', value: 1, operator: 'bogus' as never } })).rejects.toMatchObject({ name: 'ActionValidationError', path: 'property.operator' });
  });

  it.each(defined.persons.filter((p) => p.distinct_ids.length > 1).slice(0, 3).map((p) => [p.distinct_ids.at(-1)!, p] as const))('profile of %s: ids, events, counts, warnings', async (id, person) => {
    const profile = await personProfile(db, id, { events: 15 });
    const ids = person.distinct_ids;
    expect([...profile.distinctIds].sort()).toEqual([...ids].sort());
    expect(profile.person!.properties).toEqual(person.properties);
    const mine = bruteEvents(events, { ids });
    expect(profile.latestEvents.map((e) => e.uuid)).toEqual(mine.slice(0, 15).map((e) => e.uuid));
    expect(profile.eventCount).toBe(events.filter((e) => ids.includes(e.distinct_id)).length);
    expect(profile.eventsTotal).toEqual({ exact: mine.length });
    expect(profile.firstSeen).toBe(mine.at(-1)!.timestamp);
    expect(profile.lastSeen).toBe(mine[0].timestamp);
    const byUuid = new Map(events.map((e) => [e.uuid, e]));
    const warned = defined.warnings.filter((w) => ids.includes(String(byUuid.get(w.uuid)?.distinct_id)));
    expect(profile.warnings.map((w) => `${w.uuid} ${w.reason}`).sort()).toEqual(warned.map((w) => `${w.uuid} ${w.reason}`).sort());
    const mySessions = new Set(events.filter((e) => ids.includes(e.distinct_id)).map(sessionKey).filter((k) => k !== null));
    expect(new Set(profile.sessions.map((s) => s.$session_id))).toEqual(mySessions);
  });

  it.each(defined.persons.filter((p) => p.distinct_ids.length > 1).slice(0, 2).concat(defined.persons.slice(0, 2)).map((p) => [p.distinct_ids.join(','), p] as const))(
    'list rows of %s carry first / last seen and event count over all its ids',
    async (_ids, person) => {
      const mine = events.filter((e) => person.distinct_ids.includes(e.distinct_id)).map((e) => e.timestamp).sort((a, b) => Date.parse(a) - Date.parse(b));
      const [row] = await withActivity(db, [person]);
      expect(row).toEqual({ ...person, firstSeen: mine[0] ?? null, lastSeen: mine.at(-1) ?? null, eventCount: mine.length });
    },
  );

  const withProps = defined.persons.filter((p) => Object.keys(p.properties).length > 3);
  it.each([withProps[0], withProps[1], withProps.at(-1)!].map((p) => [p.distinct_ids.join(','), p] as const))('property sources of %s: each the newest $set (or oldest $set_once) giving that value', async (_ids, person) => {
    const mine = sortEvents(events.filter((e) => person.distinct_ids.includes(e.distinct_id)));
    const gives = (e: CaptureEvent, how: '$set' | '$set_once', key: string) => {
      const u = personUpdates(e);
      const dict = how === '$set' ? u.set : u.setOnce;
      return Object.prototype.hasOwnProperty.call(dict, key) && JSON.stringify(dict[key]) === JSON.stringify(person.properties[key]);
    };
    const sources = await propertySources(db, person.distinct_ids, person.properties, { budget: mine.length });
    for (const key of Object.keys(person.properties)) {
      const lastSet = [...mine].reverse().find((e) => gives(e, '$set', key));
      const firstOnce = mine.find((e) => gives(e, '$set_once', key));
      const expected = lastSet ? { e: lastSet, how: '$set' } : firstOnce ? { e: firstOnce, how: '$set_once' } : null;
      expect([key, sources[key] ?? null]).toEqual([key, expected && { uuid: expected.e.uuid, event: expected.e.event, timestamp: expected.e.timestamp, how: expected.how }]);
    }
    expect(Object.keys(sources).length).toBeGreaterThan(0);
    // A budget of 2 finds sources only among the 2 newest and 2 oldest events.
    const ends = new Set([...mine.slice(0, 2), ...mine.slice(-2)].map((e) => e.uuid));
    const small = await propertySources(db, person.distinct_ids, person.properties, { budget: 2 });
    expect(Object.values(small).every((s) => ends.has(s.uuid))).toBe(true);
  });

  it('activity of ids without events: never seen, no events', async () => {
    expect(await personActivity(db, ['nobody-at-all', 'nobody-either'])).toEqual({ firstSeen: null, lastSeen: null, eventCount: 0 });
  });

  it('profile of an unknown id: no person, nothing found', async () => {
    expect(await personProfile(db, 'nobody-at-all')).toMatchObject({ person: null, distinctIds: ['nobody-at-all'], latestEvents: [], eventCount: 0, firstSeen: null, lastSeen: null, warnings: [], sessions: [] });
  });
});

describe('sessions queries', () => {
  const start = (r: SessionRow) => Date.parse(String(r.$start_timestamp));
  const FILTERS: [string, SessionFilter][] = [
    ['no filter', {}],
    ['one site', { site: 'shop.test' }],
    ['time range', { from: Date.parse('2026-11-01T10:30:00Z'), to: Date.parse('2026-11-01T11:10:00Z') }],
    ['channel type', { channelTypes: ['Direct', 'Paid Search'] }],
    ['bounce', { bounce: true }],
    ['not bounce + site', { bounce: false, site: 'shop.test' }],
    ['entry URL contains', { entryUrlContains: 'PRICING' }],
    ['nothing', { site: 'none.test' }],
  ];
  it.each(FILTERS)('%s: pages of 2 = brute force over all sessions', async (_name, filter) => {
    const expected = sessions.filter(
      (r) =>
        (filter.site === undefined || r.host === filter.site) &&
        (filter.from === undefined || start(r) >= filter.from) &&
        (filter.to === undefined || start(r) < filter.to) &&
        (!filter.channelTypes || filter.channelTypes.includes(String(r.$channel_type))) &&
        (filter.bounce === undefined || r.$is_bounce === filter.bounce) &&
        (filter.entryUrlContains === undefined || String(r.$entry_current_url).toLowerCase().includes(filter.entryUrlContains.toLowerCase())),
    );
    const got: SessionRow[] = [];
    let cursor: SessionCursor | null = null;
    for (;;) {
      const page = await querySessions(db, filter, { limit: 2, cursor, budget: 3 });
      got.push(...page.rows);
      if (!page.next) break;
      cursor = page.next;
    }
    expect(got.map((r) => r.$session_id)).toEqual(expected.map((r) => r.$session_id));
  });

  it.each(sessions_ids())('session %s: its events oldest first, pages of 4', async (id) => {
    const expected = events
      .filter((e) => sessionKey(e) === id)
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.uuid < b.uuid ? -1 : 1))
      .map((e) => e.uuid);
    const got: string[] = [];
    let after: Position | null = null;
    for (;;) {
      const page = await sessionEvents(db, id, { limit: 4, after });
      got.push(...page.rows.map((e) => e.uuid));
      if (!page.next) break;
      after = page.next;
    }
    expect(got).toEqual(expected);
  });
});

/** A few session ids of the people streams (some of their events carry the id in upper case). */
function sessions_ids(): string[] {
  return [...new Set(peopleStream(5, 400).map(sessionKey).filter((k): k is string => k !== null))].slice(0, 3);
}
