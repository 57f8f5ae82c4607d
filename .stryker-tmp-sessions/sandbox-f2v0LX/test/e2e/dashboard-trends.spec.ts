// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { generateSiteEvents } from '../fixtures/people-data';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './harness';

// The dashboard's Trends view on a store seeded with the people generator: the table's numbers
// equal counts worked out here from the seeded events (days in the browser's time zone).

const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 12, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 6 })];
const DAYS = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06'];
const count = (n: number) => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`;
const tally = <K,>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());

/** The day (YYYY-MM-DD) of an event in `timeZone`. */
const dayIn = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (e: CaptureEvent) => format.format(new Date(e.timestamp));
};

/** The table as text: header, then one row per bucket, then totals. */
const tableText = (page: Page) => page.getByTestId('trend-table').locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));

test('trends: daily counts and a breakdown as the data says, a count opens its events, the route survives reload, no axe violations', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/trends`);
  await expect(page.getByTestId('trend-pick')).toContainText('Pick an event or an action to chart');
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);

  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const day = dayIn(timeZone);
  const site = [...tally(EVENTS.map((e) => String(e.properties.$host)))].sort((a, b) => b[1] - a[1])[0][0];
  const pageviews = EVENTS.filter((e) => e.event === '$pageview' && e.properties.$host === site && DAYS.includes(day(e)));
  const perDay = tally(pageviews.map(day));
  const expected = DAYS.map((d) => [d, (perDay.get(d) ?? 0).toLocaleString('en')]);

  const hash = `#/trends?site=${encodeURIComponent(site)}&series=%24pageview&from=${DAYS[0]}&to=${DAYS.at(-1)}`;
  await page.goto(`chrome-extension://${ext.id}/dashboard.html${hash}`);
  await expect.poll(() => tableText(page)).toEqual([['Bucket', '$pageview'], ...expected, ['Total', pageviews.length.toLocaleString('en')]]);
  await expect(page.locator('.trend-chart canvas').first()).toBeVisible();

  // The route survives a reload.
  await page.reload();
  await expect.poll(() => tableText(page)).toEqual([['Bucket', '$pageview'], ...expected, ['Total', pageviews.length.toLocaleString('en')]]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `trends, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A count opens the Events view on that day's events: the same number.
  const [busiest, busiestCount] = [...perDay].sort((a, b) => b[1] - a[1])[0];
  await page.locator(`[data-bucket="${busiest}"] td[data-line="0"] a`).press('Enter');
  await expect(page).toHaveURL(/#\/events\?/);
  await expect(page.getByTestId('events-total')).toHaveText(count(busiestCount));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${hash.replace(/[?$]/g, '\\$&')}$`));

  // A breakdown by browser: the top values and their totals, as the data has them.
  const byBrowser = [...tally(pageviews.map((e) => (e.properties.$browser == null || e.properties.$browser === '' ? '(none)' : String(e.properties.$browser))))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = byBrowser.slice(0, 10);
  expect(top.length).toBeGreaterThan(1); // the seed has several browsers: the breakdown is not one "(none)" line
  const rest = byBrowser.slice(10).reduce((n, [, c]) => n + c, 0);
  await page.goto(`chrome-extension://${ext.id}/dashboard.html${hash}&breakdown=%24browser`);
  const header = ['Bucket', ...top.map(([v]) => v), ...(rest ? ['Other'] : [])];
  const totals = ['Total', ...top.map(([, c]) => c.toLocaleString('en')), ...(rest ? [rest.toLocaleString('en')] : [])];
  await expect.poll(async () => {
    const rows = await tableText(page);
    return [rows[0], rows.at(-1)];
  }).toEqual([header, totals]);

  // A breakdown value's count opens its events, narrowed to that value.
  const [value, firstDay] = [top[0][0], DAYS.find((d) => pageviews.some((e) => day(e) === d && String(e.properties.$browser) === top[0][0]))!];
  const n = pageviews.filter((e) => day(e) === firstDay && String(e.properties.$browser) === value).length;
  await page.locator(`[data-bucket="${firstDay}"] td[data-line="0"] a`).click();
  await expect(page).toHaveURL(/#\/events\?.*prop=/);
  await expect(page.getByTestId('events-total')).toHaveText(count(n));
});

test('trends: a saved action per day as the data says; a click on the chart opens the events of the bucket under it', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/trends`);
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);
  const day = dayIn(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
  const site = [...tally(EVENTS.map((e) => String(e.properties.$host)))].sort((a, b) => b[1] - a[1])[0][0];
  const ofSite = EVENTS.filter((e) => e.properties.$host === site && DAYS.includes(day(e)));
  // An action: pageviews of the site's most visited path other than the home page.
  const path = [...tally(ofSite.filter((e) => e.event === '$pageview').map((e) => String(e.properties.$pathname)))].filter(([p]) => p !== '/').sort((a, b) => b[1] - a[1])[0][0];
  const matched = ofSite.filter((e) => e.event === '$pageview' && String(e.properties.$current_url).includes(path));
  const saved = await page.evaluate(
    async (action) => (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res: { id: string; name: string } }> } } }).chrome.runtime.sendMessage({ id: 1, type: 'actions.save', data: { action }, timestamp: Date.now() })).res,
    { site, name: `Viewed ${path}`, steps: [{ event: '$pageview', url: path, url_matching: 'contains' }] },
  );
  const perDay = tally(matched.map(day));

  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/trends?site=${encodeURIComponent(site)}&series=action%3A${saved.id}&from=${DAYS[0]}&to=${DAYS.at(-1)}`);
  await expect.poll(() => tableText(page)).toEqual([['Bucket', saved.name], ...DAYS.map((d) => [d, (perDay.get(d) ?? 0).toLocaleString('en')]), ['Total', matched.length.toLocaleString('en')]]);
  await expect(page.getByTestId('trend-series')).toHaveText([`${saved.name}×`]);

  // A click in the middle of the plot: the Events view on the action over the bucket under the pointer.
  const over = page.locator('.trend-chart .u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`#/events\\?.*action=${saved.id}`));
  const from = new URLSearchParams(page.url().split('?')[1]).get('from')!;
  const bucket = day({ timestamp: from } as CaptureEvent);
  expect(DAYS).toContain(bucket);
  await expect(page.getByTestId('events-total')).toHaveText(count(perDay.get(bucket) ?? 0));
});
