// @ts-nocheck
import { startToolbar } from '../src/toolbar/toolbar';

// The toolbar: injected on demand into one tab's top frame by the background (shortcut, button,
// popup), never part of the always-on capture script. See src/toolbar/README.md.
export default defineContentScript({
  registration: 'runtime',
  // No message to the page announcing the script (it would tell the page the extension id).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // One toolbar per page and extension instance: a second injection (the toolbar lost track
    // of, e.g. a toggle racing a reload) leaves the running one alone.
    const flag = '__lassoToolbar';
    const g = globalThis as Record<string, unknown>;
    if (g[flag]) return;
    g[flag] = true;
    // WXT ends a context when a document event of a known name arrives — which a page can
    // dispatch too. The toolbar ends only when the extension itself is gone (updated, reloaded,
    // removed: `runtime.id` disappears in orphaned scripts).
    const life = new AbortController();
    const end = () => {
      delete g[flag];
      life.abort();
    };
    ctx.signal.addEventListener('abort', () => {
      if (!browser.runtime?.id) end();
    });
    startToolbar(window, life.signal).catch((error) => {
      console.warn('Lasso toolbar:', error);
      end();
    });
  },
});
