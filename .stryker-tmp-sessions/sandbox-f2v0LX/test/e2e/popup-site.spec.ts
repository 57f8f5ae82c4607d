// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { CHAINS, generateMarkupChange } from '../fixtures/markup-change';
import { seedThroughExtensionPage } from '../support/seed';
import { expectNoAxeViolations } from './axe';
import { storedEvents, test, expect, waitForStored, type Extension } from './harness';
import { tabIdOf, toolbar } from './toolbar-support';

const DAY = 86_400_000;

/** One protocol message from an extension page; throws the background's refusal. */
async function ask(page: Page, type: string, data: unknown): Promise<unknown> {
  const reply = await page.evaluate(
    ([t, d]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } }).chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }),
    [type, data] as const,
  );
  if (reply.err) throw new Error(reply.err.message);
  return reply.res;
}

/**
 * The demo site's checkout page open in a tab, and 14 days of history before today stored for
 * its site: the checkout button's markup changes on day 9 (generateMarkupChange), plus three
 * saved actions (Checkout on the old markup, Help, one that never matched).
 */
async function seededSite(ext: Extension, origin: string): Promise<{ page: Page; popup: Page; host: string; events: CaptureEvent[] }> {
  const host = new URL(origin).host;
  const page = await ext.context.newPage();
  await page.goto(`${origin}/cart.html`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  const todayStart = Math.floor(Date.now() / DAY) * DAY;
  const history = generateMarkupChange({ origin, start: todayStart - 14 * DAY, days: 14, changeDay: 9, viewsPerDay: 20, clickRate: 0.5 });
  expect(await seedThroughExtensionPage(popup, history)).toBe(history.length);
  for (const [name, selector] of [['Checkout', 'button[data-attr="checkout"]'], ['Help', 'a[href="/help"]'], ['Never', '#nothing-here']]) {
    await ask(popup, 'actions.save', { action: { site: host, name, steps: [{ event: '$autocapture', selector }] } });
  }
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabIdOf(ext, page.url())}`);
  return { page, popup, host, events: await storedEvents(ext) };
}

test("popup on a seeded store: today's counts and each action's matches equal the data, the broken action's badge names the new markup and opens the toolbar there; axe clean in light and dark", async ({ ext, site }) => {
  const { page, popup, host, events } = await seededSite(ext, site.url);
  const tz = await popup.evaluate(() => -new Date().getTimezoneOffset());
  const localDay = (ms: number) => Math.floor((ms + tz * 60_000) / DAY);
  const today = localDay(Date.now());
  const ours = events.filter((e) => e.properties.$host === host);
  const todays = ours.filter((e) => localDay(Date.parse(e.timestamp)) === today);
  // Sessions that started today: the earliest event of each session id seen on the site.
  const starts = new Map<string, number>();
  for (const e of events) {
    const id = e.properties.$session_id;
    if (typeof id === 'string') starts.set(id, Math.min(starts.get(id) ?? Infinity, Date.parse(e.timestamp)));
  }
  const sessionsToday = [...starts].filter(([id, ms]) => localDay(ms) === today && ours.some((e) => e.properties.$session_id === id)).length;
  await expect(popup.getByTestId('today-events')).toHaveText(todays.length.toLocaleString('en'));
  await expect(popup.getByTestId('today-sessions')).toHaveText(String(sessionsToday));
  await expect(popup.getByTestId('event-count')).toHaveText(`${ours.length.toLocaleString('en')} events stored on this site`);

  const row = (name: string) => popup.locator(`[data-testid="action-row"][data-name="${name}"]`);
  const matches = (chain: string) => ours.filter((e) => e.event === '$autocapture' && e.properties.$elements_chain === chain).length;
  await expect(row('Checkout').getByTestId('action-count')).toHaveText(`${matches(CHAINS.before)} matches`);
  await expect(row('Help').getByTestId('action-count')).toHaveText(`${matches(CHAINS.help)} matches`);
  await expect(row('Never').getByTestId('action-count')).toHaveText('0 matches');
  await expect(row('Checkout')).toHaveAttribute('data-status', 'broken');
  await expect(row('Help')).toHaveAttribute('data-status', 'ok');
  await expect(row('Never')).toHaveAttribute('data-status', 'no data');
  await expect(popup.getByTestId('broken-badge')).toHaveCount(1);

  // The badge opens its details by keyboard: where it stopped, and the new markup first among the candidates.
  await row('Checkout').getByTestId('broken-badge').focus();
  await popup.keyboard.press('Enter');
  await expect(row('Checkout').getByTestId('health-details')).toBeVisible();
  await expect(row('Checkout').getByTestId('health-details')).toContainText('No match on /cart.html since');
  await expect(row('Checkout').locator('[data-testid="candidates"] li').first()).toContainText('data-attr=checkout-v2');

  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await expectNoAxeViolations(popup, `popup with a broken action, ${colorScheme}`);
  }

  // Repair: the tab is on that page, so the toolbar opens there.
  await row('Checkout').getByTestId('repair').click();
  await page.bringToFront();
  await expect(toolbar(page)).toBeVisible();
});

test('popup of a site without actions says how to define the first one, and its day counts fill in', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabIdOf(ext, page.url())}`);
  await expect(popup.getByTestId('no-actions')).toContainText('Open the toolbar to define your first action');
  await expect(popup.getByTestId('today-events')).toHaveText('1');
  await expect(popup.getByTestId('today-sessions')).toHaveText('1');
  await expect(popup.getByTestId('traffic-switch')).not.toBeChecked();
  await expect(popup.getByRole('button', { name: 'Dashboard' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Settings' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await expectNoAxeViolations(popup, `popup without actions, ${colorScheme}`);
  }
});
