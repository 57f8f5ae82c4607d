// @ts-nocheck
// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';
import { peopleStream } from '../support/people-stream';

// The options page's settings sections with the background answered by its real handlers
// (settings, sources, retention and deletion, queries) over fake-indexeddb and an in-memory storage.local.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const handlers = new Map<string, Handler>();
const memory = new Map<string, unknown>();
const listeners = new Set<Listener>();
const permission = { granted: true, asked: [] as string[][] };

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { id: 'lasso', onConnect: { addListener: () => undefined } },
    permissions: { request: async ({ origins }: { origins: string[] }) => (permission.asked.push(origins), permission.granted) },
    storage: {
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
      local: {
        get: async (key: string) => (memory.has(key) ? { [key]: structuredClone(memory.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v)));
          const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: structuredClone(v) }]));
          listeners.forEach((l) => l(changes, 'local'));
        },
      },
    },
  },
}));
const sender = { id: 'lasso', url: 'chrome-extension://lasso/options.html' };
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    return handler({ data, sender });
  }),
}));
vi.mock('../../src/background/sites', () => ({ hasHostAccess: async () => true, injectCapture: async () => undefined, syncCaptureRegistration: async () => undefined }));

const { registerHandlers } = await import('../../src/background/handlers');
const { registerRetentionHandlers } = await import('../../src/background/retention-handlers');
const { registerSourcesHandlers } = await import('../../src/background/sources-handlers');
const { registerQueryHandlers } = await import('../../src/background/query-handlers');
const { createRetention } = await import('../../src/background/retention');
const { createLiveEvents } = await import('../../src/background/live');
const { loadSettings, saveSettings } = await import('../../src/settings/storage');
const { DEFAULT_SETTINGS } = await import('../../src/settings/settings');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents, countEvents } = await import('../../src/store/events');
const { SettingsSections } = await import('../../src/options/SettingsSections');

const events = peopleStream(7, 60);
const db = await openLassoDB(new IDBFactory());
await ingestEvents(db, events);
const session = { get: async (k: string) => (memory.has(k) ? { [k]: memory.get(k) } : {}), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)) } as KeyValueArea;
const { browser } = await import('wxt/browser');
// The status goes to storage.local, as in the background: the page follows it there.
// The retention clock stands at the data's first event: keeping 30 days then deletes nothing, so
// the counts hold still while a site deletion is planned (on the real clock the fixed-date data
// ages out and the count changes under the test).
const start = Math.min(...events.map((e) => Date.parse(e.timestamp)));
const retention = createRetention({ db: Promise.resolve(db), area: browser.storage.local as unknown as KeyValueArea, loadSettings, estimate: async () => null, batch: 7, now: () => start });
registerRetentionHandlers(retention);
registerHandlers({ db: Promise.resolve(db), live: createLiveEvents('lasso', async () => []), session, retention });
registerSourcesHandlers({ session });
registerQueryHandlers({ db: Promise.resolve(db) });

let root: HTMLElement;
const q = (testid: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
const one = (testid: string) => q(testid)[0]!;
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await flush();
  expect(await check()).toBe(true);
};
const type = async (input: HTMLElement, value: string) => {
  (input as HTMLInputElement).value = value;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
};
const click = (el: HTMLElement) => act(() => void el.click());
const sitesShown = () => q('site-row').map((r) => r.dataset.site);

beforeEach(async () => {
  await saveSettings(DEFAULT_SETTINGS);
  permission.granted = true;
  permission.asked.length = 0;
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(h(SettingsSections, {}), root));
  await until(() => q('capture-sites').length === 1);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('capture sites', () => {
  it('adds a typed address by its hostname after the browser grants access, and removes it', async () => {
    await type(one('add-site-input'), 'https://Shop.Example.com:8443/cart');
    await act(() => void one('add-site').closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await until(() => sitesShown().includes('shop.example.com'));
    expect(permission.asked).toEqual([['*://shop.example.com/*']]);
    expect((await loadSettings()).enabledSites).toEqual(['localhost', '127.0.0.1', 'shop.example.com']);
    await click(q('site-row').find((r) => r.dataset.site === 'localhost')!.querySelector('button')!);
    await until(() => !sitesShown().includes('localhost'));
    expect((await loadSettings()).enabledSites).toEqual(['127.0.0.1', 'shop.example.com']);
  });

  it.each([
    ['', 'Type a site'],
    ['ftp://files.test', 'http and https pages only'],
    ['intranet', 'not a full host name'],
  ])('refuses %j, saying why, and stores nothing', async (typed, words) => {
    await type(one('add-site-input'), typed);
    await act(() => void one('add-site').closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(one('sites-error').textContent).toContain(words);
    expect((await loadSettings()).enabledSites).toEqual(DEFAULT_SETTINGS.enabledSites);
  });

  it('keeps a site out when the browser refuses access', async () => {
    permission.granted = false;
    await type(one('add-site-input'), 'blog.test');
    await act(() => void one('add-site').closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await until(() => q('sites-error').length === 1);
    expect(one('sites-error').textContent).toBe('Lasso needs access to blog.test to capture there.');
    expect((await loadSettings()).enabledSites).toEqual(DEFAULT_SETTINGS.enabledSites);
  });

  it('switches all sites on with access to all sites, and says what to do when no site is on', async () => {
    await click(one('all-sites'));
    await until(async () => (await loadSettings()).allSites);
    expect(permission.asked).toEqual([['<all_urls>']]);
    for (const site of ['localhost', '127.0.0.1']) {
      await click(q('site-row').find((r) => r.dataset.site === site)!.querySelector('button')!);
      await until(() => !sitesShown().includes(site));
    }
    await until(() => q('sites-empty').length === 1);
    expect(one('sites-empty').textContent).toContain('switch capture on for a site from the Lasso button');
  });
});

describe('page-traffic sources', () => {
  it('switches a site on with extra hosts, and shows the background\'s refusal of a bad host', async () => {
    const row = () => q('traffic-row').find((r) => r.dataset.site === 'localhost')!;
    await type(row().querySelector('[data-testid="traffic-hosts"]')!, 'ph.example.com, e.example.com');
    await click(row().querySelector<HTMLElement>('[data-testid="traffic-save"]')!);
    await until(() => (row().querySelector('[data-testid="traffic-enabled"]') as HTMLInputElement).checked);
    expect((await loadSettings()).pageTraffic).toEqual([{ site: 'localhost', hosts: ['ph.example.com', 'e.example.com'] }]);
    await type(row().querySelector('[data-testid="traffic-hosts"]')!, 'not a host!');
    await click(row().querySelector<HTMLElement>('[data-testid="traffic-save"]')!);
    await until(() => row().querySelector('[data-testid="traffic-error"]') !== null);
    expect(row().querySelector('[data-testid="traffic-error"]')!.textContent).toContain('sources.set: hosts: expected at most 20 host names');
    await click(row().querySelector<HTMLElement>('[data-testid="traffic-enabled"]')!);
    await until(async () => (await loadSettings()).pageTraffic.length === 0);
  });
});

describe('retention and deletion', () => {
  it('shows the usage, changes retention, and deletes one site after a confirmation with the plan\'s counts', async () => {
    await until(() => q('delete-site-choice').length === 1 && one('usage').textContent!.includes('stored'));
    const total = await countEvents(db);
    expect(one('usage').textContent).toBe(`${total.toLocaleString('en')} events stored.`);
    const select = one('retention-days') as HTMLSelectElement;
    select.value = '30';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => memory.has('settings') && (memory.get('settings') as { retentionDays: unknown }).retentionDays === 30);

    const choice = one('delete-site-choice') as HTMLSelectElement;
    const site = choice.value;
    const siteEvents = await countEvents(db, site);
    await click(one('delete-site'));
    await until(() => q('deletion-plan').length === 1);
    expect(one('deletion-plan').textContent).toMatch(new RegExp(`^Delete ${siteEvents.toLocaleString('en')} events? of ${site.replace(/\./g, '\\.')} \\(`));
    await click(one('confirm-delete'));
    await until(() => !Array.from(choice.options).some((o) => o.value === site));
    expect(await countEvents(db, site)).toBe(0);
    expect(await countEvents(db)).toBe(total - siteEvents);
  });
});

describe('selector data attributes', () => {
  it('saves the typed list in order, refuses a bad name in the background\'s words, and resets to the defaults', async () => {
    expect((one('selector-attributes-input') as HTMLTextAreaElement).value.split('\n')).toEqual(DEFAULT_SETTINGS.selectorAttributes);
    await type(one('selector-attributes-input'), 'data-track\nData-TestId, data-x-*');
    await click(one('selector-attributes-save'));
    await until(async () => (await loadSettings()).selectorAttributes.length === 3);
    expect((await loadSettings()).selectorAttributes).toEqual(['data-track', 'data-testid', 'data-x-*']);
    await type(one('selector-attributes-input'), 'data-ok\n[onclick]');
    await click(one('selector-attributes-save'));
    await until(() => q('selector-attributes-error').length === 1);
    expect(one('selector-attributes-error').textContent).toBe('settings.update: selectorAttributes: "[onclick]" is not an attribute name (e.g. data-testid, or data-track-* for a prefix)');
    expect((await loadSettings()).selectorAttributes).toEqual(['data-track', 'data-testid', 'data-x-*']);
    await click(one('selector-attributes-reset'));
    await until(async () => (await loadSettings()).selectorAttributes.length === DEFAULT_SETTINGS.selectorAttributes.length);
    expect((await loadSettings()).selectorAttributes).toEqual(DEFAULT_SETTINGS.selectorAttributes);
  });
});
