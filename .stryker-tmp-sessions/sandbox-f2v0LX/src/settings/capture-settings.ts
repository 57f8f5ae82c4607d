// @ts-nocheck
import { hostnameOf, normalizeHost } from './site';

/** Sites capture runs on before the user chooses any: local development servers. */
export const DEFAULT_CAPTURE_SITES: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * The part of settings the always-on capture script reads. `captureSettingsOf` takes it from the
 * stored record without the other fields' migrations (retention, selector attributes…), which
 * would otherwise ship in every page; it equals the same fields of `migrateSettings` (tested).
 */
export interface CaptureSettings {
  enabledSites: string[];
  allSites: boolean;
  paused: boolean;
  /** Sites whose own PostHog traffic is stored too (`pageTraffic[].site`). */
  pageTrafficSites: string[];
}

/** Capture's view of a stored settings record of any version. */
export function captureSettingsOf(stored: unknown): CaptureSettings {
  const s = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  // Version 0 (unversioned drafts) stored `sites` instead of `enabledSites`.
  const sites = Array.isArray(s.enabledSites) ? s.enabledSites : Array.isArray(s.sites) ? s.sites : null;
  const hosts = (list: unknown[]) => [...new Set(list.filter((h): h is string => typeof h === 'string').map(normalizeHost).filter(Boolean))];
  const traffic = Array.isArray(s.pageTraffic) ? (s.pageTraffic as Array<{ site?: unknown } | null>).map((e) => e?.site) : [];
  return {
    enabledSites: sites ? hosts(sites) : [...DEFAULT_CAPTURE_SITES],
    allSites: s.allSites === true,
    paused: s.paused === true,
    pageTrafficSites: hosts(traffic),
  };
}

/** Does capture run on `url` under these settings? */
export function isCaptureEnabled(settings: Pick<CaptureSettings, 'enabledSites' | 'allSites' | 'paused'>, url: string): boolean {
  if (settings.paused) return false;
  const host = hostnameOf(url);
  if (!host) return false;
  return settings.allSites || settings.enabledSites.includes(host);
}
