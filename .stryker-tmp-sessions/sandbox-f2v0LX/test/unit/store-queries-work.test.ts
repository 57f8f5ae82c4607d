// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { ingestEvents } from '../../src/store/events';
import { queryEvents } from '../../src/store/queries/events';
import type { EventFilter } from '../../src/store/queries/filter';
import { listPersons } from '../../src/store/queries/persons';
import { querySessions } from '../../src/store/queries/sessions';
import { queryTrends } from '../../src/store/queries/trends';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { uuidAt } from '../support/people-stream';
import { bruteEvents } from '../support/query-brute';

/**
 * Work done, not time: on a 20k-event store a selective query reads about what it returns, never
 * the store. `reads` counts every record a query visited (events, refs keys, counts rows, persons, sessions).
 */
const SIZE = 20_000;
/** The generator's session ids are not UUIDv7 (no session rows): each becomes one, so sessions exist too. */
const sessionIds = new Map<string, string>();
const events = generateEvents({ count: SIZE, seed: 31 }).map((e) => {
  const raw = String(e.properties.$session_id);
  if (!sessionIds.has(raw)) sessionIds.set(raw, uuidAt(Date.parse(e.timestamp), sessionIds.size));
  return { ...e, properties: { ...e.properties, $session_id: sessionIds.get(raw) } };
});
/** Events the driver's index walks before the 50th match: its own list up to that match. */
const walkedTo = (driverList: { uuid: string }[], matches: { uuid: string }[]) => driverList.findIndex((e) => e.uuid === matches[Math.min(49, matches.length - 1)].uuid) + 1;
const person = events[SIZE - 1].distinct_id;
const session = String(events[SIZE - 1].properties.$session_id);
const signups = events.filter((e) => e.event === 'signed_up').length;

let db: LassoDatabase;
beforeAll(async () => {
  db = await openLassoDB(new IDBFactory());
  for (let i = 0; i < SIZE; i += 1000) await ingestEvents(db, events.slice(i, i + 1000));
}, 300_000);

describe(`work done on ${SIZE} events (records read, never milliseconds)`, () => {
  it.each([
    ['one session', { session }, (m: CaptureEvent[]) => m.length + 3],
    ['one person, first page', { ids: [person] }, () => 50 + 2],
    ['a selective action (add to cart)', { action: { steps: [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }] } }, () => 50],
    ['an event name on one site', { events: ['signed_up'], site: 'shop.test' }, (m: CaptureEvent[]) => walkedTo(bruteEvents(events, { events: ['signed_up'] }), m) + 2],
    ['a property filter on an event name', { events: ['signed_up'], properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }, () => signups + 2],
    ['one site, last day', { site: 'blog.test:8080', from: GENERATOR_NOW - 86_400_000 }, () => 50 + 2],
  ] as [string, EventFilter, (matches: CaptureEvent[]) => number][])('events: %s reads at most what it needs', async (_name, filter, bound) => {
    const expected = bruteEvents(events, filter);
    const page = await queryEvents(db, filter, { limit: 50 });
    expect(page.rows.map((e) => e.uuid)).toEqual(expected.slice(0, 50).map((e) => e.uuid));
    expect(page.reads).toBeLessThanOrEqual(bound(expected));
    expect(page.reads).toBeLessThan(SIZE / 10);
  });

  it('events: a total over an index range is exact without reading events', async () => {
    const page = await queryEvents(db, { events: ['$pageview'] }, { limit: 10 });
    expect(page.total).toEqual({ exact: events.filter((e) => e.event === '$pageview').length });
    expect(page.reads).toBeLessThanOrEqual(12);
  });

  it('trends: daily signups over 30 days read the hourly rollup: at most one row per site and hour', async () => {
    const query = { series: [{ name: 's', event: 'signed_up' }], from: GENERATOR_NOW - 30 * 86_400_000, to: GENERATOR_NOW, interval: 'day' as const };
    const everywhere = await queryTrends(db, query);
    expect(everywhere.buckets).toHaveLength(31);
    expect(everywhere.lines[0].counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(everywhere.reads).toBeLessThanOrEqual(Math.min(2 * 31 * 24, signups));
    const oneSite = await queryTrends(db, { ...query, site: 'shop.test' });
    expect(oneSite.reads).toBeLessThanOrEqual(31 * 24);
  });

  it('trends: a selective action reads its own series\' hourly rows (at most one per matching event, any time)', async () => {
    const steps = [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }];
    const from = GENERATOR_NOW - 30 * 86_400_000;
    const result = await queryTrends(db, { series: [{ name: 'cart', action: { steps } }], from, to: GENERATOR_NOW, interval: 'day' });
    const matching = bruteEvents(events, { action: { steps }, from: Math.floor(from / 3_600_000) * 3_600_000, to: GENERATOR_NOW });
    expect(result.lines[0].counts.reduce((a, b) => a + b, 0)).toBe(matching.length);
    // Many small series of one chain are read as one range over that chain (all its hours, the
    // 35 generated days): fewer requests for a few rows outside the 30 days.
    expect(result.reads).toBeLessThanOrEqual(bruteEvents(events, { action: { steps } }).length);
  });

  it('trends: an action of bare event names reads the hourly rollup, as the names do', async () => {
    const query = { from: GENERATOR_NOW - 30 * 86_400_000, to: GENERATOR_NOW, interval: 'day' as const };
    const action = await queryTrends(db, { ...query, series: [{ name: 'a', action: { steps: [{ event: 'signed_up' }, { event: '$pageleave' }, { event: 'signed_up' }] } }] });
    const names = await queryTrends(db, { ...query, series: [{ name: 's', event: 'signed_up' }, { name: 'l', event: '$pageleave' }] });
    expect(action.lines[0].counts).toEqual(names.lines[0].counts.map((n, i) => n + names.lines[1].counts[i]));
    expect(action.reads).toBe(names.reads);
  });

  it('sessions and persons: a first page reads one page of records', async () => {
    const sessions = await querySessions(db, {}, { limit: 50 });
    expect(sessions.rows).toHaveLength(50);
    expect(sessions.reads).toBeLessThanOrEqual(51);
    const persons = await listPersons(db, { limit: 50 });
    expect(persons.rows).toHaveLength(50);
    expect(persons.reads).toBeLessThanOrEqual(50);
  });
});
