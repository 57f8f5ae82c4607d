import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { groupId, queryIndex } from '../../src/preview/index-query';
import { ingestEvents } from '../../src/store/events';
import type { SeriesRow } from '../../src/store/rows';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';

/**
 * queryIndex on small hand-made stores: what it counts, which of the pending uuids it reports,
 * which latest events it keeps, and which reads it makes (the README promises one range per
 * (event, chain) group when the matched series cover at least half of it, and never reading a
 * series older than the latest cut-off: requests, not rows, are the cost).
 */
const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 28, 12, 30); // mid-hour
const uuid = (i: number) => `0190a0a0-0000-7000-8000-${String(i).padStart(12, '0')}`;

function ev(i: number, event: string, minutesAgo: number, properties: Record<string, unknown> = {}): CaptureEvent {
  return {
    uuid: uuid(i),
    event,
    distinct_id: 'p',
    timestamp: new Date(NOW - minutesAgo * MIN).toISOString(),
    properties: { $host: 'shop.test', $current_url: 'https://shop.test/', ...properties },
  };
}

async function store(events: CaptureEvent[]): Promise<{ db: LassoDatabase; series: SeriesRow[] }> {
  const db = await openLassoDB(new IDBFactory());
  await ingestEvents(db, events);
  return { db, series: await db.getAll('series') };
}

/** Record the key ranges queryIndex asks one store for, through `method`. */
function watch(method: 'getAll' | 'getAllKeys' | 'get', storeName: string): unknown[] {
  const seen: unknown[] = [];
  const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => unknown;
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
    if (this.name === storeName) seen.push(args[0]);
    return original.apply(this, args) as never;
  });
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('queryIndex: options left out, phases', () => {
  it('answers without signal, pending or groupTotals, and times its four phases', async () => {
    const { db, series } = await store([ev(1, 'a', 10), ev(2, 'a', 90), ev(3, 'b', 3 * 24 * 60)]);
    const before = performance.now();
    const answer = await queryIndex(db, series, { now: NOW, keep: 50 });
    const elapsed = performance.now() - before;
    expect(answer.tally.windows).toEqual({ '1h': 1, '24h': 2, '7d': 3, '30d': 3, all: 3 });
    expect(answer.counted).toEqual(new Set());
    // Milliseconds per phase: each a duration, together no longer than the whole call.
    expect(Object.keys(answer.phases).sort()).toEqual(['boundary', 'counts', 'events', 'latest']);
    for (const ms of Object.values(answer.phases)) expect(ms).toBeGreaterThanOrEqual(0);
    const sum = Object.values(answer.phases).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(elapsed);
  });
});

describe('queryIndex: pending uuids it already counted', () => {
  // Only a uuid inside the snapshot AND of an exact series was counted by this answer; an event
  // of another series is the scan's (or the live update's) to count, a missing one came later.
  it.each([
    ['stored, in an exact series', 1, true, true],
    ['stored, not in an exact series', 2, false, false],
    ['not stored yet, in an exact series', 99, true, false],
    ['not stored yet, not in an exact series', 98, false, false],
  ])('%s → counted: %s', async (_name, i, exactSeries, counted) => {
    const { db, series } = await store([ev(1, 'a', 10), ev(2, 'b', 20)]);
    const answer = await queryIndex(db, series.filter((s) => s.event === 'a'), { now: NOW, keep: 50, pending: () => [[uuid(i), exactSeries]] });
    expect(answer.counted.has(uuid(i))).toBe(counted);
    expect(answer.counted.size).toBe(counted ? 1 : 0);
  });

  it('judges each pending uuid on its own', async () => {
    const { db, series } = await store([ev(1, 'a', 10), ev(2, 'b', 20), ev(3, 'a', 30)]);
    const pending: [string, boolean][] = [[uuid(1), true], [uuid(2), false], [uuid(4), true], [uuid(3), true]];
    const answer = await queryIndex(db, series.filter((s) => s.event === 'a'), { now: NOW, keep: 50, pending: () => pending });
    expect([...answer.counted].sort()).toEqual([uuid(1), uuid(3)]);
  });
});

describe('queryIndex: latest matches', () => {
  it.each([
    ['keep 0: none, nothing read', 0, []],
    ['keep 1: the newest', 1, [1]],
    ['keep 2', 2, [1, 3]],
    ['keep more than there are', 50, [1, 3, 2]],
  ])('%s', async (_name, keep, want) => {
    const { db, series } = await store([ev(1, 'a', 5), ev(2, 'b', 50), ev(3, 'a', 30)]);
    const reads = watch('getAllKeys', 'refs');
    const answer = await queryIndex(db, series, { now: NOW, keep });
    expect(answer.tally.latest.map((l) => l.uuid)).toEqual(want.map(uuid));
    expect(answer.tally.windows.all).toBe(3); // counts do not depend on keep
    if (!keep) expect(reads).toEqual([]);
  });

  // Equal times: uuid ascending decides which is "newer" (the refs key order), whatever order
  // the series come in.
  it.each([
    ['series a first', ['a', 'b']],
    ['series b first', ['b', 'a']],
  ])('a tie in time across series keeps the smaller uuid (%s)', async (_name, order) => {
    const { db, series } = await store([ev(7, 'b', 10), ev(4, 'a', 10), ev(5, 'b', 20)]);
    const sorted = order.map((e) => series.find((s) => s.event === e)!);
    const answer = await queryIndex(db, sorted, { now: NOW, keep: 1 });
    expect(answer.tally.latest.map((l) => l.uuid)).toEqual([uuid(4)]);
  });

  it('leaves out a ref whose event is gone (deleted after it was indexed), still counting it', async () => {
    const { db, series } = await store([ev(1, 'a', 5), ev(2, 'a', 10), ev(3, 'a', 15)]);
    await db.delete('events', uuid(2));
    const answer = await queryIndex(db, series, { now: NOW, keep: 3 });
    expect(answer.tally.latest.map((l) => l.uuid)).toEqual([uuid(1), uuid(3)]);
    expect(answer.tally.windows.all).toBe(3);
  });

  // 17 series: the first 16 (newest-first) are read at once, then the 17th only if it may still
  // hold one of the newest `keep`.
  const seventeen = (lastMinutesAgo: number, lastUuid: number) => [
    ...Array.from({ length: 16 }, (_, k) => ev(100 + k, `e${String(k).padStart(2, '0')}`, k + 1)),
    ev(lastUuid, 'e16', lastMinutesAgo),
  ];

  it('never reads a series older than the current cut-off', async () => {
    const { db, series } = await store(seventeen(60, 200));
    const reads = watch('getAllKeys', 'refs');
    const answer = await queryIndex(db, series, { now: NOW, keep: 1 });
    expect(answer.tally.latest.map((l) => l.uuid)).toEqual([uuid(100)]);
    const read = reads.map((r) => ((r as IDBKeyRange).lower as unknown[])[0]);
    expect(read).toHaveLength(16);
    expect(read).not.toContain('e16');
  });

  it('reads a later series whose last event is as old as the cut-off: a smaller uuid wins the tie', async () => {
    // The 16 newest series hold one event each, 1…16 min ago; keep 16 puts the cut-off at 16 min.
    // Series e16's event is 16 min ago too (sorted after e15 by the stable sort) with a smaller
    // uuid than e15's (uuid 115), so it replaces that one.
    const { db, series } = await store(seventeen(16, 50));
    const events = watch('get', 'events');
    const answer = await queryIndex(db, series, { now: NOW, keep: 16 });
    const want = [...Array.from({ length: 15 }, (_, k) => uuid(100 + k)), uuid(50)];
    expect(answer.tally.latest.map((l) => l.uuid)).toEqual(want);
    expect(events).toHaveLength(16); // then `keep` events by uuid, no more
  });
});

describe('queryIndex: one range read per (event, chain) group when the matched series cover half of it', () => {
  // One chain, four URLs: series A (3 events), B (1), C (5), D (1); the group holds 10.
  const CHAIN = 'button:text="Buy"nth-child="1"nth-of-type="1"';
  const SIZES = { A: 3, B: 1, C: 5, D: 1 } as const;
  const groupEvents = () => {
    let i = 0;
    return Object.entries(SIZES).flatMap(([name, n]) =>
      Array.from({ length: n }, () => ev(++i, '$autocapture', 10 * i, { $elements_chain: CHAIN, $current_url: `https://shop.test/${name}` })),
    );
  };

  it.each([
    ['A+C: 8 of 10', 'AC', 'group'],
    ['A+B+D: 5 of 10, exactly half', 'ABD', 'group'],
    ['A+B: 4 of 10', 'AB', 'each'],
    ['C alone: 5 of 10, but a single series reads its own range', 'C', 'each'],
    ['A alone', 'A', 'each'],
  ])('%s → %s', async (_name, names, how) => {
    const { db, series } = await store(groupEvents());
    const urlOf = new Map((await db.getAll('urls')).map((u) => [u.id, u.url.slice(-1)]));
    const matched = series.filter((s) => names.includes(urlOf.get(s.url)!));
    // Events per group over all series, matched or not (what selectSeries passes).
    const groupTotals = new Map<string, number>();
    for (const s of series) groupTotals.set(groupId(s), (groupTotals.get(groupId(s)) ?? 0) + s.n);
    const reads = watch('getAll', 'counts');
    const answer = await queryIndex(db, matched, { now: NOW, keep: 50, groupTotals });
    const lowers = reads.map((r) => (r as IDBKeyRange).lower as unknown[]);
    if (how === 'group') expect(lowers).toEqual([['$autocapture', matched[0].chain]]);
    else expect(lowers.map((l) => l.slice(0, 5)).sort()).toEqual(matched.map((s) => [s.event, s.chain, s.url, s.host, s.type]).sort());
    // Either way only the matched series are counted.
    const total = [...names].reduce((n, name) => n + SIZES[name as keyof typeof SIZES], 0);
    expect(answer.tally.windows.all).toBe(total);
  });

  it('without groupTotals reads each series', async () => {
    const { db, series } = await store(groupEvents());
    const reads = watch('getAll', 'counts');
    const answer = await queryIndex(db, series, { now: NOW, keep: 50 });
    expect(reads).toHaveLength(4);
    expect(answer.tally.windows.all).toBe(10);
  });
});
