// @ts-nocheck
import { browser } from 'wxt/browser';

/** Waits before reconnecting a port dropped right after connecting (worker still restarting, or refusing): 250 ms, doubling, at most 2 s. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 2000;

/** A port to the background that survives the service worker being stopped. */
export interface LivePort {
  /** Post now (connecting first if needed); false when the extension is gone. */
  post(message: unknown): boolean;
  close(): void;
}

/**
 * A runtime port that reconnects. Chrome stops an idle extension service worker (about 30 s),
 * which disconnects every port: a preview or live feed would then silently go dead. On a drop,
 * this connects again and calls `onReconnect` (re-send the current query). A port dropped within
 * a second of connecting is retried after a growing wait (250 ms … 2 s), so a refusing background is not hammered;
 * nothing is retried once the extension is gone (updated or removed).
 */
export function livePort(name: string, onMessage: (message: never) => void, onReconnect: () => void = () => undefined): LivePort {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quickDrops = 0;
  const alive = () => !closed && !!browser.runtime?.id;

  const connect = (): boolean => {
    if (!alive()) return false;
    const connectedAt = Date.now();
    try {
      port = browser.runtime.connect({ name });
    } catch {
      return false;
    }
    const mine = port;
    mine.onMessage.addListener(onMessage as (message: unknown) => void);
    mine.onDisconnect.addListener(() => {
      if (port !== mine) return;
      port = null;
      if (!alive()) return;
      const again = () => connect() && onReconnect();
      if (Date.now() - connectedAt < 1000) timer = setTimeout(again, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** quickDrops++));
      else {
        quickDrops = 0;
        again();
      }
    });
    return true;
  };
  connect();

  return {
    post(message) {
      // A port can die between its disconnect event and this call: one fresh connection, then give up.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (!port && !connect()) return false;
        try {
          port!.postMessage(message);
          return true;
        } catch {
          port = null;
        }
      }
      return false;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
      port = null;
    },
  };
}
