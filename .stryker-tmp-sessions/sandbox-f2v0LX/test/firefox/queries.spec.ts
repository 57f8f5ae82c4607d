// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { peopleStream } from '../support/people-stream';
import { bruteEvents } from '../support/query-brute';
import { launchFirefox, openExtensionPage, type Firefox } from './support';

// Issue 11: a person view query answers on the Firefox build (its IndexedDB, its messaging).

let ff: Firefox;
test.beforeAll(async () => {
  ff = await launchFirefox();
});
test.afterAll(async () => {
  await ff?.close();
});

type Answer = { res?: Record<string, unknown>; err?: { message: string } };

test('Firefox: query.person answers with the person, its ids, events and sessions', async () => {
  const events: CaptureEvent[] = peopleStream(8, 300);
  const ext = await openExtensionPage(ff, 'popup.html', 'main.popup');
  const send = (type: string, data: unknown): Promise<Answer> =>
    ext.evaluate(
      ([t, d]) => {
        const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
        return browser.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }).then((a) => JSON.parse(JSON.stringify(a ?? {})) as Answer);
      },
      [type, data] as const,
    );
  const imported = await send('store.import', { events });
  expect(imported.err).toBeUndefined();
  expect(imported.res!.stored).toBe(events.length);

  const profile = await send('query.person', { distinctId: 'anon-1', events: 10 });
  expect(profile.err).toBeUndefined();
  const ids = profile.res!.distinctIds as string[];
  expect(ids).toContain('anon-1');
  const mine = bruteEvents(events, { ids });
  expect((profile.res!.latestEvents as CaptureEvent[]).map((e) => e.uuid)).toEqual(mine.slice(0, 10).map((e) => e.uuid));
  expect(profile.res!.eventCount).toBe(mine.length);
  expect((profile.res!.sessions as unknown[]).length).toBeGreaterThan(0);
});
