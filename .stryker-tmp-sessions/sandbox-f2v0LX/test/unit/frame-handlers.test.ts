// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import type { CaptureContext, IngestAck, LiveEventsMessage } from '../../src/messaging/protocol';
import type { SenderLike } from '../../src/messaging/frame-scope';

// The background's capture, toolbar-capture and live-port handlers, asked by content scripts in
// a tab of 127.0.0.1:5174 that embeds a frame of localhost:5174: each answers for the sending
// frame's own origin, never for the tab's page.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
type Listener = (port: FakePort) => void;
const handlers = new Map<string, Handler>();
const connectListeners: Listener[] = [];
const memory = new Map<string, unknown>();

class FakePort {
  readonly messages: unknown[] = [];
  disconnected = false;
  private listeners: ((m: unknown) => void)[] = [];
  constructor(readonly name: string, readonly sender: SenderLike) {}
  onMessage = { addListener: (f: (m: unknown) => void) => this.listeners.push(f) };
  onDisconnect = { addListener: () => undefined };
  postMessage = (m: unknown) => this.messages.push(m);
  disconnect = () => void (this.disconnected = true);
}

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { id: 'lasso', onConnect: { addListener: (f: Listener) => connectListeners.push(f) } },
    storage: {
      local: {
        get: async (key: string) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
      },
    },
  },
}));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));
const injected: number[] = [];
vi.mock('../../src/background/sites', () => ({
  hasHostAccess: async () => true,
  injectCapture: async (tabId: number) => void injected.push(tabId),
  syncCaptureRegistration: async () => undefined,
}));

const { registerHandlers } = await import('../../src/background/handlers');
const { createLiveEvents } = await import('../../src/background/live');
const { openLassoDB } = await import('../../src/store/schema');
const { TOOLBAR_LIVE_PORT, TOOLBAR_STORED_PORT, LIVE_EVENTS_PORT } = await import('../../src/messaging/protocol');

const TOP = 'http://127.0.0.1:5174/cross-frame.html';
const FRAME = 'http://localhost:5174/frame.html';
const TAB = { id: 7, url: TOP };
const topFrame: SenderLike = { id: 'lasso', url: TOP, frameId: 0, tab: TAB };
const crossFrame: SenderLike = { id: 'lasso', url: FRAME, frameId: 3, tab: TAB };
const popup: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/popup.html' };

let n = 0;
const eventAt = (url: string, host = new URL(url).host): CaptureEvent => ({
  uuid: `0190a0a0-0000-7000-8000-${String(n++).padStart(12, '0')}`, event: '$autocapture', distinct_id: 'd', timestamp: new Date().toISOString(),
  properties: { $current_url: url, $host: host, $window_id: 'w' },
});

const ask = (type: string, data: unknown, sender: SenderLike) => handlers.get(type)!({ data, sender });
let db: Awaited<ReturnType<typeof openLassoDB>>;
let live: ReturnType<typeof createLiveEvents>;

beforeEach(async () => {
  handlers.clear();
  connectListeners.length = 0;
  memory.clear();
  injected.length = 0;
  db = await openLassoDB(new IDBFactory());
  live = createLiveEvents('lasso');
  const session = { get: async () => ({}), set: async () => undefined };
  registerHandlers({ db: Promise.resolve(db), live, session });
});

describe('capture.hello: ids for the sending frame’s own hostname', () => {
  it('a frame of another site gets its own site’s ids, not the top page’s', async () => {
    const frameIds = (await ask('capture.hello', { url: FRAME }, crossFrame)) as CaptureContext;
    const topIds = (await ask('capture.hello', { url: TOP }, topFrame)) as CaptureContext;
    expect(frameIds.distinctId).not.toBe(topIds.distinctId);
    expect(memory.get('identity:localhost')).toEqual({ deviceId: frameIds.deviceId, distinctId: frameIds.distinctId });
    expect(memory.get('identity:127.0.0.1')).toEqual({ deviceId: topIds.deviceId, distinctId: topIds.distinctId });
  });

  it('a frame at a very long address (a 100 KB pushState path) still gets its ids', async () => {
    const long = `${FRAME}?q=${'x'.repeat(100_000)}`;
    await expect(ask('capture.hello', { url: long }, { ...crossFrame, url: long })).resolves.toMatchObject({ distinctId: expect.any(String) });
  });

  it.each<[string, SenderLike, string, string]>([
    ['the top page’s URL in the payload', crossFrame, TOP, 'capture.hello: refused — "http://127.0.0.1:5174/cross-frame.html" is not of the sending frame\'s origin http://localhost:5174'],
    ['another port of its hostname', crossFrame, 'http://localhost:8123/', 'is not of the sending frame\'s origin'],
    ['an about:blank frame', { ...crossFrame, url: 'about:blank' }, TOP, 'capture.hello: refused — the sending frame ("about:blank") is not a web page of its own'],
    ['an extension page', popup, TOP, 'capture.hello: refused — not from a web page tab'],
  ])('refuses %s, and no ids of the top site are made', async (_name, sender, url, message) => {
    await expect(ask('capture.hello', { url }, sender)).rejects.toThrow(message);
    expect(memory.has('identity:127.0.0.1')).toBe(false);
  });
});

describe('capture.ingest: a frame stores events of its own origin only', () => {
  it('rejects each event claiming another origin, naming why, and stores the rest', async () => {
    const own = eventAt(`${FRAME}?step=2`);
    const claimsTop = eventAt(TOP);
    const claimsTopHost = eventAt(FRAME, '127.0.0.1:5174');
    const ack = (await ask('capture.ingest', { events: [own, claimsTop, claimsTopHost] }, crossFrame)) as IngestAck;
    expect(ack).toMatchObject({ acknowledged: [own.uuid], stored: 1 });
    expect(ack.rejected).toEqual([
      { uuid: claimsTop.uuid, reason: `$current_url: "${TOP}" is not of the sending frame's origin http://localhost:5174` },
      { uuid: claimsTopHost.uuid, reason: '$host: "127.0.0.1:5174" is not the sending frame\'s site localhost:5174' },
    ]);
    expect((await db.getAll('events')).map((e) => e.uuid)).toEqual([own.uuid]);
  });

  it('the top frame is held to its own origin too', async () => {
    const ack = (await ask('capture.ingest', { events: [eventAt(FRAME), eventAt(TOP)] }, topFrame)) as IngestAck;
    expect(ack.stored).toBe(1);
    expect((await db.getAll('events')).map((e) => e.properties.$host)).toEqual(['127.0.0.1:5174']);
  });

  it('is refused outright from a frame without a web address of its own', async () => {
    await expect(ask('capture.ingest', { events: [eventAt(TOP)] }, { ...crossFrame, url: 'about:srcdoc' })).rejects.toThrow('capture.ingest: refused — the sending frame ("about:srcdoc")');
    expect(await db.count('events')).toBe(0);
  });
});

describe('toolbar.enableCapture and store queries: never a frame inside the page', () => {
  it('the top frame switches capture on for its own hostname', async () => {
    await expect(ask('toolbar.enableCapture', {}, { ...topFrame, url: 'http://shop.test:8080/', tab: TAB })).resolves.toEqual({ enabled: true });
    expect((memory.get('settings') as { enabledSites: string[] }).enabledSites).toContain('shop.test');
    expect(injected).toEqual([7]);
  });

  it.each<[string, unknown]>([
    ['toolbar.enableCapture', {}],
    ['store.latestForTab', { tabId: 7, limit: 10 }],
    ['store.stats', { host: '127.0.0.1:5174' }],
  ])('%s from a frame inside the page is refused', async (type, data) => {
    await expect(ask(type, data, crossFrame)).rejects.toThrow(/refused|only extension pages/);
    expect(injected).toEqual([]);
  });
});

describe('live ports: the toolbar’s are served to the top frame only, scoped by its own address', () => {
  const connect = (name: string, sender: SenderLike) => {
    const port = new FakePort(name, sender);
    connectListeners.forEach((f) => f(port));
    return port;
  };

  const TOP_ONLY = "refused — only the page's top frame (where the toolbar lives) may ask this, not a frame inside it (http://localhost:5174)";
  it.each([
    ['the toolbar’s live port from a frame inside the page', TOOLBAR_LIVE_PORT, crossFrame, `lasso.toolbar-live: ${TOP_ONLY}`],
    ['the toolbar’s stored port from a frame inside the page', TOOLBAR_STORED_PORT, crossFrame, `lasso.toolbar-stored: ${TOP_ONLY}`],
    ['the toolbar’s live port from about:blank', TOOLBAR_LIVE_PORT, { ...topFrame, url: 'about:blank' }, 'lasso.toolbar-live: refused — the sending frame ("about:blank") is not a web page of its own'],
    ['the popup’s live port from a content script', LIVE_EVENTS_PORT, topFrame, 'lasso.live-events: refused — only extension pages may open it'],
    ['the popup’s live port from another extension', LIVE_EVENTS_PORT, { ...popup, id: 'other' }, 'lasso.live-events: refused — sender other is not this extension'],
    ['the toolbar’s live port from the popup', TOOLBAR_LIVE_PORT, popup, 'lasso.toolbar-live: refused — not from a web page tab'],
  ])('%s is told why, disconnected, and gets no event', (_name, name, sender, reason) => {
    const port = connect(name, sender);
    live.publish([eventAt(TOP), eventAt(FRAME)], 7);
    expect(port).toMatchObject({ disconnected: true, messages: [{ type: 'refused', reason }] });
  });

  it('a top frame gets its own site’s events, whatever its tab’s URL says', async () => {
    const port = connect(TOOLBAR_LIVE_PORT, { ...topFrame, url: FRAME, tab: TAB });
    const stored = connect(TOOLBAR_STORED_PORT, { ...topFrame, url: FRAME, tab: TAB });
    const frameEvent = eventAt(FRAME);
    live.publish([eventAt(TOP), frameEvent, eventAt(TOP)], 7);
    expect(stored.messages).toEqual([{ type: 'stored', count: 1 }]);
    await vi.waitFor(() => expect(port.messages).toHaveLength(1));
    expect(port.messages).toEqual([{ type: 'events', events: [frameEvent], tabId: 7, persons: {} } satisfies LiveEventsMessage]);
  });

  it('a toolbar’s events come with their persons’ current properties (asked for its own events’ ids only)', async () => {
    const asked: string[][] = [];
    const withPersons = createLiveEvents('lasso', async () => [], async (ids) => {
      asked.push(ids);
      return Object.fromEntries(ids.map((id) => [id, { plan: 'pro' }]));
    });
    const port = connect(TOOLBAR_LIVE_PORT, { ...topFrame, url: FRAME, tab: TAB });
    const frameEvent = { ...eventAt(FRAME), distinct_id: 'visitor' };
    withPersons.publish([{ ...eventAt(TOP), distinct_id: 'someone-else' }, frameEvent], 7);
    await vi.waitFor(() => expect(port.messages.filter((m) => (m as LiveEventsMessage).persons?.visitor)).toHaveLength(1));
    expect(asked).toContainEqual(['visitor']);
    expect(asked.flat()).not.toContain('someone-else');
  });
});
