// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';

/** A fake browser with the slices registerActionButton uses; listeners are kept to be fired by the test. */
const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
const on = (name: string) => ({ addListener: (f: (...args: unknown[]) => void) => void (listeners[name] ??= []).push(f), removeListener: () => undefined });
const fire = (name: string, ...args: unknown[]) => listeners[name]?.forEach((f) => f(...args));
let stored: Record<string, unknown> = {};
const popups: string[] = [];
const opened: string[] = [];
const menus: unknown[] = [];
const fake = {
  action: { setPopup: vi.fn(async ({ popup }: { popup: string }) => void popups.push(popup)), openPopup: vi.fn(async () => void opened.push('popup')), onClicked: on('action.onClicked') },
  contextMenus: { create: vi.fn((item: unknown) => void menus.push(item)), onClicked: on('contextMenus.onClicked') },
  runtime: { id: 'lasso', onInstalled: on('runtime.onInstalled'), lastError: undefined, getURL: (p: string) => `chrome-extension://lasso${p}` },
  storage: { local: { get: async (key: string) => ({ [key]: stored[key] }) }, onChanged: on('storage.onChanged') },
  tabs: { create: vi.fn() },
};
vi.mock('wxt/browser', () => ({ browser: fake }));

const { registerActionButton } = await import('../../src/background/action-button');
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the Lasso button', () => {
  it('shows the popup by default, toggles the toolbar when set to, and offers the popup on its menu', async () => {
    stored = {};
    const toggle = vi.fn(async () => true);
    registerActionButton({ toggle, isFirefox: false });
    await flush();
    expect(popups.at(-1)).toBe('popup.html');

    // The user turns the option on (in the popup): the popup leaves the button.
    fire('storage.onChanged', { settings: { newValue: { version: 1, buttonOpensToolbar: true } } }, 'local');
    await flush();
    expect(popups.at(-1)).toBe('');
    fire('action.onClicked', { id: 12 });
    expect(toggle).toHaveBeenCalledWith(12);

    // Its right-click menu still opens the popup.
    fire('runtime.onInstalled');
    expect(menus).toEqual([expect.objectContaining({ id: 'lasso-open-popup', contexts: ['action'] })]);
    stored = { settings: { version: 1, buttonOpensToolbar: true } };
    fire('contextMenus.onClicked', { menuItemId: 'lasso-open-popup' }, { id: 12 });
    await flush();
    await flush();
    expect(opened).toEqual(['popup']);
    expect(popups.slice(-2)).toEqual(['popup.html', '']); // set for that one opening, then back
  });
});
