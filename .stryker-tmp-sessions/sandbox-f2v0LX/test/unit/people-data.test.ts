// @ts-nocheck
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { uuidv7Time } from '../../src/events/uuid';
import { parseElementsChain } from '../../src/events/elements-chain';
import { captureEventProblem } from '../../src/messaging/validate';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/autocapture/session';
import { chunked, eventsToJsonl, generateSiteEvents, type SiteEventsOptions } from '../fixtures/people-data';

const BASE: SiteEventsOptions = { seed: 7, persons: 400, start: '2026-10-01T00:00:00.000Z', days: 21 };

function hashOf(options: SiteEventsOptions): string {
  const hash = createHash('sha256');
  for (const chunk of eventsToJsonl(generateSiteEvents(options), 500)) hash.update(chunk);
  return hash.digest('hex');
}

const str = (e: CaptureEvent, key: string): string => String(e.properties[key] ?? '');
const ms = (e: CaptureEvent): number => Date.parse(e.timestamp);

/** Events grouped by a key, each group in stream order. */
function groupBy(events: CaptureEvent[], key: (e: CaptureEvent) => string): Map<string, CaptureEvent[]> {
  const out = new Map<string, CaptureEvent[]>();
  for (const e of events) {
    const k = key(e);
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  return out;
}

describe('generateSiteEvents: determinism', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const options = { ...BASE, persons: 150, days: 14 };
    const a = hashOf(options);
    expect(hashOf(options)).toBe(a);
    expect(hashOf({ ...options, seed: 8 })).not.toBe(a);
  }, 60_000);

  it('with a limit yields exactly a prefix of the full stream', () => {
    const full = [...generateSiteEvents({ ...BASE, persons: 50, days: 7 })];
    const cut = [...generateSiteEvents({ ...BASE, persons: 50, days: 7, limit: 100 })];
    expect(full.length).toBeGreaterThan(100);
    expect(cut).toEqual(full.slice(0, 100));
  });
});

describe('generateSiteEvents: the data', () => {
  let events: CaptureEvent[];
  let sessions: Map<string, CaptureEvent[]>;
  let devices: Map<string, CaptureEvent[]>;
  const start = Date.parse(BASE.start);
  const end = start + BASE.days * 86_400_000;

  beforeAll(() => {
    events = [...generateSiteEvents(BASE)];
    sessions = groupBy(events, (e) => str(e, '$session_id'));
    devices = groupBy(events, (e) => str(e, '$device_id'));
  });

  it('is in time order, inside the window, with unique uuids', () => {
    expect(events.length).toBeGreaterThan(10_000);
    for (let i = 1; i < events.length; i++) expect(ms(events[i])).toBeGreaterThanOrEqual(ms(events[i - 1]));
    for (const e of events) expect(uuidv7Time(e.uuid)).toBe(ms(e));
    expect(ms(events[0])).toBeGreaterThanOrEqual(start);
    expect(ms(events[events.length - 1])).toBeLessThan(end);
    expect(new Set(events.map((e) => e.uuid)).size).toBe(events.length);
  });

  it("passes Lasso's own check for incoming events, with posthog-js's shape", () => {
    const problems = events.map(captureEventProblem).filter((p) => p !== null);
    expect(problems).toEqual([]);
    for (const e of events) {
      expect(e.properties.$lib).toBe('web');
      expect(e.properties.$time).toBe(ms(e) / 1000);
      expect(new URL(str(e, '$current_url')).host).toBe(e.properties.$host);
    }
  });

  it('keeps every session within 30 idle minutes and 24 hours, its id a UUIDv7 of its start', () => {
    for (const [id, list] of sessions) {
      expect(uuidv7Time(id)).toBe(ms(list[0]));
      for (let i = 1; i < list.length; i++) expect(ms(list[i]) - ms(list[i - 1])).toBeLessThanOrEqual(SESSION_IDLE_MS);
      expect(ms(list[list.length - 1]) - ms(list[0])).toBeLessThanOrEqual(SESSION_MAX_MS);
    }
  });

  it('starts a new session on a device exactly when posthog-js would (idle or 24 hours)', () => {
    const reasons = { idle: 0, maxAge: 0 };
    for (const list of devices.values()) {
      let sessionStart = ms(list[0]);
      for (let i = 1; i < list.length; i++) {
        const idle = ms(list[i]) - ms(list[i - 1]) > SESSION_IDLE_MS;
        const old = ms(list[i]) - sessionStart > SESSION_MAX_MS;
        const rotated = str(list[i], '$session_id') !== str(list[i - 1], '$session_id');
        expect(rotated).toBe(idle || old);
        if (rotated) {
          sessionStart = ms(list[i]);
          reasons[idle ? 'idle' : 'maxAge']++;
        }
      }
    }
    expect(reasons.idle).toBeGreaterThan(0);
    expect(reasons.maxAge).toBeGreaterThan(0);
  });

  it('identifies only from an anonymous id seen earlier, and merges second devices', () => {
    const seen = new Set<string>();
    const anonsOf = new Map<string, Set<string>>();
    let identifies = 0;
    for (const e of events) {
      if (e.event === '$identify') {
        identifies++;
        const anon = str(e, '$anon_distinct_id');
        expect(seen.has(anon)).toBe(true);
        expect(anon).toBe(e.properties.$device_id);
        expect(e.distinct_id).not.toBe(anon);
        expect(Object.keys(e.properties.$set as object).sort()).toEqual(['email', 'name', 'plan']);
        anonsOf.set(e.distinct_id, new Set([...(anonsOf.get(e.distinct_id) ?? []), anon]));
      }
      seen.add(e.distinct_id);
    }
    expect(identifies).toBeGreaterThan(20);
    expect([...anonsOf.values()].some((anons) => anons.size > 1)).toBe(true);
  });

  it('aliases identified users to a second id', () => {
    const identified = new Set<string>();
    const aliases = events.filter((e) => {
      if (e.event === '$identify') identified.add(e.distinct_id);
      if (e.event !== '$create_alias') return false;
      expect(identified.has(e.distinct_id)).toBe(true);
      expect(e.properties.distinct_id).toBe(e.distinct_id);
      expect(str(e, 'alias')).toMatch(/^crm-\d+$/);
      return true;
    });
    expect(aliases.length).toBeGreaterThan(0);
  });

  it('names companies with $groupidentify and carries $groups on later events', () => {
    const groupsOf = new Map<string, string>();
    let carried = 0;
    for (const e of events) {
      if (e.event === '$groupidentify') {
        expect(e.properties.$group_type).toBe('company');
        expect(Object.keys(e.properties.$group_set as object).sort()).toEqual(['employees', 'industry', 'name']);
        groupsOf.set(str(e, '$device_id'), str(e, '$group_key'));
      }
      const key = groupsOf.get(str(e, '$device_id'));
      if (key) {
        expect(e.properties.$groups).toEqual({ company: key });
        carried++;
      }
    }
    expect(groupsOf.size).toBeGreaterThan(0);
    expect(carried).toBeGreaterThan(groupsOf.size);
  });

  it("sends $set_once with the device's first page on its first event", () => {
    for (const [, list] of devices) {
      const first = list[0];
      const setOnce = first.properties.$set_once as Record<string, unknown>;
      expect(first.event).toBe('$pageview');
      expect(setOnce.$initial_current_url).toBe(first.properties.$current_url);
      expect(setOnce.$initial_referring_domain).toBe(first.properties.$referring_domain);
      for (const key of ['utm_source', 'utm_medium', 'gclid', 'fbclid']) expect(setOnce[`$initial_${key}`]).toBe(first.properties[key]);
    }
  });

  // Each arrival kind by the signals PostHog's channel type reads, on each session's first event.
  const ARRIVALS: [string, (e: CaptureEvent) => boolean][] = [
    ['direct', (e) => e.properties.$referring_domain === '$direct' && !e.properties.utm_source],
    ['google organic', (e) => e.properties.$referring_domain === 'www.google.com' && !e.properties.gclid && !e.properties.utm_medium],
    ['bing organic', (e) => e.properties.$referring_domain === 'www.bing.com' && !e.properties.msclkid],
    ['duckduckgo', (e) => e.properties.$referring_domain === 'duckduckgo.com'],
    ['google ads (gclid)', (e) => typeof e.properties.gclid === 'string' && e.properties.gad_source === '1'],
    ['bing ads (msclkid)', (e) => typeof e.properties.msclkid === 'string'],
    ['cpc', (e) => e.properties.utm_medium === 'cpc'],
    ['facebook', (e) => /facebook\.com$/.test(str(e, '$referring_domain'))],
    ['twitter', (e) => e.properties.$referring_domain === 't.co'],
    ['linkedin', (e) => e.properties.$referring_domain === 'www.linkedin.com'],
    ['youtube', (e) => e.properties.$referring_domain === 'www.youtube.com'],
    ['email', (e) => e.properties.utm_medium === 'email'],
    ['affiliate', (e) => e.properties.utm_medium === 'affiliate'],
    ['referral', (e) => e.properties.$referring_domain === 'news.ycombinator.com'],
  ];
  it.each(ARRIVALS)('has sessions arriving by %s', (_, matches) => {
    const entries = [...sessions.values()].map((list) => list[0]);
    expect(entries.filter(matches).length).toBeGreaterThan(0);
  });

  it('brings new visitors more in the afternoon than at night (UTC)', () => {
    const hours = [...devices.values()].map((list) => new Date(list[0].timestamp).getUTCHours());
    const afternoon = hours.filter((h) => h >= 12 && h < 18).length;
    const night = hours.filter((h) => h < 6).length;
    expect(afternoon).toBeGreaterThan(2 * night);
  });

  it('has bounces and long sessions', () => {
    const counts = [...sessions.values()].map((list) => ({
      pageviews: list.filter((e) => e.event === '$pageview').length,
      autocaptures: list.filter((e) => e.event === '$autocapture').length,
      seconds: (ms(list[list.length - 1]) - ms(list[0])) / 1000,
    }));
    expect(counts.some((c) => c.pageviews === 1 && c.autocaptures === 0 && c.seconds < 10)).toBe(true);
    expect(counts.some((c) => c.pageviews >= 12)).toBe(true);
  });

  it('writes autocapture chains Lasso can parse, and links pageviews to the one before', () => {
    const autocaptures = events.filter((e) => e.event === '$autocapture' || e.event === '$rageclick');
    expect(new Set(autocaptures.map((e) => e.properties.$event_type))).toEqual(new Set(['click', 'change', 'submit']));
    for (const e of autocaptures) expect(parseElementsChain(str(e, '$elements_chain')).length).toBeGreaterThan(1);
    const pageviews = new Map(events.filter((e) => e.event === '$pageview').map((e) => [e.uuid, e]));
    const linked = events.filter((e) => e.properties.$prev_pageview_id !== undefined);
    expect(linked.some((e) => e.event === '$pageview')).toBe(true);
    for (const e of linked) expect(pageviews.get(str(e, '$prev_pageview_id'))?.properties.$pathname).toBe(e.properties.$prev_pageview_pathname);
  });
});

describe('generateSiteEvents: merge edge cases (quirks)', () => {
  // PostHog's illegal ids (data-model.md): case-insensitive ones, then exact ones.
  const illegal = (id: string) =>
    ['anonymous', 'guest', 'distinctid', 'distinct_id', 'id', 'not_authenticated', 'email', 'undefined', 'true', 'false'].includes(id.toLowerCase()) ||
    ['[object Object]', 'NaN', 'None', 'none', 'null', '0'].includes(id);
  // A user id the generator gives (an account id or an email), other than the sender's own.
  const otherUserId = (e: CaptureEvent) => /^(usr_[0-9a-z]{12}|[^@\s]+@example\.org)$/.test(str(e, 'alias')) && str(e, 'alias') !== e.distinct_id;
  const QUIRKS: [string, (e: CaptureEvent) => boolean][] = [
    ['$identify as an illegal id', (e) => e.event === '$identify' && illegal(e.distinct_id)],
    ["$create_alias to another person's user id", (e) => e.event === '$create_alias' && otherUserId(e)],
    ["$merge_dangerously with another person's user id", (e) => e.event === '$merge_dangerously' && otherUserId(e)],
    ['$unset of a person property', (e) => Array.isArray(e.properties.$unset) && e.properties.$unset.includes('plan')],
  ];
  let withQuirks: CaptureEvent[];
  let without: CaptureEvent[];

  beforeAll(() => {
    const options = { ...BASE, persons: 1000, days: 10 };
    withQuirks = [...generateSiteEvents({ ...options, quirks: true })];
    without = [...generateSiteEvents(options)];
  }, 60_000);

  it.each(QUIRKS)('has %s only when asked', (_, matches) => {
    expect(withQuirks.filter(matches).length).toBeGreaterThan(0);
    expect(without.filter(matches).length).toBe(0);
  });

  it('still passes the event check', () => {
    expect(withQuirks.map(captureEventProblem).filter((p) => p !== null)).toEqual([]);
  });
});

describe('generateSiteEvents: streaming and options', () => {
  it('streams 200,000 events without keeping them', () => {
    // Live heap after a full collection: what the generator holds, not garbage awaiting GC.
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = live();
    let count = 0;
    let peak = 0;
    for (const e of generateSiteEvents({ seed: 3, persons: 5000, start: '2026-09-01T00:00:00.000Z', days: 30, limit: 200_000 })) {
      count++;
      if (count % 25_000 === 0 && e.uuid) peak = Math.max(peak, live() - before);
    }
    expect(count).toBe(200_000);
    // Kept, these 200k events would hold about 400 MB.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it.each([
    [{ seed: 1.5 }, /seed/],
    [{ persons: 0 }, /persons/],
    [{ start: 'yesterday' }, /start/],
    [{ days: 0 }, /days/],
    [{ limit: -1 }, /limit/],
    [{ sites: [] }, /sites/],
    [{ sites: ['Shop.Example.com/x'] }, /sites/],
  ] as [Partial<SiteEventsOptions>, RegExp][])('refuses bad option %o', (bad, message) => {
    expect(() => generateSiteEvents({ ...BASE, ...bad }).next()).toThrow(message);
  });

  it('chunks and writes JSON Lines', () => {
    const events = [...generateSiteEvents({ ...BASE, persons: 20, days: 2, limit: 250 })];
    expect([...chunked(events, 100)].map((c) => c.length)).toEqual([100, 100, 50]);
    const text = [...eventsToJsonl(events, 100)].join('');
    expect(text.split('\n').slice(0, -1).map((line) => JSON.parse(line))).toEqual(events);
  });
});
