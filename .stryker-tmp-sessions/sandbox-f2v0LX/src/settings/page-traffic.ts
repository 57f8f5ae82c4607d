// @ts-nocheck
import { hostnameOf, normalizeHost } from './site';

// Kept apart from src/sources (the background's observer): the capture content script reads
// settings, and this is all of it that it needs.

/** One site whose own PostHog traffic Lasso stores (settings `pageTraffic`). */
export interface PageTrafficSite {
  /** Capture host of the page (hostname, no port), as `enabledSites`. */
  site: string;
  /** Extra hosts the site's posthog-js sends to (a reverse proxy, self-hosted PostHog), hostnames. */
  hosts: string[];
}

/** A checked list of hosts the user named (hostnames, lower case, no port); null when one is not a host. */
export function parseHosts(hosts: unknown): string[] | null {
  if (!Array.isArray(hosts) || hosts.length > 20) return null;
  const out: string[] = [];
  for (const h of hosts) {
    if (typeof h !== 'string' || h.length > 253) return null;
    const host = hostnameOf(`https://${h.trim()}/`);
    if (!host || host !== normalizeHost(h) || (!host.includes('.') && host !== 'localhost')) return null;
    out.push(host);
  }
  return [...new Set(out)];
}
