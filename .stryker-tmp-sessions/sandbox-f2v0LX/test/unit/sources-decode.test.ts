// @ts-nocheck
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCaptureRequest, MAX_BODY_BYTES, MAX_DECODED_BYTES, MAX_REQUEST_EVENTS, type RequestBody } from '../../src/sources/decode';

const EVENTS = [
  { uuid: '01890000-0000-7000-8000-000000000001', event: '$pageview', properties: { distinct_id: 'a' }, timestamp: '2026-01-01T00:00:00.000Z' },
  { uuid: '01890000-0000-7000-8000-000000000002', event: 'signed up', properties: { distinct_id: 'a', plan: 'pro' }, timestamp: '2026-01-01T00:00:01.000Z' },
];
const json = JSON.stringify(EVENTS);
const bytes = (b: Uint8Array | string): ArrayBuffer => {
  const u = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
};
const raw = (...parts: Array<Uint8Array | string>): RequestBody => ({ raw: parts.map((p) => ({ bytes: bytes(p) })) });
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const E = 'https://us.i.posthog.com/e/?ip=1&_=1';

describe('decodeCaptureRequest: each encoding gives the same events', () => {
  it.each<[string, string, RequestBody]>([
    ['JSON array', E, raw(json)],
    ['JSON split over several raw parts', E, raw(json.slice(0, 10), json.slice(10))],
    ['{ batch } (/batch/)', 'https://x.test/batch/', raw(JSON.stringify({ api_key: 'phc', batch: EVENTS }))],
    ['gzip-js', `${E}&compression=gzip-js`, raw(gzipSync(json))],
    ['gzip without the query', E, raw(gzipSync(json))],
    ['base64 body (compression=base64)', `${E}&compression=base64`, raw(b64(json))],
    ['data= form of base64 JSON (raw)', E, raw(`data=${encodeURIComponent(b64(json))}`)],
    ['data= form of base64 gzip (raw)', E, raw(`data=${encodeURIComponent(b64(gzipSync(json)))}`)],
    ['form data, JSON field', E, { formData: { data: [json] } }],
    ['form data, base64 field', E, { formData: { data: [b64(json)] } }],
    ['form data, base64 field whose + became spaces', E, { formData: { data: [b64(json).replace(/\+/g, ' ')] } }],
    ['form data, base64 of gzip', E, { formData: { data: [b64(gzipSync(json))] } }],
  ])('%s', async (_name, url, body) => {
    expect(await decodeCaptureRequest(url, body)).toEqual({ ok: true, events: EVENTS });
  });

  it('a single event object is a batch of one', async () => {
    expect(await decodeCaptureRequest(E, raw(JSON.stringify(EVENTS[0])))).toEqual({ ok: true, events: [EVENTS[0]] });
  });
});

describe('decodeCaptureRequest: refusals name the problem', () => {
  const bomb = gzipSync(Buffer.alloc(MAX_DECODED_BYTES + 1, 32));
  it.each<[string, string, RequestBody | undefined, RegExp]>([
    ['no body', E, undefined, /no request body/],
    ['browser error', E, { error: 'Unknown error.' }, /could not read the body/],
    ['empty', E, { raw: [] }, /empty request body/],
    ['a file part', E, { raw: [{ file: '/tmp/x' }] }, /as a file/],
    ['not JSON', E, raw('hello'), /not JSON/],
    ['JSON of the wrong shape', E, raw('{"a":1}'), /not an event/],
    ['gzip-js that is not gzip', `${E}&compression=gzip-js`, raw(json), /not gzip/],
    ['truncated gzip', E, raw(gzipSync(json).subarray(0, 20)), /not valid gzip/],
    ['gzip bomb', E, raw(bomb), /inflates past/],
    ['oversize body', E, raw(new Uint8Array(MAX_BODY_BYTES + 1)), /over the .* limit/],
    ['not UTF-8', E, raw(new Uint8Array([0xff, 0xfe, 0x00])), /not UTF-8/],
    ['form without data', E, { formData: { other: ['x'] } }, /without a data field/],
    ['data that is neither JSON nor base64', E, { formData: { data: ['%%%'] } }, /neither JSON nor base64/],
    ['base64 of binary', E, { formData: { data: [b64(new Uint8Array([0xff, 0xfe]))] } }, /not UTF-8/],
    ['too many events', E, raw(JSON.stringify(Array.from({ length: MAX_REQUEST_EVENTS + 1 }, () => EVENTS[0]))), /over the 1000 limit/],
  ])('%s', async (_name, url, body, reason) => {
    const result = await decodeCaptureRequest(url, body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
