// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { formatRoute, navigate, parseRoute, routeHref, useRoute, type Route } from '../../src/dashboard/route';

const plain = (r: Route) => ({ view: r.view, id: r.id, path: r.path, query: [...r.query] });

describe('parseRoute', () => {
  it.each<[string, ReturnType<typeof plain>]>([
    ['', { view: 'events', id: undefined, path: undefined, query: [] }],
    ['#', { view: 'events', id: undefined, path: undefined, query: [] }],
    ['#/', { view: 'events', id: undefined, path: undefined, query: [] }],
    ['#/events', { view: 'events', id: undefined, path: undefined, query: [] }],
    ['events', { view: 'events', id: undefined, path: undefined, query: [] }],
    ['#/events/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', { view: 'events', id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', path: undefined, query: [] }],
    ['#/events/?site=a.test', { view: 'events', id: undefined, path: undefined, query: [['site', 'a.test']] }],
    ['#/persons/user%40mail.test', { view: 'persons', id: 'user@mail.test', path: undefined, query: [] }],
    ['#/persons/a%2Fb%3Fc%23d', { view: 'persons', id: 'a/b?c#d', path: undefined, query: [] }],
    ['#/persons/a/b', { view: 'persons', id: 'a/b', path: undefined, query: [] }],
    ['#/persons/100%', { view: 'persons', id: '100%', path: undefined, query: [] }],
    ['#/sessions/s1?site=localhost%3A3000', { view: 'sessions', id: 's1', path: undefined, query: [['site', 'localhost:3000']] }],
    ['#/events?site=a.test&event=%24pageview&event=%24autocapture', { view: 'events', id: undefined, path: undefined, query: [['site', 'a.test'], ['event', '$pageview'], ['event', '$autocapture']] }],
    ['#/cohorts', { view: 'cohorts', id: undefined, path: undefined, query: [] }],
    ['#/actions', { view: 'actions', id: undefined, path: undefined, query: [] }],
    ['#/trends?x=1', { view: 'trends', id: undefined, path: undefined, query: [['x', '1']] }],
    ['#/settings/x', { view: 'not-found', id: undefined, path: '/settings/x', query: [] }],
    ['#/Events', { view: 'not-found', id: undefined, path: '/Events', query: [] }],
  ])('%j', (hash, want) => expect(plain(parseRoute(hash))).toEqual(want));
});

describe('formatRoute', () => {
  it.each<[Pick<Route, 'view' | 'id' | 'query'>, string]>([
    [{ view: 'events', query: new URLSearchParams() }, '#/events'],
    [{ view: 'events', id: 'u-1', query: new URLSearchParams('site=a.test') }, '#/events/u-1?site=a.test'],
    [{ view: 'persons', id: 'a/b?c#d e', query: new URLSearchParams() }, '#/persons/a%2Fb%3Fc%23d%20e'],
    [{ view: 'events', query: new URLSearchParams('site=&event=x') }, '#/events?event=x'],
    [{ view: 'events', query: new URLSearchParams('url=a b&event=$pageview') }, '#/events?url=a+b&event=%24pageview'],
    [{ view: 'not-found', query: new URLSearchParams() }, '#/events'],
  ])('%j → %s', (route, want) => expect(formatRoute(route)).toBe(want));

  it.each([
    '#/events',
    '#/events/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?site=localhost%3A5174',
    '#/persons/a%2Fb%3Fc%23d%20e',
    '#/sessions?site=a.test&from=1700000000000',
    '#/events?event=%24pageview&event=signed_up&prop=%7B%22key%22%3A%22plan%22%7D',
  ])('formatting the parse of %s gives it back', (hash) => expect(formatRoute(parseRoute(hash))).toBe(hash));

  it.each<[Parameters<typeof routeHref>, string]>([
    [['events'], '#/events'],
    [['persons', 'd1', { site: 'a.test', q: undefined }], '#/persons/d1?site=a.test'],
    [['sessions', undefined, new URLSearchParams('site=b.test')], '#/sessions?site=b.test'],
  ])('routeHref(%j) = %s', (args, want) => expect(routeHref(...args)).toBe(want));
});

describe('useRoute and navigate', () => {
  it('follows hash changes, replace included, and stops listening when unmounted', async () => {
    const seen: string[] = [];
    function Probe() {
      const r = useRoute();
      seen.push(formatRoute(r));
      return null;
    }
    const root = document.createElement('div');
    window.location.hash = '#/events';
    await act(() => render(h(Probe, null), root));
    await act(() => navigate('#/persons/p1'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(seen.at(-1)).toBe('#/persons/p1');
    const entries = window.history.length;
    await act(() => navigate({ view: 'events', query: new URLSearchParams('site=a.test') }, { replace: true }));
    expect(seen.at(-1)).toBe('#/events?site=a.test');
    expect(window.history.length).toBe(entries);
    await act(() => render(null, root));
    const rendered = seen.length;
    await act(() => navigate('#/trends', { replace: true }));
    expect(seen).toHaveLength(rendered);
  });
});
