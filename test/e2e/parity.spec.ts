import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { autocaptures, expect, test, waitForStored } from './harness';

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
