// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { autocaptures, captureReady, expect, storedEvents, test, waitForStored } from './harness';

type PhEvent = { event: string; properties: Record<string, unknown> };
const phAutocaptures = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __phEvents: PhEvent[] }).__phEvents ?? []).filter((e) => e.event === '$autocapture'));

/**
 * Lasso is deliberately stricter than posthog-js in one place: posthog-js judges text tokens one
 * by one, so a card number written in groups ("4111 1111 1111 1111") survives; Lasso drops it.
 */
const stricter = (v: unknown) => (typeof v === 'string' ? v.replace(/\b\d{4}(?:[ -]\d{4}){3}\b ?/g, '') : v);

/** The fields both tools must agree on for one autocapture event. */
const comparable = (p: Record<string, unknown>, expected = false) => ({
  $event_type: p.$event_type,
  $elements_chain: expected ? stricter(p.$elements_chain) : p.$elements_chain,
  $el_text: expected ? stricter(p.$el_text) : p.$el_text,
  $external_click_url: p.$external_click_url,
  foo: p.foo, // data-ph-capture-attribute-foo
});

test('$elements_chain (and autocapture properties) equal posthog-js for the same clicks', async ({ ext, site }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/posthog.html`);
  await captureReady(ext, '/posthog.html');
  await page.waitForFunction(() => (window as unknown as { __phLoaded?: boolean }).__phLoaded === true);
  const names = await page.locator('[data-parity]').evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-parity')!).filter((n) => n !== 'form'),
  );
  expect(names.length).toBeGreaterThanOrEqual(25);

  const perElement: { name: string; posthog: number }[] = [];
  for (const name of names) {
    const before = (await phAutocaptures(page)).length;
    const el = page.locator(`[data-parity="${name}"]`);
    await el.click({ timeout: 5000 });
    if (name === 'input-text' || name === 'textarea' || name === 'form-input') await el.press('a'); // no change without an edit
    perElement.push({ name, posthog: (await phAutocaptures(page)).length - before });
    await page.mouse.move(0, 0);
  }
  await page.locator('body').click({ position: { x: 1, y: 1 } }); // blur: fires the last pending change
  const posthog = await phAutocaptures(page);
  const lasso: CaptureEvent[] = autocaptures(await waitForStored(ext, (all) => autocaptures(all).length >= posthog.length));

  // Element by element, so a mismatch names the shape that differs.
  expect(lasso.map((e) => comparable(e.properties))).toEqual(posthog.map((e) => comparable(e.properties, true)));
  expect(perElement.filter((e) => e.posthog > 0).length).toBeGreaterThanOrEqual(25);

  // Lasso adopted posthog-js's ids on this page, so both data sets join.
  const phIds = await page.evaluate(() => {
    const ph = (window as unknown as { posthog: { get_distinct_id(): string; get_session_id(): string } }).posthog;
    return { distinct: ph.get_distinct_id(), session: ph.get_session_id() };
  });
  expect(lasso.at(-1)!.distinct_id).toBe(phIds.distinct);
  expect(lasso.at(-1)!.properties.$session_id).toBe(phIds.session);
});

type Shaped = { event: string; properties: Record<string, unknown> };
/** Event name, `$event_type` and `$elements_chain` (what must agree) of interactions (no pageviews). */
const interactions = (events: Shaped[], expected = false) =>
  events
    .filter((e) => e.event === '$autocapture' || e.event === '$rageclick')
    .map((e) => ({ event: e.event, $event_type: e.properties.$event_type, $elements_chain: comparable(e.properties, expected).$elements_chain }));
const phEvents = (page: Page) => page.evaluate(() => (window as unknown as { __phEvents: PhEvent[] }).__phEvents.slice());
const WARNING = '$$client_ingestion_warning';

test('page-dispatched clicks, changes and submits (isTrusted false) are stored as posthog-js sends them', async ({ ext, site }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/posthog.html`);
  await page.waitForFunction(() => (window as unknown as { __phLoaded?: boolean }).__phLoaded === true);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview')); // Lasso listens too
  const dispatched = await page.evaluate(() => {
    const el = (name: string) => document.querySelector(`[data-parity="${name}"]`) as HTMLElement;
    const names = [...document.querySelectorAll('[data-parity]')].map((e) => e.getAttribute('data-parity')!).filter((n) => n !== 'form');
    // A custom control forwarding to element.click() (SVG elements have none: a dispatched
    // MouseEvent); all at (0, 0), so the third is a rage click.
    for (const name of names) {
      const target = el(name);
      if (typeof target.click === 'function') target.click();
      else target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    }
    // Frameworks re-dispatching change after setting a value.
    for (const [name, value] of [['select', 'blue'], ['input-text', 'typed'], ['textarea', 'notes']]) {
      (el(name) as HTMLInputElement).value = value;
      el(name).dispatchEvent(new Event('change', { bubbles: true }));
    }
    (el('form') as HTMLFormElement).requestSubmit();
    (el('form') as HTMLFormElement).requestSubmit(el('form-input-submit'));
    // A plain Event, not a mouse event: captured, never part of a rage click.
    for (let i = 0; i < 3; i++) el('button-data-attr').dispatchEvent(new Event('click', { bubbles: true }));
    return names.length;
  });
  expect(dispatched).toBeGreaterThanOrEqual(25);
  const posthog = interactions(await phEvents(page), true);
  expect(posthog.filter((e) => e.$event_type === 'change').length).toBeGreaterThanOrEqual(3);
  expect(posthog.filter((e) => e.$event_type === 'submit').length).toBeGreaterThanOrEqual(2);
  expect(posthog.filter((e) => e.event === '$rageclick')).toHaveLength(1);
  const lasso = interactions(await waitForStored(ext, (all) => interactions(all).length >= posthog.length));
  expect(lasso).toEqual(posthog);
});

/**
 * posthog-js warns each time dropping starts after an event was kept: a flood longer than the
 * 100 ms one token takes to refill is several limited stretches, each with its one warning. So
 * for a stream of kept events (K) and warnings (W): it starts with K, no two W are adjacent, it
 * ends with W (the flood ends dropping), the first W reports 1 drop and the reported drops never
 * exceed the clicks that were not kept.
 */
function expectLimitedStream(events: Shaped[], lib: string, site: string, attempts: number) {
  const kinds = events.map((e) => (e.event === WARNING ? 'W' : 'K')).join('');
  expect(kinds).toMatch(/^(K+W)+$/);
  const messages = events.filter((e) => e.event === WARNING).map((e) => String(e.properties.$$client_ingestion_warning_message));
  const pattern = new RegExp(`^${lib} client rate limited: (\\d+) event\\(s\\) dropped since the last warning, triggered on ${site}/posthog\\.html, ` +
    'session [0-9a-f-]+\\. Config is set to 10 events per second and 100 events burst limit\\.$');
  for (const m of messages) expect(m).toMatch(pattern);
  const dropped = messages.map((m) => Number(pattern.exec(m)![1]));
  expect(dropped[0]).toBe(1);
  expect(dropped.reduce((a, b) => a + b)).toBeLessThanOrEqual(attempts - kinds.replaceAll('W', '').length);
}

test('a page flooding clicks is rate limited as posthog-js limits it: the burst kept, a warning when dropping starts', async ({ ext, site }) => {
  test.setTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/posthog.html`);
  await page.waitForFunction(() => (window as unknown as { __phLoaded?: boolean }).__phLoaded === true);
  // Lasso's pageview is acknowledged after ≥ 250 ms: both buckets have refilled to the burst of 100.
  const [pageview] = await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  const phBefore = (await phEvents(page)).length;
  const seconds = await page.evaluate(() => {
    const button = document.querySelector('[data-parity="button-text"]') as HTMLElement;
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) button.click();
    return (performance.now() - t0) / 1000;
  });
  const posthogFlood = (await phEvents(page)).slice(phBefore);
  await waitForStored(ext, (all) => all.some((e) => e.event === WARNING));

  // Marker: a real click once tokens have refilled; then nothing else may have arrived.
  const marker = page.locator('[data-parity="button-testid"]');
  const isMarker = (e: Shaped) => String(e.properties.$elements_chain).includes('primary-action');
  await expect(async () => {
    await marker.click();
    await waitForStored(ext, (all) => all.some(isMarker), 1000);
  }).toPass({ timeout: 20_000 });
  const stored = (await storedEvents(ext)).filter((e) => e.timestamp >= pageview.timestamp && e.uuid !== pageview.uuid);
  const lassoFlood = stored.slice(0, stored.findIndex(isMarker));
  expect(stored.slice(lassoFlood.length).filter((e) => e.event === WARNING)).toEqual([]); // the marker ended the stretch

  for (const [events, lib] of [[lassoFlood, 'lasso'], [posthogFlood, 'posthog-js']] as const) {
    const kept = events.filter((e) => e.event !== WARNING);
    // The store holds the burst plus what refilled while the loop ran (10 per second), no more.
    expect(kept.length).toBeGreaterThanOrEqual(100);
    expect(kept.length).toBeLessThanOrEqual(100 + Math.ceil(seconds * 10));
    // All at (0, 0): the third click is the one rage click; the attempts are 1000 clicks + 1 rage click.
    expect(interactions(kept, lib === 'posthog-js').map((e) => e.event)).toEqual(
      ['$autocapture', '$autocapture', '$rageclick', ...Array(kept.length - 3).fill('$autocapture')],
    );
    expectLimitedStream(events, lib, site.url, 1001);
  }
  expect(interactions(lassoFlood)[0]).toEqual(interactions(posthogFlood, true)[0]);
});
