// @ts-nocheck
import { extensionGone, runCapture } from '../src/autocapture/run';

// Always-on autocapture. Static matches cover the default sites; other sites the user enables
// get this same file registered at runtime by the background (see src/background/sites.ts).
export default defineContentScript({
  matches: ['http://localhost/*', 'https://localhost/*', 'http://127.0.0.1/*', 'https://127.0.0.1/*'],
  allFrames: true,
  runAt: 'document_idle',
  // No message to the page announcing the script (it would tell the page the extension id).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // WXT ends a context when a document event of a known name arrives — which a page can
    // dispatch too. Capture ends only when the extension itself is gone (as the toolbar does).
    const life = new AbortController();
    ctx.signal.addEventListener('abort', () => {
      if (extensionGone()) life.abort();
    });
    void runCapture(window, life.signal);
  },
});
