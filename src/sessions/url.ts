/**
 * The three ClickHouse URL functions PostHog's sessions table applies, with ClickHouse's exact
 * (and sometimes surprising) results, so Lasso's values match what PostHog shows:
 *
 * - `domain(url)` → `$entry_hostname` / `$end_hostname` (sessions_v2.py),
 * - `path(url)` → `$entry_pathname` / `$end_pathname` (sessions_v2.py),
 * - `cutToFirstSignificantSubdomain(x)` → the fallback key of the channel dictionary lookups
 *   (the HogQL printer's `lookupPaidSourceType` / `lookupOrganicSourceType`).
 *
 * Behaviour follows ClickHouse's src/Functions/URL/domain.h (getURLHost, checkAndReturnHost),
 * path.cpp and firstSignificantSubdomain.h: e.g. a host needs a dot (`http://localhost/` has
 * domain ''), and `www.` is dropped before finding the significant subdomain.
 */

const SCHEME_STOP = new Set([' ', '\t', '<', '>', '%', '{', '}', '|', '\\', '^', '~', '[', ']', ';', '=', '&']);
const HOST_END = new Set([':', '/', '?', '#']);
const isAlphaNumericAscii = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/** Where the host starts: after `//`, after `scheme://` (scheme within the first 16 chars), or at 0; -1 = invalid. */
function hostStart(url: string): number {
  if (url.length >= 2 && url[0] === '/' && url[1] === '/') return 2;
  const schemeEnd = Math.min(url.length, 16);
  let pos = 1;
  for (; pos < schemeEnd; pos++) {
    const c = url[pos];
    if (isAlphaNumericAscii(c) || c === '.' || c === '-' || c === '+') continue;
    if (SCHEME_STOP.has(c)) return -1;
    break;
  }
  return schemeEnd - pos > 2 && url.startsWith('://', pos) ? pos + 3 : 0;
}

function checkedHost(url: string, end: number, dot: number, start: number): string {
  if (dot < 0 || start >= end || end - dot === 1) return '';
  if (HOST_END.has(url[dot + 1])) return '';
  return url.slice(start, end);
}

/** ClickHouse `domain(url)`: the host without port or userinfo; '' when there is no valid host. */
export function urlDomain(url: string): string {
  let pos = hostStart(url);
  if (pos < 0) return '';
  let start = pos;
  let dot = -1;
  for (; pos < url.length; pos++) {
    const c = url[pos];
    if (c === '.') dot = pos;
    else if (HOST_END.has(c)) return checkedHost(url, pos, dot, start);
    else if (c === '@') start = pos + 1;
    else if (SCHEME_STOP.has(c)) return '';
  }
  return checkedHost(url, url.length, dot, start);
}

/** ClickHouse `path(url)`: from the first path slash up to `?` or `#`; '' when there is none. */
export function urlPath(url: string): string {
  let pos = url.indexOf('/');
  if (pos < 0) return '';
  if (url[pos + 1] === '/') {
    pos = url.indexOf('/', pos + 2);
    if (pos < 0) return '';
  }
  const stop = url.slice(pos).search(/[?#]/);
  return stop < 0 ? url.slice(pos) : url.slice(pos, pos + stop);
}

/**
 * Second-level labels under which ClickHouse's public-suffix lookup (tldLookup) treats
 * `<label>.<country>` as a suffix, e.g. `co.uk`, `com.au`, `ne.jp`. ClickHouse ships the full
 * public suffix list; Lasso keeps the generic labels under two-letter country codes, which covers
 * the hosts the channel dictionary distinguishes (google.co.uk, yahoo.co.jp, bing.com.cn, …).
 */
const SUFFIX_LABELS = new Set(['ac', 'co', 'com', 'edu', 'go', 'gob', 'gov', 'govt', 'ltd', 'me', 'mil', 'ne', 'net', 'nic', 'nom', 'or', 'org', 'plc', 'sch']);

function isPublicSuffix(lastTwoLabels: string): boolean {
  const [label, country] = lastTwoLabels.split('.');
  return SUFFIX_LABELS.has(label) && /^[a-z]{2}$/.test(country ?? '');
}

/**
 * ClickHouse `cutToFirstSignificantSubdomain(x)`: the registrable part of the host, `www.` dropped
 * (`news.ycombinator.com` → `ycombinator.com`, `www.google.co.uk` → `google.co.uk`); '' when `x`
 * has no valid host (a bare word such as `google` has none).
 */
export function cutToFirstSignificantSubdomain(value: string): string {
  let host = urlDomain(value);
  if (host === '') return '';
  if (host.length > 4 && host.startsWith('www.')) host = host.slice(4);
  const periods: number[] = [];
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) periods.push(i);
  if (periods.length < 2) return host;
  const secondLast = periods[periods.length - 2];
  const thirdLast = periods.length >= 3 ? periods[periods.length - 3] : -1;
  const start = isPublicSuffix(host.slice(secondLast + 1)) ? thirdLast + 1 : secondLast + 1;
  return host.slice(start);
}
