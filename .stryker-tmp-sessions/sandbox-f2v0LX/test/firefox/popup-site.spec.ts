// @ts-nocheck
import { expect, test } from '@playwright/test';
import { CHAINS, generateMarkupChange } from '../fixtures/markup-change';
import { openExtensionPage, stored, tabIdOf, until, useFirefoxAndSite, type StoredEvent } from './support';

// Issue 12: the popup on the Firefox build shows a seeded site's counts, its actions' matches and
// the broken badge of action health (the checkout button's markup changed on day 9 of 14).

const env = useFirefoxAndSite();
const DAY = 86_400_000;
type Answer = { res?: Record<string, unknown>; err?: { message: string } };

test('Firefox: the popup shows the seeded site\'s counts, each action\'s matches and the broken badge', async () => {
  const { ff, site } = env;
  const host = new URL(site.url).host;
  const ext = await openExtensionPage(ff, 'popup.html', 'main.popup');
  const send = async (type: string, data: unknown): Promise<Record<string, unknown>> => {
    const answer = await ext.evaluate(
      ([t, d]) => {
        const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
        return browser.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }).then((a) => JSON.parse(JSON.stringify(a ?? {})) as Answer);
      },
      [type, data] as const,
    );
    if (answer.err) throw new Error(`${type}: ${answer.err.message}`);
    return answer.res!;
  };
  const history = generateMarkupChange({ origin: site.url, start: Math.floor(Date.now() / DAY) * DAY - 14 * DAY, days: 14, changeDay: 9, viewsPerDay: 20, clickRate: 0.5 });
  for (let i = 0; i < history.length; i += 500) expect((await send('store.import', { events: history.slice(i, i + 500) })).stored).toBe(Math.min(500, history.length - i));
  await send('actions.save', { action: { site: host, name: 'Checkout', steps: [{ event: '$autocapture', selector: 'button[data-attr="checkout"]' }] } });
  await send('actions.save', { action: { site: host, name: 'Help', steps: [{ event: '$autocapture', selector: 'a[href="/help"]' }] } });

  const page = await ff.browser.newPage();
  await page.goto(`${site.url}/cart.html`);
  await until(async () => (await stored(ext)).some((e) => e.event === '$pageview' && e.properties.$current_url === `${site.url}/cart.html`), 'the visit was not stored');
  const popup = await openExtensionPage(ff, `popup.html?tab=${await tabIdOf(ext, page.url())}`, '[data-testid="action-row"][data-status="broken"]');
  // Stored records are whole capture events (the helper types only what most tests read).
  const all = ((await stored(ext)) as (StoredEvent & { timestamp: string })[]).filter((e) => e.properties.$host === host);
  const tz = await popup.evaluate(() => -new Date().getTimezoneOffset());
  const localDay = (ms: number) => Math.floor((ms + tz * 60_000) / DAY);
  const today = all.filter((e) => localDay(Date.parse(e.timestamp)) === localDay(Date.now())).length;
  await until(() => popup.$eval('[data-testid="today-events"]', (e) => e.textContent).then((t) => t === today.toLocaleString('en')), `today's events never read ${today}`);
  const count = (name: string) => popup.$eval(`[data-testid="action-row"][data-name="${name}"] [data-testid="action-count"]`, (e) => e.textContent);
  const matches = (chain: string) => all.filter((e) => e.properties.$elements_chain === chain).length;
  await until(async () => (await count('Checkout')) === `${matches(CHAINS.before)} matches`, 'the checkout count never matched the data');
  expect(await count('Help')).toBe(`${matches(CHAINS.help)} matches`);
  expect(await popup.$$eval('[data-testid="broken-badge"]', (b) => b.length)).toBe(1);
  await (await popup.$('[data-testid="broken-badge"]'))!.click();
  expect(await popup.$eval('[data-testid="candidates"] li', (e) => e.textContent)).toContain('data-attr=checkout-v2');
});
