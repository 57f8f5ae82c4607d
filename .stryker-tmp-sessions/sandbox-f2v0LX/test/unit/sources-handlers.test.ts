// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';

// sources.get / sources.set: the per-site switch for the page's own PostHog traffic, for extension pages only.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const memory = new Map<string, unknown>();
const area: KeyValueArea = {
  get: async (key) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
  set: async (items) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
};

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso' }, storage: { local: area } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { registerSourcesHandlers } = await import('../../src/background/sources-handlers');
const { loadSettings } = await import('../../src/settings/storage');
registerSourcesHandlers({ session: area });

const popup = { id: 'lasso', url: 'chrome-extension://lasso/popup.html' };
const ask = (type: string, data: unknown, sender: unknown = popup) => handlers.get(type)!({ data, sender });

describe('sources.get / sources.set', () => {
  it('switches a site on with its hosts, reports it, and off again', async () => {
    const on = await ask('sources.set', { site: 'Shop.test:8443', enabled: true, hosts: ['ph.shop.test'] });
    expect(on).toEqual({ site: 'shop.test', enabled: true, hosts: ['ph.shop.test'], stats: { requests: 0, stored: 0, duplicates: 0, rejected: 0 } });
    expect((await loadSettings()).pageTraffic).toEqual([{ site: 'shop.test', hosts: ['ph.shop.test'] }]);
    expect(await ask('sources.get', { site: 'shop.test' })).toEqual(on);
    expect(await ask('sources.set', { site: 'shop.test', enabled: false })).toMatchObject({ enabled: false, hosts: [] });
    expect((await loadSettings()).pageTraffic).toEqual([]);
  });

  it.each<[string, string, unknown, unknown, RegExp]>([
    ['a content script', 'sources.set', { site: 'shop.test', enabled: true }, { id: 'lasso', url: 'https://shop.test/', tab: { id: 1 } }, /only extension pages/],
    ['another extension', 'sources.get', { site: 'shop.test' }, { id: 'other', url: 'chrome-extension://other/x.html' }, /not this extension/],
    ['no site', 'sources.get', {}, popup, /site: expected a string/],
    ['not a host', 'sources.get', { site: '/' }, popup, /site: expected a host name/],
    ['no enabled', 'sources.set', { site: 'shop.test' }, popup, /enabled: expected true or false/],
    ['a bad host', 'sources.set', { site: 'shop.test', enabled: true, hosts: ['a/b'] }, popup, /hosts: expected at most 20 host names/],
  ])('refuses %s with the reason', async (_n, type, data, sender, reason) => {
    await expect(ask(type, data, sender)).rejects.toThrow(reason);
  });
});
