import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { addEvent, emptySession, finish, isBounce, sessionKey, sessionsFromEvents, type SessionAccumulator } from '../../src/sessions';
import { rng } from '../fixtures/generate-events';

const S1 = '0192f0a0-0000-7000-8000-00000000aaaa';
const S2 = '0192f0a0-0000-7000-8000-00000000bbbb';
const T0 = Date.parse('2026-11-28T10:00:00.500Z');

let counter = 0;
/** A v7-shaped uuid; `n` fixes its order among events of the same millisecond. */
const uuid = (n = ++counter): string => `0192f0a0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function ev(event: string, atMs: number, properties: Record<string, unknown> = {}, extra: Partial<CaptureEvent> = {}): CaptureEvent {
  return {
    uuid: uuid(),
    event,
    distinct_id: 'anon-1',
    timestamp: new Date(atMs).toISOString(),
    properties: { $session_id: S1, ...properties },
    ...extra,
  };
}

const only = (events: CaptureEvent[]): Record<string, unknown> => {
  const rows = sessionsFromEvents(events);
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('sessionsFromEvents: every session property', () => {
  const landing = 'https://shop.test/landing?utm_source=google&gclid=abc';
  const clickIds = {
    gclid: 'abc', gad_source: '1', gclsrc: 'aw.ds', dclid: 'dc', gbraid: 'gb', wbraid: 'wb', fbclid: 'fb', msclkid: 'ms',
    twclid: 'tw', li_fat_id: 'li', mc_cid: 'mc', igshid: 'ig', ttclid: 'tt', _kx: 'kx', irclid: 'ir',
  };
  const events = [
    ev('$pageview', T0, {
      $current_url: landing, $referring_domain: 'www.google.com', utm_source: 'google', utm_medium: 'cpc',
      utm_campaign: 'Spring', utm_term: 'shoes', utm_content: 'ad1', ...clickIds,
    }),
    ev('$autocapture', T0 + 5_000, { $current_url: landing, $web_vitals_LCP_value: '1234.5' }),
    ev('$screen', T0 + 30_000, {}),
    // Later events carry other values; the entry values must still come from the first event.
    ev('$pageview', T0 + 65_200, {
      $current_url: 'https://shop.test/cart#top', $referring_domain: 'shop.test', utm_source: 'bing',
      $external_click_url: 'https://partner.test/x', $web_vitals_LCP_value: 99,
    }, { distinct_id: 'user-1' }),
  ];
  // Derived inside each test, not while they are collected: a mutant that makes the derivation
  // throw then fails these tests instead of stopping the file from loading (which Stryker counts
  // as "survived"). Not memoised either: Stryker runs a mutant only against the tests that ran
  // its code, and a cached row would have run it in the first test only.
  const row = (): Record<string, unknown> => only(events);

  const expected: Array<[string, unknown]> = [
    ['$session_id', S1],
    ['distinct_id', 'user-1'],
    ['$start_timestamp', '2026-11-28T10:00:00.500Z'],
    ['$end_timestamp', '2026-11-28T10:01:05.700Z'],
    ['$session_duration', 65],
    ['$urls', ['https://shop.test/cart#top', landing]],
    ['$num_uniq_urls', 2],
    ['$entry_current_url', landing],
    ['$entry_pathname', '/landing'],
    ['$entry_hostname', 'shop.test'],
    ['$end_current_url', 'https://shop.test/cart#top'],
    ['$end_pathname', '/cart'],
    ['$end_hostname', 'shop.test'],
    ['$entry_referring_domain', 'www.google.com'],
    ['$entry_utm_source', 'google'],
    ['$entry_utm_campaign', 'Spring'],
    ['$entry_utm_medium', 'cpc'],
    ['$entry_utm_term', 'shoes'],
    ['$entry_utm_content', 'ad1'],
    ...Object.entries(clickIds).map(([k, v]): [string, unknown] => [`$entry_${k}`, v]),
    ['$pageview_count', 2],
    ['$autocapture_count', 1],
    ['$screen_count', 1],
    ['$channel_type', 'Paid Search'],
    ['$is_bounce', false],
    ['$last_external_click_url', 'https://partner.test/x'],
    ['$vitals_lcp', 1234.5],
  ];

  it.each(expected)('%s', (key, value) => {
    expect(row()[key]).toEqual(value);
  });

  it('has exactly those keys', () => {
    expect(Object.keys(row()).sort()).toEqual(expected.map(([key]) => key).sort());
  });
});

describe('sessionsFromEvents: entry and end edges', () => {
  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['the earliest event decides the entry even without a URL (argMin over all events)',
      [ev('$pageleave', T0), ev('$pageview', T0 + 1000, { $current_url: 'https://a.test/x' })],
      { $entry_current_url: null, $entry_pathname: null, $entry_hostname: null, $end_current_url: 'https://a.test/x' }],
    ['"null", "" and non-strings count as missing',
      [ev('$pageview', T0, { utm_source: 'null', utm_medium: '', utm_campaign: 42, $referring_domain: '$direct' })],
      { $entry_utm_source: null, $entry_utm_medium: null, $entry_utm_campaign: null, $channel_type: 'Direct' }],
    ['a host without a dot has an empty hostname (ClickHouse domain())',
      [ev('$pageview', T0, { $current_url: 'http://localhost:5174/p?q=1' })],
      { $entry_hostname: '', $entry_pathname: '/p' }],
    ['the last event decides the end URL even when it has none',
      [ev('$pageview', T0, { $current_url: 'https://a.test/x' }), ev('$pageleave', T0 + 500)],
      { $end_current_url: null, $end_pathname: null, $last_external_click_url: null }],
    ['an outbound click only counts when it is the last event (argMax)',
      [ev('$autocapture', T0, { $external_click_url: 'https://out.test/' }), ev('$pageview', T0 + 1)],
      { $last_external_click_url: null }],
    ['an upper-case session id joins the lower-case one',
      [ev('$pageview', T0, { $session_id: S1.toUpperCase() }), ev('$pageview', T0 + 1)],
      { $session_id: S1, $pageview_count: 2 }],
  ])('%s', (_name, events, expected) => {
    expect(only(events)).toMatchObject(expected);
  });

  it('breaks a time tie by uuid: smallest uuid is the entry, largest the end', () => {
    const a = ev('$pageview', T0, { $current_url: 'https://a.test/1' }, { uuid: uuid(0x10) });
    const b = ev('$pageview', T0, { $current_url: 'https://a.test/2' }, { uuid: uuid(0x20) });
    for (const events of [[a, b], [b, a]]) {
      expect(only(events)).toMatchObject({ $entry_current_url: 'https://a.test/1', $end_current_url: 'https://a.test/2' });
    }
    // By uuid, not by the event's content: here the content orders them the other way round.
    const idFirst = ({ distinct_id, ...rest }: CaptureEvent): CaptureEvent => ({ distinct_id, ...rest });
    const first = idFirst(ev('$pageview', T0, { $current_url: 'https://a.test/1' }, { uuid: uuid(0x30), distinct_id: 'z' }));
    const second = idFirst(ev('$pageview', T0, { $current_url: 'https://a.test/2' }, { uuid: uuid(0x40), distinct_id: 'a' }));
    expect(JSON.stringify(second) < JSON.stringify(first)).toBe(true);
    for (const events of [[first, second], [second, first]]) {
      expect(only(events)).toMatchObject({ $entry_current_url: 'https://a.test/1', $end_current_url: 'https://a.test/2' });
    }
  });

  it('counts a uuid once', () => {
    const pv = ev('$pageview', T0);
    expect(only([pv, { ...pv }, ev('$autocapture', T0 + 1)])).toMatchObject({ $pageview_count: 1, $autocapture_count: 1 });
  });

  it('ignores events without a UUIDv7 session id', () => {
    const events = [
      ev('$pageview', T0, { $session_id: undefined }),
      ev('$pageview', T0, { $session_id: '6f1c2d3e-0000-4000-8000-000000000001' }), // v4
      ev('$pageview', T0, { $session_id: 'not-a-uuid' }),
      ev('$pageview', T0, { $session_id: 7 }),
      ev('$pageview', T0, { $session_id: [S1] }), // reads as S1 once stringified: still not a string
      ev('$pageview', T0, { $session_id: `${S1}x` }), // a UUIDv7 with more around it
      ev('$pageview', T0, { $session_id: `x${S1}` }),
      { ...ev('$pageview', T0), properties: undefined } as unknown as CaptureEvent, // no properties at all
      ev('$pageview', T0, { $session_id: S2 }),
    ];
    expect(sessionsFromEvents(events).map((r) => r.$session_id)).toEqual([S2]);
  });

  it('sorts rows by start time, then id', () => {
    // The later session id starts with the smaller event uuid: the order is by id, not by event.
    const rows = sessionsFromEvents([
      ev('$pageview', T0 + 10, { $session_id: S1 }),
      ev('$pageview', T0, { $session_id: S2 }, { uuid: uuid(0x60) }),
      ev('$pageview', T0, { $session_id: '0192f0a0-0000-7000-8000-00000000cccc' }, { uuid: uuid(0x50) }),
    ]);
    expect(rows.map((r) => r.$session_id)).toEqual([S2, '0192f0a0-0000-7000-8000-00000000cccc', S1]);
  });

  it('sorts rows by start time, then id, whatever order the sessions were first seen in', () => {
    const S3 = '0192f0a0-0000-7000-8000-00000000cccc';
    for (const [u2, u3] of [[0x60, 0x50], [0x50, 0x60]]) {
      const rows = sessionsFromEvents([
        ev('$pageview', T0, { $session_id: S3 }, { uuid: uuid(u3) }),
        ev('$pageview', T0, { $session_id: S2 }, { uuid: uuid(u2) }),
      ]);
      expect(rows.map((r) => r.$session_id)).toEqual([S2, S3]);
    }
  });

  // The store keeps one copy of a uuid; when two copies differ, the earliest (then the smallest
  // content) is the one that counts, so the rows do not depend on arrival order.
  it.each<[string, CaptureEvent, CaptureEvent, Record<string, unknown>]>([
    ['at different times: the earlier copy',
      ev('$pageview', T0, { $current_url: 'https://a.test/early' }, { uuid: uuid(0x70) }),
      ev('$autocapture', T0 + 5000, { $current_url: 'https://a.test/late' }, { uuid: uuid(0x70) }),
      { $pageview_count: 1, $autocapture_count: 0, $entry_current_url: 'https://a.test/early', $session_duration: 0 }],
    ['at the same time: the copy whose content sorts first ("$autocapture" < "$pageview")',
      ev('$pageview', T0, {}, { uuid: uuid(0x71) }),
      ev('$autocapture', T0, {}, { uuid: uuid(0x71) }),
      { $pageview_count: 0, $autocapture_count: 1 }],
  ])('a uuid sent twice with different content %s counts', (_name, a, b, expected) => {
    expect(only([a, b])).toMatchObject(expected);
    expect(only([b, a])).toMatchObject(expected);
  });

  it('refuses a timestamp that is not a string, even one that would read as a date', () => {
    const bad = ev('$pageview', T0, {}, { timestamp: [new Date(T0).toISOString()] as unknown as string });
    expect(() => sessionsFromEvents([bad])).toThrow(`event ${bad.uuid} has an unreadable timestamp`);
  });

  it('counts pageviews, autocaptures and screens, and nothing else', () => {
    const events = ['$pageview', '$autocapture', '$screen', '$pageleave', 'signup', '$identify'].map((name, i) => ev(name, T0 + i));
    expect(only(events)).toMatchObject({ $pageview_count: 1, $autocapture_count: 1, $screen_count: 1 });
  });

  it('keeps the entry $host on the accumulator (the store lists a site\'s sessions by it)', () => {
    const acc = addEvent(emptySession(), ev('$pageview', T0, { $host: 'shop.test' }));
    expect(acc.first?.props.$host).toBe('shop.test');
  });

  it('names the event whose timestamp cannot be read', () => {
    const bad = ev('$pageview', T0, {}, { timestamp: 'yesterday' });
    expect(() => sessionsFromEvents([bad])).toThrow(`event ${bad.uuid} has an unreadable timestamp "yesterday"`);
  });
});

describe('$is_bounce (PostHog: null without pageviews; else not (pageviews > 1 or autocaptures > 0 or duration >= 10 s))', () => {
  it.each<[string, Array<[string, number]>, boolean | null]>([
    ['no pageview', [['$autocapture', 0]], null],
    ['one pageview, nothing else', [['$pageview', 0]], true],
    ['one pageview, 9 s', [['$pageview', 0], ['$pageleave', 9_000]], true],
    ['one pageview, 10 s', [['$pageview', 0], ['$pageleave', 10_000]], false],
    ['9.2 s elapsed but 10 second boundaries crossed (dateDiff)', [['$pageview', 400], ['$pageleave', 9_600]], false],
    ['9.999 s within 9 boundaries', [['$pageview', -500], ['$pageleave', 9_499]], true],
    ['two pageviews in the same second', [['$pageview', 0], ['$pageview', 1]], false],
    ['one pageview and one autocapture', [['$pageview', 0], ['$autocapture', 1]], false],
    ['a screen does not count', [['$pageview', 0], ['$screen', 1]], true],
    ['a rage click does not count', [['$pageview', 0], ['$rageclick', 1]], true],
  ])('%s', (_name, spec, expected) => {
    expect(only(spec.map(([name, offset]) => ev(name, T0 + offset))).$is_bounce).toBe(expected);
  });

  it.each<[number, number, number, boolean | null]>([
    [0, 5, 100, null],
    [1, 0, 9, true],
    [1, 0, 10, false],
    [2, 0, 0, false],
    [1, 1, 0, false],
  ])('isBounce(%i pageviews, %i autocaptures, %i s) = %s', (pageviews, autocaptures, seconds, expected) => {
    expect(isBounce(pageviews, autocaptures, seconds)).toBe(expected);
  });
});

/** Seeded random sessions: ties in time, duplicate uuids, all kinds of events and attribution. */
function randomEvents(seed: number): CaptureEvent[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const sessions = [S1, S2, '0192f0a0-0000-7000-8000-00000000cccc', undefined];
  const events: CaptureEvent[] = [];
  const count = 5 + Math.floor(r() * 40);
  for (let i = 0; i < count; i++) {
    if (events.length && r() < 0.1) {
      events.push({ ...pick(events) }); // the same uuid again
      continue;
    }
    events.push({
      uuid: uuid(1 + Math.floor(r() * 5000)),
      event: pick(['$pageview', '$pageview', '$autocapture', '$pageleave', '$screen', 'signup']),
      distinct_id: pick(['anon-1', 'anon-2', 'user-1']),
      timestamp: new Date(T0 + Math.floor(r() * 8) * 2_500).toISOString(),
      properties: {
        $session_id: pick(sessions),
        $current_url: pick(['https://a.test/', 'https://a.test/cart?x=1', '', undefined]),
        $referring_domain: pick(['$direct', 'www.google.com', 'l.facebook.com', 'blog.example.com']),
        utm_source: pick([undefined, 'google', 'newsletter']),
        utm_medium: pick([undefined, 'cpc', 'email']),
        gclid: pick([undefined, 'g1']),
        $external_click_url: pick([undefined, 'https://out.test/']),
        $web_vitals_LCP_value: pick([undefined, 800, '950.5']),
      },
    });
  }
  return events;
}

function shuffled<T>(xs: T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// PostHog reads $web_vitals_LCP_value as a number: a number, or a string holding one (ClickHouse's
// toFloat: surrounding whitespace, a sign, a fraction, an exponent); anything else is no value.
describe('$vitals_lcp: the earliest readable LCP value', () => {
  it.each<[unknown, number | null]>([
    [1234.5, 1234.5],
    [0, 0],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    ['12', 12],
    [' 12.5 ', 12.5],
    ['12 ', 12],
    ['+3', 3],
    ['-3', -3],
    ['5.', 5],
    ['.5', 0.5],
    ['.55', 0.55],
    ['1e3', 1000],
    ['1e+3', 1000],
    ['1E-2', 0.01],
    ['1e10', 1e10],
    ['x12', null],
    ['12x', null],
    ['12px', null],
    ['1 2', null],
    ['.', null],
    ['1e', null],
    ['', null],
    [['12'], null], // not a string, though it stringifies to one
    [true, null],
  ])('%j → %j', (value, expected) => {
    expect(only([ev('$pageview', T0, { $web_vitals_LCP_value: value })]).$vitals_lcp).toBe(expected);
  });

  it('takes the earliest event that has a value, not the first one seen', () => {
    const late = ev('$pageview', T0 + 1000, { $web_vitals_LCP_value: 900 });
    const early = ev('$pageview', T0, { $web_vitals_LCP_value: '700' });
    const none = ev('$pageview', T0 - 1000, { $web_vitals_LCP_value: 'n/a' });
    expect(only([late, none, early]).$vitals_lcp).toBe(700);
  });
});

describe('order independence (seeded property tests)', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: shuffled input gives the same rows', (seed) => {
    const events = randomEvents(seed);
    const expected = sessionsFromEvents(events);
    expect(expected.length).toBeGreaterThan(0);
    expect(sessionsFromEvents(shuffled(events, rng(seed * 7919)))).toEqual(expected);
  });

  it.each(seeds)('seed %i: the accumulator fed in random order gives the fold', (seed) => {
    const events = randomEvents(seed);
    // The store keeps the first copy of a uuid; in (time, uuid, content) order that is the one the fold keeps.
    const byTime = [...events].sort(
      (a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.uuid.localeCompare(b.uuid) || JSON.stringify(a).localeCompare(JSON.stringify(b)),
    );
    const stored = [...new Map(byTime.reverse().map((e) => [e.uuid, e])).values()];
    const accumulators = new Map<string, SessionAccumulator>();
    for (const e of shuffled(stored, rng(seed * 104729))) {
      const id = sessionKey(e);
      if (id === null) continue;
      if (!accumulators.has(id)) accumulators.set(id, emptySession());
      addEvent(accumulators.get(id) as SessionAccumulator, e);
    }
    const byId = (xs: Array<Record<string, unknown>>) => [...xs].sort((a, b) => String(a.$session_id).localeCompare(String(b.$session_id)));
    expect(byId([...accumulators.values()].map(finish))).toEqual(byId(sessionsFromEvents(events)));
  });
});

describe('accumulator errors', () => {
  it.each<[string, () => unknown, string]>([
    ['an event of another session', () => addEvent(addEvent(emptySession(), ev('$pageview', T0)), ev('$pageview', T0, { $session_id: S2 })), `belongs to session ${S2}, not ${S1}`],
    ['an event without a session id', () => addEvent(emptySession(), ev('$pageview', T0, { $session_id: undefined })), 'has no UUIDv7 $session_id'],
    ['finishing an empty session', () => finish(emptySession()), 'cannot finish a session without events'],
  ])('%s is refused', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
