/** Backoff: 2 s doubling to 30 min (capture-apis.md), with "full jitter" between half and all of it. */
// @ts-nocheck

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 30 * 60_000;

/**
 * Delay before retry number `attempt` (1 = the first retry): `min(base·2^(attempt−1), max)`
 * scaled by a factor in [0.5, 1) from `random` so many targets failing together do not retry in
 * step. A server's `Retry-After` (ms) wins when longer, capped at the maximum.
 */
export function backoffDelay(attempt: number, random: () => number, retryAfterMs?: number | null): number {
  const exp = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
  const jittered = Math.round(exp * (0.5 + random() / 2));
  return retryAfterMs != null && retryAfterMs > jittered ? Math.min(retryAfterMs, BACKOFF_MAX_MS) : jittered;
}

/** `Retry-After` in ms: delay-seconds or an HTTP date (relative to `now`); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** What the sync does with a response status (or a network error: status 0). */
export type Verdict = 'ok' | 'retry' | 'split-size' | 'split-bad' | 'pause';

/**
 * 2xx ok; network errors, 408, 425, 429 and 5xx retry with backoff; 413 splits the batch; other
 * 4xx (400, 422…) isolate the bad events by splitting; 401/403 (the key) and 404/405 (the
 * address) pause the target: every event would fail the same way, none is set aside.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status === 413) return 'split-size';
  if (status === 401 || status === 403 || status === 404 || status === 405) return 'pause';
  return 'split-bad';
}
