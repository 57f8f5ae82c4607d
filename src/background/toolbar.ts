import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage, sendMessage } from '../messaging/protocol';
import { assertOwnSender, isExtensionUrl, MessageRejectedError, requireInt } from '../messaging/validate';
import { siteOf } from '../settings/settings';
import { toUiState, type ToolbarUiState } from '../toolbar/state';

/** Built by WXT from entrypoints/toolbar.content.ts (registration: runtime, so injected on demand only). */
const TOOLBAR_FILE = '/content-scripts/toolbar.js' as const;
export const TOGGLE_COMMAND = 'toggle-toolbar';

const keyOf = (tabId: number) => `toolbar:${tabId}`;

/**
 * The toolbar's lifecycle in the background: it is injected into a tab on demand (shortcut,
 * popup), never with the always-on capture script; each tab's state lives in the session area
 * so a reload re-injects it as it was.
 */
export function registerToolbar({ session }: { session: KeyValueArea }): void {
  const extensionId = browser.runtime.id;

  const load = async (tabId: number): Promise<ToolbarUiState> => toUiState((await session.get(keyOf(tabId)))[keyOf(tabId)]);
  const store = (tabId: number, ui: ToolbarUiState) => session.set({ [keyOf(tabId)]: ui });

  /** Open the toolbar in a tab, or close it when it is open there. */
  async function toggle(tabId: number): Promise<boolean> {
    const ui = await load(tabId);
    const running = await sendMessage('toolbar.command', { command: 'ping' }, { tabId, frameId: 0 }).catch(() => null);
    if (running?.open) {
      await sendMessage('toolbar.command', { command: 'close' }, { tabId, frameId: 0 }).catch(() => null);
      await store(tabId, { ...ui, open: false });
      return false;
    }
    await store(tabId, { ...ui, open: true });
    if (running) {
      // Loaded but closed: open it again (a second injection would be ignored by the script).
      await sendMessage('toolbar.command', { command: 'open' }, { tabId, frameId: 0 });
      return true;
    }
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TOOLBAR_FILE] });
    } catch (error) {
      await store(tabId, { ...ui, open: false });
      throw new Error(`Lasso cannot open the toolbar on this page: ${error instanceof Error ? error.message : String(error)}`);
    }
    return true;
  }

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    const withTab = tab?.id !== undefined ? Promise.resolve(tab) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
    void withTab.then((t) => (t?.id !== undefined ? toggle(t.id) : false)).catch((error) => console.warn('Lasso:', error));
  });

  onMessage('toolbar.toggle', async ({ data, sender }) => {
    assertOwnSender(sender, extensionId);
    if (!isExtensionUrl(sender.url)) throw new MessageRejectedError('toolbar.toggle: only extension pages may toggle the toolbar');
    return { open: await toggle(requireInt(data, 'tabId', 0, Number.MAX_SAFE_INTEGER)) };
  });

  onMessage('toolbar.hello', async ({ sender }) => {
    const tabId = toolbarTab(sender, extensionId);
    const site = siteOf(sender.tab?.url ?? sender.url ?? '');
    if (!site) throw new MessageRejectedError('toolbar.hello: not a web page');
    const ui = await load(tabId);
    // A script that is running was injected on purpose (toggle or reload): it is open.
    if (!ui.open) await store(tabId, { ...ui, open: true });
    return { site, ui: { ...ui, open: true } };
  });

  onMessage('toolbar.save', async ({ data, sender }) => {
    const tabId = toolbarTab(sender, extensionId);
    await store(tabId, toUiState((data as { ui?: unknown } | null)?.ui));
    return { saved: true };
  });

  // Reloads and full navigations drop the page's scripts: bring an open toolbar back.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    void load(tabId).then(async (ui) => {
      if (!ui.open) return;
      const running = await sendMessage('toolbar.command', { command: 'ping' }, { tabId, frameId: 0 }).catch(() => null);
      if (running) return;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TOOLBAR_FILE] }).catch(() => {
        // No access any more (another site without permission): forget it rather than retry forever.
        return store(tabId, { ...ui, open: false });
      });
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => void session.set({ [keyOf(tabId)]: null }));
}

/** The tab of a toolbar (this extension's content script in a web page's top frame). */
function toolbarTab(sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number } | undefined, extensionId: string): number {
  assertOwnSender(sender, extensionId);
  if (sender?.tab?.id === undefined || isExtensionUrl(sender.url)) throw new MessageRejectedError('toolbar: not from a web page tab');
  if (sender.frameId !== undefined && sender.frameId !== 0) throw new MessageRejectedError('toolbar: only the top frame hosts the toolbar');
  return sender.tab.id;
}
