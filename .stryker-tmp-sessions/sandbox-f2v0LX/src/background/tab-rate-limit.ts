// @ts-nocheck
import { DEFAULT_RATE_LIMIT, RATE_LIMIT_WARNING_EVENT, RateLimiter, type RateLimitConfig } from '../autocapture/rate-limit';
import type { CaptureEvent } from '../events/types';
import { uuidv7 } from '../events/uuid';

/** At most one warning per tab this often; drops in between are added to the next one. */
export const TAB_WARNING_INTERVAL_MS = 1000;
/** Tabs remembered before idle ones (bucket full again, nothing unreported) are forgotten. */
const MAX_IDLE_TABS = 50;
/** What a warning copies from a dropped event: where and whose it was. */
const CONTEXT_KEYS = ['$current_url', '$host', '$pathname', '$session_id', '$window_id', '$lasso_window_id', '$device_id', '$lib', '$lib_version'];

interface TabState {
  limiter: RateLimiter;
  /** The limiter's clock: the capture time of the event being judged. */
  clock: { at: number };
  /** Dropped and not yet reported. */
  dropped: number;
  /** The last dropped event: the warning says where it happened. */
  template?: CaptureEvent;
  warnedAt: number;
  seenAt: number;
}

/**
 * The background's second rate limit, per tab: posthog-js's token bucket (see
 * src/autocapture/rate-limit.ts) over everything a tab sends — all its frames, across reloads —
 * since each frame's (and each load's) own bucket in the capture script starts full. Warnings
 * (`$$client_ingestion_warning`) pass without a token, as in posthog-js. When events are dropped,
 * one warning event with the count is stored (at most one per tab per TAB_WARNING_INTERVAL_MS;
 * drops after it are reported with the tab's next message). Events are judged at their capture
 * time (see timeOf); `now` (ms) times the warnings.
 */
export function createTabRateLimit(now: () => number = Date.now, config: RateLimitConfig = DEFAULT_RATE_LIMIT) {
  const tabs = new Map<number, TabState>();
  const idleMs = (config.burstLimit / config.eventsPerSecond) * 1000;
  const forgetIdle = (t: number) => {
    if (tabs.size <= MAX_IDLE_TABS) return;
    for (const [id, tab] of tabs) if (!tab.dropped && t - tab.seenAt > idleMs) tabs.delete(id);
  };
  return {
    /** The events of one ingest message from `tabId` that may be stored, a warning appended when due. */
    admit(tabId: number, events: readonly CaptureEvent[]): CaptureEvent[] {
      const t = now();
      forgetIdle(t);
      let tab = tabs.get(tabId);
      if (!tab) {
        const clock = { at: timeOf(events[0], t) };
        tab = { limiter: new RateLimiter(() => clock.at, config), clock, dropped: 0, warnedAt: -Infinity, seenAt: t };
        tabs.set(tabId, tab);
      }
      tab.seenAt = t;
      const kept: CaptureEvent[] = [];
      for (const event of events) {
        tab.clock.at = timeOf(event, t);
        if (event.event === RATE_LIMIT_WARNING_EVENT || !tab.limiter.take().limited) kept.push(event);
        else {
          tab.dropped++;
          tab.template = event;
        }
      }
      if (tab.dropped && tab.template && t - tab.warnedAt >= TAB_WARNING_INTERVAL_MS) {
        kept.push(warningEvent(tab.template, tab.dropped, t, config));
        tab.dropped = 0;
        tab.warnedAt = t;
      }
      return kept;
    },
  };
}

/**
 * When an event was captured (its timestamp, set by the capture script in its own world — the page
 * cannot change that clock). Judging events at capture time, not arrival, gives a batch the refill
 * its frame's bucket saw, so one frame's events are never dropped here that passed there.
 */
const timeOf = (event: CaptureEvent | undefined, fallback: number): number => {
  const t = event ? Date.parse(event.timestamp) : NaN;
  // Never later than now: one event stamped in the future would hold the bucket's refill back.
  return Number.isFinite(t) ? Math.min(t, fallback) : fallback;
};

function warningEvent(template: CaptureEvent, dropped: number, t: number, { eventsPerSecond, burstLimit }: RateLimitConfig): CaptureEvent {
  const uuid = uuidv7(t);
  const properties: CaptureEvent['properties'] = { $insert_id: uuid };
  for (const key of CONTEXT_KEYS) if (key in template.properties) properties[key] = template.properties[key];
  properties.$$client_ingestion_warning_message = `lasso tab rate limited: ${dropped} event(s) from one tab dropped since the last warning, ` +
    `triggered on ${String(template.properties.$current_url ?? '')}. Config is set to ${eventsPerSecond} events per second and ${burstLimit} events burst limit per tab.`;
  return { uuid, event: RATE_LIMIT_WARNING_EVENT, distinct_id: template.distinct_id, timestamp: new Date(t).toISOString(), properties };
}
