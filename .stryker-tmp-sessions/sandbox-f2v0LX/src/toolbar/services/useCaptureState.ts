// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { isCaptureEnabled, type Settings } from '../../settings/settings';
import { loadSettings, watchSettings } from '../../settings/storage';

/** Does Lasso capture on this page: `on`, `off` for the site, `paused` everywhere; null while unknown. */
export type CaptureState = 'on' | 'off' | 'paused' | null;

/** The capture state of `url` under `settings` (pure). */
export function captureStateOf(settings: Settings, url: string): Exclude<CaptureState, null> {
  if (settings.paused) return 'paused';
  return isCaptureEnabled(settings, url) ? 'on' : 'off';
}

/**
 * Whether capture runs on the page at `url`, kept current as the settings change (the popup's
 * switch, the toolbar's own "switch capture on"). Settings hold no secrets; content scripts read them.
 */
export function useCaptureState(url: string): CaptureState {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadSettings().then((s) => !controller.signal.aborted && setSettings(s), () => undefined);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  return settings ? captureStateOf(settings, url) : null;
}
