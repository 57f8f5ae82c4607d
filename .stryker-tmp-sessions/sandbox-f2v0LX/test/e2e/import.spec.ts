// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { generateEvents } from '../fixtures/generate-events';
import { expectNoAxeViolations } from './axe';
import { expect, storedEvents, test } from './harness';

/** Import one file through the import page; the report's three counts. */
async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('File').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('import-report');
  // The heading names the file: a previous import's report never passes for this one's.
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(`Import finished: ${name}`);
  const n = async (id: string) => Number(await report.getByTestId(id).textContent());
  return { imported: await n('imported'), duplicates: await n('duplicates'), rejected: await n('rejected'), text: (await report.textContent()) ?? '' };
}

const jsonl = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const uuids = (events: CaptureEvent[]) => events.map((e) => e.uuid).sort();

/** PostHog's CSV export shape: dotted property columns, ISO timestamps with an offset. */
function posthogCsv(events: CaptureEvent[]): string {
  const quote = (v: unknown) => (v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const keys = ['$current_url', '$host', '$pathname', '$session_id', '$elements_chain', '$event_type'];
  const header = ['uuid', 'event', 'distinct_id', 'timestamp', ...keys.map((k) => `properties.${k}`), 'person'].join(',');
  return [header, ...events.map((e) => [e.uuid, e.event, e.distinct_id, e.timestamp.replace('Z', '+00:00'), ...keys.map((k) => e.properties[k]), ''].map(quote).join(','))].join('\r\n') + '\r\n';
}

test('import page: a good JSONL file, a malformed file and a file with duplicates; the store holds exactly what the reports say', async ({ ext }) => {
  test.setTimeout(120_000);
  const events = generateEvents({ count: 1_200, seed: 99 });
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/import.html`);
  await expect(page.getByText('Choose a file to import')).toBeVisible();

  // 1. A good JSONL file (more than one batch).
  const good = events.slice(0, 1_000);
  expect(await importFile(page, 'events.jsonl', jsonl(good))).toMatchObject({ imported: 1_000, duplicates: 0, rejected: 0 });
  expect(uuids(await storedEvents(ext))).toEqual(uuids(good));

  // 2. A malformed JSON array: a broken element and an invalid event among good ones.
  const fresh = events.slice(1_000, 1_100);
  const elements = fresh.map((e) => JSON.stringify(e));
  elements.splice(10, 0, '{"uuid": broken}');
  elements.splice(20, 0, JSON.stringify({ ...fresh[0], uuid: 'no' }));
  const malformed = await importFile(page, 'events.json', `[\n${elements.join(',\n')}\n]\n`);
  expect(malformed).toMatchObject({ imported: 100, duplicates: 0, rejected: 2 });
  expect(malformed.text).toContain('line 12: not valid JSON');
  expect(malformed.text).toContain('line 22: uuid: not a UUID');
  expect(uuids(await storedEvents(ext))).toEqual(uuids(events.slice(0, 1_100)));
  // The page with a report and its rejections: no axe violations in light and dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `import page, ${colorScheme}`);
  }

  // 3. PostHog's CSV export with 50 events already stored and 100 new ones.
  const csvEvents = [...events.slice(50, 100), ...events.slice(1_100)];
  const csv = await importFile(page, 'export.csv', posthogCsv(csvEvents));
  expect(csv).toMatchObject({ imported: 100, duplicates: 50, rejected: 0 });
  const stored = await storedEvents(ext);
  expect(uuids(stored)).toEqual(uuids(events));
  // The CSV's events arrive as PostHog's export has them: the properties it carries, as text.
  const fromCsv = stored.find((e) => e.uuid === events[1_150].uuid)!;
  expect(fromCsv).toMatchObject({ event: events[1_150].event, distinct_id: events[1_150].distinct_id, properties: { $current_url: events[1_150].properties.$current_url } });
  expect(Date.parse(fromCsv.timestamp)).toBe(Date.parse(events[1_150].timestamp));
});
