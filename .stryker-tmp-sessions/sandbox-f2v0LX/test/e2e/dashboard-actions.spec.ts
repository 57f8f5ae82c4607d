// @ts-nocheck
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compileAction } from '../../src/actions';
import { exportActions } from '../../src/actions/io';
import type { ActionStep, StoredAction } from '../../src/actions/types';
import { trendWindow } from '../../src/dashboard/actions/trends';
import type { CaptureEvent } from '../../src/events/types';
import { generateSiteEvents } from '../fixtures/people-data';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { expect, storedActions, test } from './harness';

// The seed ends yesterday, so every event is inside the view's 14-day window or just before it.
const START = new Date(Date.now() - 16 * 86_400_000);
START.setUTCHours(0, 0, 0, 0);
const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 21, persons: 30, start: START.toISOString(), days: 15 })];
const SHOP = 'shop.example.com';
const APP = 'app.example.io';
const DEFS: { site: string; name: string; steps: ActionStep[] }[] = [
  { site: SHOP, name: 'Add to cart', steps: [{ event: '$autocapture', selector: 'button[data-attr="add-to-cart"]' }] },
  { site: SHOP, name: 'Checkout', steps: [{ event: '$autocapture', selector: '[data-attr="checkout"]' }] },
  { site: APP, name: 'Project created', steps: [{ event: 'project_created' }] },
];

/** Save an action through the background, as the toolbar does (the page must be an extension page). */
function save(page: Page, action: { site: string; name: string; steps: ActionStep[] }): Promise<StoredAction> {
  return page.evaluate(async (a) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: StoredAction; err?: { message: string } }> } } };
    const reply = await chrome.runtime.sendMessage({ id: 1, type: 'actions.save', data: { action: a }, timestamp: Date.now() });
    if (reply.err) throw new Error(reply.err.message);
    return reply.res!;
  }, action);
}

test('actions view: counts as the data says, edit and save, import with its report, export parses back, no axe violations', async ({ ext }) => {
  test.setTimeout(180_000);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/actions`);
  await expect(page.getByTestId('empty-state')).toContainText('Open the toolbar on a site to define your first action');
  expect(await seedThroughExtensionPage(page, EVENTS)).toBe(EVENTS.length);
  const saved: StoredAction[] = [];
  for (const d of DEFS) saved.push(await save(page, d));
  await page.reload();

  // Each action's 14-day count is what its matcher gives over the seeded events.
  const { from } = trendWindow(Date.now());
  for (const a of saved) {
    const compiled = compileAction(a);
    const expected = EVENTS.filter((e) => e.properties.$host === a.site && Date.parse(e.timestamp) >= from && compiled.matches(e)).length;
    expect(expected).toBeGreaterThan(0);
    const row = page.locator(`[data-id="${a.id}"]`);
    await expect(row.getByTestId('action-count')).toHaveText(expected.toLocaleString('en'));
    await expect(row.getByTestId('sparkline')).toHaveAttribute('aria-label', new RegExp(`^${expected.toLocaleString('en')} events? in 14 days`));
    await expect(row.getByTestId('action-count')).toHaveAttribute('href', `#/events?action=${a.id}&site=${encodeURIComponent(a.site)}`);
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `actions list, ${colorScheme}`);
  }

  // Edit and save: the change is stored and shown after a reload.
  await page.locator(`[data-id="${saved[1].id}"]`).getByTestId('action-name').click();
  await expect(page).toHaveURL(new RegExp(`#/actions/${saved[1].id}$`));
  await page.getByTestId('step-0-selector').fill('button[data-attr=');
  await expect(page.getByTestId('error-selector')).not.toHaveText('');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `action editor with a problem, ${colorScheme}`);
  }
  await page.getByTestId('step-0-selector').fill('button[data-attr="checkout"]');
  await page.getByTestId('action-name-input').fill('Checkout clicked');
  await page.getByLabel('Tags').fill('funnel, cart');
  await page.getByLabel('Tags').press('Tab');
  await page.getByTestId('save-action').click();
  await expect(page.getByTestId('saved-status')).toHaveText('Saved “Checkout clicked”.');
  await page.reload();
  await expect(page.getByTestId('action-name-input')).toHaveValue('Checkout clicked');
  const edited = (await storedActions(ext)).find((a) => a.id === saved[1].id)!;
  expect({ name: edited.name, tags: edited.tags, selector: edited.steps[0].selector }).toEqual({ name: 'Checkout clicked', tags: ['funnel', 'cart'], selector: 'button[data-attr="checkout"]' });

  // Import: a malformed file writes nothing and says why; a good one shows its report, then writes.
  await page.getByRole('link', { name: '← All actions' }).click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-site').fill(SHOP);
  const before = (await storedActions(ext)).length;
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"actions": [') });
  await expect(page.getByTestId('import-error')).toContainText('This file cannot be imported');
  expect(await storedActions(ext)).toHaveLength(before);
  const file = exportActions([
    { ...saved[0], name: 'Signup', steps: [{ event: 'signup' }] },
    { ...saved[0], name: 'Pricing page', steps: [{ event: '$pageview', url: '/pricing', url_matching: 'contains' }] },
  ]);
  await page.getByTestId('import-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('import-entry')).toHaveText([/created\s*Pricing page/, /created\s*Signup/]);
  expect(await storedActions(ext)).toHaveLength(before);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `import report, ${colorScheme}`);
  }
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('action-row')).toHaveCount(5);
  expect((await storedActions(ext)).map((a) => a.name).sort()).toEqual(['Add to cart', 'Checkout clicked', 'Pricing page', 'Project created', 'Signup']);

  // Export: the compatibility report first, then a PostHog JSON file of exactly the stored actions.
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('compat-report')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `export report, ${colorScheme}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; actions: unknown[] };
  expect(exported.format).toBe('lasso-actions');
  expect(exported.actions).toEqual((JSON.parse(exportActions(await storedActions(ext))) as { actions: unknown[] }).actions);
});
