// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from '../../src/autocapture/rate-limit';

/**
 * Runs the limiter over `steps` (each: ms since the start, number of events then) and writes
 * each decision as `p<tokens left>` (captured), `d` (dropped) or `w<dropped>` (dropped, warning due).
 */
function run(steps: [atMs: number, events: number][], config?: RateLimitConfig): string[] {
  let t = 1_000_000;
  const start = t;
  const limiter = new RateLimiter(() => t, config);
  const out: string[] = [];
  for (const [at, events] of steps) {
    t = start + at;
    for (let i = 0; i < events; i++) {
      const d = limiter.take();
      out.push(!d.limited ? `p${Math.round(d.remainingTokens * 100) / 100}` : d.warnDropped ? `w${d.warnDropped}` : 'd');
    }
  }
  return out;
}

/** `n` captured events counting down from `from` tokens left. */
const passes = (from: number, n: number) => Array.from({ length: n }, (_, i) => `p${from - i}`);

describe('RateLimiter (posthog-js client rate limit: token bucket, 10/s, burst 100)', () => {
  it('has posthog-js defaults', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ eventsPerSecond: 10, burstLimit: 100 });
  });

  it.each<[string, [number, number][], string[], RateLimitConfig?]>([
    ['a burst of 100 passes, the 101st is dropped with the warning, later drops without', [[0, 103]], [...passes(99, 100), 'w1', 'd', 'd']],
    ['refill: 1 token per 100 ms after the bucket ran dry', [[0, 100], [0, 1], [100, 2]], [...passes(99, 100), 'w1', 'p0', 'w1']],
    ['fractional refill: 250 ms give 2.5 tokens, so two events pass', [[0, 100], [250, 3]], [...passes(99, 100), 'p1.5', 'p0.5', 'w1']],
    ['less than one whole token drops (and takes nothing)', [[0, 100], [99, 1], [100, 1]], [...passes(99, 100), 'w1', 'p0']],
    ['the warning comes once per limited stretch; it counts every drop since the last one', [[0, 102], [0, 1], [200, 3]], [...passes(99, 100), 'w1', 'd', 'd', 'p1', 'p0', 'w3']],
    ['idle time refills up to the burst limit, not beyond', [[0, 50], [3_600_000, 101]], [...passes(99, 50), ...passes(99, 100), 'w1']],
    ['a clock going back refills nothing', [[0, 100], [-5000, 1], [0, 1]], [...passes(99, 100), 'w1', 'd']],
    ['configured rate and burst', [[0, 4], [500, 2]], ['p2', 'p1', 'p0', 'w1', 'p0', 'w1'], { eventsPerSecond: 2, burstLimit: 3 }],
  ])('%s', (_name, steps, expected, config) => {
    expect(run(steps, config)).toEqual(expected);
  });

  it.each<[RateLimitConfig, string]>([
    [{ eventsPerSecond: 0, burstLimit: 100 }, 'eventsPerSecond > 0'],
    [{ eventsPerSecond: Number.NaN, burstLimit: 100 }, 'eventsPerSecond > 0'],
    [{ eventsPerSecond: 10, burstLimit: 5 }, 'burstLimit ≥ eventsPerSecond, got 10 / 5'],
  ])('rejects %j', (config, message) => {
    expect(() => new RateLimiter(() => 0, config)).toThrow(message);
  });

  it('words the warning message as posthog-js does', () => {
    expect(new RateLimiter(() => 0).warningMessage(7, 'https://shop.test/cart', 'sess-1')).toBe(
      'lasso client rate limited: 7 event(s) dropped since the last warning, triggered on https://shop.test/cart, ' +
        'session sess-1. Config is set to 10 events per second and 100 events burst limit.',
    );
  });
});
