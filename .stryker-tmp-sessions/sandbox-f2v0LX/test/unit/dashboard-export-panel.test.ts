// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The Events "Export…" panel: columns offered from the loaded rows, the table's filter sent as is.

const sent: { type: string; data: Record<string, unknown> }[] = [];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn((type: string, data: Record<string, unknown>) => {
    sent.push({ type, data });
    return Promise.resolve({ rows: [], next: null, total: { exact: 0 } });
  }),
}));
const { EventsExport } = await import('../../src/dashboard/export/EventsExport');

let root: HTMLElement;
const rows = [{ uuid: 'u1', event: 'e', distinct_id: 'd', timestamp: '2026-01-01T00:00:00.000Z', properties: { plan: 'pro', $current_url: 'https://a/' } }];
const checkbox = (name: string) => root.querySelector<HTMLInputElement>(`input[type="checkbox"][value="${name}"]`)!;
const click = (el: HTMLElement) => act(() => el.click());

beforeEach(async () => {
  sent.length = 0;
  root = document.createElement('div');
  document.body.append(root);
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  await act(() => render(h(EventsExport, { filter: { site: 'a', events: ['e'] }, rows }), root));
  await click(root.querySelector<HTMLButtonElement>('[data-testid="events-export-open"]')!);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

describe('EventsExport', () => {
  it('opens a labelled panel; Escape closes it and focuses the button', async () => {
    const open = root.querySelector<HTMLButtonElement>('[data-testid="events-export-open"]')!;
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const panel = root.querySelector('[data-testid="events-export"]')!;
    expect(panel.getAttribute('aria-label')).toBe('Export events');
    await act(() => {
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[data-testid="events-export"]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it.each([
    ['a property of the loaded rows', 'properties.plan', true],
    ['a common column', 'properties.$session_id', true],
    ['a property no loaded row has', 'properties.nothing', false],
  ])('CSV offers %s: %s', async (_what, column, offered) => {
    await click(root.querySelector<HTMLInputElement>('input[value="csv"]')!);
    expect(Boolean(checkbox(column))).toBe(offered);
  });

  it('no column ticked: Download is disabled and says why', async () => {
    await click(root.querySelector<HTMLInputElement>('input[value="csv"]')!);
    for (const c of ['timestamp', 'event', 'distinct_id', 'properties.$current_url']) await click(checkbox(c));
    expect(root.querySelector<HTMLButtonElement>('[data-testid="export-start"]')!.disabled).toBe(true);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Pick at least one column.');
  });

  it("Download asks query.events with exactly the table's filter", async () => {
    await click(root.querySelector<HTMLButtonElement>('[data-testid="export-start"]')!);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(sent).toEqual([{ type: 'query.events', data: { filter: { site: 'a', events: ['e'] }, limit: 500, cursor: null } }]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Downloaded 0 of 0 events.');
  });
});
