// @ts-nocheck
// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileAction } from '../../src/actions';
import { compatibilityReport, exportActions, playwrightSnippet, toPostHogPayload } from '../../src/actions/io';
import type { ActionStep, StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { ask, domOf, handlers } from '../support/dashboard-page';

// The Actions view in the dashboard shell; the background answered by its real action and query
// handlers over a fake IndexedDB holding clicks of the last days.

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: () => undefined } } } }));
vi.mock('../../src/messaging/protocol', async (original) =>
  (await import('../support/dashboard-page')).answeredByHandlers(await original<object>()),
);

const { registerQueryHandlers } = await import('../../src/background/query-handlers');
const { registerActionHandlers } = await import('../../src/background/actions-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');
const { saveAction } = await import('../../src/store/actions');
const { App } = await import('../../src/dashboard/App');
const { sendMessage } = await import('../../src/messaging/protocol');
const { trendWindow, trendRequests, sparkPoints, trendLabel, siteUrl } = await import('../../src/dashboard/actions/trends');

const A = 'shop.test';
const B = 'docs.test';
const chainOf = (attr: string) => `button:attr__data-attr="${attr}"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"`;
let n = 0;
/** A click on `attr`'s button of `site`, `daysAgo` days ago at local noon (today: halfway since midnight, never in the future). */
function click(site: string, attr: string, daysAgo: number): CaptureEvent {
  const now = Date.now();
  const at = new Date(now);
  at.setHours(daysAgo === 0 ? 0 : 12, 0, 0, 0);
  at.setDate(at.getDate() - daysAgo);
  if (daysAgo === 0) at.setTime(at.getTime() + (now - at.getTime()) / 2);
  return {
    uuid: `0190a0a0-0000-7000-8000-${String(n++).padStart(12, '0')}`, event: '$autocapture', distinct_id: 'd', timestamp: at.toISOString(),
    properties: { $host: site, $current_url: `https://${site}/p`, $elements_chain: chainOf(attr), $event_type: 'click' },
  };
}
// Day d (0 = today) has d % 4 clicks on "add" and one on "buy" every other day; B has 3 clicks today; one add click is 20 days old.
const EVENTS = [
  ...Array.from({ length: 14 }, (_, d) => Array.from({ length: d % 4 }, () => click(A, 'add', d))).flat(),
  ...Array.from({ length: 7 }, (_, i) => click(A, 'buy', i * 2)),
  click(B, 'add', 0), click(B, 'add', 0), click(B, 'add', 0),
  click(A, 'add', 20),
];
const ADD: ActionStep[] = [{ event: '$autocapture', selector: 'button[data-attr="add"]' }];
const BUY: ActionStep[] = [{ event: '$autocapture', selector: 'button[data-attr="buy"]' }];

let db: Awaited<ReturnType<typeof openLassoDB>>;
let saved: StoredAction[];
const stored = () => ask<StoredAction[]>('actions.list', { site: A });

let root: HTMLElement;
const { all, one, until } = domOf(() => root);
async function open(hash: string) {
  window.location.hash = hash;
  await act(() => render(h(App, null), root));
}
function type(el: HTMLElement, value: string, event = 'input') {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}
const press = (el: HTMLElement) => act(() => void el.click());
const buttonNamed = (label: string) => all('button').find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label) ?? (() => { throw new Error(`no button ${label}`); })();

beforeEach(async () => {
  handlers.clear();
  db = await openLassoDB(new IDBFactory());
  await ingestEvents(db, EVENTS);
  saved = [
    await saveAction(db, { site: A, name: 'Add to cart', steps: ADD, tags: ['cart'] }),
    await saveAction(db, { site: A, name: 'Buy', steps: BUY }),
    await saveAction(db, { site: B, name: 'Add (docs)', steps: ADD }),
  ];
  registerQueryHandlers({ db: Promise.resolve(db) });
  registerActionHandlers({ db: Promise.resolve(db), live: { publish: () => undefined } as never });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

describe('small trends (pure)', () => {
  it.each([
    ['noon', new Date(2026, 10, 20, 12).getTime(), new Date(2026, 10, 7).getTime()],
    ['just after midnight', new Date(2026, 10, 20, 0, 5).getTime(), new Date(2026, 10, 7).getTime()],
  ])('the window starts at local midnight 13 days before (%s)', (_, now, from) => {
    expect(trendWindow(now)).toEqual({ from, to: now });
  });

  it.each([
    [3, 1, [3]],
    [10, 1, [10]],
    [11, 2, [10, 1]],
    [25, 3, [10, 10, 5]],
  ])('%i actions of one site take %i requests of at most 10 lines', (count, requests, sizes) => {
    const actions = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, site: A, name: `a${i}`, steps: ADD, created_at: '', updated_at: '' }));
    const out = trendRequests(actions, Date.now(), 'UTC');
    expect(out).toHaveLength(requests);
    expect(out.map((r) => r.series.length)).toEqual(sizes);
    expect(out.flatMap((r) => r.series.map((s) => ('actionId' in s ? s.actionId : '')))).toEqual(actions.map((a) => a.id));
  });

  it('one request per site', () => {
    const mk = (id: string, site: string) => ({ id, site, name: id, steps: ADD, created_at: '', updated_at: '' });
    expect(trendRequests([mk('x', A), mk('y', B), mk('z', A)], 0, 'UTC').map((r) => [r.site, r.series.map((s) => s.name)])).toEqual([[A, ['x', 'z']], [B, ['y']]]);
  });

  it.each([
    [[0, 0, 0], '1.0,9.0 5.0,9.0 9.0,9.0'],
    [[0, 2, 1], '1.0,9.0 5.0,1.0 9.0,5.0'],
  ])('sparkline points of %j', (counts, points) => expect(sparkPoints(counts, 10, 10)).toBe(points));

  it.each([
    [[1, 0, 2], '3 events in 3 days, oldest first: 1, 0, 2'],
    [[1], '1 event in 1 days, oldest first: 1'],
  ])('label of %j', (counts, label) => expect(trendLabel(counts)).toBe(label));

  it.each([['localhost:5174', 'http://localhost:5174/'], ['127.0.0.1:8123', 'http://127.0.0.1:8123/'], ['shop.test', 'https://shop.test/']])('page of %s', (site, url) => expect(siteUrl(site)).toBe(url));
});

describe('Actions view', () => {
  it('lists every site’s actions with their 14-day counts and trends as the events give, each linked to its events', async () => {
    await open('#/actions');
    await until('counts', () => all('[data-testid="action-count"]').length === 3 && all('[data-testid="action-count"]').every((a) => a.textContent !== '…'));
    expect(all('caption').map((c) => c.textContent)).toEqual([B, A].sort());
    const { from } = trendWindow(Date.now());
    for (const a of saved) {
      const compiled = compileAction(a);
      const expected = EVENTS.filter((e) => e.properties.$host === a.site && Date.parse(e.timestamp) >= from && compiled.matches(e)).length;
      const row = one(`[data-id="${a.id}"]`);
      expect(row.querySelector('[data-testid="action-name"]')!.textContent).toBe(a.name);
      expect(row.querySelector('[data-testid="action-count"]')!.textContent).toBe(String(expected));
      expect(row.querySelector('[data-testid="action-count"]')!.getAttribute('href')).toBe(`#/events?action=${a.id}&site=${encodeURIComponent(a.site)}`);
      const label = row.querySelector('[data-testid="sparkline"]')!.getAttribute('aria-label')!;
      expect(label.startsWith(`${expected} event`)).toBe(true);
    }
    // The add action's days, oldest first: day d ago has d % 4 clicks.
    const addRow = one(`[data-id="${saved[0].id}"]`);
    const days = Array.from({ length: 14 }, (_, i) => (13 - i) % 4);
    expect(addRow.querySelector('[data-testid="sparkline"]')!.getAttribute('aria-label')).toBe(trendLabel(days));
  });

  it('the route’s site narrows the list; a site without actions says what to do next', async () => {
    await open(`#/actions?site=${B}`);
    await until('the list', () => all('[data-testid="action-row"]').length === 1);
    expect(one('[data-testid="action-name"]').textContent).toBe('Add (docs)');
    await open('#/actions?site=none.test');
    await until('the empty state', () => !!root.querySelector('[data-testid="empty-state"]'));
    expect(one('[data-testid="empty-state"]').textContent).toContain('Open the toolbar on a site to define your first action');
  });

  it('the editor blocks saving an invalid selector or regex with the reason, and saves a valid edit', async () => {
    await open(`#/actions/${saved[0].id}`);
    await until('the editor', () => !!root.querySelector('[data-testid="action-editor"]'));
    const save = vi.mocked(sendMessage);
    save.mockClear();
    await act(() => type(one('[data-testid="step-0-selector"]'), 'button[data-attr='));
    expect(one('[data-testid="error-selector"]').textContent).not.toBe('');
    expect(one('[data-testid="save-action"]').getAttribute('aria-disabled')).toBe('true');
    await press(one('[data-testid="save-action"]'));
    expect(save.mock.calls.filter(([t]) => t === 'actions.save')).toEqual([]);
    expect(one('[data-testid="save-state"]').textContent).toMatch(/Cannot save yet: 1 problem/);
    expect(document.activeElement).toBe(one('[data-testid="step-0-selector"]'));

    await act(() => type(one('[data-testid="step-0-selector"]'), 'button'));
    await act(() => type(one('[data-testid="step-0-text"]'), '(unclosed'));
    await act(() => type(root.querySelector<HTMLElement>('[aria-label="text matching"]')!, 'regex', 'change'));
    expect(one('[data-testid="error-text"]').textContent).toMatch(/regex|regular expression|parenthes/i);
    await press(one('[data-testid="save-action"]'));
    expect(save.mock.calls.filter(([t]) => t === 'actions.save')).toEqual([]);
    expect((await stored()).find((a) => a.id === saved[0].id)!.steps).toEqual(saved[0].steps);

    await act(() => type(one('[data-testid="step-0-text"]'), 'Add'));
    await act(() => type(root.querySelector<HTMLElement>('[aria-label="text matching"]')!, 'exact', 'change'));
    await act(() => type(one('[data-testid="action-name-input"]'), 'Add to basket'));
    await press(one('[data-testid="save-action"]'));
    await until('saved', () => /Saved/.test(one('[data-testid="saved-status"]').textContent ?? ''));
    const after = (await stored()).find((a) => a.id === saved[0].id)!;
    expect(after.name).toBe('Add to basket');
    expect(after.steps[0]).toMatchObject({ selector: 'button', text: 'Add', text_matching: 'exact' });
  });

  it('delete removes the action at once; Undo saves it again with the same id and steps', async () => {
    await open(`#/actions?site=${A}`);
    await until('the list', () => all('[data-testid="action-row"]').length === 2);
    await press(buttonNamed('Delete Buy'));
    await until('gone', () => all('[data-testid="action-row"]').length === 1);
    expect((await stored()).map((a) => a.name)).toEqual(['Add to cart']);
    await press(one('[data-testid="undo-delete"]'));
    await until('back', () => all('[data-testid="action-row"]').length === 2);
    const back = (await stored()).find((a) => a.name === 'Buy')!;
    expect({ id: back.id, steps: back.steps }).toEqual({ id: saved[1].id, steps: saved[1].steps });
  });

  it('“Copy as Playwright test” puts the action’s test for its site’s page on the clipboard', async () => {
    const writes: string[] = [];
    const clipboard = vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText: async (t: string) => void writes.push(t) } as Clipboard);
    try {
      await open(`#/actions?site=${A}`);
      await until('the list', () => all('[data-testid="action-row"]').length === 2);
      await press(buttonNamed('Copy as Playwright test: Buy'));
      await until('copied', () => writes.length === 1);
      expect(writes).toEqual([playwrightSnippet(saved[1], siteUrl(A))]);
      await until('the status', () => all('[data-testid="playwright-status"]').some((s) => s.textContent === 'Copied'));
    } finally {
      clipboard.mockRestore();
    }
  });

  it('duplicate saves a copy and opens it in the editor', async () => {
    await open(`#/actions?site=${A}`);
    await until('the list', () => all('[data-testid="action-row"]').length === 2);
    await press(buttonNamed('Duplicate Buy'));
    await until('the copy', () => (window.location.hash.match(/^#\/actions\/[^?]+/) ?? [''])[0] !== '');
    const copy = (await stored()).find((a) => a.name === 'Buy (copy)')!;
    expect(copy.steps).toEqual(saved[1].steps);
    expect(window.location.hash).toBe(`#/actions/${copy.id}?site=${A}`);
  });

  it('import: a good file shows the report per action and writes only on “Import N actions”', async () => {
    const file = exportActions([
      { ...saved[0], name: 'Signup', steps: [{ event: 'signup' }] },
      { ...saved[1], name: 'Buy' },
    ]);
    await open(`#/actions?site=${A}`);
    await until('the list', () => all('[data-testid="action-row"]').length === 2);
    await press(one('[data-testid="open-import"]'));
    await act(() => type(one('[data-testid="import-text"]'), file));
    await press(one('[data-testid="import-check"]'));
    await until('the report', () => all('[data-testid="import-entry"]').length === 2);
    expect(all('[data-testid="import-entry"]').map((e) => [e.dataset.status, e.querySelector('b')!.textContent])).toEqual([['skipped', 'Buy'], ['created', 'Signup']]);
    expect((await stored()).map((a) => a.name)).toEqual(['Add to cart', 'Buy']);
    expect(one('[data-testid="import-confirm"]').textContent).toBe('Import 1 action');
    await press(one('[data-testid="import-confirm"]'));
    await until('written', () => all('[data-testid="action-row"]').length === 3);
    expect((await stored()).map((a) => a.name)).toEqual(['Add to cart', 'Buy', 'Signup']);
  });

  it.each([
    ['malformed JSON', '{"actions": [', /line 1/],
    ['an action with a broken selector', JSON.stringify([{ name: 'Bad', steps: [{ event: '$autocapture', selector: 'a[' }] }]), /rejected/],
  ])('import: %s writes nothing and says why', async (_, text, why) => {
    await open(`#/actions?site=${A}`);
    await until('the list', () => all('[data-testid="action-row"]').length === 2);
    await press(one('[data-testid="open-import"]'));
    await act(() => type(one('[data-testid="import-text"]'), text));
    await press(one('[data-testid="import-check"]'));
    await until('the verdict', () => !!root.querySelector('[data-testid="import-error"]') || !!root.querySelector('[data-testid="import-report"] .error'));
    expect(one('[data-testid="import-panel"]').textContent).toMatch(why);
    expect(root.querySelector('[data-testid="import-confirm"]')).toBeNull();
    expect((await stored()).map((a) => a.name)).toEqual(['Add to cart', 'Buy']);
  });

  it('export shows the compatibility report per action, then downloads the PostHog JSON of those actions', async () => {
    await saveAction(db, { site: A, name: 'Quoted text', steps: [{ event: '$autocapture', text: 'Say "hi"', text_matching: 'exact' }] });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      await open(`#/actions?site=${A}`);
      await until('the list', () => all('[data-testid="action-row"]').length === 3);
      await press(one('[data-testid="open-export"]'));
      await until('the report', () => !!root.querySelector('[data-testid="compat-report"]'));
      const differing = (await stored()).filter((a) => compatibilityReport(a).length).map((a) => a.name);
      expect(differing).toEqual(['Quoted text']);
      expect(all('[data-testid="compat-action"] b').map((b) => b.textContent)).toEqual(differing);
      await press(one('[data-testid="export-download"]'));
      expect(blobs).toHaveLength(1);
      const parsed = JSON.parse(await blobs[0].text()) as { actions: unknown[] };
      expect(parsed.actions).toEqual((await stored()).map(toPostHogPayload));
      expect(one('[data-testid="export-status"]').textContent).toMatch(/^Downloaded lasso-actions-shop\.test-/);
    } finally {
      create.mockRestore();
      clicked.mockRestore();
    }
  });
});
