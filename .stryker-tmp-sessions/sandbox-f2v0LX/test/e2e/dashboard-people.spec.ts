// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import { generateSiteEvents } from '../fixtures/people-data';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, test, type Extension } from './harness';

// The dashboard's Persons and Sessions views on a store seeded with the people generator: what
// they show equals the pure definitions (personsFromEvents, sessionsFromEvents) for the seed.

const events: CaptureEvent[] = [...generateSiteEvents({ seed: 21, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 7 })];
const defined = personsFromEvents(events);
const sessions = sessionsFromEvents(events);

async function seededDashboard(ext: Extension, hash: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html`);
  expect(await seedThroughExtensionPage(page, events)).toBe(events.length);
  await page.goto(`chrome-extension://${ext.id}/dashboard.html${hash}`);
  return page;
}

async function axeBothSchemes(page: Page, label: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${label}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('persons: a search goes into the route and survives reload; the profile shows the distinct ids and properties personsFromEvents gives', async ({ ext }) => {
  const person = defined.persons.find((p) => p.distinct_ids.length > 1 && Object.keys(p.properties).length > 0)!;
  const last = person.distinct_ids.at(-1)!;
  const page = await seededDashboard(ext, '#/persons');
  const rows = page.locator('[aria-label="Persons"] .table-row');
  await expect(rows).toHaveCount(defined.persons.length);
  await axeBothSchemes(page, 'persons list');

  await page.getByTestId('persons-search').fill(last);
  await expect(page).toHaveURL(new RegExp(`#/persons\\?q=${encodeURIComponent(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('persons-search')).toHaveValue(last);
  await expect(rows).toHaveCount(1);

  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/persons/${encodeURIComponent(person.distinct_ids[0]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByTestId('person-ids').locator('li')).toHaveText(person.distinct_ids);
  const facts = page.getByTestId('person-properties').locator('.fact');
  await expect(facts).toHaveCount(Object.keys(person.properties).length);
  const shown = await facts.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.key, e.querySelector('dd')!.textContent]));
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(Object.entries(person.properties).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
  await expect(page.getByTestId('person-event-count')).toHaveText(String(events.filter((e) => person.distinct_ids.includes(e.distinct_id)).length));
  await expect(page.getByTestId('person-cohorts')).toBeVisible();
  await axeBothSchemes(page, 'person profile');
});

test('sessions: a channel filter goes into the route and survives reload; a session page shows the duration and channel sessionsFromEvents gives', async ({ ext }) => {
  const session = [...sessions].sort((a, b) => Number(b.$pageview_count) - Number(a.$pageview_count))[0];
  const channel = String(session.$channel_type);
  const page = await seededDashboard(ext, '#/sessions');
  const rows = page.locator('[aria-label="Sessions"] .table-row');
  await expect(rows).toHaveCount(Math.min(50, sessions.length));
  await axeBothSchemes(page, 'sessions list');

  await page.getByTestId('sessions-channel').selectOption(channel);
  await expect(page).toHaveURL(new RegExp(`#/sessions\\?channel=${channel.replace(/ /g, '\\+')}$`));
  const expected = sessions.filter((s) => s.$channel_type === channel);
  await expect(rows).toHaveCount(Math.min(50, expected.length));
  await page.reload();
  await expect(page.getByTestId('sessions-channel')).toHaveValue(channel);
  await expect(rows).toHaveCount(Math.min(50, expected.length));
  await expect(rows.locator('[role="cell"]:nth-child(6)')).toHaveText(Array(Math.min(50, expected.length)).fill(channel));

  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/sessions/${session.$session_id}`);
  const fact = (key: string) => page.getByTestId('session-facts').locator(`[data-key="${key}"]`);
  await expect(fact('$session_duration')).toHaveAttribute('data-value', String(session.$session_duration));
  await expect(fact('$channel_type')).toHaveAttribute('data-value', channel);
  const own = events.filter((e) => e.properties.$session_id === session.$session_id);
  await expect(page.getByTestId('session-timeline').locator('li')).toHaveCount(own.length);
  await axeBothSchemes(page, 'session page');
});
