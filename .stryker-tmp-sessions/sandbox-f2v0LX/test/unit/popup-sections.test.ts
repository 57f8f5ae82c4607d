// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { ActionHealth } from '../../src/health/decide';
import type { ActionSummary } from '../../src/preview/summary';
import type { SiteDays } from '../../src/store/queries/site-days';

const sent: { type: string; data: unknown }[] = [];
const answers: Record<string, unknown> = {};
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type in answers) return answers[type];
    throw new Error(`unexpected ${type}`);
  }),
}));

const { SiteActions } = await import('../../src/popup/SiteActions');
const { SiteToday } = await import('../../src/popup/SiteToday');
const { lastDays, tzOffsetNow } = await import('../../src/popup/days');

const action = (id: string, name: string): StoredAction => ({ id, site: 'shop.test', name, steps: [{ event: '$autocapture', selector: `#${id}` }], created_at: 'c', updated_at: 'u' });
const windows = (all: number) => ({ '1h': 0, '24h': 0, '7d': all, '30d': all, all });
const today = new Date(Date.now() + tzOffsetNow() * 60_000).toISOString().slice(0, 10);
const summary = (id: string, all: number, perDay: { day: string; count: number }[] = []): ActionSummary => ({ id, windows: windows(all), lastHere: null, perDay });
const health = (id: string, over: Partial<ActionHealth> = {}): ActionHealth => ({ id, status: 'ok', since: null, page: 'https://shop.test/', lastChain: null, candidates: [], viewsSince: 0, expected: 0, ...over });

let root: HTMLElement;
const q = (testid: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  sent.length = 0;
  for (const k of Object.keys(answers)) delete answers[k];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe("the popup's actions section", () => {
  it("lists the site's actions with their stored matches, a sparkline naming its numbers, and health", async () => {
    answers['actions.list'] = [action('a', 'Checkout'), action('b', 'Help'), action('c', 'Never')];
    answers['actions.summary'] = [summary('a', 120, [{ day: today, count: 3 }]), summary('b', 1), summary('c', 0)];
    answers['actions.health'] = [
      health('a', { status: 'broken', page: 'https://shop.test/cart.html', since: Date.UTC(2026, 10, 10, 9), lastChain: 'button:attr__data-attr="checkout"text="Checkout"', viewsSince: 100, expected: 50, candidates: [{ chain: 'button:attr__data-attr="checkout-v2"text="Checkout"', n: 40, first: 1, last: 2 }] }),
      health('b'),
      health('c', { status: 'no data', page: null }),
    ];
    const opened = vi.fn();
    await act(() => render(h(SiteActions, { host: 'shop.test', url: 'https://shop.test/', ready: true, onOpenToolbar: opened }), root));
    await flush();
    expect(sent.map((m) => m.type).sort()).toEqual(['actions.health', 'actions.list', 'actions.summary']);
    expect(q('action-row').map((r) => [r.dataset.name, r.dataset.status, r.querySelector('[data-testid="action-count"]')!.textContent])).toEqual([
      ['Checkout', 'broken', '120 matches'],
      ['Help', 'ok', '1 match'],
      ['Never', 'no data', '0 matches'],
    ]);
    const spark = q('action-row')[0].querySelector('[data-testid="sparkline"]')!;
    expect(spark.getAttribute('aria-label')).toBe(`Checkout matches per day, last 14 days: ${lastDays([{ day: today, count: 3 }], Date.now(), tzOffsetNow(), 14).join(', ')} (total 3, today 3)`);
    expect(q('broken-badge')).toHaveLength(1);
    const details = q('health-details')[0];
    expect(details.hidden).toBe(true);
    await act(() => q('broken-badge')[0].click());
    expect(q('broken-badge')[0].getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(details.textContent).toContain('No match on /cart.html since');
    expect([...details.querySelectorAll('[data-testid="candidates"] li')].map((li) => li.textContent)).toEqual(['button "Checkout" data-attr=checkout-v2 · 40 events']);
    await act(() => q('repair')[0].click());
    expect(opened).toHaveBeenCalledWith('https://shop.test/cart.html');
  });

  it('says what to do when the site has no action, with a button that opens the toolbar', async () => {
    answers['actions.list'] = [];
    answers['actions.summary'] = [];
    answers['actions.health'] = [];
    const opened = vi.fn();
    await act(() => render(h(SiteActions, { host: 'shop.test', url: 'https://shop.test/', ready: true, onOpenToolbar: opened }), root));
    await flush();
    expect(q('no-actions')[0].textContent).toContain('Open the toolbar to define your first action');
    await act(() => q('no-actions')[0].querySelector('button')!.click());
    expect(opened).toHaveBeenCalledWith(null);
  });

  it("asks nothing until the popup's first data is in, then everything", async () => {
    answers['actions.list'] = [];
    answers['actions.summary'] = [];
    answers['actions.health'] = [];
    await act(() => render(h(SiteActions, { host: 'shop.test', url: 'https://shop.test/', ready: false, onOpenToolbar: vi.fn() }), root));
    await flush();
    expect(sent).toEqual([]);
    expect(root.textContent).toContain('Loading actions…');
    await act(() => render(h(SiteActions, { host: 'shop.test', url: 'https://shop.test/', ready: true, onOpenToolbar: vi.fn() }), root));
    await flush();
    expect(sent.map((m) => m.type).sort()).toEqual(['actions.health', 'actions.list', 'actions.summary']);
  });

  it('keeps a row per action while counts and health are still on their way (no layout jump)', async () => {
    answers['actions.list'] = [action('a', 'Checkout')];
    let release: (v: unknown) => void = () => undefined;
    answers['actions.summary'] = new Promise((r) => (release = r));
    answers['actions.health'] = new Promise(() => undefined);
    await act(() => render(h(SiteActions, { host: 'shop.test', url: 'https://shop.test/', ready: true, onOpenToolbar: vi.fn() }), root));
    await flush();
    expect(q('action-count')[0].textContent).toBe('…');
    expect(q('sparkline')[0].getAttribute('aria-label')).toBe('Checkout matches per day: loading');
    expect(q('sparkline')[0].getAttribute('width')).toBe('64');
    release([summary('a', 2)]);
    await flush();
    expect(q('action-count')[0].textContent).toBe('2 matches');
  });
});

describe("the popup's today section", () => {
  const days = (events: number[], sessions: number[]): SiteDays => ({ days: events.map((_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`), events, sessions, total: events.reduce((a, b) => a + b, 0) });

  it("shows today's events and sessions with 14-day sparklines named by their numbers", async () => {
    const events = [...new Array(13).fill(1), 1234];
    const sessions = [...new Array(13).fill(0), 7];
    await act(() => render(h(SiteToday, { data: days(events, sessions), capturing: true }), root));
    expect(q('today-events')[0].textContent).toBe('1,234');
    expect(q('today-sessions')[0].textContent).toBe('7');
    expect(q('sparkline').map((s) => s.getAttribute('aria-label'))).toEqual([
      `Events per day, last 14 days: ${events.map((x) => x.toLocaleString('en')).join(', ')} (total 1,247, today 1,234)`,
      `Sessions started per day, last 14 days: ${sessions.join(', ')} (total 7, today 7)`,
    ]);
    expect(q('today-empty')[0].textContent).toBe('');
  });

  it('keeps its boxes while loading', async () => {
    await act(() => render(h(SiteToday, { data: null, capturing: true }), root));
    expect(q('today-events')[0].textContent).toBe('…');
    expect(q('sparkline').map((s) => [s.getAttribute('aria-label'), s.getAttribute('width')])).toEqual([['Events per day: loading', '84'], ['Sessions started per day: loading', '84']]);
  });

  it.each([
    [false, 'Switch capture on for this site'],
    [true, 'use the page and events appear'],
  ])('with nothing stored (capturing: %s) says %j', async (capturing, text) => {
    await act(() => render(h(SiteToday, { data: days(new Array(14).fill(0), new Array(14).fill(0)), capturing }), root));
    expect(q('today-empty')[0].textContent).toContain(text);
  });
});
