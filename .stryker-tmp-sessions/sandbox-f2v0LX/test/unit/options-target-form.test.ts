// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TargetView } from '../../src/sync/types';

// The target form's Events and People fieldsets: actions and cohorts to send for, and one the
// target names that no longer exists (it holds the target) shown ticked so it can be unticked.

const saved: unknown[] = [];
vi.mock('wxt/browser', () => ({ browser: { permissions: { request: async () => true } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: { target?: unknown }) => {
    if (type === 'actions.listAll') return [{ site: 'shop.test', actions: [{ id: 'a1', name: 'Signup', site: 'shop.test' }] }];
    if (type === 'cohorts.list') return [{ id: 'c1', name: 'Buyers' }, { id: 'c2', name: 'Trial users' }];
    if (type === 'sync.save') return saved.push(data.target), data.target;
    throw new Error(`unexpected ${type}`);
  }),
}));
const { TargetForm } = await import('../../src/options/TargetForm');

const editing: TargetView = { id: 't1', kind: 'segment', name: 'Seg', sites: [], actions: ['a1', 'gone-a'], cohorts: ['c1', 'gone-7'], start: 'now', paused: false, endpoint: 'http://localhost:9', hasKey: true };
let root: HTMLElement;
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const boxes = () => [...root.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')].map((b) => ({ label: b.closest('label')!.textContent!.trim(), box: b }));

beforeEach(() => {
  saved.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('target form: actions and people', () => {
  it('lists actions and cohorts, ticks the target’s, shows deleted ones ticked; unticking them saves without them', async () => {
    const done = vi.fn();
    await act(() => render(h(TargetForm, { editing, onDone: done }), root));
    await flush();
    const shown = boxes();
    expect(shown.map(({ label, box }) => [label, box.checked])).toEqual([
      ['Signup (shop.test)', true],
      ['Deleted action (gone-a)', true],
      ['Buyers', true],
      ['Trial users', false],
      ['Deleted cohort (gone-7)', true],
    ]);
    await act(() => shown[1].box.click());
    await act(() => shown[4].box.click());
    await act(() => shown[3].box.click());
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ actions: ['a1'], cohorts: ['c1', 'c2'] });
    expect(done).toHaveBeenCalledWith(true);
  });
});
