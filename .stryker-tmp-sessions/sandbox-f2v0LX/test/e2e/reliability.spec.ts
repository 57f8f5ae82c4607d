// @ts-nocheck
import { autocaptures, captureReady, expect, stopServiceWorker, storedEvents, test, waitForStored } from './harness';
import type { CaptureEvent } from '../../src/events/types';

/** Which demo button an autocapture event was recorded on (its data-testid in the chain). */
const buttonOf = (e: CaptureEvent): string => /data-testid="([^"]+)"/.exec(String(e.properties.$elements_chain ?? ''))?.[1] ?? '?';

test('stopping the service worker mid-stream loses nothing and duplicates nothing', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await captureReady(ext, '/'); // a click before capture's listeners attach is not the worker's loss
  const buttons = ['add-to-cart-1', 'add-to-cart-2', 'add-to-cart-3', 'add-to-cart-4'];
  // What was really done, per button: the store must hold exactly this, no more, no less.
  const clicked = new Map<string, number>();
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 6; i++) {
      const id = buttons[(round + i) % buttons.length];
      await page.getByTestId(id).click({ delay: 0 });
      clicked.set(id, (clicked.get(id) ?? 0) + 1);
    }
    await stopServiceWorker(ext); // events captured just before are in flight or queued
  }
  // A marker after everything: once it is stored, every earlier click was captured and sent
  // before it (one outbox, in order), so nothing can still arrive for the clicks above.
  await page.getByTestId('wishlist').click();
  await waitForStored(ext, (all) => autocaptures(all).some((e) => buttonOf(e) === 'wishlist'), 20_000);
  const stored = autocaptures(await storedEvents(ext)).filter((e) => buttonOf(e) !== 'wishlist');
  const tally = new Map<string, number>();
  for (const e of stored) tally.set(buttonOf(e), (tally.get(buttonOf(e)) ?? 0) + 1);
  expect(Object.fromEntries(tally)).toEqual(Object.fromEntries(clicked));
  expect(new Set(stored.map((e) => e.uuid)).size).toBe(stored.length);
});
