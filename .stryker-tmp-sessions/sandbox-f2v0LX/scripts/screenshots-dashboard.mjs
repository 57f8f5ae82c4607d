// @ts-nocheck
// The dashboard's views for the README (issue 12), light and dark, on a store seeded with the
// deterministic people generator (test/fixtures/people-data) through `store.import`, as the e2e
// tests seed it. Called by scripts/screenshots.mjs with its browser context.
import { join } from 'node:path';
import { importTs } from './bench/util.mjs';

const DAY = 86_400_000;

/** A cohort as PostHog JSON: (2+ product_added in a year AND not on Mobile) OR came from the newsletter. */
const COHORT = {
  name: 'Keen shoppers',
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

/** Send one protocol message from an extension page (@webext-core/messaging's envelope); its `res`. */
function send(page, type, data) {
  return page.evaluate(
    async ({ type, data }) => {
      const reply = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
      return reply.res;
    },
    { type, data },
  );
}

/** Seed the 14 days of generated history up to today (UTC), a cohort and two actions on the first shop. */
async function seed(page) {
  const { generateSiteEvents } = await importTs('test/fixtures/people-data/index.ts');
  const start = new Date(Math.floor(Date.now() / DAY) * DAY - 14 * DAY).toISOString();
  const events = [...generateSiteEvents({ seed: 12, persons: 80, start, days: 14 })];
  let stored = 0;
  for (let i = 0; i < events.length; i += 500) stored += (await send(page, 'store.import', { events: events.slice(i, i + 500) })).stored;
  if (stored !== events.length) throw new Error(`only ${stored} of ${events.length} generated events were stored`);
  const site = events.find((e) => e.event === 'product_added').properties.$host;
  await send(page, 'cohorts.import', { text: JSON.stringify(COHORT) });
  const added = await send(page, 'actions.save', { action: { site, name: 'Added to cart', tags: ['shop'], steps: [{ event: 'product_added' }] } });
  await send(page, 'actions.save', { action: { site, name: 'Viewed checkout', steps: [{ event: '$pageview', url: '/checkout', url_matching: 'contains' }] } });
  return { site, action: added, from: start.slice(0, 10), to: new Date(Date.now() - DAY).toISOString().slice(0, 10) };
}

/** Wait for two frames and a beat: charts and virtual rows draw on animation frames. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))).then(() => page.waitForTimeout(300));

/** Light and dark shots of the page, cut below the view's content (at most the viewport). */
async function shoot(page, out, name) {
  const written = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const { width, height } = page.viewportSize();
    const used = await page.evaluate(() => {
      const parts = [...document.querySelectorAll('.dash-main section *')].filter((el) => el.getClientRects().length > 0);
      return Math.ceil(Math.max(0, ...parts.map((el) => el.getBoundingClientRect().bottom)) + 16);
    });
    const file = `dashboard-${name}${colorScheme === 'dark' ? '-dark' : ''}.png`;
    await page.screenshot({ path: join(out, file), clip: { x: 0, y: 0, width, height: Math.min(height, used) } });
    written.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return written;
}

/**
 * Seed the store, then take each dashboard view in light and dark into `out`
 * (dashboard-<view>.png, dashboard-<view>-dark.png). Returns the file names.
 */
export async function shootDashboard(context, extensionId, out) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const base = `chrome-extension://${extensionId}/dashboard.html`;
  await page.goto(`${base}#/events`);
  const { site, action, from, to } = await seed(page);
  await page.goto('about:blank'); // the next goto loads the page anew (a hash change alone would not)
  const files = [];
  const open = async (hash, ready) => {
    await page.goto(`${base}${hash}`);
    await page.locator(ready).first().waitFor();
  };

  await open('#/events', '[data-testid="table-row"]');
  files.push(...(await shoot(page, out, 'events')));
  // An autocapture event's page: its properties and the element chain as a breadcrumb.
  await open('#/events?event=%24autocapture', '[data-testid="table-row"]');
  await page.locator('[data-testid="table-row"]').first().click();
  await page.getByTestId('chain-element').first().waitFor();
  files.push(...(await shoot(page, out, 'event')));

  await open('#/persons', '[aria-label="Persons"] .table-row');
  files.push(...(await shoot(page, out, 'persons')));
  await page.locator('[aria-label="Persons"] .table-row').first().click();
  await page.getByTestId('person-ids').waitFor();
  files.push(...(await shoot(page, out, 'person')));

  await open('#/sessions', '.table-row');
  files.push(...(await shoot(page, out, 'sessions')));
  await page.locator('.table-row').first().click();
  await page.getByTestId('session-timeline').waitFor();
  files.push(...(await shoot(page, out, 'session')));

  await open('#/cohorts', '[data-testid="cohort-row"]');
  await page.getByTestId('cohort-row').first().locator('a').first().click();
  await page.getByTestId('cohort-member-count').filter({ hasText: /^\d/ }).waitFor();
  files.push(...(await shoot(page, out, 'cohorts')));

  await open('#/actions', '[data-testid="action-row"]');
  files.push(...(await shoot(page, out, 'actions')));

  await open(`#/trends?site=${encodeURIComponent(site)}&series=%24pageview&series=action%3A${action.id}&interval=day&from=${from}&to=${to}`, '.trend-chart canvas');
  await page.getByTestId('trend-table').waitFor();
  files.push(...(await shoot(page, out, 'trends')));
  await page.close();
  return files;
}
