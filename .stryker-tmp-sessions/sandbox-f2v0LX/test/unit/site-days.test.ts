// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/events/uuid';
import { ingestEvents } from '../../src/store/events';
import { localDay, siteDays } from '../../src/store/queries/site-days';
import { openLassoDB } from '../../src/store/schema';
import { withFirst } from '../../src/store/prefix';
import type { SessionRecord } from '../../src/store/sessions';
import { GENERATOR_NOW, generateEvents } from '../fixtures/generate-events';

// Sessions are kept for UUIDv7 session ids only (as PostHog's sessions table): give each generated session one.
const ids = new Map<string, string>();
const events = generateEvents({ count: 3000, seed: 5, days: 20 }).map((e) => {
  const name = String(e.properties.$session_id);
  if (!ids.has(name)) ids.set(name, uuidv7(Date.parse(e.timestamp)));
  return { ...e, properties: { ...e.properties, $session_id: ids.get(name) } };
});
const SITE = String(events[0].properties.$host);

describe("a site's events and sessions per local day", () => {
  it.each([0, 120, -300, 330])('equal a count of the stored events and sessions (zone %i min east of UTC)', async (tz) => {
    const db = await openLassoDB(new IDBFactory());
    for (let i = 0; i < events.length; i += 500) await ingestEvents(db, events.slice(i, i + 500));
    const got = await siteDays(db, SITE, { days: 14, now: GENERATOR_NOW, tzOffsetMinutes: tz });
    const today = localDay(GENERATOR_NOW, tz);
    const index = (ms: number) => localDay(ms, tz) - (today - 13);
    const want = { events: new Array(14).fill(0), sessions: new Array(14).fill(0) };
    // The rollup is hourly: a half-hour zone's events count by the hour they fall in (as trends do).
    const hourMs = (ms: number) => (tz % 60 ? Math.floor(ms / 3_600_000) * 3_600_000 : ms);
    for (const e of events) {
      const i = index(hourMs(Date.parse(e.timestamp)));
      if (e.properties.$host === SITE && i >= 0 && i < 14) want.events[i]++;
    }
    for (const s of (await db.getAll('sessions')) as SessionRecord[]) {
      const i = index(s.start);
      if (s.host === SITE && i >= 0 && i < 14) want.sessions[i]++;
    }
    expect(got.events).toEqual(want.events);
    expect(got.sessions).toEqual(want.sessions);
    expect(got.events.reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(got.sessions.reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(got.total).toBe(await db.countFromIndex('events', 'host_time', withFirst(SITE)));
    expect(got.days).toHaveLength(14);
    expect(got.days[13]).toBe(new Date(today * 86_400_000).toISOString().slice(0, 10));
  });
});
