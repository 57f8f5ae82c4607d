// @ts-nocheck
import { extensionGone } from '../src/autocapture/run';
import { installKeyGate } from '../src/toolbar/key-gate';

// Runs before any page script on the sites capture runs on (static matches here, other enabled
// sites registered at runtime with capture, src/background/sites.ts), so that what the user types
// into the toolbar reaches no listener of the page. See src/toolbar/key-gate.ts.
export default defineContentScript({
  matches: ['http://localhost/*', 'https://localhost/*', 'http://127.0.0.1/*', 'https://127.0.0.1/*'],
  runAt: 'document_start',
  // The toolbar lives in the top frame only.
  allFrames: false,
  noScriptStartedPostMessage: true,
  main(ctx) {
    // As capture: ends only when the extension is gone, never on an event the page dispatches.
    const life = new AbortController();
    ctx.signal.addEventListener('abort', () => {
      if (extensionGone()) life.abort();
    });
    installKeyGate(window, life.signal);
  },
});
