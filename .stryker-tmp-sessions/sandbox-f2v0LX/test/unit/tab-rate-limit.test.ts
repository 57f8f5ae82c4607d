// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_WARNING_EVENT } from '../../src/autocapture/rate-limit';
import { createTabRateLimit } from '../../src/background/tab-rate-limit';
import type { CaptureEvent } from '../../src/events/types';

let n = 0;
/** An event captured at `at` ms. */
const ev = (at = 0, event = '$autocapture'): CaptureEvent => ({
  uuid: `u${++n}`, event, distinct_id: 'd', timestamp: new Date(at).toISOString(),
  properties: { $current_url: 'http://shop.test/', $host: 'shop.test', $session_id: 's', $lasso_window_id: 'lw', $elements_chain: 'button:nth-child="1"' },
});
const many = (count: number, at = 0) => Array.from({ length: count }, () => ev(at));

/** One ingest message: at `at` ms, from `tab`, with `events`. */
type Call = { at: number; tab: number; events: CaptureEvent[] };
/** What one message stored: how many of its own events, and the count a warning reported (if any). */
type Outcome = { kept: number; warned: number | null };

function run(calls: Call[]): Outcome[] {
  let t = 0;
  const limit = createTabRateLimit(() => t);
  return calls.map((call) => {
    t = call.at;
    const out = limit.admit(call.tab, call.events);
    const warnings = out.filter((e) => e.event === RATE_LIMIT_WARNING_EVENT && !call.events.includes(e));
    expect(warnings.length).toBeLessThanOrEqual(1);
    const warned = warnings[0] ? Number(/: (\d+) event/.exec(String(warnings[0].properties.$$client_ingestion_warning_message))![1]) : null;
    return { kept: out.length - warnings.length, warned };
  });
}

describe('the per-tab rate limit in the background (posthog-js: burst 100, 10/s)', () => {
  it.each<[string, Call[], Outcome[]]>([
    ['a burst of 100 passes', [{ at: 0, tab: 1, events: many(100) }], [{ kept: 100, warned: null }]],
    ['150 at once: 100 stored, one warning for 50', [{ at: 0, tab: 1, events: many(150) }], [{ kept: 100, warned: 50 }]],
    ['two frames of one tab share the bucket', [{ at: 0, tab: 1, events: many(60) }, { at: 0, tab: 1, events: many(60) }],
      [{ kept: 60, warned: null }, { kept: 40, warned: 20 }]],
    ['a reload (a fresh content script) does not refill it', [{ at: 0, tab: 1, events: many(100) }, { at: 50, tab: 1, events: many(10, 50) }],
      [{ kept: 100, warned: null }, { kept: 0, warned: 10 }]],
    ['it refills at 10 per second', [{ at: 0, tab: 1, events: many(100) }, { at: 1000, tab: 1, events: many(10, 1000) }],
      [{ kept: 100, warned: null }, { kept: 10, warned: null }]],
    ['other tabs have their own bucket', [{ at: 0, tab: 1, events: many(150) }, { at: 0, tab: 2, events: many(50) }],
      [{ kept: 100, warned: 50 }, { kept: 50, warned: null }]],
    ["the capture script's warnings need no token", [{ at: 0, tab: 1, events: [...many(100), ev(0, RATE_LIMIT_WARNING_EVENT)] }],
      [{ kept: 101, warned: null }]],
    ['one warning a second; drops in between go into the next', [
      { at: 0, tab: 1, events: many(110) },
      { at: 100, tab: 1, events: many(10, 100) },
      { at: 1100, tab: 1, events: many(1, 1100) },
    ], [{ kept: 100, warned: 10 }, { kept: 1, warned: null }, { kept: 1, warned: 9 }]],
    ['a batch delivered late is judged at capture time, as its frame judged it', [
      { at: 5000, tab: 1, events: [...many(100, 0), ...many(10, 1000)] },
    ], [{ kept: 110, warned: null }]],
    ['events captured earlier than ones already judged get no refill', [
      { at: 2000, tab: 1, events: many(100, 2000) },
      { at: 2000, tab: 1, events: many(10, 500) },
    ], [{ kept: 100, warned: null }, { kept: 0, warned: 10 }]],
    ['an event stamped in the future counts as now', [
      { at: 0, tab: 1, events: many(1, 3_600_000) },
      { at: 10_000, tab: 1, events: many(100, 10_000) },
    ], [{ kept: 1, warned: null }, { kept: 100, warned: null }]],
  ])('%s', (_name, calls, outcomes) => {
    expect(run(calls)).toEqual(outcomes);
  });

  it('the warning says where and whose, never what was clicked', () => {
    let t = 0;
    const limit = createTabRateLimit(() => t);
    const out = limit.admit(3, many(101));
    const warning = out.at(-1)!;
    expect(warning).toMatchObject({ event: RATE_LIMIT_WARNING_EVENT, distinct_id: 'd' });
    expect(warning.properties).toMatchObject({ $current_url: 'http://shop.test/', $host: 'shop.test', $session_id: 's', $lasso_window_id: 'lw' });
    expect(warning.properties).not.toHaveProperty('$elements_chain');
    expect(new Set(out.map((e) => e.uuid)).size).toBe(out.length);
    t = 1; // still limited, and within the warning interval: nothing stored, counted for the next warning
    expect(limit.admit(3, many(1, 1))).toEqual([]);
  });
});
