// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage, sendMessage } from '../messaging/protocol';
import { webFrame } from '../messaging/frame-scope';
import { assertOwnSender, isExtensionUrl, MessageRejectedError, requireInt } from '../messaging/validate';
import { siteKeyOf } from '../settings/site';
import { toUiState } from '../toolbar/state';
import { registerActionButton } from './action-button';
import { createToolbarControl } from './toolbar-control';

/** Built by WXT from entrypoints/toolbar.content.ts (registration: runtime, so injected on demand only). */
const TOOLBAR_FILE = '/content-scripts/toolbar.js' as const;
/** The manifest command (default Alt+Shift+L, rebindable in the browser's shortcut settings). */
export const TOGGLE_COMMAND = 'toggle-toolbar';

/**
 * The toolbar in the background: injected into a tab on demand (shortcut, popup), never with the
 * always-on capture script; each tab's state lives in the session area so a reload re-injects
 * it as it was (see toolbar-control.ts).
 */
export function registerToolbar({ session }: { session: KeyValueArea }): void {
  const extensionId = browser.runtime.id;
  const control = createToolbarControl({
    area: session,
    inject: async (tabId) => void (await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TOOLBAR_FILE] })),
    command: (tabId, command) => sendMessage('toolbar.command', { command }, { tabId, frameId: 0 }).catch(() => null),
  });

  registerActionButton({ toggle: control.toggle, isFirefox: import.meta.env.FIREFOX });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    const withTab = tab?.id !== undefined ? Promise.resolve(tab) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
    void withTab.then((t) => (t?.id !== undefined ? control.toggle(t.id) : false)).catch((error) => console.warn('Lasso:', error));
  });

  onMessage('toolbar.toggle', async ({ data, sender }) => {
    assertOwnSender(sender, extensionId);
    if (!isExtensionUrl(sender.url)) throw new MessageRejectedError('toolbar.toggle: only extension pages may toggle the toolbar');
    return { open: await control.toggle(requireInt(data, 'tabId', 0, Number.MAX_SAFE_INTEGER)) };
  });

  // The toolbar's own messages: its tab's top frame only, for that frame's own site.
  onMessage('toolbar.hello', async ({ sender }) => {
    const { tabId, site } = webFrame(sender, extensionId, 'toolbar.hello', { top: true });
    // A script that is running was injected on purpose (toggle or reload): it is open.
    return { site, ui: await control.hello(tabId, site) };
  });

  onMessage('toolbar.save', async ({ data, sender }) => {
    const { tabId, site } = webFrame(sender, extensionId, 'toolbar.save', { top: true });
    // The site is the sender's, whatever the message says.
    await control.store(tabId, { ...toUiState((data as { ui?: unknown } | null)?.ui), site });
    return { saved: true };
  });

  // Reloads and full navigations drop the page's scripts: bring an open toolbar back.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') void control.restore(tabId, siteKeyOf(tab.url ?? ''));
  });
  browser.tabs.onRemoved.addListener((tabId) => void control.forget(tabId));
}
