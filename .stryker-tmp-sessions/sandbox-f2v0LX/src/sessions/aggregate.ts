// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { CaptureEvent } from '../events/types';
import { channelType, nullIfEmpty } from './channel-type';
import { urlDomain, urlPath } from './url';

/**
 * One session, built event by event in any order: the incremental form of PostHog's raw sessions
 * table (posthog/models/raw_sessions/sessions_v2.py, RAW_SESSION_TABLE_MV_SELECT_SQL) and of the
 * HogQL `sessions` table over it (posthog/hogql/database/schema/sessions_v2.py).
 *
 * Every part is order-independent, so the same events added in any order give the same row:
 * entry values are taken from the earliest event (argMin by time), end values from the latest
 * (argMax); where PostHog leaves a tie to ClickHouse, Lasso breaks it by uuid (smallest uuid is
 * the entry, largest the end). Counts assume each event is added once (the store drops a uuid it
 * already has); `sessionsFromEvents` drops repeated uuids itself.
 *
 * The accumulator is plain data (structured-cloneable) so the store can keep it between batches.
 */
export interface SessionAccumulator {
  /** Canonical (lower-case) UUIDv7 of the session; null until the first event. */
  sessionId: string | null;
  first: Snapshot | null;
  last: Snapshot | null;
  /** Distinct non-empty `$current_url`s, sorted (PostHog's groupUniqArray has no order). */
  urls: string[];
  pageviews: number;
  autocaptures: number;
  screens: number;
  /** Earliest event with a numeric `$web_vitals_LCP_value` (argMin skips missing values). */
  lcp: {
    ms: number;
    uuid: string;
    value: number;
  } | null;
}

/** What an entry or end event contributes: its time, uuid, distinct_id and tracked properties. */
export interface Snapshot {
  ms: number;
  uuid: string;
  distinctId: string;
  /** Tracked property → value as ClickHouse's JSONExtractString reads it ('' unless a string). */
  props: Record<string, string>;
}

/** Session property → the event property PostHog's raw sessions table takes it from (argMin). */
export const ENTRY_PROPERTIES: ReadonlyArray<[string, string]> = stryMutAct_9fa48("0") ? [] : (stryCov_9fa48("0"), [stryMutAct_9fa48("1") ? [] : (stryCov_9fa48("1"), [stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), '$entry_current_url'), stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), '$current_url')]), stryMutAct_9fa48("4") ? [] : (stryCov_9fa48("4"), [stryMutAct_9fa48("5") ? "" : (stryCov_9fa48("5"), '$entry_referring_domain'), stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), '$referring_domain')]), stryMutAct_9fa48("7") ? [] : (stryCov_9fa48("7"), [stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), '$entry_utm_source'), stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), 'utm_source')]), stryMutAct_9fa48("10") ? [] : (stryCov_9fa48("10"), [stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), '$entry_utm_campaign'), stryMutAct_9fa48("12") ? "" : (stryCov_9fa48("12"), 'utm_campaign')]), stryMutAct_9fa48("13") ? [] : (stryCov_9fa48("13"), [stryMutAct_9fa48("14") ? "" : (stryCov_9fa48("14"), '$entry_utm_medium'), stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), 'utm_medium')]), stryMutAct_9fa48("16") ? [] : (stryCov_9fa48("16"), [stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), '$entry_utm_term'), stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'utm_term')]), stryMutAct_9fa48("19") ? [] : (stryCov_9fa48("19"), [stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), '$entry_utm_content'), stryMutAct_9fa48("21") ? "" : (stryCov_9fa48("21"), 'utm_content')]), stryMutAct_9fa48("22") ? [] : (stryCov_9fa48("22"), [stryMutAct_9fa48("23") ? "" : (stryCov_9fa48("23"), '$entry_gclid'), stryMutAct_9fa48("24") ? "" : (stryCov_9fa48("24"), 'gclid')]), stryMutAct_9fa48("25") ? [] : (stryCov_9fa48("25"), [stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), '$entry_gad_source'), stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), 'gad_source')]), stryMutAct_9fa48("28") ? [] : (stryCov_9fa48("28"), [stryMutAct_9fa48("29") ? "" : (stryCov_9fa48("29"), '$entry_gclsrc'), stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'gclsrc')]), stryMutAct_9fa48("31") ? [] : (stryCov_9fa48("31"), [stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), '$entry_dclid'), stryMutAct_9fa48("33") ? "" : (stryCov_9fa48("33"), 'dclid')]), stryMutAct_9fa48("34") ? [] : (stryCov_9fa48("34"), [stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), '$entry_gbraid'), stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'gbraid')]), stryMutAct_9fa48("37") ? [] : (stryCov_9fa48("37"), [stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), '$entry_wbraid'), stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), 'wbraid')]), stryMutAct_9fa48("40") ? [] : (stryCov_9fa48("40"), [stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), '$entry_fbclid'), stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), 'fbclid')]), stryMutAct_9fa48("43") ? [] : (stryCov_9fa48("43"), [stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), '$entry_msclkid'), stryMutAct_9fa48("45") ? "" : (stryCov_9fa48("45"), 'msclkid')]), stryMutAct_9fa48("46") ? [] : (stryCov_9fa48("46"), [stryMutAct_9fa48("47") ? "" : (stryCov_9fa48("47"), '$entry_twclid'), stryMutAct_9fa48("48") ? "" : (stryCov_9fa48("48"), 'twclid')]), stryMutAct_9fa48("49") ? [] : (stryCov_9fa48("49"), [stryMutAct_9fa48("50") ? "" : (stryCov_9fa48("50"), '$entry_li_fat_id'), stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), 'li_fat_id')]), stryMutAct_9fa48("52") ? [] : (stryCov_9fa48("52"), [stryMutAct_9fa48("53") ? "" : (stryCov_9fa48("53"), '$entry_mc_cid'), stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'mc_cid')]), stryMutAct_9fa48("55") ? [] : (stryCov_9fa48("55"), [stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), '$entry_igshid'), stryMutAct_9fa48("57") ? "" : (stryCov_9fa48("57"), 'igshid')]), stryMutAct_9fa48("58") ? [] : (stryCov_9fa48("58"), [stryMutAct_9fa48("59") ? "" : (stryCov_9fa48("59"), '$entry_ttclid'), stryMutAct_9fa48("60") ? "" : (stryCov_9fa48("60"), 'ttclid')]), stryMutAct_9fa48("61") ? [] : (stryCov_9fa48("61"), [stryMutAct_9fa48("62") ? "" : (stryCov_9fa48("62"), '$entry__kx'), stryMutAct_9fa48("63") ? "" : (stryCov_9fa48("63"), '_kx')]), stryMutAct_9fa48("64") ? [] : (stryCov_9fa48("64"), [stryMutAct_9fa48("65") ? "" : (stryCov_9fa48("65"), '$entry_irclid'), stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'irclid')])]);

// `$host` too: not a session property, but the store lists a site's sessions by their entry host.
const TRACKED = stryMutAct_9fa48("67") ? [] : (stryCov_9fa48("67"), [...ENTRY_PROPERTIES.map(stryMutAct_9fa48("68") ? () => undefined : (stryCov_9fa48("68"), ([, prop]) => prop)), stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), '$external_click_url'), stryMutAct_9fa48("70") ? "" : (stryCov_9fa48("70"), '$host')]);
const UUID_V7 = stryMutAct_9fa48("82") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[^0-9a-f]{12}$/i : stryMutAct_9fa48("81") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]$/i : stryMutAct_9fa48("80") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[^0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("79") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]-[0-9a-f]{12}$/i : stryMutAct_9fa48("78") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[^0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("77") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("76") ? /^[0-9a-f]{8}-[^0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("75") ? /^[0-9a-f]{8}-[0-9a-f]-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("74") ? /^[^0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("73") ? /^[0-9a-f]-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : stryMutAct_9fa48("72") ? /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/i : stryMutAct_9fa48("71") ? /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i : (stryCov_9fa48("71", "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82"), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** Seconds at or above which a one-pageview session is not a bounce (DEFAULT_BOUNCE_RATE_DURATION_SECONDS, sessions_v1.py). */
export const BOUNCE_DURATION_SECONDS = 10;

/**
 * The session an event belongs to: its `$session_id` in canonical form, or null when it has none
 * or it is not a UUIDv7 — PostHog's raw sessions table keeps only UUIDv7 session ids.
 */
export function sessionKey(event: CaptureEvent): string | null {
  if (stryMutAct_9fa48("83")) {
    {}
  } else {
    stryCov_9fa48("83");
    const id = stryMutAct_9fa48("84") ? event.properties.$session_id : (stryCov_9fa48("84"), event.properties?.$session_id);
    return (stryMutAct_9fa48("87") ? typeof id === 'string' || UUID_V7.test(id) : stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), (stryMutAct_9fa48("89") ? typeof id !== 'string' : stryMutAct_9fa48("88") ? true : (stryCov_9fa48("88", "89"), typeof id === (stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'string')))) && UUID_V7.test(id))) ? stryMutAct_9fa48("91") ? id.toUpperCase() : (stryCov_9fa48("91"), id.toLowerCase()) : null;
  }
}

/** Event time in ms; a clear error naming the event when its timestamp cannot be read. */
export function eventTime(event: CaptureEvent): number {
  if (stryMutAct_9fa48("92")) {
    {}
  } else {
    stryCov_9fa48("92");
    const ms = (stryMutAct_9fa48("95") ? typeof event.timestamp !== 'string' : stryMutAct_9fa48("94") ? false : stryMutAct_9fa48("93") ? true : (stryCov_9fa48("93", "94", "95"), typeof event.timestamp === (stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), 'string')))) ? Date.parse(event.timestamp) : NaN;
    if (stryMutAct_9fa48("98") ? false : stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97", "98"), Number.isNaN(ms))) throw new Error(stryMutAct_9fa48("99") ? `` : (stryCov_9fa48("99"), `sessions: event ${event.uuid} has an unreadable timestamp ${JSON.stringify(event.timestamp)}`));
    return ms;
  }
}

/** (time, uuid) order: the order PostHog's argMin / argMax see, with uuid breaking ties. */
export const isBefore = stryMutAct_9fa48("100") ? () => undefined : (stryCov_9fa48("100"), (() => {
  const isBefore = (a: {
    ms: number;
    uuid: string;
  }, b: {
    ms: number;
    uuid: string;
  }): boolean => stryMutAct_9fa48("103") ? a.ms < b.ms && a.ms === b.ms && a.uuid < b.uuid : stryMutAct_9fa48("102") ? false : stryMutAct_9fa48("101") ? true : (stryCov_9fa48("101", "102", "103"), (stryMutAct_9fa48("106") ? a.ms >= b.ms : stryMutAct_9fa48("105") ? a.ms <= b.ms : stryMutAct_9fa48("104") ? false : (stryCov_9fa48("104", "105", "106"), a.ms < b.ms)) || (stryMutAct_9fa48("108") ? a.ms === b.ms || a.uuid < b.uuid : stryMutAct_9fa48("107") ? false : (stryCov_9fa48("107", "108"), (stryMutAct_9fa48("110") ? a.ms !== b.ms : stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109", "110"), a.ms === b.ms)) && (stryMutAct_9fa48("113") ? a.uuid >= b.uuid : stryMutAct_9fa48("112") ? a.uuid <= b.uuid : stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111", "112", "113"), a.uuid < b.uuid)))));
  return isBefore;
})());

/** An accumulator that has seen no events. */
export function emptySession(): SessionAccumulator {
  if (stryMutAct_9fa48("114")) {
    {}
  } else {
    stryCov_9fa48("114");
    return stryMutAct_9fa48("115") ? {} : (stryCov_9fa48("115"), {
      sessionId: null,
      first: null,
      last: null,
      urls: stryMutAct_9fa48("116") ? ["Stryker was here"] : (stryCov_9fa48("116"), []),
      pageviews: 0,
      autocaptures: 0,
      screens: 0,
      lcp: null
    });
  }
}
const asString = stryMutAct_9fa48("117") ? () => undefined : (stryCov_9fa48("117"), (() => {
  const asString = (value: unknown): string => (stryMutAct_9fa48("120") ? typeof value !== 'string' : stryMutAct_9fa48("119") ? false : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120"), typeof value === (stryMutAct_9fa48("121") ? "" : (stryCov_9fa48("121"), 'string')))) ? value : stryMutAct_9fa48("122") ? "Stryker was here!" : (stryCov_9fa48("122"), '');
  return asString;
})());

/** PostHog's `$web_vitals_LCP_value` read: a number, or a string holding one; otherwise none. */
function lcpValue(value: unknown): number | null {
  if (stryMutAct_9fa48("123")) {
    {}
  } else {
    stryCov_9fa48("123");
    if (stryMutAct_9fa48("126") ? typeof value !== 'number' : stryMutAct_9fa48("125") ? false : stryMutAct_9fa48("124") ? true : (stryCov_9fa48("124", "125", "126"), typeof value === (stryMutAct_9fa48("127") ? "" : (stryCov_9fa48("127"), 'number')))) return Number.isFinite(value) ? value : null;
    if (stryMutAct_9fa48("130") ? typeof value === 'string' || /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) : stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129", "130"), (stryMutAct_9fa48("132") ? typeof value !== 'string' : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132"), typeof value === (stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), 'string')))) && (stryMutAct_9fa48("154") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\S*$/ : stryMutAct_9fa48("153") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s$/ : stryMutAct_9fa48("152") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\D+)?\s*$/ : stryMutAct_9fa48("151") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d)?\s*$/ : stryMutAct_9fa48("150") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][^+-]?\d+)?\s*$/ : stryMutAct_9fa48("149") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]\d+)?\s*$/ : stryMutAct_9fa48("148") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([^eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("147") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)\s*$/ : stryMutAct_9fa48("146") ? /^\s*[+-]?(\d+\.?\d*|\.\D+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("145") ? /^\s*[+-]?(\d+\.?\d*|\.\d)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("144") ? /^\s*[+-]?(\d+\.?\D*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("143") ? /^\s*[+-]?(\d+\.?\d|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("142") ? /^\s*[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("141") ? /^\s*[+-]?(\D+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("140") ? /^\s*[+-]?(\d\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("139") ? /^\s*[^+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("138") ? /^\s*[+-](\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("137") ? /^\S*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("136") ? /^\s[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : stryMutAct_9fa48("135") ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*/ : stryMutAct_9fa48("134") ? /\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/ : (stryCov_9fa48("134", "135", "136", "137", "138", "139", "140", "141", "142", "143", "144", "145", "146", "147", "148", "149", "150", "151", "152", "153", "154"), /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/)).test(value))) return Number(value);
    return null;
  }
}
function insertSorted(list: string[], value: string): void {
  if (stryMutAct_9fa48("155")) {
    {}
  } else {
    stryCov_9fa48("155");
    let lo = 0;
    let hi = list.length;
    while (stryMutAct_9fa48("158") ? lo >= hi : stryMutAct_9fa48("157") ? lo <= hi : stryMutAct_9fa48("156") ? false : (stryCov_9fa48("156", "157", "158"), lo < hi)) {
      if (stryMutAct_9fa48("159")) {
        {}
      } else {
        stryCov_9fa48("159");
        const mid = (stryMutAct_9fa48("160") ? lo - hi : (stryCov_9fa48("160"), lo + hi)) >> 1;
        if (stryMutAct_9fa48("164") ? list[mid] >= value : stryMutAct_9fa48("163") ? list[mid] <= value : stryMutAct_9fa48("162") ? false : stryMutAct_9fa48("161") ? true : (stryCov_9fa48("161", "162", "163", "164"), list[mid] < value)) lo = stryMutAct_9fa48("165") ? mid - 1 : (stryCov_9fa48("165"), mid + 1);else hi = mid;
      }
    }
    if (stryMutAct_9fa48("168") ? list[lo] === value : stryMutAct_9fa48("167") ? false : stryMutAct_9fa48("166") ? true : (stryCov_9fa48("166", "167", "168"), list[lo] !== value)) list.splice(lo, 0, value);
  }
}

/**
 * Add one event to the session (mutates and returns `acc`). Throws when the event has no UUIDv7
 * `$session_id`, belongs to another session, or has an unreadable timestamp.
 */
export function addEvent(acc: SessionAccumulator, event: CaptureEvent): SessionAccumulator {
  if (stryMutAct_9fa48("169")) {
    {}
  } else {
    stryCov_9fa48("169");
    const key = sessionKey(event);
    if (stryMutAct_9fa48("172") ? key !== null : stryMutAct_9fa48("171") ? false : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171", "172"), key === null)) throw new Error(stryMutAct_9fa48("173") ? `` : (stryCov_9fa48("173"), `sessions: event ${event.uuid} has no UUIDv7 $session_id`));
    if (stryMutAct_9fa48("176") ? acc.sessionId !== null || acc.sessionId !== key : stryMutAct_9fa48("175") ? false : stryMutAct_9fa48("174") ? true : (stryCov_9fa48("174", "175", "176"), (stryMutAct_9fa48("178") ? acc.sessionId === null : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178"), acc.sessionId !== null)) && (stryMutAct_9fa48("180") ? acc.sessionId === key : stryMutAct_9fa48("179") ? true : (stryCov_9fa48("179", "180"), acc.sessionId !== key)))) {
      if (stryMutAct_9fa48("181")) {
        {}
      } else {
        stryCov_9fa48("181");
        throw new Error(stryMutAct_9fa48("182") ? `` : (stryCov_9fa48("182"), `sessions: event ${event.uuid} belongs to session ${key}, not ${acc.sessionId}`));
      }
    }
    acc.sessionId = key;
    const props = stryMutAct_9fa48("183") ? event.properties && {} : (stryCov_9fa48("183"), event.properties ?? {});
    const snapshot: Snapshot = stryMutAct_9fa48("184") ? {} : (stryCov_9fa48("184"), {
      ms: eventTime(event),
      uuid: event.uuid,
      distinctId: asString(event.distinct_id),
      props: {}
    });
    for (const prop of TRACKED) snapshot.props[prop] = asString(props[prop]);
    if (stryMutAct_9fa48("187") ? acc.first === null && isBefore(snapshot, acc.first) : stryMutAct_9fa48("186") ? false : stryMutAct_9fa48("185") ? true : (stryCov_9fa48("185", "186", "187"), (stryMutAct_9fa48("189") ? acc.first !== null : stryMutAct_9fa48("188") ? false : (stryCov_9fa48("188", "189"), acc.first === null)) || isBefore(snapshot, acc.first))) acc.first = snapshot;
    if (stryMutAct_9fa48("192") ? acc.last === null && isBefore(acc.last, snapshot) : stryMutAct_9fa48("191") ? false : stryMutAct_9fa48("190") ? true : (stryCov_9fa48("190", "191", "192"), (stryMutAct_9fa48("194") ? acc.last !== null : stryMutAct_9fa48("193") ? false : (stryCov_9fa48("193", "194"), acc.last === null)) || isBefore(acc.last, snapshot))) acc.last = snapshot;
    const url = asString(props.$current_url);
    if (stryMutAct_9fa48("197") ? url === '' : stryMutAct_9fa48("196") ? false : stryMutAct_9fa48("195") ? true : (stryCov_9fa48("195", "196", "197"), url !== (stryMutAct_9fa48("198") ? "Stryker was here!" : (stryCov_9fa48("198"), '')))) insertSorted(acc.urls, url);
    if (stryMutAct_9fa48("201") ? event.event !== '$pageview' : stryMutAct_9fa48("200") ? false : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201"), event.event === (stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), '$pageview')))) stryMutAct_9fa48("203") ? acc.pageviews-- : (stryCov_9fa48("203"), acc.pageviews++);else if (stryMutAct_9fa48("206") ? event.event !== '$autocapture' : stryMutAct_9fa48("205") ? false : stryMutAct_9fa48("204") ? true : (stryCov_9fa48("204", "205", "206"), event.event === (stryMutAct_9fa48("207") ? "" : (stryCov_9fa48("207"), '$autocapture')))) stryMutAct_9fa48("208") ? acc.autocaptures-- : (stryCov_9fa48("208"), acc.autocaptures++);else if (stryMutAct_9fa48("211") ? event.event !== '$screen' : stryMutAct_9fa48("210") ? false : stryMutAct_9fa48("209") ? true : (stryCov_9fa48("209", "210", "211"), event.event === (stryMutAct_9fa48("212") ? "" : (stryCov_9fa48("212"), '$screen')))) stryMutAct_9fa48("213") ? acc.screens-- : (stryCov_9fa48("213"), acc.screens++);
    const lcp = lcpValue(props.$web_vitals_LCP_value);
    if (stryMutAct_9fa48("216") ? lcp !== null || acc.lcp === null || isBefore(snapshot, acc.lcp) : stryMutAct_9fa48("215") ? false : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215", "216"), (stryMutAct_9fa48("218") ? lcp === null : stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217", "218"), lcp !== null)) && (stryMutAct_9fa48("220") ? acc.lcp === null && isBefore(snapshot, acc.lcp) : stryMutAct_9fa48("219") ? true : (stryCov_9fa48("219", "220"), (stryMutAct_9fa48("222") ? acc.lcp !== null : stryMutAct_9fa48("221") ? false : (stryCov_9fa48("221", "222"), acc.lcp === null)) || isBefore(snapshot, acc.lcp))))) acc.lcp = stryMutAct_9fa48("223") ? {} : (stryCov_9fa48("223"), {
      ms: snapshot.ms,
      uuid: snapshot.uuid,
      value: lcp
    });
    return acc;
  }
}

/** PostHog's `$is_bounce` (BounceRatePageViewMode.COUNT_PAGEVIEWS, the default): null without pageviews. */
export function isBounce(pageviews: number, autocaptures: number, durationSeconds: number): boolean | null {
  if (stryMutAct_9fa48("224")) {
    {}
  } else {
    stryCov_9fa48("224");
    if (stryMutAct_9fa48("227") ? pageviews !== 0 : stryMutAct_9fa48("226") ? false : stryMutAct_9fa48("225") ? true : (stryCov_9fa48("225", "226", "227"), pageviews === 0)) return null;
    return stryMutAct_9fa48("228") ? pageviews > 1 || autocaptures > 0 || durationSeconds >= BOUNCE_DURATION_SECONDS : (stryCov_9fa48("228"), !(stryMutAct_9fa48("231") ? (pageviews > 1 || autocaptures > 0) && durationSeconds >= BOUNCE_DURATION_SECONDS : stryMutAct_9fa48("230") ? false : stryMutAct_9fa48("229") ? true : (stryCov_9fa48("229", "230", "231"), (stryMutAct_9fa48("233") ? pageviews > 1 && autocaptures > 0 : stryMutAct_9fa48("232") ? false : (stryCov_9fa48("232", "233"), (stryMutAct_9fa48("236") ? pageviews <= 1 : stryMutAct_9fa48("235") ? pageviews >= 1 : stryMutAct_9fa48("234") ? false : (stryCov_9fa48("234", "235", "236"), pageviews > 1)) || (stryMutAct_9fa48("239") ? autocaptures <= 0 : stryMutAct_9fa48("238") ? autocaptures >= 0 : stryMutAct_9fa48("237") ? false : (stryCov_9fa48("237", "238", "239"), autocaptures > 0)))) || (stryMutAct_9fa48("242") ? durationSeconds < BOUNCE_DURATION_SECONDS : stryMutAct_9fa48("241") ? durationSeconds > BOUNCE_DURATION_SECONDS : stryMutAct_9fa48("240") ? false : (stryCov_9fa48("240", "241", "242"), durationSeconds >= BOUNCE_DURATION_SECONDS)))));
  }
}

/** ClickHouse `dateDiff('second', a, b)`: whole-second boundaries crossed, not elapsed time rounded. */
export const secondsBetween = stryMutAct_9fa48("243") ? () => undefined : (stryCov_9fa48("243"), (() => {
  const secondsBetween = (startMs: number, endMs: number): number => stryMutAct_9fa48("244") ? Math.floor(endMs / 1000) + Math.floor(startMs / 1000) : (stryCov_9fa48("244"), Math.floor(stryMutAct_9fa48("245") ? endMs * 1000 : (stryCov_9fa48("245"), endMs / 1000)) - Math.floor(stryMutAct_9fa48("246") ? startMs * 1000 : (stryCov_9fa48("246"), startMs / 1000)));
  return secondsBetween;
})());

/** The session row, keys named as PostHog's sessions table names them. Throws on an empty accumulator. */
export function finish(acc: SessionAccumulator): Record<string, unknown> {
  if (stryMutAct_9fa48("247")) {
    {}
  } else {
    stryCov_9fa48("247");
    const {
      first,
      last
    } = acc;
    if (stryMutAct_9fa48("250") ? (acc.sessionId === null || first === null) && last === null : stryMutAct_9fa48("249") ? false : stryMutAct_9fa48("248") ? true : (stryCov_9fa48("248", "249", "250"), (stryMutAct_9fa48("252") ? acc.sessionId === null && first === null : stryMutAct_9fa48("251") ? false : (stryCov_9fa48("251", "252"), (stryMutAct_9fa48("254") ? acc.sessionId !== null : stryMutAct_9fa48("253") ? false : (stryCov_9fa48("253", "254"), acc.sessionId === null)) || (stryMutAct_9fa48("256") ? first !== null : stryMutAct_9fa48("255") ? false : (stryCov_9fa48("255", "256"), first === null)))) || (stryMutAct_9fa48("258") ? last !== null : stryMutAct_9fa48("257") ? false : (stryCov_9fa48("257", "258"), last === null)))) throw new Error(stryMutAct_9fa48("259") ? "" : (stryCov_9fa48("259"), 'sessions: cannot finish a session without events'));
    const entryUrl = nullIfEmpty(first.props.$current_url);
    const endUrl = nullIfEmpty(last.props.$current_url);
    const duration = secondsBetween(first.ms, last.ms);
    const row: Record<string, unknown> = stryMutAct_9fa48("260") ? {} : (stryCov_9fa48("260"), {
      $session_id: acc.sessionId,
      distinct_id: nullIfEmpty(last.distinctId),
      $start_timestamp: new Date(first.ms).toISOString(),
      $end_timestamp: new Date(last.ms).toISOString(),
      $session_duration: duration,
      $urls: stryMutAct_9fa48("261") ? [] : (stryCov_9fa48("261"), [...acc.urls]),
      $num_uniq_urls: acc.urls.length,
      $entry_current_url: entryUrl,
      $entry_pathname: (stryMutAct_9fa48("264") ? entryUrl !== null : stryMutAct_9fa48("263") ? false : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263", "264"), entryUrl === null)) ? null : urlPath(entryUrl),
      $entry_hostname: (stryMutAct_9fa48("267") ? entryUrl !== null : stryMutAct_9fa48("266") ? false : stryMutAct_9fa48("265") ? true : (stryCov_9fa48("265", "266", "267"), entryUrl === null)) ? null : urlDomain(entryUrl),
      $end_current_url: endUrl,
      $end_pathname: (stryMutAct_9fa48("270") ? endUrl !== null : stryMutAct_9fa48("269") ? false : stryMutAct_9fa48("268") ? true : (stryCov_9fa48("268", "269", "270"), endUrl === null)) ? null : urlPath(endUrl),
      $end_hostname: (stryMutAct_9fa48("273") ? endUrl !== null : stryMutAct_9fa48("272") ? false : stryMutAct_9fa48("271") ? true : (stryCov_9fa48("271", "272", "273"), endUrl === null)) ? null : urlDomain(endUrl)
    });
    for (const [key, prop] of ENTRY_PROPERTIES) if (stryMutAct_9fa48("276") ? key === '$entry_current_url' : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), key !== (stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), '$entry_current_url')))) row[key] = nullIfEmpty(first.props[prop]);
    row.$pageview_count = acc.pageviews;
    row.$autocapture_count = acc.autocaptures;
    row.$screen_count = acc.screens;
    row.$channel_type = channelType(stryMutAct_9fa48("278") ? {} : (stryCov_9fa48("278"), {
      utmSource: row.$entry_utm_source as string | null,
      utmMedium: row.$entry_utm_medium as string | null,
      utmCampaign: row.$entry_utm_campaign as string | null,
      referringDomain: row.$entry_referring_domain as string | null,
      gclid: row.$entry_gclid as string | null,
      fbclid: row.$entry_fbclid as string | null,
      gadSource: row.$entry_gad_source as string | null
    }));
    row.$is_bounce = isBounce(acc.pageviews, acc.autocaptures, duration);
    row.$last_external_click_url = nullIfEmpty(last.props.$external_click_url);
    row.$vitals_lcp = stryMutAct_9fa48("279") ? acc.lcp?.value && null : (stryCov_9fa48("279"), (stryMutAct_9fa48("280") ? acc.lcp.value : (stryCov_9fa48("280"), acc.lcp?.value)) ?? null);
    return row;
  }
}