// @ts-nocheck
import { CAMPAIGN_PARAMS } from './properties';

/**
 * Where a person (or a session) came in, as posthog-js keeps it: `r` the referrer (`$direct` when
 * none), `u` the page URL, each cut to 1,000 characters (its `$initial_person_info`).
 */
export interface PersonInfo {
  r: string;
  u?: string;
}

const MAX = 1000;

/** The entry info of a page: its URL and `document.referrer` (posthog-js `getPersonInfo`, unmasked). */
export function personInfoOf(href: string, referrer: string): PersonInfo {
  return { r: (referrer || '$direct').slice(0, MAX), u: href.slice(0, MAX) || undefined };
}

/** A PersonInfo read from untrusted storage, or undefined when it is not one. */
export function asPersonInfo(x: unknown): PersonInfo | undefined {
  const o = x as Partial<PersonInfo> | null;
  if (!o || typeof o !== 'object' || typeof o.r !== 'string' || o.r.length > MAX) return undefined;
  if (o.u !== undefined && (typeof o.u !== 'string' || o.u.length > MAX)) return undefined;
  return o.u === undefined ? { r: o.r } : { r: o.r, u: o.u };
}

/** posthog-js's `getQueryParam`: '' when absent; `+` is a space; a malformed escape stays as written. */
function queryParam(url: string, name: string): string {
  const query = (url.split('#')[0] ?? '').split(/\?(.*)/)[1] ?? '';
  for (const part of query.replace(/^\?+/, '').split('&')) {
    const [key, value] = part.split(/=(.*)/);
    if (key !== name) continue;
    if (value === undefined) return '';
    const spaced = value.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(spaced);
    } catch {
      return spaced;
    }
  }
  return '';
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

const SEARCH_ENGINES: Array<[string, RegExp]> = [
  ['google', /^https?:\/\/(.*)google.([^/?]*)/],
  ['bing', /^https?:\/\/(.*)bing.com/],
  ['yahoo', /^https?:\/\/(.*)yahoo.com/],
  ['duckduckgo', /^https?:\/\/(.*)duckduckgo.com/],
];

/**
 * posthog-js's `getPersonPropsFromInfo`: `$referrer`, `$referring_domain`, and with a URL its
 * `$current_url`, `$host`, `$pathname` and every campaign parameter (null when absent); a search
 * engine referrer adds `$search_engine` and its query as `ph_keyword`.
 */
export function personPropsFromInfo(info: PersonInfo): Record<string, unknown> {
  const props: Record<string, unknown> = {
    $referrer: info.r,
    $referring_domain: info.r === '$direct' ? '$direct' : hostOf(info.r),
  };
  if (info.u) {
    let url: URL | undefined;
    try {
      url = new URL(info.u);
    } catch {
      url = undefined;
    }
    props.$current_url = info.u;
    props.$host = url?.host;
    props.$pathname = url?.pathname;
    for (const key of CAMPAIGN_PARAMS) props[key] = queryParam(info.u, key) || null;
  }
  const engine = SEARCH_ENGINES.find(([, re]) => re.test(info.r))?.[0];
  if (engine) {
    props.$search_engine = engine;
    const keyword = queryParam(info.r, engine === 'yahoo' ? 'p' : 'q');
    if (keyword) props.ph_keyword = keyword;
  }
  return props;
}

/** posthog-js's `getInitialPersonPropsFromInfo`: the same, each named `$initial_<name without $>`. */
export function initialPersonProps(info: PersonInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(personPropsFromInfo(info))) out[`$initial_${key.replace(/^\$/, '')}`] = value;
  return out;
}

/**
 * The `$set_once` posthog-js adds to the first person-processed event of a page load (and to every
 * `$identify`): the person's initial properties from where they first arrived, then the current
 * session's entry properties (unprefixed, as its SessionPropsManager gives them).
 */
export function setOnceProperties(initial: PersonInfo, sessionEntry: PersonInfo | undefined): Record<string, unknown> {
  return { ...initialPersonProps(initial), ...(sessionEntry ? personPropsFromInfo(sessionEntry) : {}) };
}
