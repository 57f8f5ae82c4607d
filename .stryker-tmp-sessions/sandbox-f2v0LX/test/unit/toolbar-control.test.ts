// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';
import { createToolbarControl } from '../../src/background/toolbar-control';
import { DEFAULT_UI, MAX_UI_BYTES, PANEL_WIDTH, toUiState } from '../../src/toolbar/state';

function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
  };
}

/** A fake tab: whether a toolbar script runs in it and whether it is open; records what was asked. */
function fakeTabs(opts: { injectFails?: boolean } = {}) {
  const scripts = new Map<number, { open: boolean }>();
  const log: string[] = [];
  return {
    scripts,
    log,
    inject: async (tabId: number) => {
      log.push(`inject ${tabId}`);
      if (opts.injectFails) throw new Error('Cannot access contents of the page');
      scripts.set(tabId, { open: true });
    },
    command: async (tabId: number, command: 'open' | 'close' | 'ping') => {
      log.push(`${command} ${tabId}`);
      const s = scripts.get(tabId);
      if (!s) return null;
      if (command === 'open') s.open = true;
      if (command === 'close') s.open = false;
      return { open: s.open };
    },
  };
}

describe('toolbar lifecycle', () => {
  it('injects on the first toggle, closes on the second, reopens without a second injection', async () => {
    const area = memoryArea();
    const tabs = fakeTabs();
    const control = createToolbarControl({ area, ...tabs });
    expect(await control.toggle(7)).toBe(true);
    expect((await control.load(7)).open).toBe(true);
    expect(await control.toggle(7)).toBe(false);
    expect((await control.load(7)).open).toBe(false);
    expect(await control.toggle(7)).toBe(true);
    expect(tabs.log.filter((l) => l.startsWith('inject'))).toEqual(['inject 7']);
    expect(tabs.log).toContain('open 7');
  });

  it('keeps each tab apart', async () => {
    const control = createToolbarControl({ area: memoryArea(), ...fakeTabs() });
    await control.toggle(1);
    expect((await control.load(1)).open).toBe(true);
    expect((await control.load(2)).open).toBe(false);
  });

  it('reports a page it cannot script and leaves the tab closed', async () => {
    const control = createToolbarControl({ area: memoryArea(), ...fakeTabs({ injectFails: true }) });
    await expect(control.toggle(3)).rejects.toThrow(/cannot open the toolbar on this page: Cannot access/);
    expect((await control.load(3)).open).toBe(false);
  });

  it.each([
    { name: 'open, script gone (reload)', open: true, running: false, injected: true },
    { name: 'open, script still there (SPA navigation)', open: true, running: true, injected: false },
    { name: 'closed', open: false, running: false, injected: false },
  ])('restore after a load: $name', async ({ open, running, injected }) => {
    const area = memoryArea();
    const tabs = fakeTabs();
    const control = createToolbarControl({ area, ...tabs });
    await control.store(5, { ...DEFAULT_UI, open, site: 'shop.test', dock: 'left' });
    if (running) tabs.scripts.set(5, { open: true });
    expect(await control.restore(5, 'shop.test')).toBe(injected);
    expect(tabs.log.includes('inject 5')).toBe(injected);
    expect((await control.load(5)).dock).toBe('left');
  });

  it('forgets a toolbar whose page can no longer be scripted after a reload', async () => {
    const area = memoryArea();
    const control = createToolbarControl({ area, ...fakeTabs({ injectFails: true }) });
    await control.store(9, { ...DEFAULT_UI, open: true, site: 'shop.test' });
    expect(await control.restore(9, 'shop.test')).toBe(false);
    expect((await control.load(9)).open).toBe(false);
  });
});

describe('a tab that moves to another site', () => {
  it.each(['news.test', 'shop.test:3000'])('is not re-injected on %s, and its state (with the draft) is dropped', async (next) => {
    const area = memoryArea();
    const tabs = fakeTabs();
    const control = createToolbarControl({ area, ...tabs });
    await control.store(4, { ...DEFAULT_UI, open: true, site: 'shop.test', draft: { name: 'secret' } });
    expect(await control.restore(4, next)).toBe(false);
    expect(tabs.log).not.toContain('inject 4');
    expect(await control.load(4)).toEqual(DEFAULT_UI);
  });

  it.each([
    ['the same site keeps its state and draft', 'shop.test', { name: 'draft' }, 'left'],
    ['another site starts afresh', 'news.test', null, 'right'],
    ['another port of the same host is another site', 'shop.test:8080', null, 'right'],
  ])('hello: %s', async (_name, site, draft, dock) => {
    const control = createToolbarControl({ area: memoryArea(), ...fakeTabs() });
    await control.store(2, { ...DEFAULT_UI, site: 'shop.test', dock: 'left', draft: { name: 'draft' } });
    const ui = await control.hello(2, site);
    expect(ui).toMatchObject({ open: true, site, draft, dock });
    expect(await control.load(2)).toEqual(ui);
  });
});

describe('toUiState', () => {
  it.each([
    ['nothing', undefined, DEFAULT_UI],
    ['garbage', 'x', DEFAULT_UI],
    ['an array', [1], DEFAULT_UI],
    ['bad fields', { open: 'yes', dock: 'top', x: NaN, y: -5, heatmap: 1 }, { ...DEFAULT_UI, y: 0 }],
    ['valid fields', { open: true, site: 'a.test', dock: 'float', collapsed: true, x: 10.4, y: 20, heatmap: true, width: 300.6, draft: { a: 1 } }, { open: true, site: 'a.test', dock: 'float', collapsed: true, x: 10, y: 20, heatmap: true, width: 301, draft: { a: 1 } }],
    ['a width below the minimum', { width: 40 }, { ...DEFAULT_UI, width: PANEL_WIDTH.min }],
    ['a width above the maximum', { width: 5000 }, { ...DEFAULT_UI, width: PANEL_WIDTH.max }],
    ['a width that is not a number', { width: '300' }, DEFAULT_UI],
    ['an infinite width', { width: Infinity }, DEFAULT_UI],
    ['a site that is not a host name', { site: 'x'.repeat(300) }, DEFAULT_UI],
    ['a site with its port', { site: '127.0.0.1:5174' }, { ...DEFAULT_UI, site: '127.0.0.1:5174' }],
    ['a site in upper case (not a site key)', { site: 'A.test' }, DEFAULT_UI],
    ['an oversized draft', { draft: 'x'.repeat(MAX_UI_BYTES + 1) }, DEFAULT_UI],
  ])('%s', (_name, input, expected) => {
    expect(toUiState(input)).toEqual(expected);
  });

  it('drops unknown fields', () => {
    expect(Object.keys(toUiState({ evil: 1, open: true })).sort()).toEqual(Object.keys(DEFAULT_UI).sort());
  });
});
