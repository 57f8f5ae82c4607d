// @ts-nocheck
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { isCaptureEnabled, type CaptureSettings } from '../settings/capture-settings';
import { hostnameOf } from '../settings/site';
import { loadCaptureSettings, watchCaptureSettings } from '../settings/storage';
import { startCapture, type PersonStore, type SessionStore } from './capture';
import { asSeenIdentity } from './identify';
import { asPersonInfo } from './person-props';
import { asSession } from './session';

const RUNNING = Symbol.for('lasso.capture');

/** The session of a site lives in extension storage, shared by that site's tabs. */
export function sessionStoreFor(site: string): SessionStore {
  const key = `session:${site}`;
  return {
    load: async () => asSession((await browser.storage.local.get(key))[key]),
    save: (session) => void browser.storage.local.set({ [key]: session }).catch(() => {}),
    watch(onChange, signal) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) onChange(asSession(changes[key].newValue));
      };
      browser.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    },
  };
}

/**
 * A site's person bookkeeping in extension storage (shared by its tabs): the first page this
 * browser arrived on, and the ids its events last carried. `settings` is the latest settings.
 */
export function personStoreFor(site: string, settings: () => CaptureSettings): PersonStore {
  const initialKey = `person-initial:${site}`;
  const seenKey = `person-seen:${site}`;
  return {
    async initialInfo(here) {
      const stored = asPersonInfo((await browser.storage.local.get(initialKey))[initialKey]);
      if (stored) return stored;
      await browser.storage.local.set({ [initialKey]: here });
      return here;
    },
    loadSeen: async () => asSeenIdentity((await browser.storage.local.get(seenKey))[seenKey]),
    saveSeen: (seen) => void browser.storage.local.set({ [seenKey]: seen }).catch(() => {}),
    pageTrafficStored: () => settings().pageTrafficSites.includes(site),
  };
}

/** What a running capture leaves on its window (the content scripts' world, never the page's). */
interface Running {
  /** Is the extension that started it still there? */
  alive(): boolean;
  stop(): void;
}

function isAlive(running: Running | undefined): boolean {
  try {
    return !!running?.alive();
  } catch {
    return false;
  }
}

/** Has the extension gone (updated, reloaded, removed)? Then `runtime.id` is missing in its old scripts. */
export const extensionGone = (): boolean => !browser.runtime?.id;

/**
 * The always-on capture script's body: capture while settings allow it on this page, stop
 * and start again as the user switches the site or the global pause. Everything stops when
 * `lifetime` aborts (the caller aborts it only when the extension is gone), or when a newer
 * capture script of a reloaded extension finds this one orphaned.
 */
export async function runCapture(win: Window, lifetime: AbortSignal): Promise<void> {
  const site = hostnameOf(win.location.href); // sessions, like capture, are per hostname
  // One capture per frame, even when the background injects into a tab that already has it; one
  // left by an extension that is gone (and was not told) is stopped and replaced.
  const marked = win as Window & { [RUNNING]?: Running };
  if (!site || isAlive(marked[RUNNING])) return;
  try {
    marked[RUNNING]?.stop();
  } catch {
    // the old script's world is gone with its extension: nothing left to stop
  }
  const own = new AbortController();
  const running: Running = { alive: () => !extensionGone(), stop: () => own.abort() };
  marked[RUNNING] = running;
  lifetime.addEventListener('abort', () => own.abort(), { once: true });
  own.signal.addEventListener('abort', () => {
    if (marked[RUNNING] === running) delete marked[RUNNING];
  }, { once: true });
  lifetime = own.signal;
  let capturing: AbortController | null = null;
  let latest: CaptureSettings | null = null;
  const apply = async (settings: CaptureSettings) => {
    latest = settings;
    const enabled = isCaptureEnabled(settings, win.location.href);
    if (enabled === !!capturing) return;
    if (!enabled) {
      capturing?.abort();
      capturing = null;
      return;
    }
    const controller = (capturing = new AbortController());
    lifetime.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const context = await sendMessage('capture.hello', { url: win.location.href });
      if (controller.signal.aborted) return;
      const outbox = await startCapture({
        win,
        context,
        sessions: sessionStoreFor(site),
        persons: personStoreFor(site, () => latest ?? settings),
        send: (events) => sendMessage('capture.ingest', { events }),
        signal: controller.signal,
      });
      // Switching capture off still delivers what was captured before the switch.
      controller.signal.addEventListener('abort', () => void outbox.flush(), { once: true });
    } catch (error) {
      console.warn('[lasso] capture could not start:', error);
      if (capturing === controller) capturing = null;
    }
  };
  watchCaptureSettings((s) => void apply(s), lifetime);
  await apply(await loadCaptureSettings());
}
