// @ts-nocheck
import { DEFAULT_CAPTURE_SITES } from './capture-settings';
import { DEFAULT_DATA_ATTRIBUTES, parseDataAttributes } from './data-attributes';

export { isCaptureEnabled } from './capture-settings';
import { parseHosts, type PageTrafficSite } from './page-traffic';
import { normalizeHost } from './site';

/**
 * Lasso's settings: one versioned record in extension storage (`local:settings`), with defaults
 * and migrations. Content scripts read it (it holds no secrets); only extension pages write it.
 */
export interface Settings {
  version: 3;
  /** Capture hosts (hostname, lower-case, no port: see site.ts) where capture runs. */
  enabledSites: string[];
  /** Capture on every site the extension has access to. */
  allSites: boolean;
  /** Global pause: nothing is captured anywhere while true. */
  paused: boolean;
  /** Clicking Lasso's toolbar button opens the on-page toolbar instead of the popup. */
  buttonOpensToolbar: boolean;
  /** v2: sites whose own PostHog traffic (posthog-js's requests) is stored too (src/sources). Off for every site by default. */
  pageTraffic: PageTrafficSite[];
  /** v2: events older than this many days are deleted (null: kept whatever their age). */
  retentionDays: number | null;
  /** v2: above this much stored (MB, navigator.storage.estimate), the oldest events are deleted (null: no limit but the browser's). */
  retentionMB: number | null;
  /** v3: data attributes that rank first for the toolbar's selectors, most trusted first (`*` ends a prefix). */
  selectorAttributes: string[];
}

export const SETTINGS_VERSION = 3;

/** Bounds of the retention fields (an out-of-range value is refused by the handler, dropped by migration). */
export const RETENTION_LIMITS = { days: [1, 36_500], mb: [50, 1_000_000] } as const;

export const DEFAULT_SETTINGS: Settings = {
  version: 3,
  enabledSites: [...DEFAULT_CAPTURE_SITES],
  allSites: false,
  paused: false,
  buttonOpensToolbar: false,
  pageTraffic: [],
  // Age: keep all. An imported history (PostHog's export) would otherwise be deleted as it
  // arrives, and persons, cohorts' "first time" leaves and sessions are derived from old events.
  retentionDays: null,
  // Size: ~1M events with their index (the scale Lasso is built for); the store never grows unbounded.
  retentionMB: 2048,
  selectorAttributes: [...DEFAULT_DATA_ATTRIBUTES],
};

/** `value` if it is null or an integer within `[min, max]`, else undefined. */
export function retentionValue(value: unknown, [min, max]: readonly [number, number]): number | null | undefined {
  if (value === null) return null;
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : undefined;
}

/**
 * Bring any stored value (older version, partial, or garbage) to the current shape.
 * Unknown or invalid fields fall back to defaults; valid ones are kept.
 */
export function migrateSettings(stored: unknown): Settings {
  if (!stored || typeof stored !== 'object') return structuredClone(DEFAULT_SETTINGS);
  const s = stored as Record<string, unknown>;
  // Version 0 (unversioned drafts) stored `sites` instead of `enabledSites`.
  const sites = Array.isArray(s.enabledSites) ? s.enabledSites : Array.isArray(s.sites) ? s.sites : null;
  return {
    version: SETTINGS_VERSION,
    enabledSites: sites
      ? [...new Set(sites.filter((h): h is string => typeof h === 'string').map(normalizeHost).filter(Boolean))]
      : [...DEFAULT_SETTINGS.enabledSites],
    allSites: typeof s.allSites === 'boolean' ? s.allSites : DEFAULT_SETTINGS.allSites,
    paused: typeof s.paused === 'boolean' ? s.paused : DEFAULT_SETTINGS.paused,
    buttonOpensToolbar: typeof s.buttonOpensToolbar === 'boolean' ? s.buttonOpensToolbar : DEFAULT_SETTINGS.buttonOpensToolbar,
    // v1 had no pageTraffic: nothing opted in.
    pageTraffic: migratePageTraffic(s.pageTraffic),
    // v1 had no retention: its record gets the defaults.
    retentionDays: orDefault(retentionValue(s.retentionDays, RETENTION_LIMITS.days), DEFAULT_SETTINGS.retentionDays),
    retentionMB: orDefault(retentionValue(s.retentionMB, RETENTION_LIMITS.mb), DEFAULT_SETTINGS.retentionMB),
    // v2 had none: the list selectors used before it was a setting.
    selectorAttributes: migrateDataAttributes(s.selectorAttributes),
  };
}

function migrateDataAttributes(stored: unknown): string[] {
  const parsed = parseDataAttributes(stored);
  return 'attributes' in parsed ? parsed.attributes : [...DEFAULT_DATA_ATTRIBUTES];
}

/** Valid entries only (one per site); an entry with a bad host list keeps none of its hosts. */
function migratePageTraffic(stored: unknown): PageTrafficSite[] {
  if (!Array.isArray(stored)) return [];
  const out = new Map<string, PageTrafficSite>();
  for (const e of stored as Array<Partial<PageTrafficSite> | null>) {
    const site = typeof e?.site === 'string' ? normalizeHost(e.site) : '';
    if (site) out.set(site, { site, hosts: parseHosts(e?.hosts) ?? [] });
  }
  return [...out.values()];
}

/** Settings with the page's own PostHog traffic of `site` (a hostname) stored or not, with its extra `hosts`. */
export function withPageTraffic(settings: Settings, site: string, enabled: boolean, hosts: string[] = []): Settings {
  const host = normalizeHost(site);
  const rest = settings.pageTraffic.filter((e) => e.site !== host);
  return { ...settings, pageTraffic: enabled ? [...rest, { site: host, hosts }] : rest };
}

/** null is a value here ("keep all"): only undefined (missing or invalid) takes the default. */
const orDefault = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);


/** Settings with capture on the hostname of `site` (a hostname, or a site with port) switched on or off. */
export function withSite(settings: Settings, site: string, enabled: boolean): Settings {
  const host = normalizeHost(site);
  const rest = settings.enabledSites.filter((h) => h !== host);
  return { ...settings, enabledSites: enabled ? [...rest, host] : rest };
}
