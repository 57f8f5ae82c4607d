// @ts-nocheck
import { h, render } from 'preact';
import { onMessage, sendMessage } from '../messaging/protocol';
import { mountToolbar } from './mount';
import { toUiState, type ToolbarUiState } from './state';
import { App } from './ui/App';
import css from './ui/toolbar.css?inline';

/** Longest a state change waits before it is sent to the background. */
export const SAVE_DELAY_MS = 300;

/** What the running toolbar exposes to its content script (and to tests through the DOM only). */
export interface ToolbarHandle {
  close(): void;
}

/**
 * Run the toolbar in a page's top frame: ask the background for this tab's state, mount the
 * shadow-root UI, and answer the background's ping / close. Closing unmounts everything (every
 * listener and observer is owned by an AbortSignal) and tells the background, so a reload does
 * not bring it back; `signal` (the content script's context) ends it for good.
 */
export async function startToolbar(win: Window, signal: AbortSignal): Promise<ToolbarHandle> {
  let session: AbortController | null = null;
  let ui: ToolbarUiState = toUiState(null);
  let site = '';

  // State changes (every keystroke in the editor) are sent at most every SAVE_DELAY_MS; closing
  // the toolbar or leaving the page sends the latest at once, so no edit is lost.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(pending);
    pending = undefined;
    void sendMessage('toolbar.save', { ui }).catch(() => {
      // The background is restarting: the next change saves again.
    });
  };
  const save = (next: ToolbarUiState, now = false) => {
    ui = next;
    if (now) return send();
    clearTimeout(pending);
    pending = setTimeout(send, SAVE_DELAY_MS);
  };
  win.addEventListener('pagehide', () => pending !== undefined && send(), { signal });

  const close = () => {
    if (!session) return;
    session.abort();
    session = null;
    save({ ...ui, open: false }, true);
  };

  const open = () => {
    if (session || signal.aborted) return;
    session = new AbortController();
    const own = session.signal;
    signal.addEventListener('abort', () => session?.abort(), { once: true, signal: own });
    const mounted = mountToolbar(win.document, css, own);
    // A state change still pending when the toolbar closes must not save `open: true` again.
    const onState = (next: ToolbarUiState) => {
      if (!own.aborted) save(next);
    };
    render(h(App, { win, site, mounted, initial: ui, onState, onClose: close, signal: own }), mounted.app);
    own.addEventListener('abort', () => render(null, mounted.app), { once: true });
    save({ ...ui, open: true }, true);
  };

  // Answer the background only once this tab's state is known: a toggle racing the start-up
  // then waits for it instead of opening a toolbar that knows no site.
  const ready = sendMessage('toolbar.hello', {});
  const stop = onMessage('toolbar.command', async ({ data, sender }) => {
    // Only the background may command the toolbar (sender without a tab = the extension itself).
    if (sender.id !== browser.runtime.id || sender.tab) throw new Error('toolbar.command: not from the background');
    await ready;
    if (data?.command === 'close') close();
    else if (data?.command === 'open') open();
    return { open: session !== null };
  });
  signal.addEventListener('abort', stop, { once: true });

  let hello: Awaited<typeof ready>;
  try {
    hello = await ready;
  } catch (error) {
    stop();
    throw error;
  }
  site = hello.site;
  ui = toUiState(hello.ui);
  open();
  return { close };
}
