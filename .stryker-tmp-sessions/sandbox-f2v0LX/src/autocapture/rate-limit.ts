/**
 * posthog-js 1.449.2's client-side rate limit (`RateLimiter.clientRateLimitContext`), so a page
 * that loops cannot flood the store and Lasso keeps (and drops) what posthog-js would send.
 *
 * A token bucket: it starts full at `burstLimit` tokens and refills continuously at
 * `eventsPerSecond` (never above `burstLimit`). An event needs one whole token; with fewer than
 * one it is dropped and takes nothing. The first drop after an event that passed asks for one
 * `$$client_ingestion_warning` event, which itself is never limited (posthog-js captures it with
 * `skip_client_rate_limiting`, as it does only for session-replay snapshots, which Lasso has not).
 * Every other event counts: `$pageview`, `$autocapture`, `$rageclick`, `$pageleave`.
 */
// @ts-nocheck


/** The event posthog-js sends when its client rate limit starts dropping events. */
export const RATE_LIMIT_WARNING_EVENT = '$$client_ingestion_warning';

/** Refill rate and bucket size (posthog-js `rate_limiting.events_per_second` / `events_burst_limit`). */
export interface RateLimitConfig {
  eventsPerSecond: number;
  burstLimit: number;
}

/** posthog-js's defaults: 10 events per second, a burst of 10 × that. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { eventsPerSecond: 10, burstLimit: 100 };

/** What the limiter decided for one event. */
export type RateLimitDecision =
  /** Capture it; posthog-js reports the tokens left as `$lib_rate_limit_remaining_tokens`. */
  | { limited: false; remainingTokens: number }
  /** Drop it; `warnDropped` (drops since the last warning, this one included) when a warning is due. */
  | { limited: true; warnDropped?: number };

/** One page's bucket. `now` is the clock in ms (injected so tests need no timers). */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private dropped = 0;
  private lastLimited = false;

  constructor(private readonly now: () => number, private readonly config: RateLimitConfig = DEFAULT_RATE_LIMIT) {
    if (!(config.eventsPerSecond > 0) || !(config.burstLimit >= config.eventsPerSecond)) {
      throw new RangeError(`rate limit: need eventsPerSecond > 0 and burstLimit ≥ eventsPerSecond, got ${config.eventsPerSecond} / ${config.burstLimit}`);
    }
    this.tokens = config.burstLimit;
    this.last = now();
  }

  /** Decide for one event about to be captured now (takes its token when it passes). */
  take(): RateLimitDecision {
    const t = this.now();
    // As posthog-js: a clock going backwards refills nothing and does not move `last` back.
    this.tokens = Math.min(this.config.burstLimit, this.tokens + (Math.max(0, t - this.last) / 1000) * this.config.eventsPerSecond);
    this.last = Math.max(this.last, t);
    const wasLimited = this.lastLimited;
    this.lastLimited = this.tokens < 1;
    if (!this.lastLimited) {
      this.tokens = Math.max(0, this.tokens - 1);
      return { limited: false, remainingTokens: this.tokens };
    }
    this.dropped++;
    if (wasLimited) return { limited: true };
    const warnDropped = this.dropped;
    this.dropped = 0;
    return { limited: true, warnDropped };
  }

  /**
   * The warning's `$$client_ingestion_warning_message`, worded as posthog-js words it (`page` is
   * origin + path, no query or hash) with Lasso named as the client.
   */
  warningMessage(dropped: number, page: string, sessionId: string): string {
    const { eventsPerSecond, burstLimit } = this.config;
    return `lasso client rate limited: ${dropped} event(s) dropped since the last warning, triggered on ${page}, session ${sessionId}. ` +
      `Config is set to ${eventsPerSecond} events per second and ${burstLimit} events burst limit.`;
  }
}
