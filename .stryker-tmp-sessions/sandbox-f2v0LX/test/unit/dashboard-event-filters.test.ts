// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import { EventFilters } from '../../src/dashboard/events/EventFilters';
import { filtersFromQuery, NO_FILTERS, queryFromFilters, toFilterInput, type EventFilters as Filters } from '../../src/dashboard/events/filters';

const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const q = (s: string) => new URLSearchParams(s);

describe('filters in the route', () => {
  it.each<[string, Partial<Filters>]>([
    ['', {}],
    ['site=shop.test', { site: 'shop.test' }],
    ['last=24h', { last: '24h' }],
    ['from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-02T00%3A00%3A00.000Z', { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }],
    ['event=%24pageview&event=signed_up', { events: ['$pageview', 'signed_up'] }],
    ['action=a1', { action: 'a1' }],
    ['url=%2Fcheckout', { url: '/checkout' }],
    ['url=https%3A%2F%2Fa.test%2F&urlMatch=exact', { url: 'https://a.test/', urlMatch: 'exact' }],
    ['person=user-1&session=s-1', { person: 'user-1', session: 's-1' }],
    ['prop=%7B%22key%22%3A%22plan%22%2C%22value%22%3A%22pro%22%2C%22operator%22%3A%22exact%22%7D', { properties: [{ key: 'plan', value: 'pro', operator: 'exact' }] }],
    ['live=1', { live: true }],
  ])('%s is read and written back the same', (query, want) => {
    const { filters, problems } = filtersFromQuery(q(query));
    expect(problems).toEqual([]);
    expect(filters).toEqual({ ...NO_FILTERS, ...want });
    expect(queryFromFilters(filters).toString()).toBe(query);
  });

  it.each<[string, RegExp]>([
    ['last=2y', /"last" must be one of 1h, 24h, 7d, 30d, not 2y/],
    ['from=yesterday', /"from" is not a time: yesterday/],
    ['from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', /"from" \(2026-11-02T00:00:00Z\) is after "to"/],
    ['prop=plan%3Dpro', /is not JSON like/],
    ['prop=%7B%22value%22%3A1%7D', /has no key/],
    ['prop=%7B%22key%22%3A%22a%22%2C%22operator%22%3A%22like%22%7D', /property filter on a: unknown operator "like"/],
  ])('%s is refused in words and left out', (query, problem) => {
    const { filters, problems } = filtersFromQuery(q(query));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
    expect(toFilterInput(filters, NOW).properties).toBeUndefined();
  });

  it.each<[string, ReturnType<typeof toFilterInput>]>([
    ['', {}],
    ['site=shop.test&last=1h', { site: 'shop.test', from: NOW - 3_600_000 }],
    ['last=7d&from=2026-01-01T00:00:00.000Z', { from: NOW - 7 * 86_400_000 }],
    ['from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z', { from: Date.parse('2026-11-01T00:00:00.000Z'), to: Date.parse('2026-11-02T00:00:00.000Z') }],
    ['event=%24pageview&action=a1&url=cart&person=p&session=s', { events: ['$pageview'], actionId: 'a1', url: { value: 'cart', match: 'contains' }, person: 'p', session: 's' }],
    ['prop=%7B%22key%22%3A%22%24browser%22%2C%22operator%22%3A%22is_set%22%7D', { properties: [{ key: '$browser', operator: 'is_set' }] }],
  ])('%s asks query.events for %j', (query, want) => expect(toFilterInput(filtersFromQuery(q(query)).filters, NOW)).toEqual(want));
});

const action = (id: string, name: string, site: string): StoredAction => ({ id, name, site, steps: [{ event: '$pageview' }], created_at: 'c', updated_at: 'u' });

describe('EventFilters', () => {
  let root: HTMLElement;
  const changed = vi.fn<(f: Filters) => void>();
  beforeEach(() => {
    changed.mockClear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const mount = (filters: Partial<Filters> = {}) =>
    act(() => render(h(EventFilters, { filters: { ...NO_FILTERS, ...filters }, onChange: changed, eventNames: ['$pageview', '$autocapture'], actions: [action('a1', 'Signed up', 'shop.test')] }), root));
  const el = <T extends HTMLElement>(testid: string) => root.querySelector<T>(`[data-testid="${testid}"]`)!;
  const change = async (testid: string, value: string) => {
    const input = el<HTMLInputElement | HTMLSelectElement>(testid);
    input.value = value;
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  };

  it('every control has a name a screen reader can read', async () => {
    await mount({ events: ['$pageview'], properties: [{ key: 'plan', value: 'pro' }] });
    const unnamed = [...root.querySelectorAll<HTMLElement>('input, select, button')].filter((c) => !c.getAttribute('aria-label') && !c.closest('label') && !c.textContent?.trim());
    expect(unnamed.map((c) => c.outerHTML)).toEqual([]);
  });

  it.each<[string, string, string, Partial<Filters>]>([
    ['a time preset', 'filter-time', '7d', { last: '7d' }],
    ['an action', 'filter-action', 'a1', { action: 'a1' }],
    ['a URL', 'filter-url', '/checkout', { url: '/checkout' }],
    ['exact URL matching', 'filter-url-match', 'exact', { urlMatch: 'exact' }],
    ['a person (trimmed)', 'filter-person', '  user-1 ', { person: 'user-1' }],
    ['a session', 'filter-session', 's-1', { session: 's-1' }],
    ['an event name, added to those set', 'filter-event', 'signed_up', { events: ['$pageview', 'signed_up'] }],
  ])('setting %s gives the whole new filter set once', async (_name, testid, value, want) => {
    await mount({ events: testid === 'filter-event' ? ['$pageview'] : [] });
    await change(testid, value);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed.mock.calls[0][0]).toEqual({ ...NO_FILTERS, ...want });
  });

  it('an event name already set is not added twice; a chip removes its name', async () => {
    await mount({ events: ['$pageview', 'x'] });
    await change('filter-event', '$pageview');
    expect(changed).not.toHaveBeenCalled();
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove event $pageview"]')!.click());
    expect(changed.mock.calls[0][0].events).toEqual(['x']);
  });

  it('choosing "Any time" after a range clears from and to; "Between…" shows both fields', async () => {
    await mount({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' });
    expect(el('filter-from')).toBeTruthy();
    expect(el('filter-to')).toBeTruthy();
    await change('filter-time', '');
    expect(changed.mock.calls[0][0]).toMatchObject({ last: '', from: '', to: '' });
  });

  it('adds a property filter from its three fields; an is_set filter has no value', async () => {
    await mount();
    const type = async (testid: string, value: string) => {
      const input = el<HTMLInputElement>(testid);
      input.value = value;
      await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    };
    expect(el<HTMLButtonElement>('property-add').disabled).toBe(true);
    await type('property-key', ' plan ');
    await type('property-value', 'pro');
    await act(() => el<HTMLButtonElement>('property-add').click());
    expect(changed.mock.calls[0][0].properties).toEqual([{ key: 'plan', operator: 'exact', value: 'pro' }]);
    await type('property-key', '$browser');
    await change('property-operator', 'is_set');
    expect(el<HTMLInputElement>('property-value').disabled).toBe(true);
    await act(() => el<HTMLButtonElement>('property-add').click());
    expect(changed.mock.calls[1][0].properties).toEqual([{ key: '$browser', operator: 'is_set' }]);
  });

  it('"Clear filters" keeps the site and live mode only', async () => {
    await mount({ site: 'shop.test', live: true, events: ['a'], person: 'p', url: 'u', properties: [{ key: 'k' }] });
    await act(() => el<HTMLButtonElement>('filter-clear').click());
    expect(changed.mock.calls[0][0]).toEqual({ ...NO_FILTERS, site: 'shop.test', live: true });
  });
});
