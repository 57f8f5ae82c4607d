// @ts-nocheck
import { parseUserAgent } from './user-agent';

declare const __LASSO_VERSION__: string;

/** The campaign parameters and click ids posthog-js copies from the URL onto every event (its CAMPAIGN_PARAMS, 1.449). */
export const CAMPAIGN_PARAMS = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'gad_source', 'mc_cid',
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'twclid', 'li_fat_id', 'igshid',
  'ttclid', 'rdt_cid', 'epik', 'qclid', 'sccid', 'oppref', 'bfcid', 'irclid', '_kx',
];

/** `$referring_domain` for a referrer: its host, or `$direct` when there is none. */
export function referringDomain(referrer: string): string {
  if (!referrer) return '$direct';
  try {
    return new URL(referrer).host || '$direct';
  } catch {
    return '$direct';
  }
}

/** utm_* and click-id properties present in `url`. */
export function campaignProperties(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return out;
  }
  for (const key of CAMPAIGN_PARAMS) {
    const v = params.get(key);
    if (v !== null) out[key] = v.slice(0, 1000);
  }
  return out;
}

// Parsing the user agent, resolving the time zone (Intl.DateTimeFormat costs ~0.5 ms) and the
// URL's campaign parameters are cached: they run on every click.
let cachedUa: { ua: string; info: ReturnType<typeof parseUserAgent> } | null = null;
let cachedCampaign: { href: string; props: Record<string, string> } | null = null;
let timezone: string | undefined | null = null;

/**
 * The standard properties every browser event carries, read from `win` at capture time
 * (data-model.md). Identity, session and pageview ids are added by the caller.
 */
export function standardProperties(win: Window, now: number): Record<string, unknown> {
  const { location, navigator, screen, document } = win;
  const ua = navigator.userAgent;
  if (cachedUa?.ua !== ua) cachedUa = { ua, info: parseUserAgent(ua) };
  if (cachedCampaign?.href !== location.href) cachedCampaign = { href: location.href, props: campaignProperties(location.href) };
  if (timezone === null) timezone = safeTimezone();
  const referrer = document.referrer;
  return {
    $current_url: location.href,
    $host: location.host,
    $pathname: location.pathname,
    $referrer: referrer || '$direct',
    $referring_domain: referringDomain(referrer),
    ...cachedUa.info,
    $screen_height: screen.height,
    $screen_width: screen.width,
    $viewport_height: win.innerHeight,
    $viewport_width: win.innerWidth,
    $browser_language: navigator.language,
    $timezone: timezone,
    $lib: 'lasso',
    $lib_version: typeof __LASSO_VERSION__ === 'string' ? __LASSO_VERSION__ : '0.0.0',
    $time: now / 1000,
    ...cachedCampaign.props,
  };
}

function safeTimezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
