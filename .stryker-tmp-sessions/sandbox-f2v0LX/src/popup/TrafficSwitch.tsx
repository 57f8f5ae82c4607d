// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type PageTrafficState } from '../messaging/protocol';

/** Hosts Lasso may always observe (its built-in host permissions). */
const BUILT_IN = new Set(['localhost', '127.0.0.1']);

/**
 * The site's second source: the page's own PostHog traffic (src/sources), off by default. Switching
 * it on for a site elsewhere asks for access to PostHog's cloud hosts and the site's named hosts:
 * the browser reports only requests to hosts Lasso may access.
 */
export function TrafficSwitch({ site, onError }: { site: string; onError(message: string): void }) {
  const [state, setState] = useState<PageTrafficState | null>(null);
  useEffect(() => {
    let stale = false;
    setState(null);
    sendMessage('sources.get', { site }).then((s) => !stale && setState(s), (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
    return () => {
      stale = true;
    };
  }, [site]);
  const change = async (enabled: boolean) => {
    if (!state) return;
    try {
      const origins = ['*://*.posthog.com/*', ...state.hosts.map((h) => `*://${h}/*`)];
      if (enabled && !BUILT_IN.has(site) && !(await browser.permissions.request({ origins }))) {
        onError(`Lasso needs access to PostHog's hosts to see ${site}'s own traffic.`);
        return;
      }
      setState(await sendMessage('sources.set', { site, enabled, hosts: state.hosts }));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  const stored = state?.stats.stored ?? 0;
  return (
    <label class="site-switch source-switch">
      <input type="checkbox" role="switch" data-testid="traffic-switch" checked={!!state?.enabled} disabled={!state} onChange={(e) => void change(e.currentTarget.checked)} />
      <span>
        Also store the page's own PostHog traffic
        {state?.enabled && stored > 0 && <span class="muted"> ({stored.toLocaleString('en')} stored this session)</span>}
      </span>
    </label>
  );
}
