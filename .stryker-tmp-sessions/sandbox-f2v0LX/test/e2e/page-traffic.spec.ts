// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { expect, stopServiceWorker, test, waitForStored, type Extension } from './harness';

// The demo page runs the real posthog-js (node_modules, served by the demo server) against the
// server's local /ph stand-in. With the site's own traffic opted in, what posthog-js sends is
// stored too: deduplicated by uuid, marked `$lasso_source: 'page'`, and its identify merges the person.

type Answer = { res?: unknown; err?: { message: string } };

/** Send a protocol message from an extension page, as @webext-core/messaging frames it. */
async function ask(ext: Extension, type: string, data: unknown): Promise<Answer> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  const answer = await page.evaluate(
    ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
      return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    },
    [type, data] as const,
  );
  await page.close();
  return answer;
}

/** Every stored person (distinct ids and is_identified), read inside the background. */
async function storedPersons(ext: Extension): Promise<{ distinct_ids: string[]; is_identified: boolean }[]> {
  const sw = await ext.background();
  return sw.evaluate(
    () =>
      new Promise<{ distinct_ids: string[]; is_identified: boolean }[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('persons').objectStore('persons').getAll();
          req.onsuccess = () => {
            done(req.result.map((p: { distinct_ids: string[]; is_identified: boolean }) => ({ distinct_ids: p.distinct_ids, is_identified: p.is_identified })));
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

const fromPage = (events: CaptureEvent[]) => events.filter((e) => e.properties.$lasso_source === 'page');

/** Post `body` to the page's own capture endpoint from the page, as posthog-js would (gzip when asked). */
const resend = (page: Page, events: unknown[], gzip: boolean) =>
  page.evaluate(
    async ([events, gzip]) => {
      const json = JSON.stringify(events);
      const body = gzip ? await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer() : json;
      await fetch(`/ph/e/?compression=${gzip ? 'gzip-js' : ''}`, { method: 'POST', body });
    },
    [events, gzip] as const,
  );

test('the site\'s own posthog-js traffic: stored once, marked, and its identify merges the person', async ({ ext, site }) => {
  const opted = await ask(ext, 'sources.set', { site: '127.0.0.1', enabled: true });
  expect(opted.res).toMatchObject({ site: '127.0.0.1', enabled: true, hosts: [] });

  const page = await ext.context.newPage();
  await page.goto(`${site.url}/posthog.html`);
  await page.waitForFunction(() => (window as unknown as { __phLoaded?: boolean }).__phLoaded === true);
  const anonId = await page.evaluate(() => (window as unknown as { posthog: { get_distinct_id(): string } }).posthog.get_distinct_id());

  // posthog-js's own $pageview arrives through its request, marked as the page's.
  let events = await waitForStored(ext, (all) => fromPage(all).some((e) => e.event === '$pageview'), 20_000);
  const pagePageview = fromPage(events).find((e) => e.event === '$pageview')!;
  expect(pagePageview.distinct_id).toBe(anonId);

  // The same events sent again (plain JSON, then gzip): still stored once.
  const sentEvents = await page.evaluate(() => (window as unknown as { __phEvents: unknown[] }).__phEvents.filter((e) => (e as { event: string }).event === '$pageview'));
  await resend(page, sentEvents, false);
  await resend(page, sentEvents, true);
  await expect.poll(async () => ((await ask(ext, 'sources.get', { site: '127.0.0.1' })).res as { stats: { duplicates: number } }).stats.duplicates).toBeGreaterThanOrEqual(2);
  events = await waitForStored(ext, () => true);
  expect(events.filter((e) => e.uuid === pagePageview.uuid)).toHaveLength(1);

  // The page identifies its user; Lasso's next event carries the user, and the page's $identify joins the ids.
  await page.evaluate(() => (window as unknown as { posthog: { identify(id: string): void } }).posthog.identify('user-42'));
  await page.locator('[data-parity="button-text"]').click();
  events = await waitForStored(
    ext,
    (all) => all.some((e) => e.event === '$autocapture' && !e.properties.$lasso_source && e.distinct_id === 'user-42') && fromPage(all).some((e) => e.event === '$identify'),
    20_000,
  );
  // One $identify: the page's own (Lasso adds none while the page's traffic is stored).
  const identifies = events.filter((e) => e.event === '$identify');
  expect(identifies.map((e) => [e.distinct_id, e.properties.$anon_distinct_id, e.properties.$lasso_source])).toEqual([['user-42', anonId, 'page']]);

  // Lasso's first event carried the person's initial properties exactly as posthog-js sends them.
  const initial = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).filter(([k]) => k.startsWith('$initial_')));
  const lassoFirst = events.find((e) => e.event === '$pageview' && !e.properties.$lasso_source)!;
  expect(Object.keys(initial(lassoFirst.properties.$set_once)).length).toBeGreaterThan(5);
  expect(initial(lassoFirst.properties.$set_once)).toEqual(initial(identifies[0].properties.$set_once));

  // Lasso's own events before and after the identify belong to one identified person.
  const persons = await storedPersons(ext);
  const person = persons.find((p) => p.distinct_ids.includes('user-42'));
  expect(person).toMatchObject({ is_identified: true });
  expect(person!.distinct_ids).toEqual(expect.arrayContaining([anonId, 'user-42']));
  expect(persons.filter((p) => p.distinct_ids.includes(anonId))).toHaveLength(1);
});

test('a site not opted in: its posthog-js traffic is not stored', async ({ ext, site }) => {
  // Opt in localhost only; 127.0.0.1 (the same demo server) stays out.
  expect((await ask(ext, 'sources.set', { site: 'localhost', enabled: true })).res).toMatchObject({ enabled: true });
  const isCapture = (url: string) => /\/ph\/(e|batch|i\/v0\/e)\/$/.test(new URL(url).pathname);

  const out = await ext.context.newPage();
  const sent = out.waitForResponse((r) => isCapture(r.url()));
  await out.goto(`${site.url}/posthog.html`);
  await sent; // the background saw this request first …

  const opted = await ext.context.newPage();
  await opted.goto(`${site.url.replace('127.0.0.1', 'localhost')}/posthog.html`);
  // … and handles requests in order: once localhost's is stored, 127.0.0.1's was judged.
  const events = await waitForStored(ext, (all) => fromPage(all).some((e) => e.properties.$host?.startsWith('localhost')), 20_000);
  expect(fromPage(events).filter((e) => !e.properties.$host?.startsWith('localhost'))).toEqual([]);
  expect(((await ask(ext, 'sources.get', { site: '127.0.0.1' })).res as { enabled: boolean }).enabled).toBe(false);
});

test('a stopped service worker is woken by the page\'s capture request (the listener is registered at start)', async ({ ext, site }) => {
  expect((await ask(ext, 'sources.set', { site: '127.0.0.1', enabled: true })).res).toMatchObject({ enabled: true });
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/posthog.html?posthog=off`); // the page, without posthog-js's own requests yet
  await stopServiceWorker(ext);
  const uuid = '01900000-0000-7000-8000-0000000000aa';
  const url = `${site.url}/posthog.html`;
  await resend(page, [{ uuid, event: 'woke', timestamp: new Date().toISOString(), properties: { distinct_id: 'd', $current_url: url, $host: new URL(url).host } }], true);
  const events = await waitForStored(ext, (all) => all.some((e) => e.uuid === uuid), 20_000);
  expect(events.find((e) => e.uuid === uuid)?.properties.$lasso_source).toBe('page');
});
