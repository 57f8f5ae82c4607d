// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sessionsFromEvents } from '../../src/sessions';
import { ingestEvents } from '../../src/store/events';
import { DB_VERSION, openLassoDB } from '../../src/store/schema';
import { getSession, listSessions, sessionsOf, type SessionRow } from '../../src/store/sessions';
import { peopleStream, randomBatches } from '../support/people-stream';
import { v1DatabaseWith } from '../support/old-schema';

/** The store's rows without its own field, newest first as the definition sorts oldest first. */
const asDefined = (rows: SessionRow[]) => rows.map(({ host: _, ...row }) => row).reverse();

describe('sessions in the store equal sessionsFromEvents (property test)', { timeout: 60_000 }, () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: random batches in random order, resends included', async (seed) => {
    const events = peopleStream(seed, 300);
    const db = await openLassoDB(new IDBFactory());
    for (const batch of randomBatches(events, seed * 7)) await ingestEvents(db, batch);
    // A resend of some events changes nothing.
    await ingestEvents(db, events.slice(0, 50));
    const { rows } = await listSessions(db, { limit: 1000 });
    expect(asDefined(rows)).toEqual(sessionsFromEvents(events));
    db.close();
  });
});

describe('session queries', { timeout: 60_000 }, () => {
  const events = peopleStream(11, 400);

  it('pages newest first without gaps or repeats, per site too', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events);
    const all = (await listSessions(db, { limit: 1000 })).rows;
    const paged: SessionRow[] = [];
    let before: { start: number; id: string } | undefined;
    for (;;) {
      const page = await listSessions(db, { limit: 2, before });
      paged.push(...page.rows);
      if (!page.next) break;
      before = page.next;
    }
    expect(paged.map((r) => r.$session_id)).toEqual(all.map((r) => r.$session_id));
    const starts = all.map((r) => Date.parse(r.$start_timestamp as string));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const host of new Set(all.map((r) => r.host))) {
      const site = (await listSessions(db, { host, limit: 1000 })).rows;
      expect(site.map((r) => r.$session_id)).toEqual(all.filter((r) => r.host === host).map((r) => r.$session_id));
    }
    db.close();
  });

  it('finds one session by id (any case) and a person’s sessions by any of their distinct ids', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events);
    const [first] = (await listSessions(db, { limit: 1 })).rows;
    expect(await getSession(db, (first.$session_id as string).toUpperCase())).toEqual(first);
    const expected = sessionsFromEvents(events.filter((e) => ['user@a.com', 'anon-1'].includes(e.distinct_id))).map((r) => r.$session_id);
    const found = (await sessionsOf(db, ['user@a.com', 'anon-1'])).map((r) => r.$session_id);
    expect(new Set(found)).toEqual(new Set(expected));
    db.close();
  });
});

describe('schema v5', { timeout: 60_000 }, () => {
  it('builds the sessions of the events an older database holds (v1, the oldest, upgraded to v5)', async () => {
    const events = peopleStream(21, 200);
    const factory = new IDBFactory();
    await v1DatabaseWith(factory, events);
    const db = await openLassoDB(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(asDefined((await listSessions(db, { limit: 1000 })).rows)).toEqual(sessionsFromEvents(events));
    db.close();
  });
});
