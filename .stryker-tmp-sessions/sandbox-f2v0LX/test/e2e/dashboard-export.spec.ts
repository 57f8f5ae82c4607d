// @ts-nocheck
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { parseCsvRows } from '../../src/cohorts/csv';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { generateSiteEvents } from '../fixtures/people-data';
import { byQueryOrder } from '../support/query-brute';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './harness';

const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 21, persons: 50, start: '2026-10-01T00:00:00.000Z', days: 6 })];
const CLICKS = EVENTS.filter((e) => e.event === '$autocapture').sort(byQueryOrder);
const count = (n: number) => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`;

/** Click Download in the export panel and return the downloaded file's text. */
async function download(page: Page): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-start').click()]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

test("events export: the filter's events as JSONL and CSV through the UI, parsed back; axe-clean panel", async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/events?event=%24autocapture`);
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);
  await page.reload();
  await expect(page.getByTestId('events-total')).toHaveText(count(CLICKS.length));
  expect(CLICKS.length).toBeGreaterThan(500); // more than one export page

  // The panel opens by keyboard and is labelled.
  await page.getByTestId('events-export-open').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Export events' });
  await expect(panel).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `export panel, ${colorScheme}`, '[data-testid="events-export"]');
  }

  // JSONL: exactly the filter's events, newest first, each as stored.
  const jsonl = await download(page);
  expect(jsonl.file.suggestedFilename()).toMatch(/^lasso-events-all-sites-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = jsonl.text.split('\n');
  expect(lines.pop()).toBe('');
  const exported = lines.map((l) => JSON.parse(l) as CaptureEvent);
  expect(exported.map((e) => e.uuid)).toEqual(CLICKS.map((e) => e.uuid));
  expect(exported).toEqual(CLICKS);
  await expect(panel.getByRole('status')).toHaveText(`Downloaded ${CLICKS.length.toLocaleString('en')} of ${CLICKS.length.toLocaleString('en')} events.`);

  // CSV with chosen columns: uuid added, timestamp removed.
  await panel.getByRole('radio', { name: /CSV/ }).check();
  await panel.getByRole('checkbox', { name: 'uuid', exact: true }).check();
  await panel.getByRole('checkbox', { name: 'timestamp', exact: true }).uncheck();
  await expect(panel.getByTestId('export-columns')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `export panel (CSV), ${colorScheme}`, '[data-testid="events-export"]');
  }
  const csv = await download(page);
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parseCsvRows(csv.text).filter((r) => r.length);
  const columns = ['uuid', 'event', 'distinct_id', 'properties.$current_url'];
  expect(rows[0]).toEqual(columns);
  expect(rows.slice(1)).toEqual(CLICKS.map((e) => [e.uuid, e.event, e.distinct_id, String(e.properties.$current_url ?? '')]));

  // Escape closes the panel and gives the focus back to its button.
  await panel.getByRole('radio', { name: /CSV/ }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('events-export-open')).toBeFocused();
});

test('persons export: every person as CSV with a chosen property, as personsFromEvents defines them', async ({ ext }) => {
  test.setTimeout(120_000);
  const { persons } = personsFromEvents(EVENTS);
  const key = persons.flatMap((p) => Object.keys(p.properties)).sort()[0];
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/persons`);
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);
  await page.reload();
  await expect(page.locator('[aria-label="Persons"] .table-row').first()).toBeVisible();

  await page.getByTestId('persons-export-open').click();
  const panel = page.getByRole('region', { name: 'Export persons' });
  await panel.getByRole('checkbox', { name: key, exact: true }).check();
  await expectNoAxeViolations(page, 'persons export panel', '[data-testid="persons-export"]');
  const { text } = await download(page);
  const rows = parseCsvRows(text).filter((r) => r.length);
  expect(rows[0]).toEqual(['distinct_ids', 'first_seen', 'last_seen', 'event_count', `properties.${key}`]);
  const cell = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const expected = persons.map((p) => [p.distinct_ids.join(';'), String(EVENTS.filter((e) => p.distinct_ids.includes(e.distinct_id)).length), cell(p.properties[key])]);
  const got = rows.slice(1).map((r) => [r[0], r[3], r[4]]);
  const byIds = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  expect(got.sort(byIds)).toEqual(expected.sort(byIds));
});
