// @ts-nocheck
import type { KeyValueArea } from '../identity/identity';
import { DEFAULT_UI, toUiState, type ToolbarUiState } from '../toolbar/state';

/** What the control needs from the browser (tabs, scripting), as functions so tests can pass their own. */
export interface ToolbarEnv {
  /** Each tab's toolbar state (storage.session: survives a service-worker restart, not the browser). */
  area: KeyValueArea;
  /** Inject the toolbar script into the tab's top frame; rejects when the page cannot be scripted. */
  inject(tabId: number): Promise<void>;
  /** Ask the toolbar in the tab; null when no toolbar script runs there. */
  command(tabId: number, command: 'open' | 'close' | 'ping'): Promise<{ open: boolean } | null>;
}

const keyOf = (tabId: number) => `toolbar:${tabId}`;

/**
 * The toolbar's lifecycle, browser-free: open (inject, or reopen a loaded but closed toolbar),
 * close, per-tab state, and bringing an open toolbar back after a reload.
 */
export function createToolbarControl(env: ToolbarEnv) {
  const load = async (tabId: number): Promise<ToolbarUiState> => toUiState((await env.area.get(keyOf(tabId)))[keyOf(tabId)]);
  const store = (tabId: number, ui: ToolbarUiState) => env.area.set({ [keyOf(tabId)]: ui });

  return {
    load,
    store,
    /**
     * The state a toolbar starting on `site` gets: the tab's own when it belongs to that site,
     * else a fresh one (a draft made on another site stays behind). Marks the tab open.
     */
    async hello(tabId: number, site: string): Promise<ToolbarUiState> {
      const saved = await load(tabId);
      const ui = saved.site === site ? { ...saved, open: true } : { ...DEFAULT_UI, open: true, site };
      await store(tabId, ui);
      return ui;
    },
    /** Open the toolbar in a tab, or close it when it is open there. Resolves to whether it is open now. */
    async toggle(tabId: number): Promise<boolean> {
      const ui = await load(tabId);
      const running = await env.command(tabId, 'ping');
      if (running?.open) {
        await env.command(tabId, 'close');
        await store(tabId, { ...ui, open: false });
        return false;
      }
      await store(tabId, { ...ui, open: true });
      if (running) {
        // Loaded but closed: open it again (a second injection would be ignored by the script).
        await env.command(tabId, 'open');
        return true;
      }
      try {
        await env.inject(tabId);
      } catch (error) {
        await store(tabId, { ...ui, open: false });
        throw new Error(`Lasso cannot open the toolbar on this page: ${error instanceof Error ? error.message : String(error)}`);
      }
      return true;
    },
    /**
     * A tab finished loading at `site`: an open toolbar whose script is gone (reload, navigation
     * within the site) is injected again. Another site starts closed: the toolbar (and the
     * draft it holds) never follows a tab to a site the user did not open it on.
     */
    async restore(tabId: number, site: string | null): Promise<boolean> {
      const ui = await load(tabId);
      if (!ui.open) return false;
      if (ui.site && ui.site !== site) {
        await store(tabId, { ...DEFAULT_UI });
        return false;
      }
      if (await env.command(tabId, 'ping')) return false;
      try {
        await env.inject(tabId);
        return true;
      } catch {
        // No access any more (another site without permission): forget it rather than retry forever.
        await store(tabId, { ...ui, open: false });
        return false;
      }
    },
    forget: (tabId: number) => env.area.set({ [keyOf(tabId)]: null }),
  };
}
