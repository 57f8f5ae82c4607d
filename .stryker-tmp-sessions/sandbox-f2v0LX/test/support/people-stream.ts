// @ts-nocheck
import type { CaptureEvent } from '../../src/events/types';

/** The fixtures' seeded PRNG (mulberry32): a failing property test names its seed and replays. */
export { rng as prng } from '../fixtures/generate-events';
import { rng as prng } from '../fixtures/generate-events';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A UUIDv7-shaped id for time `ms` and a counter (deterministic). */
export function uuidAt(ms: number, n: number): string {
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(n % 4096, 3)}-8${hex((n >>> 12) % 4096, 3)}-${hex(n, 12)}`;
}

/**
 * A random event stream that stresses the person and session rules, not realism: few distinct
 * ids and sessions (so events collide), identical timestamps, identifies / aliases / merges
 * between random ids (some refused, some illegal), `$set` / `$set_once` / `$unset` on the same
 * keys, pageviews and autocaptures with referrers and utm tags, a session id now and then in
 * upper case or missing. Every uuid is distinct; timestamps are not in order.
 */
export function peopleStream(seed: number, count: number): CaptureEvent[] {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const ids = ['anon-1', 'anon-2', 'anon-3', 'anon-4', 'user@a.com', 'user@b.com', 'user-7', 'null', 'Anonymous'];
  const base = Date.parse('2026-11-01T10:00:00.000Z');
  const sessions = Array.from({ length: 5 }, (_, i) => uuidAt(base + i * 1000, 9000 + i));
  const urls = ['https://shop.test/', 'https://shop.test/pricing?utm_source=google&utm_medium=cpc', 'https://shop.test/docs', 'http://localhost:5174/cart'];
  const referrers = ['$direct', 'www.google.com', 'news.ycombinator.com', 't.co', 'mail.google.com'];
  const out: CaptureEvent[] = [];
  for (let i = 0; i < count; i++) {
    // Coarse times so ties happen; spread over two hours so session edges vary.
    const ms = base + Math.floor(r() * 240) * 30_000;
    const distinct_id = pick(ids);
    const session = sessions[Math.floor(r() * sessions.length)];
    const url = pick(urls);
    const properties: Record<string, unknown> = {
      $current_url: url,
      $host: new URL(url).host,
      $pathname: new URL(url).pathname,
      $referring_domain: pick(referrers),
      $session_id: r() < 0.1 ? undefined : r() < 0.1 ? session.toUpperCase() : session,
    };
    if (url.includes('utm_source')) Object.assign(properties, { utm_source: 'google', utm_medium: 'cpc' });
    let event = pick(['$pageview', '$pageview', '$autocapture', '$autocapture', 'signed_up', '$identify', '$create_alias', '$merge_dangerously', '$set']);
    if (event === '$identify') properties.$anon_distinct_id = pick(ids);
    if (event === '$create_alias' || event === '$merge_dangerously') properties.alias = pick(ids);
    if (r() < 0.3) properties.$set = { plan: pick(['free', 'pro', 'team']), [pick(['a', 'b'])]: i };
    if (r() < 0.2) properties.$set_once = { first_seen_plan: pick(['free', 'pro']), [pick(['a', 'b'])]: -i };
    if (r() < 0.05) properties.$unset = [pick(['plan', 'a', 'b'])];
    if (event === '$autocapture') properties.$event_type = 'click';
    if (r() < 0.02) event = '$screen';
    out.push({ uuid: uuidAt(ms, i), event, distinct_id, timestamp: new Date(ms).toISOString(), properties });
  }
  return out;
}

/** `events` shuffled and cut into batches of random sizes (1 to `maxBatch`). */
export function randomBatches<T>(events: T[], seed: number, maxBatch = 40): T[][] {
  const r = prng(seed);
  const shuffled = [...events];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const batches: T[][] = [];
  for (let i = 0; i < shuffled.length; ) {
    const n = 1 + Math.floor(r() * maxBatch);
    batches.push(shuffled.slice(i, i + n));
    i += n;
  }
  return batches;
}
