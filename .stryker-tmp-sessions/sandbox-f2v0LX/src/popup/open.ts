// @ts-nocheck
import { browser } from 'wxt/browser';
import { pageKey } from '../events/page-url';
import { sendMessage } from '../messaging/protocol';

/** Whether the popup runs in a tab opened for it (`?tab=`: tests, the dashboard): it then stays open after an action. */
const inTab = () => new URLSearchParams(location.search).has('tab');

/** Close the popup after it started something elsewhere (never when it runs in a tab). */
export function closePopup(): void {
  if (!inTab()) window.close();
}

/** Open the dashboard's events view for `site` in a new tab (the dashboard page reads the route). */
export async function openDashboard(site: string | null): Promise<void> {
  const route = site ? `#/events?site=${encodeURIComponent(site)}` : '#/events';
  // The dashboard page is built by its own entrypoint; the path is not in this build's typed list.
  await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${route}` as '/popup.html') });
  closePopup();
}

export async function openSettings(): Promise<void> {
  await browser.runtime.openOptionsPage();
  closePopup();
}

/**
 * Open the toolbar in tab `tabId` on `page` (origin + path) for a repair: at once when the tab is
 * on that page, else after navigating it there and its load completing.
 */
export async function openToolbarAt(tabId: number, tabUrl: string | undefined, page: string | null): Promise<void> {
  if (page && tabUrl && pageKey(tabUrl) !== page) {
    let listener: ((id: number, info: { status?: string }) => void) | undefined;
    try {
      const loaded = new Promise<void>((resolve) => {
        listener = (id, info) => id === tabId && info.status === 'complete' && resolve();
        browser.tabs.onUpdated.addListener(listener);
      });
      await browser.tabs.update(tabId, { url: page });
      await loaded;
    } finally {
      if (listener) browser.tabs.onUpdated.removeListener(listener);
    }
  }
  await sendMessage('toolbar.toggle', { tabId });
  closePopup();
}
