// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAction } from '../../src/actions/types';

const sent: { type: string; data: unknown }[] = [];
let failSave = false;
let others: unknown[] = [];
const stored = (site: string, name: string): StoredAction => ({ id: `${site}/${name}`, site, name, steps: [{ event: '$pageview' }], created_at: 'c', updated_at: 'u' });
const OTHERS = [{ site: 'localhost:3000', actions: [stored('localhost:3000', 'Checkout'), stored('localhost:3000', 'Sign up')] }, { site: 'shop.example.com', actions: [stored('shop.example.com', 'Buy')] }];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type === 'actions.listAll') return others;
    if (type === 'actions.save') {
      if (failSave) throw new Error('name: "Checkout (copy)" is already an action on 127.0.0.1:3000; choose another name');
      return { ...(data as { action: object }).action, id: 'new' };
    }
    throw new Error(`unexpected ${type}`);
  }),
}));

const { OtherSites } = await import('../../src/toolbar/ui/OtherSites');

let root: HTMLElement;
const copied = vi.fn();
const q = (testid: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
async function mount(taken: string[]) {
  await act(() => render(h(OtherSites, { site: '127.0.0.1:3000', taken, onCopied: copied }), root));
}
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  sent.length = 0;
  failSave = false;
  others = OTHERS;
  copied.mockClear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Other sites', () => {
  it('asks for nothing until opened, then lists other sites grouped, this site left out', async () => {
    await mount([]);
    expect(sent).toEqual([]);
    expect(q('other-site')).toHaveLength(0);
    await act(() => q('other-sites-toggle')[0].click());
    await flush();
    expect(sent).toEqual([{ type: 'actions.listAll', data: { except: '127.0.0.1:3000' } }]);
    expect(q('other-site').map((g) => [g.dataset.site, [...g.querySelectorAll<HTMLElement>('[data-testid="other-action"]')].map((a) => a.dataset.name)])).toEqual([
      ['localhost:3000', ['Checkout', 'Sign up']],
      ['shop.example.com', ['Buy']],
    ]);
    expect(q('other-sites-toggle')[0].getAttribute('aria-expanded')).toBe('true');
    expect(q('copy-here')[0].getAttribute('aria-label')).toBe('Copy to this site: Checkout from localhost:3000');
  });

  it.each([
    ['a free name', [], 'Checkout', 'Copied “Checkout” to this site.'],
    ['a name this site has', ['Checkout'], 'Checkout (copy)', 'Copied as “Checkout (copy)”: this site already has an action named “Checkout”.'],
  ])('copies with %s: a new action of this site, said in a status line', async (_case, taken, name, status) => {
    await mount(taken);
    await act(() => q('other-sites-toggle')[0].click());
    await flush();
    await act(() => q('copy-here')[0].click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'actions.save', data: { action: { site: '127.0.0.1:3000', name, steps: [{ event: '$pageview' }] } } });
    expect(q('copy-status')[0].textContent).toBe(status);
    expect(copied).toHaveBeenCalledTimes(1);
  });

  it('a refused copy shows the reason and reloads nothing', async () => {
    failSave = true;
    await mount(['Checkout']);
    await act(() => q('other-sites-toggle')[0].click());
    await flush();
    await act(() => q('copy-here')[0].click());
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('already an action on 127.0.0.1:3000');
    expect(q('copy-status')).toHaveLength(0);
    expect(copied).not.toHaveBeenCalled();
  });

  it('no other site: says where copies come from', async () => {
    others = [];
    await mount([]);
    await act(() => q('other-sites-toggle')[0].click());
    await flush();
    expect(q('other-sites-empty')[0].textContent).toContain('another host or port');
  });
});
