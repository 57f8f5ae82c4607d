// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { cohortMembers } from '../../src/cohorts';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import { generateSiteEvents } from '../fixtures/people-data';
import { launchFirefox, openExtensionPage, type Firefox } from './support';

// Issue 12: the Persons, Sessions, Cohorts, Actions and Trends views open on the Firefox build and
// show what the pure definitions give for a store seeded with the people generator.

const HOUR = 3_600_000;
// Three days ending a day ago: inside the Actions view's 14-day window whenever the test runs.
const START = new Date(Math.floor(Date.now() / HOUR) * HOUR - 4 * 24 * HOUR).toISOString();
const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 21, persons: 30, start: START, days: 3 })];
const SHOP = String(EVENTS.find((e) => e.event === 'product_added')!.properties.$host);
const COHORT = { name: 'Newsletter readers', filters: { properties: { type: 'AND', values: [{ type: 'person', key: '$initial_utm_source', operator: 'exact', value: 'newsletter' }] } } };

type Reply = { res?: unknown; err?: { message: string } };

/** One protocol message from the extension page (@webext-core/messaging's envelope); its `res`. */
function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    async (type, data) => {
      const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Reply> } } };
      const reply = await browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
      return reply.res;
    },
    type,
    data,
  ) as Promise<T>;
}

/** Go to a dashboard route (a hash change: the router re-renders without a reload). */
const go = (page: Page, hash: string) => page.evaluate((h) => void (location.hash = h), hash);

/** The text of every element matching `selector`. */
const texts = (page: Page, selector: string) => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent ?? ''), selector);

/** Poll `read` (every 100 ms, up to 15 s) until it gives `want` (compared as JSON); the error names the last value read. */
async function shows<T>(read: () => Promise<T>, want: T, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last: T | undefined;
  while (JSON.stringify((last = await read().catch(() => undefined))) !== JSON.stringify(want)) {
    if (Date.now() > deadline) throw new Error(`${what}: wanted ${JSON.stringify(want)}, last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let ff: Firefox;
let page: Page;
test.beforeAll(async () => {
  ff = await launchFirefox();
  page = await openExtensionPage(ff, 'dashboard.html#/events', '.dashboard');
  let stored = 0;
  for (let i = 0; i < EVENTS.length; i += 500) stored += (await send<{ stored: number }>(page, 'store.import', { events: EVENTS.slice(i, i + 500) })).stored;
  expect(stored).toBe(EVENTS.length);
});
test.afterAll(async () => {
  await ff?.close();
});

test('Firefox: a person profile lists the distinct ids personsFromEvents gives', async () => {
  const person = personsFromEvents(EVENTS).persons.find((p) => p.distinct_ids.length > 1)!;
  await go(page, `#/persons/${encodeURIComponent(person.distinct_ids[0])}`);
  await shows(() => texts(page, '[data-testid="person-ids"] li'), person.distinct_ids, 'person ids');
  const own = EVENTS.filter((e) => person.distinct_ids.includes(e.distinct_id)).length;
  await shows(() => texts(page, '[data-testid="person-event-count"]'), [own.toLocaleString('en')], 'person event count');
});

test('Firefox: the sessions list has a row per session; a session page shows its duration and channel', async () => {
  const sessions = sessionsFromEvents(EVENTS);
  await go(page, '#/sessions');
  await shows(() => page.evaluate(() => document.querySelectorAll('[aria-label="Sessions"] .table-row').length), Math.min(50, sessions.length), 'session rows');
  const session = sessions[0];
  await go(page, `#/sessions/${encodeURIComponent(String(session.$session_id))}`);
  const fact = (key: string) => page.evaluate((k) => document.querySelector(`[data-testid="session-facts"] [data-key="${k}"]`)?.getAttribute('data-value') ?? null, key);
  await shows(() => fact('$session_duration'), String(session.$session_duration), 'session duration');
  await shows(() => fact('$channel_type'), String(session.$channel_type), 'session channel');
});

test('Firefox: an imported cohort shows the member count cohortMembers gives', async () => {
  const expected = cohortMembers(COHORT as never, { events: EVENTS, now: new Date().toISOString() }).length;
  expect(expected).toBeGreaterThan(0);
  const { saved } = await send<{ saved: { id: string }[] }>(page, 'cohorts.import', { text: JSON.stringify(COHORT) });
  await go(page, `#/cohorts/${encodeURIComponent(saved[0].id)}`);
  await shows(() => texts(page, '[data-testid="cohort-member-count"]'), [expected.toLocaleString('en')], 'cohort member count');
});

test('Firefox: a saved action shows its count of matching events', async () => {
  const action = await send<{ id: string }>(page, 'actions.save', { action: { site: SHOP, name: 'Added to cart', steps: [{ event: 'product_added' }] } });
  const expected = EVENTS.filter((e) => e.event === 'product_added' && e.properties.$host === SHOP).length;
  expect(expected).toBeGreaterThan(0);
  await go(page, '#/actions');
  await shows(() => texts(page, `[data-id="${action.id}"] [data-testid="action-count"]`), [expected.toLocaleString('en')], 'action count');
});

test('Firefox: a trend of pageviews totals the site’s pageviews', async () => {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = EVENTS.map((e) => format.format(new Date(e.timestamp))).sort();
  const pageviews = EVENTS.filter((e) => e.event === '$pageview' && e.properties.$host === SHOP).length;
  await go(page, `#/trends?site=${encodeURIComponent(SHOP)}&series=%24pageview&from=${days[0]}&to=${days.at(-1)}`);
  const total = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="trend-table"] tr')].at(-1)?.lastElementChild?.textContent ?? null);
  await shows(total, pageviews.toLocaleString('en'), 'trend total');
});
