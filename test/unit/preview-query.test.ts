import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { startPreview, type PreviewQuery, type PreviewResult } from '../../src/preview/preview';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { generateSiteEvents } from '../fixtures/people-data';
import { bruteForcePreview } from '../support/brute-force';

const events = generateEvents({ count: 3000, seed: 42 });
// Mid-hour, and before the newest events: windows start inside an hour and include "future" events.
const NOW = GENERATOR_NOW - 17 * 60_000;

async function seed(db: LassoDatabase, list = events) {
  for (let i = 0; i < list.length; i += 500) await ingestEvents(db, list.slice(i, i + 500));
}

/** Resolve with the first complete answer (and every progress fraction seen before it). */
function preview(db: LassoDatabase, q: Partial<PreviewQuery> & { action: { steps: ActionStep[] } }) {
  const progress: number[] = [];
  const results: PreviewResult[] = [];
  let handle!: ReturnType<typeof startPreview>;
  const complete = new Promise<PreviewResult>((resolve, reject) => {
    handle = startPreview(db, { site: null, now: NOW, tzOffsetMinutes: 0, latest: 50, ...q }, {
      onResult: (r) => {
        results.push(r);
        if (r.complete) resolve(r);
      },
      onProgress: (f) => progress.push(f),
      onError: reject,
    });
  });
  return { complete, progress, results, handle };
}

const comparable = (r: PreviewResult) => ({ windows: r.windows, perDay: r.perDay, latest: r.latest.map((e) => e.uuid) });

const ACTIONS: [string, ActionStep[]][] = [
  ['selector on autocapture', [{ event: '$autocapture', selector: 'button[data-attr="add-to-cart"]' }]],
  ['url contains on pageview', [{ event: '$pageview', url: '/product', url_matching: 'contains' }]],
  ['two steps: text contains, url regex', [{ event: '$autocapture', text: 'Product 1', text_matching: 'contains' }, { event: '$pageview', url: '^https://blog', url_matching: 'regex' }]],
  ['child selector on any event', [{ selector: 'ul.products > li:nth-child(odd) a' }]],
  ['href exact + element filter', [{ href: '/cart', properties: [{ key: 'tag_name', value: 'a', type: 'element' }] }]],
  ['event property filter (fallback scan)', [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }]],
  ['index step OR raw step', [{ event: '$autocapture', selector: '.card button' }, { event: '$pageview', properties: [{ key: '$pathname', value: '/cart' }] }]],
  ['person filter: a property no person has (is_not_set)', [{ event: '$pageleave', properties: [{ key: 'email', operator: 'is_not_set', type: 'person' }] }]],
];

// Persons with properties (the realistic generator: identifies with $set email / plan, merges).
const PEOPLE = [...generateSiteEvents({ seed: 3, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 6 })];
const PEOPLE_NOW = Date.parse('2026-10-07T00:00:00.000Z');
const PERSON_ACTIONS: [string, ActionStep[]][] = [
  ['pageviews of persons on a plan', [{ event: '$pageview', properties: [{ key: 'plan', operator: 'is_set', type: 'person' }] }]],
  ['clicks of persons without an email, or any signup', [{ event: '$autocapture', properties: [{ key: 'email', operator: 'is_not_set', type: 'person' }] }, { event: 'signed_up' }]],
  ['a person property and an event property', [{ event: '$pageview', properties: [{ key: 'email', value: '@', operator: 'icontains', type: 'person' }, { key: '$pathname', value: '/', operator: 'is_not' }] }]],
];

describe('preview equals a brute-force matcher over the same events', { timeout: 30_000 }, () => {
  let db: LassoDatabase;
  // Read-only queries: one seeded database for the whole table.
  beforeAll(async () => {
    db = await openLassoDB(new IDBFactory());
    await seed(db);
  });

  it.each(ACTIONS)('%s', async (_name, steps) => {
    for (const [site, tz] of [[null, 0], ['shop.test', 60], ['blog.test', -300]] as const) {
      const got = await preview(db, { action: { steps }, site, tzOffsetMinutes: tz }).complete;
      const want = bruteForcePreview(events, { steps }, { now: NOW, site, tzOffsetMinutes: tz });
      expect(comparable(got)).toEqual(want);
    }
    const want = bruteForcePreview(events, { steps }, { now: NOW });
    expect(want.windows.all).toBeGreaterThan(0); // the table exercises real matches
  });
});

describe('preview with person filters: each event judged with its person’s current properties', { timeout: 30_000 }, () => {
  let db: LassoDatabase;
  beforeAll(async () => {
    db = await openLassoDB(new IDBFactory());
    for (let i = 0; i < PEOPLE.length; i += 300) await ingestEvents(db, PEOPLE.slice(i, i + 300));
  }, 60_000);

  it.each(PERSON_ACTIONS)('%s', async (_name, steps) => {
    const got = await preview(db, { action: { steps }, now: PEOPLE_NOW }).complete;
    const want = bruteForcePreview(PEOPLE, { steps }, { now: PEOPLE_NOW });
    expect(comparable(got)).toEqual(want);
    // The table exercises real matches (the brute force judges each event with its person).
    expect(want.windows.all).toBeGreaterThan(0);
  });

  it('counts a new event by its person: an identify with $set makes that person’s later pageviews count', async () => {
    const local = await openLassoDB(new IDBFactory());
    const at = (s: number) => new Date(PEOPLE_NOW - 3_600_000 + s * 1000).toISOString();
    const ev = (n: number, s: number, event: string, distinct_id: string, properties: Record<string, unknown> = {}) => ({
      uuid: `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`, event, distinct_id, timestamp: at(s), properties: { $host: 'shop.test', $current_url: 'https://shop.test/', ...properties },
    });
    const steps: ActionStep[] = [{ event: '$pageview', properties: [{ key: 'plan', value: 'pro', type: 'person' }] }];
    await ingestEvents(local, [ev(1, 0, '$pageview', 'anon')]);
    const run = preview(local, { action: { steps }, now: PEOPLE_NOW });
    expect((await run.complete).windows.all).toBe(0);
    await ingestEvents(local, [ev(2, 10, '$identify', 'user', { $anon_distinct_id: 'anon', $set: { plan: 'pro' } })]);
    await ingestEvents(local, [ev(3, 20, '$pageview', 'user')]);
    await expect.poll(() => run.results.at(-1)?.windows.all).toBe(1);
    run.handle.cancel();
    local.close();
  });
});

describe('preview: fallback scan, cancellation, live updates', { timeout: 30_000 }, () => {
  let db: LassoDatabase;
  beforeEach(async () => {
    db = await openLassoDB(new IDBFactory());
  });

  it('scans only candidate series, reporting rising progress up to 1, and says when the index part is partial', async () => {
    await seed(db);
    const steps: ActionStep[] = [{ properties: [{ key: '$os', value: 'Windows' }] }];
    const run = preview(db, { action: { steps } });
    const got = await run.complete;
    expect(run.results[0].complete).toBe(false);
    expect(run.progress.length).toBeGreaterThan(2);
    expect(run.progress).toEqual([...run.progress].sort((a, b) => a - b));
    expect(run.progress.at(-1)).toBe(1);
    expect(got.stats.candidateEvents).toBe(events.length);
    expect(comparable(got)).toEqual(bruteForcePreview(events, { steps }, { now: NOW }));
  });

  it('stops a scan when cancelled: no further progress or result, no error', async () => {
    await seed(db);
    const steps: ActionStep[] = [{ properties: [{ key: '$os', value: 'Windows' }] }];
    let errors = 0;
    const progress: number[] = [];
    const results: PreviewResult[] = [];
    const handle = startPreview(db, { action: { steps }, site: null, now: NOW, tzOffsetMinutes: 0, latest: 50 }, {
      onResult: (r) => results.push(r),
      onProgress: (f) => {
        progress.push(f);
        handle.cancel();
      },
      onError: () => errors++,
    });
    await handle.done;
    expect(progress).toHaveLength(1);
    expect(progress[0]).toBeLessThan(1);
    expect(results.every((r) => !r.complete)).toBe(true);
    expect(errors).toBe(0);
  });

  it('applies newly ingested events to an open preview without rescanning', async () => {
    await seed(db, events.slice(0, 2000));
    const steps: ActionStep[] = [{ event: '$autocapture', selector: '.card button' }, { event: 'signed_up', properties: [{ key: 'plan', value: 'team' }] }];
    const run = preview(db, { action: { steps } });
    expect(comparable(await run.complete)).toEqual(bruteForcePreview(events.slice(0, 2000), { steps }, { now: NOW }));
    const before = run.results.length;
    await seed(db, events.slice(2000));
    expect(run.results.length).toBeGreaterThan(before);
    expect(comparable(run.results.at(-1)!)).toEqual(bruteForcePreview(events, { steps }, { now: NOW }));
    run.handle.cancel();
    await ingestEvents(db, generateEvents({ count: 50, seed: 9 }));
    expect(comparable(run.results.at(-1)!)).toEqual(bruteForcePreview(events, { steps }, { now: NOW }));
  });

  it('live updates with a site: events of other sites (another port of the same host too) change nothing', async () => {
    const site = 'shop.test';
    await seed(db, events.slice(0, 2000));
    const steps: ActionStep[] = [{ event: '$autocapture', selector: '.card button' }, { event: '$pageview' }];
    const run = preview(db, { action: { steps }, site });
    expect(comparable(await run.complete)).toEqual(bruteForcePreview(events.slice(0, 2000), { steps }, { now: NOW, site }));
    await seed(db, events.slice(2000));
    expect(comparable(run.results.at(-1)!)).toEqual(bruteForcePreview(events, { steps }, { now: NOW, site }));
    const emitted = run.results.length;
    // Matching events, but of blog.test:8080 and of shop.test:9999 (same hostname, other port).
    const others = generateEvents({ count: 300, seed: 11 }).map((e) => {
      const host = e.properties.$host === site ? 'shop.test:9999' : e.properties.$host;
      return { ...e, properties: { ...e.properties, $host: host, $current_url: String(e.properties.$current_url).replace(`//${site}/`, `//${host}/`) } };
    });
    expect(bruteForcePreview(others, { steps }, { now: NOW }).windows.all).toBeGreaterThan(0); // they would match without the site
    await ingestEvents(db, others);
    expect(run.results.length).toBe(emitted);
    expect(comparable(run.results.at(-1)!)).toEqual(bruteForcePreview(events, { steps }, { now: NOW, site }));
    run.handle.cancel();
  });

  it('counts each event once when batches commit while the query runs', async () => {
    await seed(db, events.slice(0, 1000));
    const steps: ActionStep[] = [{ event: '$autocapture', selector: '.card button' }, { event: '$pageview', properties: [{ key: '$os', value: 'Mac OS X' }] }];
    const run = preview(db, { action: { steps } });
    const ingesting = seed(db, events.slice(1000)); // not awaited: batches interleave with the query
    await run.complete;
    await ingesting;
    expect(comparable(run.results.at(-1)!)).toEqual(bruteForcePreview(events, { steps }, { now: NOW }));
  });

  it('rejects an invalid draft with the field path', async () => {
    const run = preview(db, { action: { steps: [{ selector: 'a + b' }] } });
    await expect(run.complete).rejects.toMatchObject({ path: 'steps[0].selector' });
  });
});

describe('preview: small stores, one event at a time', () => {
  const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
  const pageview = (n: number, timestamp: string): CaptureEvent => ({
    uuid: `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`, event: '$pageview', distinct_id: 'p', timestamp, properties: { $host: 'shop.test', $current_url: 'https://shop.test/' },
  });
  const steps: ActionStep[] = [{ event: '$pageview' }];

  it('without onError, a query that fails (invalid draft) still settles done', async () => {
    const db = await openLassoDB(new IDBFactory());
    const results: PreviewResult[] = [];
    const handle = startPreview(db, { action: { steps: [{ selector: 'a + b' }] }, site: null, now: NOW, tzOffsetMinutes: 0, latest: 50 }, { onResult: (r) => results.push(r) });
    await expect(handle.done).resolves.toBeUndefined();
    expect(results).toEqual([]);
  });

  it('a live update is complete, and an event with an unparsable timestamp (stored, not indexed) never counts', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [pageview(1, at(5))]);
    const run = preview(db, { action: { steps } });
    expect((await run.complete).windows.all).toBe(1);
    await ingestEvents(db, [pageview(2, 'not a time')]);
    await ingestEvents(db, [pageview(3, at(1))]);
    await expect.poll(() => run.results.at(-1)?.windows.all).toBe(2);
    // One push, for the valid event only.
    expect(run.results.slice(1).map((r) => ({ all: r.windows.all, complete: r.complete, latest: r.latest.map((e) => e.uuid) })))
      .toEqual([{ all: 2, complete: true, latest: [pageview(3, '').uuid, pageview(1, '').uuid] }]);
    run.handle.cancel();
  });

  it('an event committed while the index is read is counted once (the snapshot has it; held, it is skipped)', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [pageview(1, at(5))]);
    const run = preview(db, { action: { steps } });
    await ingestEvents(db, [pageview(2, at(3))]); // its transaction precedes the query's
    const got = await run.complete;
    expect(got.windows.all).toBe(2);
    expect(got.latest.map((e) => e.uuid)).toEqual([pageview(2, '').uuid, pageview(1, '').uuid]);
    run.handle.cancel();
  });
});
