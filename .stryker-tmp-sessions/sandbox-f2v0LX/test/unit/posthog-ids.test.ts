// @ts-nocheck
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
    [
      'identified, with its initial person info and the current session\'s entry',
      JSON.stringify({ distinct_id: 'u', $user_state: 'identified', $sesid: [1, 's1', 0], $initial_person_info: { r: '$direct', u: 'https://a.test/' }, $client_session_props: { sessionId: 's1', props: { r: 'https://b.test/', u: 'https://a.test/x' } } }),
      { distinctId: 'u', sessionId: 's1', deviceId: undefined, identified: true, initialInfo: { r: '$direct', u: 'https://a.test/' }, sessionEntry: { r: 'https://b.test/', u: 'https://a.test/x' } },
    ],
    [
      'anonymous; session entry of another session; malformed initial info',
      JSON.stringify({ distinct_id: 'a', $user_state: 'anonymous', $sesid: [1, 's2', 0], $initial_person_info: { r: 5 }, $client_session_props: { sessionId: 's1', props: { r: '$direct' } } }),
      { distinctId: 'a', sessionId: 's2', deviceId: undefined },
    ],
  ])('%s', (_n, raw, expected) => expect(parsePosthogPersistence(raw)).toEqual(expected));
});
