// @ts-nocheck
import { parseRetryAfter, verdictOf, type Verdict } from './backoff';
import { redact, secretsOf } from './redact';
import type { OutgoingRequest } from './request';
import type { Target } from './types';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: Uint8Array; signal?: AbortSignal }) => Promise<Response>;

/** A server's answer (or a network failure, status 0) in words safe to store and show. */
export interface Answer {
  status: number;
  verdict: Verdict;
  /** The response body (≤ 500 characters) or the network error, secrets redacted. */
  text: string;
  retryAfterMs: number | null;
}

/** A request slower than this counts as a network failure (and is retried). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Send one request; never throws (network errors, timeouts and resets mid-response are status 0). */
export async function send(fetch: FetchLike, target: Target, request: OutgoingRequest, now: number, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const secrets = secretsOf(target);
  try {
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
    // Reading the body can fail too (connection reset mid-response): then the outcome is unknown, so retry.
    const body = await response.text();
    return { status: response.status, verdict: verdictOf(response.status), text: redact(body.slice(0, 500), secrets), retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 0, verdict: 'retry', text: redact(message.slice(0, 500), secrets), retryAfterMs: null };
  }
}

/** The server's reason for refusing an event, from its answer (a JSON `detail`/`message`/`error`, else the text). */
export function reasonOf(answer: Answer): string {
  try {
    const json = JSON.parse(answer.text) as Record<string, unknown>;
    for (const key of ['detail', 'message', 'error', 'reason']) if (typeof json[key] === 'string') return `${answer.status}: ${json[key] as string}`;
  } catch {
    // not JSON: the text as is
  }
  return `${answer.status}: ${answer.text || 'refused without a reason'}`;
}

/** An answer in plain words for the options page. */
export function describeAnswer(answer: Answer): string {
  if (answer.status === 0) return `Could not reach the server (${answer.text}). Lasso keeps the events and tries again.`;
  if (answer.status === 401) return 'The server refused the key (401 Unauthorized). Check the key, then resume the target.';
  if (answer.status === 403) return 'The server refused access (403 Forbidden). Check the key and its permissions, then resume the target.';
  if (answer.status === 404 || answer.status === 405) return `The server has no capture endpoint at this address (${answer.status}). Check the host or URL, then resume the target.`;
  if (answer.status === 429) return `The server is rate limiting (429). Lasso waits${answer.retryAfterMs != null ? ` ${Math.ceil(answer.retryAfterMs / 1000)} s as it asked` : ''} and tries again.`;
  if (answer.status >= 500 || answer.status === 408 || answer.status === 425) return `The server had a problem (${answer.status}). Lasso keeps the events and tries again.`;
  return `The server answered ${answer.status}: ${answer.text || '(no text)'}`;
}
