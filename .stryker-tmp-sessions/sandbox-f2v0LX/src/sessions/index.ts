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
import { addEvent, emptySession, eventTime, finish, sessionKey, type SessionAccumulator } from './aggregate';
export { addEvent, emptySession, finish, sessionKey, isBounce, BOUNCE_DURATION_SECONDS } from './aggregate';
export type { SessionAccumulator } from './aggregate';
export { channelType, type ChannelInputs, type ChannelType } from './channel-type';
interface Timed {
  event: CaptureEvent;
  ms: number;
}

/** Total order on events: time, then uuid, then content (only for the same uuid sent twice). */
function compareTimed(a: Timed, b: Timed): number {
  if (stryMutAct_9fa48("537")) {
    {}
  } else {
    stryCov_9fa48("537");
    if (stryMutAct_9fa48("540") ? a.ms === b.ms : stryMutAct_9fa48("539") ? false : stryMutAct_9fa48("538") ? true : (stryCov_9fa48("538", "539", "540"), a.ms !== b.ms)) return stryMutAct_9fa48("541") ? a.ms + b.ms : (stryCov_9fa48("541"), a.ms - b.ms);
    if (stryMutAct_9fa48("544") ? a.event.uuid === b.event.uuid : stryMutAct_9fa48("543") ? false : stryMutAct_9fa48("542") ? true : (stryCov_9fa48("542", "543", "544"), a.event.uuid !== b.event.uuid)) return (stryMutAct_9fa48("548") ? a.event.uuid >= b.event.uuid : stryMutAct_9fa48("547") ? a.event.uuid <= b.event.uuid : stryMutAct_9fa48("546") ? false : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546", "547", "548"), a.event.uuid < b.event.uuid)) ? stryMutAct_9fa48("549") ? +1 : (stryCov_9fa48("549"), -1) : 1;
    const ja = JSON.stringify(a.event);
    const jb = JSON.stringify(b.event);
    return (stryMutAct_9fa48("553") ? ja >= jb : stryMutAct_9fa48("552") ? ja <= jb : stryMutAct_9fa48("551") ? false : stryMutAct_9fa48("550") ? true : (stryCov_9fa48("550", "551", "552", "553"), ja < jb)) ? stryMutAct_9fa48("554") ? +1 : (stryCov_9fa48("554"), -1) : (stryMutAct_9fa48("558") ? ja <= jb : stryMutAct_9fa48("557") ? ja >= jb : stryMutAct_9fa48("556") ? false : stryMutAct_9fa48("555") ? true : (stryCov_9fa48("555", "556", "557", "558"), ja > jb)) ? 1 : 0;
  }
}

/**
 * PostHog's sessions, derived from events: one row per `$session_id` (events without a UUIDv7
 * session id are ignored, as PostHog's sessions table ignores them), keys named as PostHog's HogQL
 * `sessions` table names them (`$start_timestamp`, `$entry_current_url`, `$channel_type`,
 * `$is_bounce`, …). Events are applied in (timestamp, uuid) order and a uuid counts once, so
 * the same events in any order give the same rows. Rows are sorted by start time, then id.
 *
 * This is the definition; the store keeps the same rows up to date with `emptySession` /
 * `addEvent` / `finish`, and `sessionsFromEvents` is their fold.
 */
export function sessionsFromEvents(events: CaptureEvent[]): Array<Record<string, unknown>> {
  if (stryMutAct_9fa48("559")) {
    {}
  } else {
    stryCov_9fa48("559");
    const timed: Timed[] = stryMutAct_9fa48("560") ? ["Stryker was here"] : (stryCov_9fa48("560"), []);
    for (const event of events) if (stryMutAct_9fa48("563") ? sessionKey(event) === null : stryMutAct_9fa48("562") ? false : stryMutAct_9fa48("561") ? true : (stryCov_9fa48("561", "562", "563"), sessionKey(event) !== null)) timed.push(stryMutAct_9fa48("564") ? {} : (stryCov_9fa48("564"), {
      event,
      ms: eventTime(event)
    }));
    stryMutAct_9fa48("565") ? timed : (stryCov_9fa48("565"), timed.sort(compareTimed));
    const seen = new Set<string>();
    const sessions = new Map<string, SessionAccumulator>();
    for (const {
      event
    } of timed) {
      if (stryMutAct_9fa48("566")) {
        {}
      } else {
        stryCov_9fa48("566");
        if (stryMutAct_9fa48("568") ? false : stryMutAct_9fa48("567") ? true : (stryCov_9fa48("567", "568"), seen.has(event.uuid))) continue;
        seen.add(event.uuid);
        const key = sessionKey(event) as string;
        let acc = sessions.get(key);
        if (stryMutAct_9fa48("571") ? false : stryMutAct_9fa48("570") ? true : stryMutAct_9fa48("569") ? acc : (stryCov_9fa48("569", "570", "571"), !acc)) sessions.set(key, acc = emptySession());
        addEvent(acc, event);
      }
    }
    return stryMutAct_9fa48("572") ? [...sessions.values()].map(acc => ({
      start: (acc.first as {
        ms: number;
      }).ms,
      row: finish(acc)
    })).map(({
      row
    }) => row) : (stryCov_9fa48("572"), (stryMutAct_9fa48("573") ? [] : (stryCov_9fa48("573"), [...sessions.values()])).map(stryMutAct_9fa48("574") ? () => undefined : (stryCov_9fa48("574"), acc => stryMutAct_9fa48("575") ? {} : (stryCov_9fa48("575"), {
      start: (acc.first as {
        ms: number;
      }).ms,
      row: finish(acc)
    }))).sort(stryMutAct_9fa48("576") ? () => undefined : (stryCov_9fa48("576"), (a, b) => stryMutAct_9fa48("579") ? a.start - b.start && ((a.row.$session_id as string) < (b.row.$session_id as string) ? -1 : 1) : stryMutAct_9fa48("578") ? false : stryMutAct_9fa48("577") ? true : (stryCov_9fa48("577", "578", "579"), (stryMutAct_9fa48("580") ? a.start + b.start : (stryCov_9fa48("580"), a.start - b.start)) || ((stryMutAct_9fa48("584") ? a.row.$session_id as string >= (b.row.$session_id as string) : stryMutAct_9fa48("583") ? (a.row.$session_id as string) <= (b.row.$session_id as string) : stryMutAct_9fa48("582") ? false : stryMutAct_9fa48("581") ? true : (stryCov_9fa48("581", "582", "583", "584"), (a.row.$session_id as string) < (b.row.$session_id as string))) ? stryMutAct_9fa48("585") ? +1 : (stryCov_9fa48("585"), -1) : 1)))).map(stryMutAct_9fa48("586") ? () => undefined : (stryCov_9fa48("586"), ({
      row
    }) => row)));
  }
}