// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';
import { importActionsFile } from '../../src/store/action-files';
import { listActions, saveAction } from '../../src/store/actions';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { createPhActions, createPhActionsClient, PhApiError, PhConnectionError, StaleDiffError, type PhFetch } from '../../src/sync/posthog-actions';
import { startPostHogActionsServer } from '../fixtures/posthog-actions-server.mjs';

// The actions client and service against a local server imitating PostHog's actions API (real
// HTTP on 127.0.0.1): pagination, create / update, a 400 with field messages, a 401 for a bad
// key, the pull through the import path, and a push that writes exactly the diff it was shown.

const KEY = 'phx_unit_secret_key';
const fetchFn: PhFetch = (url, init) => fetch(url, init);
let server: Awaited<ReturnType<typeof startPostHogActionsServer>>;

beforeEach(async () => {
  server = await startPostHogActionsServer({ key: KEY, projectId: '7', pageSize: 2 });
});
afterEach(() => server.close());

const conn = (over: Partial<{ host: string; projectId: string; apiKey: string }> = {}) => ({ host: server.origin, projectId: '7', apiKey: KEY, ...over });
const steps = (selector: string) => [{ event: '$autocapture', selector }];

describe('client', () => {
  it('lists every page by following next, leaving deleted actions out', async () => {
    server.seed([1, 2, 3, 4, 5].map((n) => ({ name: `A${n}`, steps: steps(`#b${n}`) })));
    const list = await createPhActionsClient(conn(), fetchFn).list();
    expect(list.map((a) => a.name).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('creates and updates', async () => {
    const client = createPhActionsClient(conn(), fetchFn);
    const made = await client.create({ name: 'Buy', description: '', tags: [], steps: [] });
    await client.update(made.id, { name: 'Buy', description: 'now', tags: ['t'], steps: [] });
    expect(server.writes.map((w) => [w.method, w.id])).toEqual([['POST', made.id], ['PATCH', made.id]]);
    expect(server.actions()[0]).toMatchObject({ name: 'Buy', description: 'now', tags: ['t'] });
  });

  it.each([
    ['a bad key', { apiKey: 'phx_wrong_key_123' }, 401, /refused the personal API key/],
    ['another project', { projectId: '8' }, 404, /no such project/],
  ])('%s: a plain-words error without the key', async (_t, over, status, message) => {
    const err = await createPhActionsClient(conn(over), fetchFn).list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PhApiError);
    expect((err as PhApiError).status).toBe(status);
    expect((err as PhApiError).message).toMatch(message);
    expect((err as PhApiError).message).not.toContain('phx_wrong_key_123');
  });

  it('a 400 keeps PostHog field messages', async () => {
    server.seed([{ name: 'Buy', steps: [] }]);
    const err = (await createPhActionsClient(conn(), fetchFn).create({ name: 'Buy', description: '', tags: [], steps: [] }).catch((e: unknown) => e)) as PhApiError;
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({ name: [expect.stringMatching(/already has an action with this name/)] });
  });

  it('refuses a next page on another origin (the key would go there)', async () => {
    const hostile: PhFetch = async () => ({ status: 200, text: async () => JSON.stringify({ results: [], next: 'https://evil.test/steal' }) });
    await expect(createPhActionsClient(conn(), hostile).list()).rejects.toThrow(/another origin \(https:\/\/evil\.test\)/);
  });

  it('no answer: says which origin could not be reached', async () => {
    const down: PhFetch = async () => { throw new TypeError('fetch failed'); };
    await expect(createPhActionsClient(conn(), down).list()).rejects.toThrow(`could not reach ${server.origin}: fetch failed`);
  });
});

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}

describe('service', () => {
  let db: LassoDatabase;
  let area: ReturnType<typeof memoryArea>;
  let service: ReturnType<typeof createPhActions>;
  const SITE = 'shop.test';
  beforeEach(async () => {
    db = await openLassoDB(new IDBFactory());
    area = memoryArea();
    service = createPhActions({ area, fetch: fetchFn, listLocal: (site) => listActions(db, site), importText: (text, site) => importActionsFile(db, text, site) });
  });
  const save = (name: string, selector: string) => saveAction(db, { site: SITE, name, steps: steps(selector) });

  it('connection: every problem named; the view never holds the key; a blank key keeps the saved one', async () => {
    await expect(service.saveConnection({ host: 'http://posthog.example', projectId: 'abc' })).rejects.toThrow(PhConnectionError);
    const err = (await service.saveConnection({ host: 'http://posthog.example', projectId: 'abc' }).catch((e: unknown) => e)) as PhConnectionError;
    expect(err.problems.map((p) => p.split(':')[0])).toEqual(['host', 'projectId', 'apiKey']);
    expect(await service.getConnection()).toBeNull();
    expect(await service.saveConnection(conn())).toEqual({ host: server.origin, projectId: '7', hasKey: true });
    expect(await service.saveConnection({ host: `${server.origin}/`, projectId: '7', apiKey: '' })).toEqual({ host: server.origin, projectId: '7', hasKey: true });
    expect(JSON.stringify(await service.getConnection())).not.toContain(KEY);
    expect(area.data['phActions.connection']).toEqual(conn());
  });

  it('pull: every page imported into the site through the import path', async () => {
    await service.saveConnection(conn());
    server.seed([{ name: 'A', steps: steps('#a') }, { name: 'B', steps: steps('#b') }, { name: 'C', steps: steps('#c') }]);
    const { fetched, plan } = await service.pull(SITE);
    expect(fetched).toBe(3);
    expect(plan.ok).toBe(true);
    expect((await listActions(db, SITE)).map((a) => [a.name, a.steps[0]?.selector])).toEqual([['A', '#a'], ['B', '#b'], ['C', '#c']]);
  });

  it('pull: an invalid remote action rejects the import and writes nothing', async () => {
    await service.saveConnection(conn());
    server.seed([{ name: 'Good', steps: steps('#a') }, { name: 'Bad', steps: [{ event: '$autocapture', selector: 'div[' }] }]);
    const { plan } = await service.pull(SITE);
    expect(plan.ok).toBe(false);
    expect(plan.actions.find((a) => a.name === 'Bad')?.status).toBe('rejected');
    expect(await listActions(db, SITE)).toEqual([]);
  });

  it('push: writes exactly the diff shown (one create, one update), refuses a stale diff, reports a 400 per action', async () => {
    await service.saveConnection(conn());
    const [same, old] = server.seed([{ name: 'Same', steps: steps('#same') }, { name: 'Changed', steps: steps('#old') }]);
    await save('Same', '#same');
    await save('Changed', '#new');
    await save('Fresh', '#fresh');
    const diff = await service.diff(SITE);
    expect(diff.rows.map((r) => [r.name, r.op, r.remoteId])).toEqual([['Changed', 'update', old!.id], ['Fresh', 'create', undefined], ['Same', 'unchanged', same!.id]]);

    await save('Later', '#later');
    await expect(service.push(SITE, diff.hash)).rejects.toThrow(StaleDiffError);
    expect(server.writes).toEqual([]);

    const shown = await service.diff(SITE);
    server.rejectNames.add('Later');
    const results = await service.push(SITE, shown.hash);
    expect(results.map((r) => [r.name, r.op, r.ok])).toEqual([['Changed', 'update', true], ['Fresh', 'create', true], ['Later', 'create', false]]);
    expect(results[2]!.fields).toEqual({ steps: ['Step 1: selector is not valid.'] });
    expect(server.writes.map((w) => [w.method, w.body.name])).toEqual([['PATCH', 'Changed'], ['POST', 'Fresh']]);
    expect(server.actions().find((a) => a.name === 'Changed')?.steps[0].selector).toBe('#new');
    expect(JSON.stringify(results)).not.toContain(KEY);
  });

  it('without a connection: a plain-words error', async () => {
    await expect(service.diff(SITE)).rejects.toThrow(/no PostHog project connected yet/);
  });
});
