// @ts-nocheck
import type { PageTrafficSite } from '../settings/page-traffic';
import { hostnameOf, normalizeHost } from '../settings/site';

/** PostHog's capture paths, after any proxy prefix (`/ingest/e/`, `/ph/batch/`). */
const ENDPOINT = /(?:^|\/)(?:e|i\/v0\/e|batch|capture|track)\/?$/;

/**
 * The webRequest filter: every capture path on any host. Fixed, so the listener is registered
 * synchronously and wakes the service worker; the browser reports only hosts Lasso may access,
 * and `capturingSite` decides the rest.
 */
export const CAPTURE_URL_PATTERNS: readonly string[] = ['e', 'batch', 'capture', 'track'].flatMap((p) => [`*://*/${p}/*`, `*://*/*/${p}/*`]);

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The opted-in site whose page sent a request to `requestUrl`, or null when the request is not
 * its PostHog capture traffic. `initiator` is the page's origin (Chrome's `initiator`, Firefox's
 * `originUrl`). The request must go to a capture path on the site's own host (or a subdomain),
 * on PostHog's cloud (`*.posthog.com`), or on a host the user named for that site.
 */
export function capturingSite(sites: readonly PageTrafficSite[], requestUrl: string, initiator: string | undefined): PageTrafficSite | null {
  const from = initiator ? hostnameOf(initiator) : null;
  if (!from) return null;
  const entry = sites.find((s) => s.site === from);
  if (!entry) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!ENDPOINT.test(url.pathname)) return null;
  const host = normalizeHost(url.hostname);
  const allowed = within(host, entry.site) || within(host, 'posthog.com') || entry.hosts.some((h) => within(host, h));
  return allowed ? entry : null;
}
