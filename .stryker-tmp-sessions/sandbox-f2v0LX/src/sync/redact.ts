// @ts-nocheck
import type { Target } from './types';

const MASK = '[redacted]';

// Key-looking tokens redacted even when the caller did not list them: PostHog project and
// personal keys, and the credentials of Authorization values.
const PATTERNS = [/\bph[cx]_[A-Za-z0-9_-]{6,}/g, /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{4,}/gi];

/**
 * `text` with every secret replaced by "[redacted]": the given secrets (3+ characters; shorter ones
 * could hit ordinary words) and any PostHog key or Authorization credential. Used on everything
 * the sync logs, stores as an error or shows (server answers echo what they received).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(MASK);
    // A server may echo the key base64-encoded (Basic auth) or URL-encoded.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(MASK);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, (m, scheme?: string) => (typeof scheme === 'string' && /^(basic|bearer)$/i.test(scheme) ? `${scheme} ${MASK}` : MASK));
  return out;
}

/** The secrets of a target, for `redact` (including the Basic-auth form of a write key). */
export function secretsOf(target: Target): string[] {
  switch (target.kind) {
    case 'posthog':
      return [target.apiKey];
    case 'segment':
      return [target.writeKey, btoa(`${target.writeKey}:`)];
    case 'webhook':
      return [target.secret, ...target.headers.map((h) => h.value)];
  }
}
