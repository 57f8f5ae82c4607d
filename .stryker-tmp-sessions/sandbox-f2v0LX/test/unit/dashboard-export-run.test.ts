// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The streaming export: pages in order through the cursor, cancel = no download, the background's error shown.

interface Pending { type: string; data: Record<string, unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }
const pending: Pending[] = [];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn((type: string, data: Record<string, unknown>) => new Promise((resolve, reject) => pending.push({ type, data, resolve, reject }))),
}));
const { runExport } = await import('../../src/dashboard/export/run-export');
const { eventsSource, membersSource, personsSource } = await import('../../src/dashboard/export/sources');
const { CohortMembersExport } = await import('../../src/dashboard/export/CohortMembersExport');

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
/** Wait until the runner has asked for the next page, then return that request. */
async function nextRequest(): Promise<Pending> {
  for (let i = 0; i < 50 && !pending.length; i++) await settle();
  const p = pending.shift();
  if (!p) throw new Error('no request was sent');
  return p;
}
const ev = (uuid: string) => ({ uuid, event: 'e', distinct_id: 'd', timestamp: '2026-01-01T00:00:00.000Z', properties: { n: uuid } });

beforeEach(() => {
  pending.length = 0;
});

describe('runExport', () => {
  it('reads every page in order through the cursor and reports progress', async () => {
    const progress: unknown[] = [];
    const done = runExport(eventsSource({ site: 'a' }, { kind: 'csv', columns: ['uuid', 'properties.n'] }), { signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    const first = await nextRequest();
    expect(first).toMatchObject({ type: 'query.events', data: { filter: { site: 'a' }, cursor: null } });
    first.resolve({ rows: [ev('u1'), ev('u2')], next: { ms: 2, uuid: 'u2' }, total: { exact: 3 } });
    const second = await nextRequest();
    expect(second.data.cursor).toEqual({ ms: 2, uuid: 'u2' });
    second.resolve({ rows: [], next: { ms: 1, uuid: 'x' } }); // cut short by the read budget: go on
    const third = await nextRequest();
    expect(third.data.cursor).toEqual({ ms: 1, uuid: 'x' });
    third.resolve({ rows: [ev('u3')], next: null });
    const blob = await done;
    expect(await blob!.text()).toBe('uuid,properties.n\r\nu1,u1\r\nu2,u2\r\nu3,u3\r\n');
    expect(progress).toEqual([{ done: 2, total: 3 }, { done: 2, total: 3 }, { done: 3, total: 3 }]);
    expect(pending).toEqual([]);
  });

  it('cancelled mid-way: no file, no further page asked', async () => {
    const controller = new AbortController();
    const done = runExport(eventsSource({}, { kind: 'jsonl' }), { signal: controller.signal });
    (await nextRequest()).resolve({ rows: [ev('u1')], next: { ms: 1, uuid: 'u1' }, total: { atLeast: 1, atMost: 9, how: 'x' } });
    const second = await nextRequest();
    controller.abort();
    second.resolve({ rows: [ev('u2')], next: { ms: 0, uuid: 'u2' } });
    expect(await done).toBeNull();
    await settle();
    expect(pending).toEqual([]);
  });

  it("rejects with the background's error", async () => {
    const done = runExport(personsSource({ idPrefix: 'a' }, []), { signal: new AbortController().signal });
    (await nextRequest()).reject(new Error('cursor: not a persons cursor'));
    await expect(done).rejects.toThrow('cursor: not a persons cursor');
  });

  it('persons appear once across pages; members page by offset at the first answer\'s now', async () => {
    const persons = runExport(personsSource({ idPrefix: 'a' }, []), { signal: new AbortController().signal });
    const p = (ids: string[]) => ({ distinct_ids: ids, properties: {}, created_at: '', is_identified: false, firstSeen: null, lastSeen: null, eventCount: 0 });
    (await nextRequest()).resolve({ rows: [p(['a1', 'a2'])], next: 'a1', reads: 1, cutShort: false });
    (await nextRequest()).resolve({ rows: [p(['a1', 'a2']), p(['a3'])], next: null, reads: 1, cutShort: false });
    expect((await (await persons)!.text()).split('\r\n').map((l) => l.split(',')[0])).toEqual(['distinct_ids', 'a1;a2', 'a3', '']);

    const members = runExport(membersSource('c1'), { signal: new AbortController().signal });
    const m1 = await nextRequest();
    expect(m1.data).toMatchObject({ id: 'c1', offset: 0, now: undefined });
    m1.resolve({ count: 2, members: [{ distinct_ids: ['x'] }], now: 42 });
    const m2 = await nextRequest();
    expect(m2.data).toMatchObject({ offset: 1, now: 42 });
    m2.resolve({ count: 2, members: [{ distinct_ids: ['y'] }], now: 42 });
    expect(await (await members)!.text()).toBe('distinct_id,person\r\nx,x\r\ny,y\r\n');
  });
});

describe('CohortMembersExport (the UI over the runner)', () => {
  let root: HTMLElement;
  const createObjectURL = vi.fn(() => 'blob:test');
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    createObjectURL.mockClear();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(async () => {
    await act(() => render(null, root));
    root.remove();
  });
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

  it('shows "N of M", downloads when done', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await act(() => render(h(CohortMembersExport, { id: 'c1', name: 'Buyers' }), root));
    await act(() => button('Export members (CSV)').click());
    (await nextRequest()).resolve({ count: 2, members: [{ distinct_ids: ['x'] }], now: 1 });
    const second = await nextRequest();
    expect(root.querySelector('[data-testid="export-count"]')!.textContent).toBe('1 of 2 members');
    expect(root.querySelector('progress')!.getAttribute('aria-label')).toBe('Exporting members');
    second.resolve({ count: 2, members: [{ distinct_ids: ['y'] }], now: 1 });
    await settle();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('Downloaded 2 of 2 members.');
    click.mockRestore();
  });

  it('Cancel stops with no download', async () => {
    await act(() => render(h(CohortMembersExport, { id: 'c1', name: 'Buyers' }), root));
    await act(() => button('Export members (CSV)').click());
    (await nextRequest()).resolve({ count: 3, members: [{ distinct_ids: ['x'] }], now: 1 });
    const second = await nextRequest();
    await act(() => button('Cancel').click());
    second.resolve({ count: 3, members: [{ distinct_ids: ['y'] }], now: 1 });
    await settle();
    expect(pending).toEqual([]);
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Export cancelled: nothing was downloaded.');
  });

  it("shows the background's reason", async () => {
    await act(() => render(h(CohortMembersExport, { id: 'gone', name: 'Gone' }), root));
    await act(() => button('Export members (CSV)').click());
    (await nextRequest()).reject(new Error('id: no cohort gone'));
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Could not export members: id: no cohort gone');
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
