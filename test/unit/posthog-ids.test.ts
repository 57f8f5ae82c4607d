import { describe, expect, it } from 'vitest';
import { parsePosthogPersistence } from '../../src/autocapture/posthog-ids';

describe('parsePosthogPersistence (page storage is untrusted)', () => {
  it.each([
    ['posthog-js persistence', JSON.stringify({ distinct_id: 'user-1', $device_id: 'dev-1', $sesid: [1, 'sess-1', 0] }), { distinctId: 'user-1', deviceId: 'dev-1', sessionId: 'sess-1' }],
    ['null', null, {}],
    ['not JSON', '{nope', {}],
    ['ids of wrong type', JSON.stringify({ distinct_id: { x: 1 }, $sesid: 'x' }), { distinctId: undefined, deviceId: undefined, sessionId: undefined }],
    ['markup in an id', JSON.stringify({ distinct_id: '<img src=x onerror=alert(1)>' }), { distinctId: undefined, deviceId: undefined, sessionId: undefined }],
    ['over-long id', JSON.stringify({ distinct_id: 'a'.repeat(201) }), { distinctId: undefined, deviceId: undefined, sessionId: undefined }],
    ['huge value', 'x'.repeat(200_000), {}],
  ])('%s', (_n, raw, expected) => expect(parsePosthogPersistence(raw)).toEqual(expected));
});
