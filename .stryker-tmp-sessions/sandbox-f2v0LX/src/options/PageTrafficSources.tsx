// @ts-nocheck
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { BUILT_IN_HOSTS } from './site-input';

interface Props {
  settings: Settings;
  /** Read settings again after a change (sources.set answers with the site's state, not settings). */
  onChanged(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The hosts typed in a list field ("a.test, b.test" or one a line), untrimmed entries dropped. */
export const splitHosts = (typed: string): string[] => typed.split(/[\s,]+/).filter(Boolean);

/**
 * Per site, whether the page's own PostHog traffic is stored too (src/sources) and the extra hosts
 * its posthog-js sends to. Lists the capture sites and any site already opted in.
 */
export function PageTrafficSources({ settings, onChanged }: Props) {
  const sites = [...new Set([...settings.enabledSites, ...settings.pageTraffic.map((e) => e.site)])];
  return (
    <section aria-labelledby="page-traffic-title" data-testid="page-traffic">
      <h2 id="page-traffic-title">Page-traffic sources</h2>
      <p class="muted">Besides autocapture, Lasso can store the events a site's own posthog-js sends (off unless switched on here or in the popup).</p>
      {sites.length === 0 ? (
        <p class="muted" data-testid="traffic-empty">No sites yet: switch capture on for a site from the Lasso button, or add one under Capture sites.</p>
      ) : (
        sites.map((site) => <SourceRow key={site} site={site} entry={settings.pageTraffic.find((e) => e.site === site) ?? null} onChanged={onChanged} />)
      )}
    </section>
  );
}

function SourceRow({ site, entry, onChanged }: { site: string; entry: Settings['pageTraffic'][number] | null; onChanged(): Promise<void> }) {
  const [typed, setTyped] = useState(entry?.hosts.join(', ') ?? '');
  const [error, setError] = useState('');
  const save = async (enabled: boolean) => {
    setError('');
    const hosts = splitHosts(typed);
    try {
      // The browser reports only requests to hosts Lasso may access: ask on the user's click.
      const origins = ['*://*.posthog.com/*', ...hosts.map((h) => `*://${h}/*`)];
      if (enabled && !BUILT_IN_HOSTS.has(site) && !(await browser.permissions.request({ origins }))) {
        throw new Error(`Lasso needs access to PostHog's hosts to see ${site}'s own traffic.`);
      }
      // Switching off drops the site's entry: its typed hosts need not be valid then.
      await sendMessage('sources.set', enabled ? { site, enabled, hosts } : { site, enabled });
      await onChanged();
    } catch (e) {
      setError(message(e));
    }
  };
  const id = `hosts-${site.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <fieldset data-testid="traffic-row" data-site={site}>
      <legend>{site}</legend>
      <label class="inline">
        <input type="checkbox" role="switch" checked={!!entry} onChange={(e) => void save(e.currentTarget.checked)} data-testid="traffic-enabled" />
        <span>Store {site}'s own PostHog traffic</span>
      </label>
      <div class="row">
        <label class="inline" for={id}>Extra hosts</label>
        <input id={id} type="text" value={typed} placeholder="ph.example.com" onInput={(e) => setTyped(e.currentTarget.value)} aria-describedby={`${id}-help`} data-testid="traffic-hosts" />
        <button type="button" onClick={() => void save(true)} aria-label={`Save extra hosts for ${site} (switches it on)`} data-testid="traffic-save">Save</button>
      </div>
      <p id={`${id}-help`} class="muted">A reverse proxy or self-hosted PostHog the site sends to, separated by commas.</p>
      {error && <p class="error" role="alert" data-testid="traffic-error">{error}</p>}
    </fieldset>
  );
}
