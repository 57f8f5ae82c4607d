// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { StoredData } from '../popup/StoredData';
import type { Settings } from '../settings/settings';
import type { SiteSummary } from '../store/queries/sites';

interface Props {
  settings: Settings;
  onSettings(settings: Settings): void;
}

/** Bytes in words (MB above 1 MB, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

interface Usage {
  events: number;
  bytes: number | null;
}

/**
 * Retention (age, size) with the current usage, and deleting one site's data or everything. The
 * retention choices, the confirmation from the background's dry-run plan, progress and Stop are the
 * popup's StoredData; this adds the choice of site (any site with stored events) and the usage.
 */
export function StoredDataSection({ settings, onSettings }: Props) {
  const [sites, setSites] = useState<SiteSummary[] | null>(null);
  const [site, setSite] = useState('');
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () => {
      sendMessage('query.sites', {}).then(setSites, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      void Promise.all([sendMessage('store.stats', {}), navigator.storage?.estimate?.().catch(() => null) ?? null]).then(
        ([stats, estimate]) => setUsage({ events: stats.eventCount, bytes: estimate?.usage ?? null }),
        () => undefined,
      );
    };
    refresh();
    // A deletion or retention run ends with the status's job cleared: show what is left.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && 'retention' in changes && !(changes.retention.newValue as { job?: unknown } | undefined)?.job) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    controller.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    return () => controller.abort();
  }, []);
  const chosen = sites?.some((s) => s.site === site) ? site : (sites?.[0]?.site ?? '');

  return (
    <section aria-labelledby="retention-title" data-testid="retention-section">
      <h2 id="retention-title">Retention and deletion</h2>
      <p data-testid="usage">
        {usage
          ? `${usage.events.toLocaleString('en')} event${usage.events === 1 ? '' : 's'} stored${usage.bytes === null ? '' : `, using ${formatBytes(usage.bytes)} of the browser's storage`}.`
          : 'Counting stored events…'}
      </p>
      {sites?.length === 0 ? (
        <p class="muted" data-testid="stored-empty">Nothing stored yet: switch capture on for a site from the Lasso button.</p>
      ) : (
        <label class="inline">
          <span>Site to delete</span>
          <select value={chosen} onChange={(e) => setSite(e.currentTarget.value)} disabled={!sites} data-testid="delete-site-choice">
            {sites?.map((s) => (
              <option key={s.site} value={s.site}>{`${s.site} (${s.events.toLocaleString('en')} events)`}</option>
            ))}
          </select>
        </label>
      )}
      <StoredData host={chosen || null} settings={settings} onSettings={onSettings} onError={setError} />
      {error && <p class="error" role="alert" data-testid="stored-error">{error}</p>}
    </section>
  );
}
