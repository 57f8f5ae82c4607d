/**
 * Lasso has two scopes, and they differ on purpose:
 *
 * - **Site** (`siteKeyOf`): host *with* port — exactly PostHog's `$host` (`location.host`: lower
 *   case, punycode, IPv6 in brackets, the scheme's default port left out). Actions, the toolbar's
 *   saved list, previews, action summaries, heatmaps and the toolbar's live feed and per-tab
 *   draft belong to one site, so two apps on `127.0.0.1:8123` and `127.0.0.1:5174` never mix.
 * - **Capture host** (`hostnameOf`): hostname *without* port. Switching capture on, host
 *   permissions, and per-site ids and sessions stay per hostname, because browser host
 *   permissions (and posthog-js's cookies) ignore the port.
 */
// @ts-nocheck


const WEB = new Set(['http:', 'https:']);

/**
 * The site of a page: its `location.host` (host and port, lower case, default port omitted), or
 * null for pages Lasso never captures (not http/https, unparsable). A stored event is of site S
 * when its `$host`, lower-cased, equals S (see preview's `inSite`).
 */
export function siteKeyOf(url: string): string | null {
  try {
    const u = new URL(url);
    return WEB.has(u.protocol) && u.host ? u.host : null;
  } catch {
    return null;
  }
}

/**
 * Whether `value` is a site as siteKeyOf writes it (so `localhost:3000`, `[::1]:8080` and
 * `shop.example.com` are; `Shop.example.com`, `shop.example.com/`, `user@host` are not). A
 * default port is accepted when it is not the default of the other scheme (`x:443` is
 * `http://x:443`'s site).
 */
export function isSiteKey(value: unknown): value is string {
  if (typeof value !== 'string' || !value || value.length > 262) return false;
  return ['http://', 'https://'].some((scheme) => siteKeyOf(`${scheme}${value}/`) === value && !/[/@?#\\]/.test(value));
}

/** Lower-case hostname without port or trailing dot; '' when not a host (a capture host, or an old action's site). */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** The capture host of a page: its hostname (lower case, no port, no trailing dot), or null for pages Lasso never captures. */
export function hostnameOf(url: string): string | null {
  try {
    const u = new URL(url);
    return WEB.has(u.protocol) && u.hostname ? normalizeHost(u.hostname) : null;
  } catch {
    return null;
  }
}
