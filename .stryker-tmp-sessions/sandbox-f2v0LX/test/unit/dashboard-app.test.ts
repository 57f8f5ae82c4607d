// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string) => {
    if (type === 'query.sites') return [{ site: 'shop.test', events: 3, last: 2, eventNames: ['$pageview'] }, { site: 'localhost:3000', events: 1, last: 1, eventNames: [] }];
    if (type === 'actions.listAll') return [{ site: 'docs.test', actions: [{ id: 'a', name: 'A' }] }];
    if (type === 'query.events') return { rows: [], next: null, cutShort: false, driver: 'all', reads: 0, total: { exact: 0 } };
    throw new Error(`unexpected ${type}`);
  }),
}));
const { App } = await import('../../src/dashboard/App');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const mount = async (hash: string) => {
  window.location.hash = hash;
  await act(() => render(h(App, null), root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
};
const nav = () => [...root.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]);

describe('dashboard shell', () => {
  it('links every view, marks the current one, and carries only the site to the others', async () => {
    await mount('#/actions?site=shop.test&tag=x');
    expect(nav()).toEqual([
      ['Events', '#/events?site=shop.test', null],
      ['Persons', '#/persons?site=shop.test', null],
      ['Sessions', '#/sessions?site=shop.test', null],
      ['Cohorts', '#/cohorts?site=shop.test', null],
      ['Actions', '#/actions?site=shop.test', 'page'],
      ['Trends', '#/trends?site=shop.test', null],
    ]);
    expect(root.querySelector('main #view-title')!.textContent).toBe('Actions');
    expect(document.title).toBe('Lasso · Actions');
  });

  it('offers sites with events, then sites with only actions; choosing one puts it in the route', async () => {
    await mount('#/events');
    const picker = root.querySelector<HTMLSelectElement>('[data-testid="site-picker"]')!;
    expect([...picker.options].map((o) => o.value)).toEqual(['', 'shop.test', 'localhost:3000', 'docs.test']);
    picker.value = 'localhost:3000';
    await act(() => void picker.dispatchEvent(new Event('change', { bubbles: true })));
    expect(window.location.hash).toBe('#/events?site=localhost%3A3000');
  });

  it('an unknown route says so and links back to Events', async () => {
    await mount('#/nowhere/1');
    expect(root.querySelector('[data-testid="not-found"]')!.textContent).toContain('There is no page /nowhere/1 in the dashboard.');
    expect(root.querySelector('[data-testid="not-found"] a')!.getAttribute('href')).toBe('#/events');
  });
});
