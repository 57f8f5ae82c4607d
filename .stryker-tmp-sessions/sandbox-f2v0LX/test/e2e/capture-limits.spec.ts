// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { autocaptures, captureReady, expect, storedEvents, test, waitForStored, type Extension } from './harness';

const WARNING = '$$client_ingestion_warning';
const sizeOf = (e: CaptureEvent) => JSON.stringify(e).length;

/**
 * Click `selector` for real until a click on it is stored (the rate limits may be dropping): the
 * marker. Returns how many clicks it took (those not stored were dropped, and count as drops).
 */
async function storeMarker(ext: Extension, page: Page, selector: string, isMarker: (e: CaptureEvent) => boolean): Promise<number> {
  let clicks = 0;
  await expect(async () => {
    await page.locator(selector).click();
    clicks++;
    await waitForStored(ext, (all) => all.some(isMarker), 1000);
  }).toPass({ timeout: 20_000 });
  return clicks;
}

test('a page can neither learn the extension id nor stop capture with WXT\'s start event', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  // Every message posted to the page (top frame and the embedded one), from its very start.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __messages: string[] }).__messages = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data) ?? String(e.data)), true);
  });
  await page.goto(`${site.url}/iframe.html`);
  await waitForStored(ext, (all) => all.filter((e) => e.event === '$pageview').length >= 2); // top and frame
  // The event a newer capture script would send, forged by the page in both frames.
  for (const frame of page.frames()) {
    await frame.evaluate((name) => {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'capture', messageId: 'forged' } }));
    }, `${ext.id}:capture:wxt:content-script-started`);
  }
  await page.getByTestId('outer-btn').click();
  await page.frameLocator('#inner-frame').getByTestId('frame-btn').click();
  const events = await waitForStored(ext, (all) => autocaptures(all).length >= 2);
  expect(autocaptures(events).map((e) => e.properties.$el_text).sort()).toEqual(['Inside frame', 'Outside frame']);
  for (const frame of page.frames()) {
    const messages = await frame.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(ext.id))).toEqual([]);
  }
});

test('a 100 KB pushState URL is stored truncated, with a marker saying what was cut', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(site.url);
  await captureReady(ext, '/');
  await page.evaluate(() => history.pushState({}, '', `/${'a'.repeat(100_000)}`));
  const events = await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview' && String(e.properties.$pathname).startsWith('/aaa')));
  const pageview = events.find((e) => String(e.properties.$pathname).startsWith('/aaa'))!;
  expect(String(pageview.properties.$current_url).startsWith(`${site.url}/aaa`)).toBe(true);
  expect(String(pageview.properties.$current_url).length).toBe(8 * 1024);
  expect(pageview.properties.$lasso_truncated).toEqual(expect.arrayContaining(['$current_url', '$pathname']));
  expect(sizeOf(pageview)).toBeLessThanOrEqual(64 * 1024);
});

test('a click on 1,000 attributes of 1 KB, or on 1 MB of text, is stored truncated, not lost', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(site.url);
  await captureReady(ext, '/');
  await page.evaluate(() => {
    const wide = document.createElement('button');
    wide.id = 'wide';
    wide.textContent = 'Wide';
    for (let i = 0; i < 1000; i++) wide.setAttribute(`data-a${i}`, 'v'.repeat(1024));
    const long = document.createElement('button');
    long.id = 'long';
    for (let i = 0; i < 4096; i++) long.append(`${'word '.repeat(51)}\n`); // 1 MB in 255-char text nodes
    document.body.prepend(wide, long);
  });
  await page.locator('#wide').click();
  await page.locator('#long').click({ position: { x: 5, y: 5 } });
  const events = await waitForStored(ext, (all) => autocaptures(all).length >= 2);
  const [wide, long] = ['wide', 'long'].map((id) => autocaptures(events).find((e) => String(e.properties.$elements_chain).includes(`attr__id="${id}"`))!);
  expect(wide.properties.$el_text).toBe('Wide');
  expect(wide.properties.$elements_chain).toContain('attr__data-a0="v');
  expect(wide.properties.$lasso_truncated).toEqual(['$elements_chain']);
  expect(String(long.properties.$el_text)).toHaveLength(1024);
  expect(long.properties.$lasso_truncated).toEqual(['$el_text']);
  for (const e of [wide, long]) expect(sizeOf(e)).toBeLessThanOrEqual(64 * 1024);
});

test('text typed into an editing host is nowhere in the store', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(site.url);
  await captureReady(ext, '/');
  await page.evaluate(() => {
    const editor = document.createElement('div');
    editor.contentEditable = 'plaintext-only';
    editor.id = 'editor';
    editor.innerHTML = '<button id="in-editor">draft</button>';
    document.body.prepend(editor);
  });
  await page.locator('#in-editor').click();
  await page.keyboard.type(' TOPSECRETNOTE');
  await page.locator('#in-editor').click();
  // Marker: a click outside the editor, stored after the editor's clicks.
  await page.getByTestId('add-to-cart-1').click();
  const events = await waitForStored(ext, (all) => autocaptures(all).some((e) => e.properties.$el_text === 'Add to cart'));
  expect(autocaptures(events).filter((e) => String(e.properties.$elements_chain).startsWith('button:attr__id="in-editor"'))).toHaveLength(2);
  const dump = JSON.stringify(events);
  expect(dump).not.toContain('TOPSECRETNOTE');
  expect(dump).not.toContain('draft');
});

test('one tab is rate limited across its frames and reloads, and the drops are reported', async ({ ext, site }) => {
  test.setTimeout(90_000);
  const page = await ext.context.newPage();
  const started = Date.now();
  await page.goto(`${site.url}/iframe.html`);
  await waitForStored(ext, (all) => all.filter((e) => e.event === '$pageview').length >= 2);
  /** 100 script clicks in each frame: each frame's own bucket (fresh on every load) lets them through. */
  const flood = async () => {
    for (const frame of page.frames()) {
      await frame.evaluate(() => {
        const button = document.querySelector('button')!;
        for (let i = 0; i < 100; i++) button.click();
      });
    }
  };
  await flood();
  await page.reload();
  await page.frameLocator('#inner-frame').getByTestId('frame-btn').waitFor();
  await flood();
  // Marker: a real click on a new button, stored once the tab's bucket refilled; nothing of the flood comes after it.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button id="marker">Marker</button>'));
  const isMarker = (e: CaptureEvent) => String(e.properties.$elements_chain).includes('attr__id="marker"');
  const markerClicks = await storeMarker(ext, page, '#marker', isMarker);
  const seconds = (Date.now() - started) / 1000;
  const events = await storedEvents(ext);
  const kept = events.filter((e) => e.event !== WARNING && !isMarker(e));
  const tabWarnings = events.filter((e) => e.event === WARNING && String(e.properties.$$client_ingestion_warning_message).startsWith('lasso tab rate limited'));
  const reported = tabWarnings.map((e) => Number(/: (\d+) event/.exec(String(e.properties.$$client_ingestion_warning_message))![1]));
  // 400 clicks and 4 pageviews were let through by the frames' own buckets; one tab's bucket holds
  // 100 and refills at 10 per second.
  expect(kept.length).toBeLessThanOrEqual(100 + Math.ceil(seconds * 10));
  expect(reported.length).toBeGreaterThanOrEqual(1);
  // Every drop reported was an event the page emitted: the flood's 404 and the marker's clicks not stored.
  const markersStored = events.filter(isMarker).length;
  expect(reported.reduce((a, b) => a + b)).toBeLessThanOrEqual(404 + markerClicks - markersStored - kept.length);
  expect(tabWarnings[0].properties.$host).toBe(new URL(site.url).host);
});
