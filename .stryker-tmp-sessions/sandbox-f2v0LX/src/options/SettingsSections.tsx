// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../settings/settings';
import { loadSettings, watchSettings } from '../settings/storage';
import { CaptureSites } from './CaptureSites';
import { PageTrafficSources } from './PageTrafficSources';
import { SelectorAttributes } from './SelectorAttributes';
import { StoredDataSection } from './StoredDataSection';

/** The options page's settings sections, over one copy of settings kept current from storage. */
export function SettingsSections() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const reload = () => loadSettings().then(setSettings);
  useEffect(() => {
    const controller = new AbortController();
    void reload();
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  if (!settings) return <p class="muted" aria-busy="true">Loading settings…</p>;
  return (
    <>
      <CaptureSites settings={settings} onSettings={setSettings} />
      <SelectorAttributes settings={settings} onSettings={setSettings} />
      <PageTrafficSources settings={settings} onChanged={reload} />
      <StoredDataSection settings={settings} onSettings={setSettings} />
    </>
  );
}
