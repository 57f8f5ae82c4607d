// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { SenderLike } from '../../src/messaging/frame-scope';
import { cohort, didEvent } from '../support/cohorts';

// The background's cohorts.* and groups.* handlers: extension pages only, payloads checked
// before the store is touched, refused writes naming the field.

type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: () => undefined } } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
}));

const { registerPeopleHandlers } = await import('../../src/background/people-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');

const page: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/dashboard.html' };
const toolbar: SenderLike = { id: 'lasso', url: 'http://127.0.0.1:5174/', frameId: 0, tab: { id: 7 } };
const db = openLassoDB(new IDBFactory());
registerPeopleHandlers({ db });
const ask = (type: string, data: unknown, sender: SenderLike = page) => (handlers.get(type) as Handler)({ data, sender });
const ts = (h: number) => new Date(Date.UTC(2026, 10, 30, h)).toISOString();
const uuid = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('cohorts.* and groups.* messages', () => {
  it.each(['cohorts.list', 'cohorts.save', 'cohorts.delete', 'cohorts.members', 'cohorts.isMember', 'cohorts.import', 'cohorts.export', 'groups.list', 'groups.get'])(
    '%s is refused to a content script (the toolbar)', async (type) => {
      await expect(ask(type, {}, toolbar)).rejects.toThrow(/only extension pages/);
    });

  it.each<[string, unknown, RegExp]>([
    ['cohorts.save', { cohort: 'x' }, /^cohort: expected a cohort object/],
    ['cohorts.delete', { id: 'a b' }, /^id: expected a cohort id/],
    ['cohorts.members', { id: 'c', limit: 0 }, /^limit: expected an integer between 1 and 1000/],
    ['cohorts.members', { id: 'missing' }, /^id: no cohort "missing"/],
    ['cohorts.isMember', { id: 'c' }, /^distinctId: expected a string/],
    ['cohorts.isMember', { id: 'c', distinctId: 'u', now: 'today' }, /^now: expected an integer/],
    ['cohorts.import', { text: 'a', format: 'xml' }, /^format: expected 'json' or 'csv'/],
    ['cohorts.import', { text: 'distinct_id\nu1', format: 'csv' }, /^name: expected a string/],
    ['cohorts.export', { ids: [1] }, /^ids: expected a list of cohort ids/],
    ['groups.list', { type: 5 }, /^type: expected a string/],
    ['groups.get', { type: 'company' }, /^key: expected a string/],
    ['cohorts.export', null, /^payload: expected an object/],
  ])('%s %j is rejected naming the field', async (type, data, message) => {
    await expect(ask(type, data)).rejects.toThrow(message);
  });

  it('a refused save carries problems with paths', async () => {
    const error = await ask('cohorts.save', { cohort: { name: '', definition: {} } }).catch((e: unknown) => e);
    expect((error as { problems: { path: string }[] }).problems.map((p) => p.path)).toContain('name');
  });

  it('save, members with count and pages, isMember, export, delete; groups list and get', async () => {
    await ingestEvents(await db, [
      { uuid: uuid(1), event: 'signed_up', distinct_id: 'a', timestamp: ts(1), properties: { $groups: { company: 'acme' } } },
      { uuid: uuid(2), event: 'signed_up', distinct_id: 'b', timestamp: ts(2), properties: {} },
      { uuid: uuid(3), event: '$groupidentify', distinct_id: 'a', timestamp: ts(3), properties: { $group_type: 'company', $group_key: 'acme', $group_set: { name: 'Acme' } } },
    ]);
    await ask('cohorts.save', { cohort: { id: 'c', name: 'Signed up', definition: cohort(didEvent('signed_up')) } });
    const now = Date.UTC(2026, 11, 1);
    expect(await ask('cohorts.members', { id: 'c', limit: 1, now })).toMatchObject({ count: 2, members: [{ distinct_ids: ['a'] }], now });
    expect(await ask('cohorts.members', { id: 'c', offset: 1, now })).toMatchObject({ count: 2, members: [{ distinct_ids: ['b'] }] });
    expect(await ask('cohorts.isMember', { id: 'c', distinctId: 'b', now })).toEqual({ member: true, now });
    expect(await ask('cohorts.export', {})).toMatchObject({ count: 1 });
    expect(await ask('groups.list', { type: 'company' })).toMatchObject({ types: [{ group_type: 'company', group_type_index: 0 }], page: { groups: [{ group_key: 'acme', properties: { name: 'Acme' } }], next: null } });
    expect(await ask('groups.get', { type: 'company', key: 'acme' })).toMatchObject({ events: [{ uuid: uuid(1) }] });
    expect(await ask('groups.get', { type: 'company', key: 'nope' })).toBeNull();
    expect(await ask('cohorts.delete', { id: 'c' })).toEqual({ deleted: true });
    expect(await ask('cohorts.list', {})).toEqual([]);
  });
});
