// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { ingestEvents } from '../../src/store/events';
import { queryEvents, type EventPage } from '../../src/store/queries/events';
import { queryTrends } from '../../src/store/queries/trends';
import type { EventFilter } from '../../src/store/queries/filter';
import type { Position } from '../../src/store/queries/order';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { peopleStream } from '../support/people-stream';
import { bruteEvents } from '../support/query-brute';

const DAY = 86_400_000;
const events: CaptureEvent[] = [...generateEvents({ count: 1500, seed: 5, days: 10 }), ...peopleStream(4, 300)];
const generatedSession = String(events[100].properties.$session_id);
const streamSession = String(events.find((e) => typeof e.properties.$session_id === 'string' && e.properties.$session_id !== e.properties.$session_id.toUpperCase())!.properties.$session_id);

let db: LassoDatabase;
beforeAll(async () => {
  db = await openLassoDB(new IDBFactory());
  for (let i = 0; i < events.length; i += 400) await ingestEvents(db, events.slice(i, i + 400));
});

/** Every page of a query, concatenated, with the first page's total. */
async function allPages(filter: EventFilter, limit: number, budget?: number): Promise<{ rows: CaptureEvent[]; first: EventPage; pages: number }> {
  const rows: CaptureEvent[] = [];
  let cursor: Position | null = null;
  let first: EventPage | undefined;
  let pages = 0;
  for (;;) {
    const page = await queryEvents(db, filter, { limit, cursor, budget });
    first ??= page;
    pages++;
    rows.push(...page.rows);
    if (!page.next) return { rows, first, pages };
    cursor = page.next;
  }
}

const FILTERS: [string, EventFilter][] = [
  ['no filter', {}],
  ['one site', { site: 'shop.test' }],
  ['site + event name', { site: 'blog.test:8080', events: ['$pageview'] }],
  ['two event names', { events: ['$pageview', 'signed_up'] }],
  ['time range', { from: GENERATOR_NOW - 2 * DAY, to: GENERATOR_NOW - DAY }],
  ['person ids', { ids: ['person-5-1', 'person-5-2'] }],
  ['person ids + time range', { ids: ['person-5-3', 'anon-1', 'user@a.com'], from: GENERATOR_NOW - 3 * DAY }],
  ['session (generated id)', { session: generatedSession }],
  ['session given in upper case', { session: streamSession.toUpperCase() }],
  ['URL contains', { url: { value: '/product?id=1', match: 'contains' } }],
  ['URL exact', { url: { value: 'https://shop.test/cart', match: 'exact' } }],
  ['action (selector)', { action: { steps: [{ event: '$autocapture', selector: 'button' }] } }],
  ['action + site + time range', { action: { steps: [{ event: '$autocapture', text: 'Buy now' }, { event: '$pageview', url: '/pricing', url_matching: 'contains' }] }, site: 'shop.test', from: GENERATOR_NOW - 4 * DAY }],
  ['action with a raw property filter', { action: { steps: [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }] } }],
  ['action + URL + event names', { action: { steps: [{ selector: 'a' }, {}] }, url: { value: 'id=2', match: 'contains' }, events: ['$autocapture'] }],
  ['property filter', { properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }],
  ['property + event + site', { properties: [{ key: '$os', value: 'Windows', operator: 'exact', type: 'event' }], events: ['$pageview'], site: 'shop.test' }],
  ['person + session + property', { ids: ['anon-1', 'anon-2', 'user@b.com'], session: streamSession, properties: [{ key: 'plan', operator: 'is_set', type: 'event' }] }],
  ['no such event', { events: ['nope'] }],
  ['no such site', { site: 'none.test' }],
  ['no such person', { ids: ['nobody'] }],
  ['empty time range', { from: GENERATOR_NOW + DAY, to: GENERATOR_NOW + 2 * DAY }],
];

describe('events query = brute force over the same events', () => {
  it.each(FILTERS)('%s: pages without gaps or repeats, total consistent', async (_name, filter) => {
    const expected = bruteEvents(events, filter).map((e) => e.uuid);
    const { rows, first } = await allPages(filter, 7);
    expect(rows.map((e) => e.uuid)).toEqual(expected);
    const total = first.total!;
    if ('exact' in total) expect(total.exact).toBe(expected.length);
    else {
      expect(total.atLeast).toBeLessThanOrEqual(expected.length);
      expect(total.atMost).toBeGreaterThanOrEqual(expected.length);
      expect(total.how).toMatch(/index range|series/);
    }
  });

  it.each(FILTERS.filter(([name]) => /^property|^URL/.test(name)))('%s: a tiny read budget returns short pages that still add up', async (_name, filter) => {
    const { rows, pages } = await allPages(filter, 5, 40);
    expect(rows.map((e) => e.uuid)).toEqual(bruteEvents(events, filter).map((e) => e.uuid));
    expect(pages).toBeGreaterThan(1);
  });
});

describe('events query: bad filters', () => {
  it.each([
    [{ action: { steps: [{ selector: 'div >' }] } }, /^action\.steps\[0\]\.selector/],
    [{ properties: [{ key: 'x', value: 1, operator: 'bogus' }] }, /^properties\[0\]\.operator/],
    [{ properties: [{ key: '', value: 1 }] }, /^properties\[0\]\.key/],
  ] as [EventFilter, RegExp][])('%j → ActionValidationError naming the field', async (filter, path) => {
    const error = await queryEvents(db, filter).catch((e: Error & { path?: string }) => e);
    expect(error).toMatchObject({ name: 'ActionValidationError' });
    expect((error as { path: string }).path).toMatch(path);
  });
});

describe('events query after an upgrade', () => {
  it('a v1 database with events gets the v5 query indexes built from its stored events', async () => {
    const factory = new IDBFactory();
    const previous = globalThis.indexedDB;
    (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
    const v1 = await openDB('lasso', 1, {
      upgrade(old) {
        const s = old.createObjectStore('events', { keyPath: 'uuid' });
        for (const [name, path] of [['timestamp', 'timestamp'], ['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) s.createIndex(name, path);
      },
    });
    (globalThis as { indexedDB: IDBFactory }).indexedDB = previous;
    const stored = events.slice(0, 300);
    for (const e of stored) await v1.put('events', e);
    v1.close();
    const upgraded = await openLassoDB(factory);
    for (const filter of [{ site: 'shop.test' }, { ids: ['person-5-1'] }, { events: ['$pageview'] }, { session: generatedSession }] as EventFilter[]) {
      const page = await queryEvents(upgraded, filter, { limit: 1000 });
      expect(page.rows.map((e) => e.uuid)).toEqual(bruteEvents(stored, filter).map((e) => e.uuid));
    }
    // The trends' hourly rollup is built from the rebuilt counts: per day it equals the events.
    const trend = await queryTrends(upgraded, { series: [{ name: 'pv', event: '$pageview' }], from: GENERATOR_NOW - 10 * DAY, to: GENERATOR_NOW, interval: 'day' });
    const perDay = new Map<string, number>();
    for (const e of stored) if (e.event === '$pageview' && Date.parse(e.timestamp) >= GENERATOR_NOW - 10 * DAY) perDay.set(e.timestamp.slice(0, 10), (perDay.get(e.timestamp.slice(0, 10)) ?? 0) + 1);
    expect(new Map(trend.buckets.map((day, i) => [day, trend.lines[0].counts[i]] as const).filter(([, n]) => n))).toEqual(perDay);
    upgraded.close();
  });
});
