// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import type { SenderLike } from '../../src/messaging/frame-scope';

// The background's query.sites and query.event handlers (added for the dashboard): extension
// pages only, answered from the catalog and the events store.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: () => undefined } } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { registerQueryHandlers } = await import('../../src/background/query-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');

const page: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/dashboard.html' };
const toolbar: SenderLike = { id: 'lasso', url: 'http://127.0.0.1:5174/', frameId: 0, tab: { id: 7 } };
const db = openLassoDB(new IDBFactory());
registerQueryHandlers({ db });
const ask = (type: string, data: unknown, sender: SenderLike = page) => (handlers.get(type) as Handler)({ data, sender });
const uuid = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ev = (n: number, event: string, host: string, hour: number): CaptureEvent => ({
  uuid: uuid(n), event, distinct_id: 'd', timestamp: new Date(Date.UTC(2026, 10, 30, hour)).toISOString(), properties: { $host: host, $current_url: `http://${host}/` },
});

describe('query.sites and query.event', () => {
  it.each(['query.sites', 'query.event'])('%s is refused to a content script (the toolbar)', async (type) => {
    await expect(ask(type, { uuid: uuid(1) }, toolbar)).rejects.toThrow(/only extension pages/);
  });

  it('lists the sites with their event counts and names, and gives one event by uuid', async () => {
    const events = [ev(1, '$pageview', 'shop.test', 1), ev(2, '$autocapture', 'shop.test', 2), ev(3, '$pageview', 'shop.test', 3), ev(4, 'signed_up', 'localhost:3000', 4)];
    await ingestEvents(await db, events);
    expect(await ask('query.sites', {})).toEqual([
      { site: 'localhost:3000', events: 1, last: Date.parse(events[3].timestamp), eventNames: ['signed_up'] },
      { site: 'shop.test', events: 3, last: Date.parse(events[2].timestamp), eventNames: ['$pageview', '$autocapture'] },
    ]);
    expect(await ask('query.event', { uuid: uuid(2) })).toEqual(events[1]);
    expect(await ask('query.event', { uuid: uuid(99) })).toBeNull();
  });

  it.each([[{}], [{ uuid: '' }], [{ uuid: 5 }], [null]])('query.event %j is rejected naming the field', async (data) => {
    await expect(ask('query.event', data)).rejects.toThrow(/^uuid: expected an event's uuid/);
  });
});
