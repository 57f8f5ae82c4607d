// @ts-nocheck
import { browser } from 'wxt/browser';
import { captureSettingsOf, type CaptureSettings } from './capture-settings';
import { migrateSettings, type Settings } from './settings';

// Plain browser.storage rather than a storage wrapper: this module is part of the always-on
// content script, where every kilobyte counts.
const KEY = 'settings';

/** Read settings (migrated; defaults when nothing is stored). */
export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return migrateSettings(got[KEY]);
}

/** Write settings (always the current version). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: migrateSettings(settings) });
}

/** Call `onChange` with migrated settings whenever they change, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(migrateSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** Capture's view of the settings (`captureSettingsOf`: no other field's migration in the capture script). */
export async function loadCaptureSettings(): Promise<CaptureSettings> {
  return captureSettingsOf((await browser.storage.local.get(KEY))[KEY]);
}

/** Call `onChange` with capture's view of the settings whenever they change, until `signal` aborts. */
export function watchCaptureSettings(onChange: (settings: CaptureSettings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(captureSettingsOf(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
