// @ts-nocheck
// Bundled into an IIFE by scripts/bench.mjs and injected into a demo page: runs Lasso's real
// capture (startCapture) with an in-memory session store and a transport that acknowledges at
// once, so a benchmark measures the page-side work per click and nothing else. The client rate
// limit is lifted here and for posthog-js (posthog.html?ratelimit=off), so every click takes the
// full path in both instead of being dropped after the first ~100.
import { startCapture } from '../../src/autocapture/capture';
import type { SessionState } from '../../src/autocapture/session';

let session: SessionState | null = null;
let stored = 0;
void startCapture({
  win: window,
  context: { distinctId: 'bench', deviceId: 'bench', windowId: 'bench' },
  sessions: { load: async () => session, save: (s) => void (session = s), watch: () => {} },
  send: async (events) => {
    stored += events.length;
    return { acknowledged: events.map((e) => e.uuid), rejected: [] };
  },
  signal: new AbortController().signal,
  rateLimit: { eventsPerSecond: 1e9, burstLimit: 1e9 },
});
(window as unknown as { __lassoStored: () => number }).__lassoStored = () => stored;
