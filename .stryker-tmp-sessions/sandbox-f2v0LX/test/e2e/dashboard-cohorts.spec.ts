// @ts-nocheck
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { cohortMembers } from '../../src/cohorts';
import { parseCsvRows } from '../../src/cohorts/csv';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { generateSiteEvents } from '../fixtures/people-data';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, test, type Extension } from './harness';

// The dashboard's Cohorts view on a store seeded with the people generator: a cohort built in the
// builder through the UI has the members cohortMembers gives for the seed; a static cohort from a
// CSV names its malformed line; the export parses back to the saved definition.

const events: CaptureEvent[] = [...generateSiteEvents({ seed: 21, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 7 })];
const persons = personsFromEvents(events).persons;

async function seededDashboard(ext: Extension, hash: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html`);
  expect(await seedThroughExtensionPage(page, events)).toBe(events.length);
  await page.goto(`chrome-extension://${ext.id}/dashboard.html${hash}`);
  return page;
}

/** The control named exactly `name` (names share prefixes: "event", "event or action"). */
const field = (page: Page, name: string) => page.getByLabel(name, { exact: true });

async function axeBothSchemes(page: Page, label: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${label}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** What the builder steps below make: (2+ product_added in a year AND not on Mobile) OR came from the newsletter. */
const built = {
  filters: {
    properties: {
      type: 'OR',
      values: [
        {
          type: 'AND',
          values: [
            { type: 'behavioral', value: 'performed_event_multiple', key: 'product_added', event_type: 'events', time_value: 1, time_interval: 'year', operator: 'gte', operator_value: 2 },
            { type: 'person', key: '$initial_device_type', operator: 'exact', value: 'Mobile', negation: true },
          ],
        },
        { type: 'AND', values: [{ type: 'person', key: '$initial_utm_source', operator: 'exact', value: 'newsletter' }] },
      ],
    },
  },
};

test('a cohort built in the builder has the members cohortMembers gives; its export parses back to the same definition', async ({ ext }) => {
  const expected = cohortMembers(built as never, { events, now: new Date().toISOString() }).map((ids) => ids[0]);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(persons.length);
  const page = await seededDashboard(ext, '#/cohorts');
  await expect(page.getByTestId('empty-state')).toContainText('Build a cohort of people who did something, or import one from PostHog');
  await axeBothSchemes(page, 'cohorts, empty');

  await page.getByRole('link', { name: 'New cohort' }).click();
  await expect(page).toHaveURL(/#\/cohorts\/new$/);
  await page.getByTestId('cohort-name').fill('Keen shoppers');
  const c1 = 'Group 1, group 1, condition 1';
  await field(page, `${c1}: kind`).selectOption('performed_event_multiple');
  await field(page, `${c1}: event`).fill('product_added');
  await field(page, `${c1}: count operator`).selectOption('gte');
  await field(page, `${c1}: count`).fill('2');
  await field(page, `${c1}: window length`).fill('1');
  await field(page, `${c1}: window unit`).selectOption('year');
  await field(page, 'Group 1, group 1: add condition').click();
  const c2 = 'Group 1, group 1, condition 2';
  await expect(page.getByTestId('cohort-save')).toBeDisabled(); // the new condition has no property yet
  await expect(page.getByTestId('leaf-errors')).toContainText('values[0].values[1].key: the property key must be a non-empty string');
  await field(page, `${c2}: property`).fill('$initial_device_type');
  await field(page, `${c2}: value`).fill('Mobile');
  await field(page, `${c2}: not`).check();
  await field(page, 'Group 1: add group').click();
  const g2 = 'Group 1, group 2, condition 1';
  await field(page, `${g2}: kind`).selectOption('person');
  await field(page, `${g2}: property`).fill('$initial_utm_source');
  await field(page, `${g2}: value`).fill('newsletter');
  await expect.poll(async () => JSON.parse(await page.getByTestId('cohort-json').inputValue())).toEqual(built);
  await axeBothSchemes(page, 'cohort builder');

  await page.getByTestId('cohort-save').click();
  await expect(page).toHaveURL(/#\/cohorts\/[\w-]+$/);
  await expect(page.getByTestId('cohort-member-count')).toHaveText(String(expected.length));
  await expect(page.getByTestId('cohort-members').locator('a')).toHaveText(expected);
  await expect(page.getByTestId('cohort-members').locator('a').first()).toHaveAttribute('href', `#/persons/${encodeURIComponent(expected[0])}`);
  await axeBothSchemes(page, 'saved cohort with members');

  // The members CSV (one row per distinct id) holds every distinct id of exactly those members.
  const membersIds = cohortMembers(built as never, { events, now: new Date().toISOString() }).flat().sort();
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export members (CSV)' }).click()]);
  const [header, ...records] = parseCsvRows(await readFile(await csvFile.path(), 'utf8')).filter((r) => r.some(Boolean));
  expect(header[0]).toBe('distinct_id');
  expect(records.map((r) => r[0]).sort()).toEqual(membersIds);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as PostHog JSON' }).click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { name: string; filters: unknown; is_static: boolean }[];
  expect(exported).toHaveLength(1);
  expect(exported[0]).toMatchObject({ name: 'Keen shoppers', is_static: false });
  expect({ filters: exported[0].filters }).toEqual(built);

  await page.getByRole('link', { name: 'All cohorts' }).click();
  const row = page.getByTestId('cohort-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText(['Keen shoppers', 'dynamic', String(expected.length), /Open/]);
  await axeBothSchemes(page, 'cohorts list');
});

test('a static cohort from a CSV reports its malformed line before saving, then has the persons it lists', async ({ ext }) => {
  const chosen = persons.filter((p) => p.distinct_ids.length === 1).slice(0, 3).map((p) => p.distinct_ids[0]);
  const page = await seededDashboard(ext, '#/cohorts/new');
  await page.getByTestId('cohort-name').fill('From a CSV');
  await field(page, 'Static (list of distinct ids)').check();
  await page.getByTestId('cohort-ids-file').setInputFiles({ name: 'ids.csv', mimeType: 'text/csv', buffer: Buffer.from(`${chosen[0]}\n${chosen[1]},extra\n${chosen[2]}\n`) });
  await expect(page.getByTestId('csv-problems').locator('li')).toHaveText([`Line 2: 2 values ("${chosen[1]}", "extra"); put one distinct id per line`]);
  await expect(page.getByTestId('cohort-save')).toBeDisabled();
  await axeBothSchemes(page, 'static cohort with a malformed line');

  await page.getByTestId('cohort-ids').fill(chosen.join('\n'));
  await expect(page.getByTestId('csv-problems')).toHaveCount(0);
  await page.getByTestId('cohort-save').click();
  await expect(page).toHaveURL(/#\/cohorts\/[\w-]+$/);
  await expect(page.getByTestId('cohort-member-count')).toHaveText('3');
  await expect(page.getByTestId('cohort-members').locator('a')).toHaveText([...chosen].sort());
});

test('persons ticked in the list (by keyboard) become a static cohort whose members are exactly them; axe-clean list with a selection', async ({ ext }) => {
  const page = await seededDashboard(ext, '#/persons');
  const rows = page.locator('[aria-label="Persons"] .table-row');
  await expect(rows.first()).toBeVisible();
  const boxes = page.getByTestId('person-select');
  const picked: string[] = [];
  for (const i of [0, 2]) {
    const label = (await boxes.nth(i).getAttribute('aria-label'))!;
    picked.push(label.replace(/^Select /, ''));
    await boxes.nth(i).focus();
    await page.keyboard.press('Space');
    await expect(boxes.nth(i)).toBeChecked();
  }
  await expect(page).toHaveURL(/#\/persons$/);
  await expect(page.getByTestId('persons-selection').getByRole('status')).toHaveText('2 persons selected');
  await axeBothSchemes(page, 'persons list with a selection');
  await page.getByTestId('persons-to-cohort').click();
  await expect(page.getByTestId('cohort-ids')).toBeVisible();
  const ids = persons.filter((p) => picked.includes(p.distinct_ids[0])).flatMap((p) => p.distinct_ids);
  expect((await page.getByTestId('cohort-ids').inputValue()).split('\n').sort()).toEqual([...ids].sort());
  await page.getByTestId('cohort-name').fill('Picked in the list');
  await page.getByTestId('cohort-save').click();
  await expect(page).toHaveURL(/#\/cohorts\/[\w-]+$/);
  await expect(page.getByTestId('cohort-member-count')).toHaveText('2');
  await expect(page.getByTestId('cohort-members').locator('a')).toHaveText([...picked].sort());
});

test('import names what is wrong and writes nothing; a good PostHog file is imported', async ({ ext }) => {
  const page = await seededDashboard(ext, '#/cohorts');
  await page.getByText('Import from PostHog').click();
  await page.getByTestId('cohort-import-text').fill(JSON.stringify({ name: 'Bad', filters: { properties: { type: 'AND', values: [{ type: 'person', key: 'x', operator: 'nope', value: 1 }] } } }));
  await page.getByTestId('cohort-import').click();
  await expect(page.getByTestId('cohort-import-result')).toContainText('Nothing imported:');
  await expect(page.getByTestId('cohort-import-result')).toContainText('operator');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('cohort-import-text').fill(JSON.stringify({ id: 7, name: 'Newsletter', filters: { properties: built.filters.properties.values[1] } }));
  await page.getByTestId('cohort-import').click();
  await expect(page.getByTestId('cohort-import-result')).toHaveText('Imported 1 cohort: Newsletter.');
  await expect(page.getByTestId('cohort-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete Newsletter' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});
