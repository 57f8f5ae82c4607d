// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// usePages: keyset "Load more" over a protocol query, answers to an older payload dropped.

interface Pending { type: string; data: Record<string, unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }
const pending: Pending[] = [];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn((type: string, data: Record<string, unknown>) => new Promise((resolve, reject) => pending.push({ type, data, resolve, reject }))),
}));
const { usePages } = await import('../../src/dashboard/use-pages');

type State = ReturnType<typeof usePages<'query.sessions'>>;
let state: State;
function Probe({ site }: { site: string }) {
  state = usePages('query.sessions', { filter: { site }, limit: 2 });
  return null;
}
let root: HTMLElement;
const row = (id: string) => ({ $session_id: id, host: 'a' });
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  pending.length = 0;
  root = document.createElement('div');
});
afterEach(() => act(() => render(null, root)));

describe('usePages', () => {
  it('asks for the first page, then each "Load more" continues from the previous next, rows appended', async () => {
    await act(() => render(h(Probe, { site: 'a' }), root));
    expect(pending.map((p) => p.data)).toEqual([{ filter: { site: 'a' }, limit: 2, cursor: null }]);
    pending[0].resolve({ rows: [row('s1'), row('s2')], next: { start: 2, id: 's2' }, reads: 2, cutShort: false });
    await settle();
    expect([state.rows.map((r) => r.$session_id), state.hasMore, state.loading]).toEqual([['s1', 's2'], true, false]);
    await act(() => state.loadMore());
    await act(() => state.loadMore()); // while loading: nothing more is asked
    expect(pending.map((p) => p.data.cursor)).toEqual([null, { start: 2, id: 's2' }]);
    pending[1].resolve({ rows: [row('s3')], next: null, reads: 1, cutShort: true });
    await settle();
    expect([state.rows.map((r) => r.$session_id), state.hasMore, state.cutShort]).toEqual([['s1', 's2', 's3'], false, true]);
  });

  it('a new payload starts over and a late answer to the old one is dropped', async () => {
    await act(() => render(h(Probe, { site: 'a' }), root));
    await act(() => render(h(Probe, { site: 'b' }), root));
    expect(pending.map((p) => (p.data.filter as { site: string }).site)).toEqual(['a', 'b']);
    pending[1].resolve({ rows: [row('b1')], next: null, reads: 1, cutShort: false });
    await settle();
    pending[0].resolve({ rows: [row('a1')], next: null, reads: 1, cutShort: false });
    await settle();
    expect(state.rows.map((r) => r.$session_id)).toEqual(['b1']);
  });

  it('a refusal is kept in its own words with the rows so far; reload asks for the first page again', async () => {
    await act(() => render(h(Probe, { site: 'a' }), root));
    pending[0].resolve({ rows: [row('s1')], next: { start: 1, id: 's1' }, reads: 1, cutShort: false });
    await settle();
    await act(() => state.loadMore());
    pending[1].reject(new Error('cursor.start: expected a time'));
    await settle();
    expect([state.error, state.rows.map((r) => r.$session_id)]).toEqual(['cursor.start: expected a time', ['s1']]);
    await act(() => state.reload());
    expect(pending[2].data.cursor).toBeNull();
  });
});
