// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { peopleStream } from '../support/people-stream';
import { bruteEvents } from '../support/query-brute';
import { seedThroughExtensionPage } from '../support/seed';
import { expect, test } from './harness';

const DAY = 86_400_000;

/** One protocol message from an extension page: the answer, or the error's message. */
async function ask(page: Page, type: string, data: unknown): Promise<{ res?: Record<string, unknown>; err?: { message: string } }> {
  return page.evaluate(
    ([t, d]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: Record<string, unknown>; err?: { message: string } }> } } }).chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }),
    [type, data] as const,
  );
}

test('dashboard queries answer through messaging with real IndexedDB', async ({ ext }) => {
  const events: CaptureEvent[] = [...generateEvents({ count: 400, seed: 12, days: 7 }), ...peopleStream(3, 150)];
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  expect(await seedThroughExtensionPage(page, events)).toBe(events.length);

  const filter = { site: 'shop.test', events: ['$pageview', '$autocapture'], from: GENERATOR_NOW - 3 * DAY };
  const first = await ask(page, 'query.events', { filter, limit: 20 });
  const expected = bruteEvents(events, filter);
  expect((first.res!.rows as CaptureEvent[]).map((e) => e.uuid)).toEqual(expected.slice(0, 20).map((e) => e.uuid));
  // Site + names: judged per event, so the total is bounded (at least / at most), not exact.
  const bounds = first.res!.total as { atLeast: number; atMost: number };
  expect(bounds.atLeast).toBeLessThanOrEqual(expected.length);
  expect(bounds.atMost).toBeGreaterThanOrEqual(expected.length);
  const second = await ask(page, 'query.events', { filter, limit: 20, cursor: first.res!.next });
  expect((second.res!.rows as CaptureEvent[]).map((e) => e.uuid)).toEqual(expected.slice(20, 40).map((e) => e.uuid));

  // Names + time range alone: the event_time index decides them, so the total is an exact count.
  const named = { events: filter.events, from: filter.from };
  expect((await ask(page, 'query.events', { filter: named, limit: 5 })).res!.total).toEqual({ exact: bruteEvents(events, named).length });

  const trends = await ask(page, 'query.trends', { series: [{ name: 'pv', event: '$pageview' }], from: GENERATOR_NOW - 7 * DAY, to: GENERATOR_NOW + 1, interval: 'day', timeZone: 'Europe/Berlin' });
  const sum = (trends.res!.lines as { counts: number[] }[])[0].counts.reduce((a, b) => a + b, 0);
  expect(sum).toBe(events.filter((e) => e.event === '$pageview' && Date.parse(e.timestamp) >= Math.floor((GENERATOR_NOW - 7 * DAY) / 3_600_000) * 3_600_000).length);

  const profile = await ask(page, 'query.person', { distinctId: 'anon-1' });
  const ids = profile.res!.distinctIds as string[];
  expect(ids).toContain('anon-1');
  expect(profile.res!.eventCount).toBe(events.filter((e) => ids.includes(e.distinct_id)).length);

  const sessions = await ask(page, 'query.sessions', { filter: { site: 'shop.test' }, limit: 5 });
  const rows = sessions.res!.rows as { $session_id: string }[];
  expect(rows.length).toBeGreaterThan(0);
  const one = await ask(page, 'query.session', { id: rows[0].$session_id });
  expect((one.res!.session as { $session_id: string }).$session_id).toBe(rows[0].$session_id);
  expect((one.res!.rows as CaptureEvent[]).length).toBeGreaterThan(0);

  const persons = await ask(page, 'query.persons', { idPrefix: 'user' });
  expect((persons.res!.rows as { distinct_ids: string[] }[]).every((p) => p.distinct_ids.some((id) => id.startsWith('user')))).toBe(true);

  const bad = await ask(page, 'query.trends', { series: [{ name: 'pv', event: '$pageview' }], from: 0, to: DAY, interval: 'month' });
  expect(bad.err?.message).toMatch(/^interval: expected "hour", "day" or "week"/);
  const badAction = await ask(page, 'query.events', { filter: { actionId: 'no-such-action' } });
  expect(badAction.err?.message).toMatch(/^filter\.actionId: no action "no-such-action"/);
});
