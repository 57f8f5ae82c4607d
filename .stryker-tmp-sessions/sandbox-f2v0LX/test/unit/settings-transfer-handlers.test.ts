// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { SenderLike } from '../../src/messaging/frame-scope';

// settings.export / settings.import as the background serves them: extension pages only, keys
// only when asked, a bad file changes nothing, an import plans before it applies.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const memory = new Map<string, unknown>();
const area = { get: async (k: string) => (memory.has(k) ? { [k]: structuredClone(memory.get(k)) } : {}), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v))) };

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { id: 'lasso', onStartup: { addListener: () => undefined } },
    alarms: { get: async () => undefined, create: async () => undefined, onAlarm: { addListener: () => undefined } },
    storage: { local: { get: (k: string) => area.get(k), set: (items: Record<string, unknown>) => area.set(items) } },
  },
}));
vi.mock('../../src/background/sites', () => ({ syncCaptureRegistration: async () => undefined }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { startSync } = await import('../../src/background/sync-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { loadSettings } = await import('../../src/settings/storage');

/** One browser: its own storage and database. */
async function browserProfile() {
  memory.clear();
  handlers.clear();
  await startSync(openLassoDB(new IDBFactory()), { area });
}
const options: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/options.html' };
const contentScript: SenderLike = { id: 'lasso', url: 'http://shop.test/', frameId: 0, tab: { id: 3 } };
const ask = (type: string, data: unknown, sender: SenderLike = options) => handlers.get(type)!({ data, sender });
const KEY = 'phc_transfer_secret';

describe('settings file messages', () => {
  it.each(['settings.export', 'settings.import'])('%s is refused to a content script', async (type) => {
    await browserProfile();
    await expect(ask(type, { text: '{}' }, contentScript)).rejects.toThrow('only extension pages may ask this');
  });

  it('exports from one browser and imports into a fresh one: planned first, key asked for, then applied', async () => {
    await browserProfile();
    memory.set('settings', { version: 2, enabledSites: ['shop.test'], allSites: false, paused: false, buttonOpensToolbar: false, pageTraffic: [], retentionDays: 30, retentionMB: 500 });
    await ask('sync.save', { target: { kind: 'posthog', name: 'PH', hostPreset: 'custom', host: 'http://127.0.0.1:9', apiKey: KEY, start: 'now', paused: true } });
    const text = JSON.stringify(await ask('settings.export', {}));
    expect(text).not.toContain(KEY);

    await browserProfile();
    const planned = (await ask('settings.import', { text })) as { plan: { targets: { change: string; missing: string[] }[] }; applied: boolean };
    expect(planned.applied).toBe(false);
    expect(planned.plan.targets).toEqual([expect.objectContaining({ change: 'add', missing: ['key'] })]);
    expect(await ask('sync.targets', {})).toEqual([]);
    await expect(ask('settings.import', { text, apply: true })).rejects.toThrow('enter the missing secrets first (PH: key)');
    expect(await ask('sync.targets', {})).toEqual([]);

    await ask('settings.import', { text, apply: true, given: { 0: { key: 'phc_typed' } } });
    expect(await ask('sync.targets', {})).toEqual([expect.objectContaining({ name: 'PH', endpoint: 'http://127.0.0.1:9', hasKey: true, paused: true })]);
    expect(await loadSettings()).toMatchObject({ enabledSites: ['shop.test'], retentionDays: 30, retentionMB: 500 });
  });

  it.each([
    ['not JSON', '{', 'the file is not JSON'],
    ['an unknown version', JSON.stringify({ format: 'lasso-settings', version: 9 }), 'version 9 is not one this Lasso knows'],
  ])('a bad file (%s) is refused by name and changes nothing', async (_name, text, message) => {
    await browserProfile();
    await expect(ask('settings.import', { text, apply: true })).rejects.toThrow(message);
    expect(memory.has('settings')).toBe(false);
  });
});
