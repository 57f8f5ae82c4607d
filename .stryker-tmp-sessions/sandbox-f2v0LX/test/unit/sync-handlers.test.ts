// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SenderLike } from '../../src/messaging/frame-scope';
import { generateEvents } from '../fixtures/generate-events';
import { startCaptureServer } from '../fixtures/capture-server.mjs';

// The sync.* messages as the background serves them: extension pages only (a content script or
// page never reaches a target, a key or a status), no secret in any answer, and the alarm and
// ingest kicks delivering to a real local capture server.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const alarmListeners: ((alarm: { name: string }) => void)[] = [];
const memory = new Map<string, unknown>();

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { id: 'lasso', onStartup: { addListener: () => undefined } },
    alarms: { get: async () => undefined, create: async () => undefined, onAlarm: { addListener: (f: (a: { name: string }) => void) => void alarmListeners.push(f) } },
  },
}));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { startSync, SYNC_ALARM } = await import('../../src/background/sync-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');

const KEY = 'phc_handlers_secret';
const server = (await startCaptureServer({ posthogKey: KEY })) as { url: string; events(kind?: string): { uuid: string }[]; close(): Promise<void> };
afterAll(() => server.close());
const db = await openLassoDB(new IDBFactory());
const area = { get: async (k: string) => (memory.has(k) ? { [k]: structuredClone(memory.get(k)) } : {}), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v))) };
const sync = await startSync(Promise.resolve(db), { area });

const options: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/options.html' };
const contentScript: SenderLike = { id: 'lasso', url: 'http://shop.test/', frameId: 0, tab: { id: 3 } };
const ask = (type: string, data: unknown, sender: SenderLike = options) => handlers.get(type)!({ data, sender });
const target = { kind: 'posthog', name: 'Local', hostPreset: 'custom', host: server.url, apiKey: KEY, start: 'backfill' };

describe('sync messages', () => {
  it.each(['sync.targets', 'sync.save', 'sync.remove', 'sync.pause', 'sync.test', 'sync.status', 'sync.aside', 'sync.retryAside', 'sync.dropAside', 'sync.run'])('%s is refused to a content script', async (type) => {
    await expect(ask(type, { id: 'x', target }, contentScript)).rejects.toThrow('message rejected: only extension pages may ask this');
  });

  it('saves a target; no answer carries the key; bad payloads are refused by name', async () => {
    const view = await ask('sync.save', { target });
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(JSON.stringify(await ask('sync.targets', {}))).not.toContain(KEY);
    await expect(ask('sync.save', {})).rejects.toThrow('sync.save: expected a target');
    await expect(ask('sync.remove', { id: 7 })).rejects.toThrow('expected a target id');
    await expect(ask('sync.dropAside', { id: 'x', seqs: ['a'] })).rejects.toThrow('seqs: expected a list of set-aside event numbers');
  });

  it('stored events reach the server on the sync alarm; status counts them', async () => {
    const events = generateEvents({ count: 30, seed: 6, days: 1 });
    await ingestEvents(db, events);
    for (const listener of alarmListeners) listener({ name: SYNC_ALARM });
    await sync.run();
    expect(new Set(server.events('posthog').map((e) => e.uuid))).toEqual(new Set(events.map((e) => e.uuid)));
    const [status] = (await ask('sync.status', {})) as { delivered: number; waiting: number }[];
    expect(status).toMatchObject({ delivered: 30, waiting: 0 });
  });
});
