/**
 * Decoding the bodies posthog-js (and other PostHog clients) send to PostHog's capture endpoints,
 * as `webRequest.onBeforeRequest` reports them. Pure: no browser API but DecompressionStream.
 * The page chose every byte: sizes are capped before and while decompressing, and anything that
 * is not a capture payload is refused with a reason, never thrown.
 */
// @ts-nocheck


/** The request body as webRequest reports it (`details.requestBody`). */
export interface RequestBody {
  raw?: Array<{ bytes?: ArrayBuffer; file?: string }>;
  formData?: Record<string, string[]>;
  error?: string;
}

/** Compressed body bytes accepted (PostHog's own capture accepts 20 MB; posthog-js sends ≤ ~1 MB). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Bytes after gunzip / base64: a small gzip bomb stops here. */
export const MAX_DECODED_BYTES = 20 * 1024 * 1024;
/** Events in one request (posthog-js flushes at most 100-ish). */
export const MAX_REQUEST_EVENTS = 1000;

export type Decoded = { ok: true; events: unknown[] } | { ok: false; reason: string };

const fail = (reason: string): Decoded => ({ ok: false, reason });
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * The events in one capture request: `url` (its `compression` query says how the body is
 * packed: `gzip-js`, `base64`, or nothing) and `body`. Handles a JSON body, a gzip body, a form
 * body (`data=` field: JSON, base64 of JSON, or base64 of gzip), and a JSON array, `{ batch }`
 * or single event inside.
 */
export async function decodeCaptureRequest(url: string, body: RequestBody | undefined): Promise<Decoded> {
  if (!body) return fail('no request body (not a POST, or the browser did not report it)');
  if (body.error) return fail(`the browser could not read the body: ${body.error.slice(0, 100)}`);
  let compression: string | null = null;
  try {
    compression = new URL(url).searchParams.get('compression');
  } catch {
    return fail('unparsable request URL');
  }
  let text: string | Decoded;
  if (body.formData) {
    const data = body.formData.data?.[0];
    if (typeof data !== 'string') return fail('form body without a data field');
    if (data.length > MAX_BODY_BYTES) return fail(`form data is over ${MAX_BODY_BYTES} bytes`);
    text = await decodeField(data);
  } else if (body.raw?.length) {
    if (body.raw.some((part) => !part.bytes)) return fail('body was sent as a file (the browser gave no bytes)');
    const size = body.raw.reduce((n, part) => n + (part.bytes?.byteLength ?? 0), 0);
    if (size > MAX_BODY_BYTES) return fail(`body is ${size} bytes, over the ${MAX_BODY_BYTES} limit`);
    const bytes = concat(body.raw.map((part) => new Uint8Array(part.bytes as ArrayBuffer)));
    text = await decodeBytes(bytes, compression);
  } else {
    return fail('empty request body');
  }
  if (typeof text !== 'string') return text;
  return eventsOf(text);
}

async function decodeBytes(bytes: Uint8Array, compression: string | null): Promise<string | Decoded> {
  if (isGzip(bytes)) return gunzipText(bytes);
  if (compression === 'gzip-js') return fail('compression=gzip-js but the body is not gzip');
  const text = utf8(bytes);
  if (text === null) return fail('body is not UTF-8 text');
  // posthog-js's base64 mode and old clients post a form: `data=<base64 or JSON>`.
  if (text.startsWith('data=')) {
    const data = new URLSearchParams(text).get('data');
    return data === null ? fail('form body without a data field') : decodeField(data);
  }
  if (compression === 'base64') return decodeField(text);
  return text;
}

/** A `data` field: JSON as is, else base64 of JSON or of gzip. */
async function decodeField(data: string): Promise<string | Decoded> {
  const trimmed = data.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return data;
  const bytes = fromBase64(data);
  if (!bytes) return fail('data is neither JSON nor base64');
  if (isGzip(bytes)) return gunzipText(bytes);
  return utf8(bytes) ?? fail('base64 data is not UTF-8 text');
}

function eventsOf(text: string): Decoded {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return fail('body is not JSON');
  }
  const events = Array.isArray(payload)
    ? payload
    : isObject(payload) && Array.isArray(payload.batch)
      ? payload.batch
      : isObject(payload) && typeof payload.event === 'string'
        ? [payload]
        : null;
  if (!events) return fail('JSON is not an event, an array of events or { batch: [...] }');
  if (events.length > MAX_REQUEST_EVENTS) return fail(`${events.length} events in one request, over the ${MAX_REQUEST_EVENTS} limit`);
  return { ok: true, events };
}

async function gunzipText(bytes: Uint8Array): Promise<string | Decoded> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_DECODED_BYTES) {
        await reader.cancel();
        return fail(`gzip body inflates past ${MAX_DECODED_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch {
    return fail('body is not valid gzip');
  }
  return utf8(concat(chunks)) ?? fail('gzip body is not UTF-8 text');
}

function fromBase64(data: string): Uint8Array | null {
  // Form decoding may have turned '+' into ' '; base64url uses '-' and '_'.
  const clean = data.replace(/\s/g, '+').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length * 0.75 > MAX_DECODED_BYTES) return null;
  try {
    const binary = atob(clean);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
