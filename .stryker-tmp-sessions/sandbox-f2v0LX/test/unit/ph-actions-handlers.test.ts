// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SenderLike } from '../../src/messaging/frame-scope';
import { startPostHogActionsServer } from '../fixtures/posthog-actions-server.mjs';

// The phActions.* messages as the background serves them: extension pages only, payloads
// checked by name, and neither the saved key nor a refused one in any answer or error.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const memory = new Map<string, unknown>();

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso' } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { registerPhActionsHandlers } = await import('../../src/background/ph-actions-handlers');
const { openLassoDB } = await import('../../src/store/schema');

const KEY = 'phx_handlers_secret_key';
const server = await startPostHogActionsServer({ key: KEY, projectId: '3' });
afterAll(() => server.close());
const area = { get: async (k: string) => (memory.has(k) ? { [k]: structuredClone(memory.get(k)) } : {}), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v))) };
registerPhActionsHandlers(openLassoDB(new IDBFactory()), area);

const page: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/dashboard.html' };
const contentScript: SenderLike = { id: 'lasso', url: 'http://shop.test/', frameId: 0, tab: { id: 3 } };
const ask = (type: string, data: unknown, sender: SenderLike = page) => Promise.resolve().then(() => handlers.get(type)!({ data, sender }));

describe('phActions messages', () => {
  it.each(['phActions.connection.get', 'phActions.connection.save', 'phActions.pull', 'phActions.diff', 'phActions.push'])('%s is refused to a content script', async (type) => {
    await expect(ask(type, { site: 'shop.test', host: server.origin, projectId: '3', apiKey: KEY }, contentScript)).rejects.toThrow('message rejected: only extension pages may ask this');
  });

  it('connection: refused naming fields without echoing the key; saved view without the key', async () => {
    const err = (await ask('phActions.connection.save', { host: 'ftp://x', projectId: 'p', apiKey: 'has space phx_secret' }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^host: .*; projectId: .*; apiKey: this does not look like a personal API key$/);
    expect(err.message).not.toContain('phx_secret');
    const view = await ask('phActions.connection.save', { host: server.origin, projectId: '3', apiKey: KEY });
    expect(view).toEqual({ host: server.origin, projectId: '3', hasKey: true });
    expect(JSON.stringify(await ask('phActions.connection.get', {}))).not.toContain(KEY);
  });

  it('diff and push: the site and the hash are checked by name', async () => {
    await expect(ask('phActions.diff', { site: 'Not A Site' })).rejects.toThrow(/^site: expected a site/);
    await expect(ask('phActions.push', { site: 'shop.test', hash: 'abc' })).rejects.toThrow('hash: expected the hash of the diff shown (phActions.diff)');
    const diff = (await ask('phActions.diff', { site: 'shop.test' })) as { rows: unknown[]; hash: string };
    expect(diff.rows).toEqual([]);
    expect(await ask('phActions.push', { site: 'shop.test', hash: diff.hash })).toEqual([]);
    expect(server.writes).toEqual([]);
  });
});
