// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { cohortMembers, type CohortDefinition } from '../../src/cohorts';
import type { CaptureEvent } from '../../src/events/types';
import { createCohortCache } from '../../src/store/cohort-cache';
import { timeBucket } from '../../src/store/cohort-time';
import { saveCohort } from '../../src/store/cohorts';
import { deleteEvents } from '../../src/store/deletion';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';
import { and, cohort, didEvent, has, NOW, or, tree } from '../support/cohorts';
import { peopleStream, randomBatches, uuidAt } from '../support/people-stream';

const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;
let n = 0;
/** An event `daysAgo` days before NOW. */
const ev = (event: string, distinct_id: string, daysAgo = 1, properties: Record<string, unknown> = {}): CaptureEvent => ({
  uuid: uuidAt(NOW_MS - daysAgo * DAY, ++n), event, distinct_id, timestamp: new Date(NOW_MS - daysAgo * DAY).toISOString(), properties,
});
const inCohort = (id: string): CohortDefinition => cohort({ type: 'cohort', key: 'id', value: id });

async function setup(cohorts: Record<string, CohortDefinition>, events: CaptureEvent[] = []) {
  const db = await openLassoDB(new IDBFactory());
  for (const [id, definition] of Object.entries(cohorts)) await saveCohort(db, { id, name: id, definition });
  if (events.length) await ingestEvents(db, events);
  return { db, cache: createCohortCache(db, { clock: () => NOW_MS }) };
}
const firstIds = async (cache: ReturnType<typeof createCohortCache>, id: string, now?: number) =>
  (await cache.members(id, now)).members.map((m) => m.distinct_ids[0]);

describe('cohort members in the store equal cohortMembers over the same events', () => {
  const events = peopleStream(5, 300); // merges, $set, pageviews, signed_up — around 2026-11-01
  const now = '2026-11-03T00:00:00Z';
  it.each<[string, CohortDefinition]>([
    ['a person property', cohort({ type: 'person', key: 'plan', operator: 'exact', value: 'pro' })],
    ['a behavioral leaf', cohort({ type: 'behavioral', value: 'performed_event_multiple', key: 'signed_up', event_type: 'events', time_value: 7, time_interval: 'day', operator: 'gte', operator_value: 2 })],
    ['nested AND/OR with a negation', tree(or(and(didEvent('$pageview', 7), has('plan', true)), and(didEvent('signed_up', 7))))],
    ['static', { is_static: true, distinct_ids: ['anon-1', 'user-7', 'nobody'] }],
  ])('%s', async (_name, definition) => {
    const { db, cache } = await setup({ c: definition }, events);
    const stored = (await cache.members('c', Date.parse(now))).members.map((m) => m.distinct_ids);
    expect(stored.length).toBeGreaterThan(0); // the comparison is about someone
    expect(stored).toEqual(cohortMembers(definition, { events, now }));
    cache.dispose();
    db.close();
  });
});

describe('cohort cache: members change exactly when data that could change them arrives', () => {
  it('deleting events (retention, a site) drops cached members: they follow the remaining events', async () => {
    const { db, cache } = await setup({ c: cohort(didEvent('signed_up')) }, [ev('signed_up', 'a', 3), ev('signed_up', 'b', 1)]);
    expect(await firstIds(cache, 'c')).toEqual(['a', 'b']);
    await deleteEvents(db, { kind: 'before', timestamp: new Date(NOW_MS - 2 * DAY).toISOString() });
    expect(await cache.members('c')).toMatchObject({ cached: false });
    expect(await firstIds(cache, 'c')).toEqual(['b']);
    cache.dispose();
    db.close();
  });

  it('a dependent event recomputes; an unrelated event does not', async () => {
    const { db, cache } = await setup({ c: cohort(didEvent('signed_up')) }, [ev('signed_up', 'a'), ev('$pageview', 'b')]);
    expect(await firstIds(cache, 'c')).toEqual(['a']);
    await ingestEvents(db, [ev('$pageview', 'b'), ev('other', 'c')]);
    expect(await cache.members('c')).toMatchObject({ cached: true });
    expect(cache.computations).toBe(1);
    await ingestEvents(db, [ev('signed_up', 'b')]);
    expect(await cache.members('c')).toMatchObject({ cached: false });
    expect(await firstIds(cache, 'c')).toEqual(['a', 'b']);
    expect(cache.computations).toBe(2);
    cache.dispose();
    db.close();
  });

  it.each<[string, CohortDefinition, CaptureEvent, boolean]>([
    // Each event comes after the setup's (half a day ago, not a day): none is late.
    ['person properties: any event', cohort(has('plan')), ev('$pageview', 'z', 0.5, { $set: { plan: 'pro' } }), false],
    ['a merge: any cohort', cohort(didEvent('signed_up')), ev('$identify', 'user', 0.5, { $anon_distinct_id: 'x' }), false],
    ['a static cohort: an event of a listed id', { is_static: true, distinct_ids: ['listed'] }, ev('$pageview', 'listed', 0.5), false],
    ['a static cohort: an event of another id', { is_static: true, distinct_ids: ['listed'] }, ev('$pageview', 'other', 0.5), true],
    ['an event older than the latest one applied (it may be late): any cohort', cohort(didEvent('signed_up')), ev('$pageview', 'other', 2), false],
  ])('%s', async (_name, definition, event, stillCached) => {
    const { db, cache } = await setup({ c: definition }, [ev('signed_up', 'a')]);
    await cache.members('c');
    await ingestEvents(db, [event]);
    expect((await cache.members('c')).cached).toBe(stillCached);
    cache.dispose();
    db.close();
  });

  it('a time-window cohort changes with now alone; a cohort without windows is kept across nows', async () => {
    const { db, cache } = await setup({ recent: cohort(didEvent('signed_up', 1)), prop: cohort(has('plan')) }, [ev('signed_up', 'a', 0.5, { $set: { plan: 'free' } })]);
    expect(await firstIds(cache, 'recent', NOW_MS)).toEqual(['a']);
    // Trends windows start at an hour or day start: the same UTC hour gives the same members.
    expect((await cache.members('recent', NOW_MS + 59 * 60_000)).cached).toBe(true);
    expect(await firstIds(cache, 'recent', NOW_MS + 3 * DAY)).toEqual([]);
    expect((await cache.members('recent', NOW_MS + 3 * DAY)).cached).toBe(true);
    expect(await firstIds(cache, 'prop', NOW_MS)).toEqual(['a']);
    expect(await cache.members('prop', NOW_MS + 3 * DAY)).toMatchObject({ cached: true, members: [{ distinct_ids: ['a'] }] });
    cache.dispose();
    db.close();
  });

  it('a count window (performed_event_multiple) starts at now minus its length exactly: any other now recomputes', async () => {
    const twice = cohort({ type: 'behavioral', value: 'performed_event_multiple', key: 'x', event_type: 'events', time_value: 1, time_interval: 'day', operator: 'gte', operator_value: 2 });
    const { db, cache } = await setup({ twice }, [ev('x', 'a', 0.5), ev('x', 'a', 0.25)]);
    expect(await firstIds(cache, 'twice', NOW_MS)).toEqual(['a']);
    expect((await cache.members('twice', NOW_MS)).cached).toBe(true);
    // Twelve hours and a millisecond later the older event has left the window.
    expect(await cache.members('twice', NOW_MS + DAY / 2 + 1)).toMatchObject({ cached: false, members: [] });
    cache.dispose();
    db.close();
  });

  it('cohort in cohort: an event the inner cohort counts, and a change of the inner definition, recompute the outer', async () => {
    const { db, cache } = await setup({ inner: cohort(didEvent('x')), outer: inCohort('inner') }, [ev('x', 'a'), ev('y', 'b')]);
    expect(await firstIds(cache, 'outer')).toEqual(['a']);
    await ingestEvents(db, [ev('x', 'b')]);
    expect(await firstIds(cache, 'outer')).toEqual(['a', 'b']);
    await saveCohort(db, { id: 'inner', name: 'inner', definition: cohort(didEvent('y')) });
    expect(await cache.members('outer')).toMatchObject({ cached: false });
    expect(await firstIds(cache, 'outer')).toEqual(['b']);
    cache.dispose();
    db.close();
  });

  it('is this person a member: by any of their distinct ids, from the cache', async () => {
    const { db, cache } = await setup({ c: cohort(didEvent('signed_up')) }, [ev('signed_up', 'anon', 2), ev('$pageview', 'user', 2)]);
    expect(await cache.isMember('c', 'user')).toMatchObject({ member: false, cached: false });
    await ingestEvents(db, [ev('$identify', 'user', 1, { $anon_distinct_id: 'anon' })]);
    expect(await cache.isMember('c', 'user')).toMatchObject({ member: true, cached: false });
    expect(await cache.isMember('c', 'anon')).toMatchObject({ member: true, cached: true });
    expect(await cache.isMember('c', 'nobody')).toMatchObject({ member: false, cached: true });
    cache.dispose();
    db.close();
  });
});

describe('cohort cache: never stale (property test)', () => {
  const now = Date.parse('2026-11-03T00:00:00Z');
  const cohorts: Record<string, CohortDefinition> = {
    signed: cohort({ type: 'behavioral', value: 'performed_event', key: 'signed_up', event_type: 'events', time_value: 7, time_interval: 'day' }),
    pro: cohort({ type: 'person', key: 'plan', operator: 'exact', value: 'pro' }),
    listed: { is_static: true, distinct_ids: ['anon-2', 'user@b.com'] },
    nested: tree(and(or({ type: 'cohort', key: 'id', value: 'signed' }, { type: 'cohort', key: 'id', value: 'listed' }))),
  };
  const inTimeOrder = (events: CaptureEvent[]) => [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
  /** Ingest `batches`, comparing every cohort's cached members with a fresh computation after each; returns the cache hits. */
  async function replay(batches: CaptureEvent[][]): Promise<number> {
    const { db, cache } = await setup(cohorts);
    let hits = 0;
    for (const batch of batches) {
      await ingestEvents(db, batch);
      const fresh = createCohortCache(db);
      for (const id of Object.keys(cohorts)) {
        const answer = await cache.members(id, now);
        if (answer.cached) hits++;
        expect(answer.members).toEqual((await fresh.members(id, now)).members);
      }
      fresh.dispose();
    }
    cache.dispose();
    db.close();
    return hits;
  }
  it.each([1, 2, 3, 4])('seed %i: shuffled batches (late events re-derive persons)', async (seed) => {
    await replay(randomBatches(peopleStream(seed, 120), seed, 3));
  });
  it.each([5, 6])('seed %i: batches in time order; the cache answers some of them', async (seed) => {
    const events = inTimeOrder(peopleStream(seed, 120));
    const batches = Array.from({ length: Math.ceil(events.length / 3) }, (_, i) => events.slice(i * 3, i * 3 + 3));
    expect(await replay(batches)).toBeGreaterThan(0);
  });
});

describe('timeBucket: how long members hold while only now moves', () => {
  const now = NOW_MS + 25 * 60_000 + 7; // 12:25:00.007
  const multiple = cohort({ type: 'behavioral', value: 'performed_event_multiple', key: 'x', event_type: 'events', time_value: 1, time_interval: 'day', operator: 'gte', operator_value: 2 });
  it.each<[string, object[], number]>([
    ['trends windows only: the UTC hour', [cohort(didEvent('x', 7)), cohort({ type: 'behavioral', value: 'stopped_performing_event', key: 'x', event_type: 'events', time_value: 30, time_interval: 'day', seq_time_value: 7, seq_time_interval: 'day' })], NOW_MS],
    ['a count window: exact', [multiple], now],
    ['a relative date filter: exact', [cohort({ type: 'person', key: 'signup', operator: 'is_date_before', value: '-30d' })], now],
    ['legacy groups with an event: exact', [{ groups: [{ event_id: 'x', days: 7 }] }], now],
    ['a count window in a cohort it reaches: exact', [cohort(didEvent('x')), multiple], now],
  ])('%s', (_name, definitions, expected) => {
    expect(timeBucket(definitions, now)).toBe(expected);
  });
});

describe('cohort cache: errors', () => {
  it('an unknown cohort is an error naming it', async () => {
    const { db, cache } = await setup({});
    await expect(cache.members('ghost')).rejects.toThrow('no cohort "ghost"');
    cache.dispose();
    db.close();
  });
});
