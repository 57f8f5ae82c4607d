// @ts-nocheck
import { browser } from 'wxt/browser';
import type { Settings } from '../settings/settings';
import { loadSettings, watchSettings } from '../settings/storage';

const POPUP = 'popup.html';
const MENU_ID = 'lasso-open-popup';

type ActionApi = typeof browser.action;

/** `action` (MV3) or `browserAction` (Firefox MV2): the same calls under two names. */
const actionApi = (): ActionApi => (browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction);

/** The popup the button shows under `settings`: '' means none, so a click reaches onClicked. */
export const popupFor = (settings: Pick<Settings, 'buttonOpensToolbar'>): string => (settings.buttonOpensToolbar ? '' : POPUP);

/**
 * Lasso's toolbar button. By default it shows the popup (capture switch, live events, Toolbar
 * button); with the `buttonOpensToolbar` setting a click opens or closes the on-page toolbar
 * directly, and the button's right-click menu offers the popup instead.
 */
export function registerActionButton({ toggle, isFirefox }: { toggle(tabId: number): Promise<boolean>; isFirefox: boolean }): void {
  const action = actionApi();
  const apply = (settings: Settings) => void action.setPopup({ popup: popupFor(settings) }).catch(console.warn);
  void loadSettings().then(apply);
  watchSettings(apply, new AbortController().signal); // lives as long as the background

  action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void toggle(tab.id).catch((error) => console.warn('Lasso:', error));
  });

  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: MENU_ID, title: 'Open the Lasso popup', contexts: [isFirefox ? 'browser_action' : 'action'] as never }, () => void browser.runtime.lastError);
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    // openPopup needs a popup set: set it for this one opening, then put the setting back.
    void (async () => {
      await action.setPopup({ popup: POPUP });
      try {
        await action.openPopup();
      } catch {
        await browser.tabs.create({ url: browser.runtime.getURL(`/${POPUP}${tab?.id !== undefined ? `?tab=${tab.id}` : ''}` as '/popup.html') });
      } finally {
        apply(await loadSettings());
      }
    })();
  });
}
