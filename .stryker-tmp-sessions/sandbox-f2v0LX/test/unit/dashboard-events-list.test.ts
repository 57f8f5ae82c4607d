// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import type { EventsFilterInput } from '../../src/messaging/query-checks';
import type { Position } from '../../src/store/queries/order';

// A store of 250 events behind a fake query.events that pages like the real one (keyset, newest first).
const STORE: CaptureEvent[] = Array.from({ length: 250 }, (_, i) => ({
  uuid: `e${String(1000 - i)}`,
  event: i % 2 ? '$autocapture' : '$pageview',
  distinct_id: `p${i % 7}`,
  timestamp: new Date(Date.UTC(2026, 10, 1) - i * 60_000).toISOString(),
  properties: { $host: 'shop.test', $current_url: `https://shop.test/page/${i}`, $el_text: i % 2 ? `Button ${i}` : undefined, $event_type: i % 2 ? 'click' : undefined },
}));
const sent: { type: string; data: { filter?: EventsFilterInput; cursor?: Position | null } }[] = [];
let sites: unknown[] = [{ site: 'shop.test', events: 250, last: 0, eventNames: ['$pageview', '$autocapture'] }];
let failWith: string | null = null;
let stored = STORE;
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: { filter?: EventsFilterInput; cursor?: Position | null; limit?: number }) => {
    sent.push({ type, data });
    if (type === 'query.sites') return sites;
    if (type === 'actions.listAll') return [];
    if (type !== 'query.events') throw new Error(`unexpected ${type}`);
    if (failWith) throw new Error(failWith);
    const matching = stored.filter((e) => !data.filter?.events || data.filter.events.includes(e.event));
    const start = data.cursor ? matching.findIndex((e) => e.uuid === data.cursor!.uuid) + 1 : 0;
    const rows = matching.slice(start, start + (data.limit ?? 50));
    const last = rows.at(-1);
    const next = start + rows.length < matching.length && last ? { ms: Date.parse(last.timestamp), uuid: last.uuid } : null;
    return { rows, next, cutShort: false, driver: 'all', reads: rows.length, ...(data.cursor ? {} : { total: { exact: matching.length } }) };
  }),
}));

const { EventsList } = await import('../../src/dashboard/events/EventsList');
const { parseRoute } = await import('../../src/dashboard/route');

let root: HTMLElement;
beforeEach(() => {
  sent.length = 0;
  failWith = null;
  stored = STORE;
  sites = [{ site: 'shop.test', events: 250, last: 0, eventNames: ['$pageview', '$autocapture'] }];
  root = document.createElement('div');
  document.body.append(root);
  window.location.hash = '';
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const mount = async (hash: string) => {
  await act(() => render(h(EventsList, { route: parseRoute(hash) }), root));
  await flush();
};
const byTestId = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const eventQueries = () => sent.filter((s) => s.type === 'query.events');

describe('EventsList', () => {
  it('shows the total and the newest rows with event, person, URL and element text', async () => {
    await mount('#/events');
    expect(byTestId('events-total')[0].textContent).toBe('250 events');
    const first = byTestId('table-row').slice(0, 2).map((r) => [...r.querySelectorAll('[role="cell"]')].slice(1).map((c) => c.textContent));
    expect(first).toEqual([
      ['pageview', 'p0', 'https://shop.test/page/0', ''],
      ['click', 'p1', 'https://shop.test/page/1', 'Button 1'],
    ]);
    expect(eventQueries()[0].data).toEqual({ filter: {}, limit: 100, cursor: null });
  });

  it('loads the next page with the previous page’s cursor, never an offset', async () => {
    await mount('#/events');
    // Scrolled to the end of the first 100 rows, the next page is asked for.
    const table = root.querySelector<HTMLElement>('.table-body')!;
    for (let i = 0; i < 5 && eventQueries().length < 2; i++) {
      table.scrollTop = 100 * 32;
      await act(() => void table.dispatchEvent(new Event('scroll')));
      await flush();
    }
    const pages = eventQueries();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1].data.cursor).toEqual({ ms: Date.parse(STORE[99].timestamp), uuid: STORE[99].uuid });
  });

  it('asks for the route’s filters and counts what they give', async () => {
    await mount('#/events?event=%24autocapture');
    expect(eventQueries()[0].data.filter).toEqual({ events: ['$autocapture'] });
    expect(byTestId('events-total')[0].textContent).toBe('125 events');
    expect(byTestId('event-chip').map((c) => c.textContent)).toEqual(['$autocapture×']);
  });

  it('a filter set in the form goes into the route', async () => {
    await mount('#/events?site=shop.test');
    const person = byTestId('filter-person')[0] as HTMLInputElement;
    person.value = 'p3';
    await act(() => void person.dispatchEvent(new Event('change', { bubbles: true })));
    expect(window.location.hash).toBe('#/events?site=shop.test&person=p3');
  });

  it('says what to do when nothing is stored, and what to try when filters match nothing', async () => {
    await mount('#/events?event=nothing');
    expect(byTestId('events-empty')[0].textContent).toContain('No events match these filters.');
    render(null, root);
    stored = [];
    sites = [];
    await mount('#/events');
    expect(byTestId('events-empty')[0].textContent).toContain('No events are stored yet.Switch capture on for a site');
  });

  it('an error is said in the background’s words with a way to retry', async () => {
    failWith = 'filter.actionId: no action "gone"';
    await mount('#/events?action=gone');
    expect(byTestId('error')[0].textContent).toContain('Could not load events: filter.actionId: no action "gone"');
    failWith = null;
    await act(() => byTestId('error')[0].querySelector('button')!.click());
    await flush();
    expect(byTestId('error')).toHaveLength(0);
  });

  it('an unreadable filter in the route is named, not guessed', async () => {
    await mount('#/events?last=2y');
    expect(byTestId('filter-problems')[0].textContent).toBe('Filter ignored: "last" must be one of 1h, 24h, 7d, 30d, not 2y');
    expect(eventQueries()[0].data.filter).toEqual({});
  });
});
