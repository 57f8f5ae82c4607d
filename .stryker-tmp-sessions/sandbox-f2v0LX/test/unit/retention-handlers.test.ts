// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';
import type { SenderLike } from '../../src/messaging/frame-scope';
import { peopleStream } from '../support/people-stream';
import { withFirst } from '../../src/store/prefix';

// The deletion and retention messages as the background serves them: extension pages only,
// checked payloads, a plan before anything goes.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const memory = new Map<string, unknown>();

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { id: 'lasso', onConnect: { addListener: () => undefined } },
    storage: {
      local: {
        get: async (key: string) => (memory.has(key) ? { [key]: structuredClone(memory.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v))),
      },
    },
  },
}));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));
vi.mock('../../src/background/sites', () => ({ hasHostAccess: async () => true, injectCapture: async () => undefined, syncCaptureRegistration: async () => undefined }));

const { registerHandlers } = await import('../../src/background/handlers');
const { registerRetentionHandlers } = await import('../../src/background/retention-handlers');
const { createRetention } = await import('../../src/background/retention');
const { createLiveEvents } = await import('../../src/background/live');
const { loadSettings } = await import('../../src/settings/storage');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');

const popup: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/popup.html' };
const page: SenderLike = { id: 'lasso', url: 'http://shop.test/', frameId: 0, tab: { id: 3 } };
const ask = (type: string, data: unknown, sender: SenderLike = popup) => handlers.get(type)!({ data, sender });

const events = peopleStream(41, 120);
const db = await openLassoDB(new IDBFactory());
await ingestEvents(db, events);
const area = { get: async (k: string) => (memory.has(k) ? { [k]: memory.get(k) } : {}), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)) } as KeyValueArea;
const retention = createRetention({ db: Promise.resolve(db), area, loadSettings, estimate: async () => null, batch: 11 });
registerRetentionHandlers(retention);
registerHandlers({ db: Promise.resolve(db), live: createLiveEvents('lasso', async () => []), session: area, retention });
const siteEvents = events.filter((e) => e.properties.$host === 'shop.test').length;

describe('deletion messages', () => {
  it.each(['store.deleteSite', 'store.deleteAll', 'store.retention', 'store.cancelDeletion'])('%s: a web page (content script) is refused', async (type) => {
    await expect(ask(type, { site: 'shop.test', dryRun: true }, page)).rejects.toThrow('only extension pages');
  });

  it('refuses a malformed site, naming the field', async () => {
    await expect(ask('store.deleteSite', { site: 'Not A Site!' })).rejects.toThrow('site: expected a site');
  });

  it('a dry run plans and deletes nothing', async () => {
    const answer = await ask('store.deleteSite', { site: 'shop.test', dryRun: true });
    expect(answer).toMatchObject({ started: false, plan: { events: siteEvents, actions: 0 } });
    expect(await db.count('events')).toBe(events.length);
  });

  it('"Delete everything" needs confirm: true', async () => {
    await expect(ask('store.deleteAll', {})).rejects.toThrow('confirm: true');
    expect(await db.count('events')).toBe(events.length);
  });

  it('nothing running: cancel says so', async () => {
    expect(await ask('store.cancelDeletion', {})).toEqual({ cancelled: false });
  });

  it('a site deletion answers with its plan at once and runs in the background', async () => {
    expect(await ask('store.deleteSite', { site: 'shop.test' })).toMatchObject({ started: true, plan: { events: siteEvents } });
    await retention.run(); // a marker queued after the deletion
    expect(await db.countFromIndex('events', 'host_time', withFirst('shop.test'))).toBe(0);
    expect(await db.count('events')).toBe(events.length - siteEvents);
    expect(await ask('store.retention', {})).toMatchObject({ job: null });
  });

  it.each([
    [{ retentionDays: 0 }, 'retentionDays must be null (keep all) or a whole number from 1 to 36500, not 0'],
    [{ retentionMB: 'lots' }, 'retentionMB must be null (keep all) or a whole number from 50 to 1000000, not "lots"'],
  ])('settings.update refuses %j', async (data, message) => {
    await expect(ask('settings.update', data)).rejects.toThrow(message);
  });

  it('settings.update stores a retention limit and applies it', async () => {
    expect(await ask('settings.update', { retentionDays: 1 })).toMatchObject({ retentionDays: 1, retentionMB: 2048 });
    await retention.run(); // marker: the run the change started is done
    expect(await db.count('events')).toBe(0); // the stream is from 2026-11-01: older than a day
    expect((await ask('store.retention', {}) as { lastRun: unknown }).lastRun).toMatchObject({ bySize: 0 });
  });

  it('then "Delete everything" with confirm clears what is left (actions kept)', async () => {
    await db.put('actions', { id: 'a1', site: 'shop.test', name: 'Buy' } as never);
    expect(await ask('store.deleteAll', { confirm: true })).toMatchObject({ started: true, plan: { actions: 1 } });
    await retention.run();
    expect(await db.count('sessions')).toBe(0);
    expect(await db.count('actions')).toBe(1);
  });
});
