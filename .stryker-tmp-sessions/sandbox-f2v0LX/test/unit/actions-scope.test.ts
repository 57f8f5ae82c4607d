// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import type { PreviewMessage } from '../../src/messaging/protocol';

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
type Listener = (port: FakePort) => void;
const handlers = new Map<string, Handler>();
const connectListeners: Listener[] = [];

class FakePort {
  readonly messages: PreviewMessage[] = [];
  private listeners: ((m: unknown) => void)[] = [];
  constructor(readonly name: string, readonly sender: unknown) {}
  onMessage = { addListener: (f: (m: unknown) => void) => this.listeners.push(f) };
  onDisconnect = { addListener: () => undefined };
  postMessage = (m: PreviewMessage) => this.messages.push(m);
  disconnect = () => undefined;
  deliver = (m: unknown) => this.listeners.forEach((f) => f(m));
}

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: (f: Listener) => connectListeners.push(f) } } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => undefined;
  }),
}));

const { registerActionHandlers } = await import('../../src/background/actions-handlers');
const { registerToolbarQueries } = await import('../../src/background/toolbar-queries');
const { PREVIEW_PORT } = await import('../../src/messaging/protocol');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');
const { saveAction } = await import('../../src/store/actions');

const A = '127.0.0.1:8123';
const B = '127.0.0.1:5174';
const toolbarOn = (site: string) => ({ id: 'lasso', url: `http://${site}/shop`, frameId: 0, tab: { id: 1, url: `http://${site}/shop` } });
const extensionPage = { id: 'lasso', url: 'chrome-extension://lasso/popup.html' };
/** This extension's content script in a frame of `site` inside a tab whose top page is of site A. */
const frameOf = (site: string) => ({ id: 'lasso', url: `http://${site}/widget`, frameId: 4, tab: { id: 1, url: `http://${A}/shop` } });
const steps = [{ event: '$autocapture', selector: 'button[data-attr="add"]' }];
const CHAIN = 'button:attr__data-attr="add"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';

let n = 0;
const click = (site: string): CaptureEvent => ({
  uuid: `0190a0a0-0000-7000-8000-${String(n++).padStart(12, '0')}`, event: '$autocapture', distinct_id: 'd', timestamp: new Date(Date.now() - 60_000).toISOString(),
  properties: { $host: site, $current_url: `http://${site}/shop`, $elements_chain: CHAIN, $event_type: 'click' },
});

const ask = (type: string, data: unknown, sender: unknown) => handlers.get(type)!({ data, sender });

/** Open a preview port as `sender` and send one query; resolves with the first complete answer or error. */
async function preview(sender: unknown, request: Record<string, unknown>): Promise<PreviewMessage> {
  const port = new FakePort(PREVIEW_PORT, sender);
  connectListeners.forEach((f) => f(port));
  port.deliver({ type: 'query', id: 1, latest: 10, ...request });
  await vi.waitFor(() => expect(port.messages.some((m) => m.type === 'error' || (m.type === 'result' && m.result.complete))).toBe(true));
  return port.messages.find((m) => m.type === 'error' || (m.type === 'result' && m.result.complete))!;
}

let saved: StoredAction;
beforeEach(async () => {
  handlers.clear();
  connectListeners.length = 0;
  const db = await openLassoDB(new IDBFactory());
  await ingestEvents(db, [click(A), click(A), click(A), click(B), click('127.0.0.1')]);
  saved = await saveAction(db, { site: A, name: 'Add to cart', steps });
  registerActionHandlers({ db: Promise.resolve(db), live: { publish: () => undefined } });
  registerToolbarQueries({ db: Promise.resolve(db) });
});

describe('actions handlers: a toolbar works on its own site (host with port) only', () => {
  it.each([
    ['its own site', toolbarOn(A), { site: A }, ['Add to cart']],
    ['another port of its hostname', toolbarOn(B), { site: B }, []],
    ['an extension page, any site', extensionPage, { site: A }, ['Add to cart']],
    ['an extension page, the bare hostname (no longer every port)', extensionPage, { site: '127.0.0.1' }, []],
  ])('actions.list: %s', async (_name, sender, data, names) => {
    expect(((await ask('actions.list', data, sender)) as StoredAction[]).map((a) => a.name)).toEqual(names);
  });

  it.each([
    ['list another port', 'actions.list', () => ({ site: A })],
    ['save to another port', 'actions.save', () => ({ action: { site: A, name: 'X', steps } })],
    ['delete an action of another port', 'actions.delete', () => ({ id: saved.id })],
    ['summarize another port', 'actions.summary', () => ({ site: A, url: `http://${A}/shop` })],
    ['heatmap of another port', 'heatmap.clicks', () => ({ site: A, url: `http://${A}/shop`, match: 'exact' })],
    ['export another port', 'actions.export', () => ({ site: A })],
  ])('refuses a toolbar on %s', async (_name, type, data) => {
    await expect(ask(type, data(), toolbarOn(B))).rejects.toThrow(`a page of ${B} cannot touch actions of ${A}`);
  });

  it('a site that is not a site key is refused with a clear message', async () => {
    await expect(ask('actions.list', { site: '127.0.0.1:8123/' }, extensionPage)).rejects.toThrow(/site: expected a site \(host and port/);
    await expect(ask('actions.listAll', { except: 'Upper.Case' }, toolbarOn(B))).rejects.toThrow(/except: expected a site/);
  });

  it('a toolbar saves for its own site, port included', async () => {
    const copy = (await ask('actions.save', { action: { name: 'Add to cart', steps } }, toolbarOn(B))) as StoredAction;
    expect(copy.site).toBe(B);
    expect(((await ask('actions.list', { site: B }, toolbarOn(B))) as StoredAction[]).map((a) => a.id)).toEqual([copy.id]);
  });

  it('actions.listAll: every other site, grouped, for any of this extension’s callers', async () => {
    await ask('actions.save', { action: { name: 'Mine', steps } }, toolbarOn(B));
    expect(await ask('actions.listAll', { except: B }, toolbarOn(B))).toEqual([{ site: A, actions: [saved] }]);
    expect(((await ask('actions.listAll', {}, extensionPage)) as { site: string }[]).map((g) => g.site)).toEqual([B, A].sort());
    await expect(ask('actions.listAll', {}, { id: 'another-extension', url: 'chrome-extension://x/' })).rejects.toThrow('not this extension');
  });
});

describe('stored counts are per site: clicks of one port never count on another', () => {
  it('actions.summary counts the action’s own site', async () => {
    const [summary] = (await ask('actions.summary', { site: A, url: `http://${A}/shop` }, toolbarOn(A))) as { windows: { all: number }; lastHere: unknown }[];
    expect(summary.windows.all).toBe(3);
    expect(summary.lastHere).toMatchObject({ chain: CHAIN });
    await ask('actions.save', { action: { name: 'Add to cart', steps } }, toolbarOn(B));
    const [onB] = (await ask('actions.summary', { site: B, url: `http://${B}/shop` }, toolbarOn(B))) as { windows: { all: number } }[];
    expect(onB.windows.all).toBe(1);
  });

  it.each([
    [A, 3],
    [B, 1],
    ['127.0.0.1', 1],
  ])('heatmap.clicks on %s: %i', async (site, total) => {
    expect(await ask('heatmap.clicks', { site, url: `http://${site}/shop`, match: 'path' }, extensionPage)).toMatchObject({ total });
  });

  it.each([
    ['a draft from a toolbar counts its own site', toolbarOn(B), () => ({ action: { steps } }), 1],
    ['… the other port', toolbarOn(A), () => ({ action: { steps } }), 3],
    ['a saved action counts its site', extensionPage, () => ({ actionId: saved.id }), 3],
    ['an extension page may ask for all sites', extensionPage, () => ({ action: { steps }, site: null }), 5],
    ['… or one', extensionPage, () => ({ action: { steps }, site: B }), 1],
  ])('preview port: %s', async (_name, sender, request, all) => {
    const answer = await preview(sender, request());
    expect(answer.type === 'result' && answer.result.windows.all).toBe(all);
  });

  it('preview port: a toolbar cannot preview a saved action of another port', async () => {
    const answer = await preview(toolbarOn(B), { actionId: saved.id });
    expect(answer).toMatchObject({ type: 'error', message: expect.stringContaining(`cannot touch actions of ${A}`) });
  });
});

describe('a frame inside the page is refused whatever its site: only the top frame hosts the toolbar', () => {
  const TOP_ONLY = "refused — only the page's top frame (where the toolbar lives) may ask this, not a frame inside it";
  it.each([
    ['actions.list', () => ({ site: A })],
    ['actions.listAll', () => ({})],
    ['actions.save', () => ({ action: { name: 'X', steps } })],
    ['actions.delete', () => ({ id: saved.id })],
    ['actions.import', () => ({ site: A, text: '[]' })],
    ['actions.export', () => ({ site: A })],
    ['actions.summary', () => ({ site: A, url: `http://${A}/shop` })],
    ['heatmap.clicks', () => ({ site: A, url: `http://${A}/shop`, match: 'exact' })],
  ])('%s', async (type, data) => {
    for (const site of [B, A]) await expect(ask(type, data(), frameOf(site))).rejects.toThrow(`${type}: ${TOP_ONLY} (http://${site})`);
    expect(((await ask('actions.list', { site: A }, extensionPage)) as StoredAction[]).map((a) => a.id)).toEqual([saved.id]);
  });

  it.each([
    ['a saved action of the top site', () => ({ actionId: saved.id })],
    ['a draft', () => ({ action: { steps } })],
  ])('the preview port says why and hangs up, with no result: %s', async (_name, request) => {
    const answer = await preview(frameOf(B), request());
    expect(answer).toEqual({ type: 'error', id: -1, message: `preview port: ${TOP_ONLY} (http://${B})` });
  });

  it('the top frame is scoped by its own address, not by its tab’s', async () => {
    const top = { ...toolbarOn(B), tab: { id: 1, url: `http://${A}/shop` } };
    await expect(ask('actions.list', { site: A }, top)).rejects.toThrow(`a page of ${B} cannot touch actions of ${A}`);
    await expect(ask('actions.delete', { id: saved.id }, top)).rejects.toThrow(`a page of ${B} cannot touch actions of ${A}`);
  });
});
