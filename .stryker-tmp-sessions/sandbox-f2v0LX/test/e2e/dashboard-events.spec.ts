// @ts-nocheck
import type { Page } from '@playwright/test';
import { parseElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent } from '../../src/events/types';
import { elementLabel } from '../../src/dashboard/events/ElementChain';
import { generateSiteEvents } from '../fixtures/people-data';
import { byQueryOrder } from '../support/query-brute';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './harness';

const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 12, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 6 })];
const newestFirst = (events: CaptureEvent[]) => [...events].sort(byQueryOrder);
const count = (n: number) => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`;

/** The uuids of the rows drawn, in order. */
const drawnKeys = (page: Page) => page.getByTestId('table-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key));

async function openSeeded(page: Page, id: string): Promise<void> {
  await page.goto(`chrome-extension://${id}/dashboard.html#/events`);
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);
  await page.reload();
}

test('events view: total and rows as the data says, filters in the route, reload, detail with the chain, no axe violations', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await openSeeded(page, ext.id);

  // The whole store, newest first.
  const all = newestFirst(EVENTS);
  await expect(page.getByTestId('events-total')).toHaveText(count(EVENTS.length));
  await expect.poll(async () => (await drawnKeys(page)).slice(0, 10)).toEqual(all.slice(0, 10).map((e) => e.uuid));
  await expect(page.getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');

  // Scrolling loads the next keyset pages (100 rows each): row 250 is the 250th event.
  const body = page.locator('.table-body');
  await expect
    .poll(async () => {
      await body.evaluate((el) => (el.scrollTop = 249 * 32));
      return page.locator('[aria-rowindex="251"]').count();
    })
    .toBe(1);
  await expect(page.locator('[aria-rowindex="251"]')).toHaveAttribute('data-key', all[249].uuid);

  // A filter changes the route and the rows.
  const clicks = all.filter((e) => e.event === '$autocapture');
  await page.getByTestId('filter-event').fill('$autocapture');
  await page.getByTestId('filter-event').press('Enter');
  await expect(page).toHaveURL(/#\/events\?event=%24autocapture$/);
  await expect(page.getByTestId('events-total')).toHaveText(count(clicks.length));
  await expect.poll(async () => (await drawnKeys(page)).slice(0, 10)).toEqual(clicks.slice(0, 10).map((e) => e.uuid));

  // A reload keeps it.
  await page.reload();
  await expect(page.getByTestId('event-chip')).toHaveText(['$autocapture×']);
  await expect(page.getByTestId('events-total')).toHaveText(count(clicks.length));
  await expect.poll(async () => (await drawnKeys(page)).slice(0, 10)).toEqual(clicks.slice(0, 10).map((e) => e.uuid));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `events list, ${colorScheme}`);
  }

  // Keyboard: rows are focusable; ArrowDown, then Enter opens the second event’s page.
  const first = page.locator('[aria-rowindex="2"]');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[aria-rowindex="3"]')).toBeFocused();
  await page.keyboard.press('Enter');
  const opened = clicks[1];
  await expect(page).toHaveURL(new RegExp(`#/events/${opened.uuid}\\?event=%24autocapture$`));
  const detail = page.getByTestId('event-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(opened.event);
  const chain = parseElementsChain(String(opened.properties.$elements_chain));
  await expect(detail.getByTestId('chain-element')).toHaveText(chain.reverse().map(elementLabel));
  await expect(detail.getByTestId('event-properties')).toContainText(String(opened.properties.$current_url));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `event detail, ${colorScheme}`);
  }

  // Esc goes back to the list with its filter, the opened row focused again.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/events\?event=%24autocapture$/);
  await expect(page.getByTestId('events-total')).toHaveText(count(clicks.length));
  await expect(page.locator(`[data-key="${opened.uuid}"]`)).toBeFocused();
});

test('events view: the site picker narrows every row to that site and keeps it in the route', async ({ ext }) => {
  const page = await ext.context.newPage();
  await openSeeded(page, ext.id);
  const site = 'app.example.io';
  const ofSite = newestFirst(EVENTS.filter((e) => e.properties.$host === site));
  await page.getByTestId('site-picker').selectOption(site);
  await expect(page).toHaveURL(/#\/events\?site=app\.example\.io$/);
  await expect(page.getByTestId('events-total')).toHaveText(count(ofSite.length));
  await expect.poll(async () => (await drawnKeys(page)).slice(0, 10)).toEqual(ofSite.slice(0, 10).map((e) => e.uuid));
  // The nav keeps the site.
  await expect(page.getByTestId('nav-persons')).toHaveAttribute('href', '#/persons?site=app.example.io');
});

test('an empty store: the events view says how to start capturing, the actions view how to define an action', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html`);
  await expect(page.getByTestId('events-empty')).toContainText('Switch capture on for a site');
  await page.getByTestId('nav-actions').click();
  await expect(page).toHaveURL(/#\/actions$/);
  await expect(page.locator('main')).toContainText('Open the toolbar on a site to define your first action');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `empty actions view, ${colorScheme}`);
  }
});

test('events view: live mode prepends the new events the filter matches, and only those', async ({ ext }) => {
  const page = await ext.context.newPage();
  await openSeeded(page, ext.id);
  const site = 'shop.example.com';
  const ofSite = newestFirst(EVENTS.filter((e) => e.properties.$host === site));
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/events?site=${site}`);
  await expect(page.getByTestId('events-total')).toHaveText(count(ofSite.length));
  await page.getByTestId('filter-live').check();
  await expect(page).toHaveURL(/&live=1$/);

  // New events stored from another extension page: two of this site, one of the other; the last
  // of this site is the marker that everything sent so far has been handled.
  const newest = Date.parse(ofSite[0].timestamp);
  const fresh = (i: number, host: string): CaptureEvent => ({
    ...ofSite[0],
    uuid: `01a20000-0000-7000-8000-00000000000${i}`,
    timestamp: new Date(newest + i * 1000).toISOString(),
    properties: { ...ofSite[0].properties, $host: host },
  });
  const added = [fresh(1, site), fresh(2, 'app.example.io'), fresh(3, site)];
  const other = await ext.context.newPage();
  await other.goto(`chrome-extension://${ext.id}/dashboard.html#/trends`);
  expect(await seedThroughExtensionPage(other, added)).toBe(3);

  await expect.poll(async () => (await drawnKeys(page)).slice(0, 3)).toEqual([added[2].uuid, added[0].uuid, ofSite[0].uuid]);
  await expect(page.getByTestId('events-total')).toHaveText(count(ofSite.length + 2));
  expect(await drawnKeys(page)).not.toContain(added[1].uuid);
});
