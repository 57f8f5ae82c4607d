// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { SelectorCandidate } from '../../src/selectors';

// The toolbar's element panel ranks selectors by the data attributes of settings (`selectorAttributes`).

const memory = new Map<string, unknown>();
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
      local: { get: async (key: string) => (memory.has(key) ? { [key]: structuredClone(memory.get(key)) } : {}) },
    },
  },
}));
const { ElementPanel } = await import('../../src/toolbar/ui/ElementPanel');
const { DEFAULT_SETTINGS } = await import('../../src/settings/settings');

/** The selectors the panel offers, best first, for a button carrying two data attributes, under `stored` settings. */
async function offered(stored: unknown): Promise<string[]> {
  memory.clear();
  if (stored !== undefined) memory.set('settings', stored);
  document.body.innerHTML = '<button data-testid="buy" data-track="purchase">Buy</button><div id="root"></div>';
  const root = document.getElementById('root')!;
  let given: SelectorCandidate[] = [];
  const props = { element: document.querySelector('button')!, root: document, editing: false, onNewAction: (_e: Element, c: SelectorCandidate[]) => void (given = c), onAddStep: () => undefined, onPreviewCandidate: () => undefined };
  await act(() => render(h(ElementPanel, props), root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  await act(() => void root.querySelector<HTMLElement>('[data-testid="new-action"]')!.click());
  render(null, root);
  return given.map((c) => c.selector);
}

describe('selector data attributes from settings', () => {
  it.each<[string, unknown, string, string[]]>([
    ['nothing stored: the default list (data-testid; data-track is not in it)', undefined, '[data-testid="buy"]', ['[data-track="purchase"]']],
    ['data-track only', { ...DEFAULT_SETTINGS, selectorAttributes: ['data-track'] }, '[data-track="purchase"]', ['[data-testid="buy"]']],
    ['a prefix', { ...DEFAULT_SETTINGS, selectorAttributes: ['data-tr*'] }, '[data-track="purchase"]', ['[data-testid="buy"]']],
    ['none: no data attribute is offered', { ...DEFAULT_SETTINGS, selectorAttributes: [] }, 'button', ['[data-testid="buy"]', '[data-track="purchase"]']],
  ])('%s', async (_n, stored, first, absent) => {
    const selectors = await offered(stored);
    expect(selectors[0]).toBe(first);
    for (const selector of absent) expect(selectors).not.toContain(selector);
  });
});
