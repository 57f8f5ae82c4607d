// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryPersonStore, startCapture } from '../../src/autocapture/capture';
import { asSeenIdentity, identifyJoins, nextSeen, type SeenIdentity } from '../../src/autocapture/identify';
import type { CaptureEvent } from '../../src/events/types';

const own = (id: string): SeenIdentity => ({ distinctId: id, identified: false, own: true });
const anon = (id: string, pendingOwn?: string): SeenIdentity => ({ distinctId: id, identified: false, own: false, ...(pendingOwn && { pendingOwn }) });
const user = (id: string): SeenIdentity => ({ distinctId: id, identified: true, own: false });

describe('identifyJoins: one $identify per anonymous id, as posthog-js sends them', () => {
  it.each<[string, SeenIdentity | null, SeenIdentity, boolean, string[]]>([
    ['first event of all', null, user('u'), false, []],
    ['same id', anon('a'), anon('a'), false, []],
    ['posthog-js anonymous → identified', anon('a'), user('u'), false, ['a']],
    ['… page traffic stored: the page\'s own $identify joins them', anon('a'), user('u'), true, []],
    ['Lasso\'s own id → identified (only Lasso knows it)', own('l'), user('u'), true, ['l']],
    ['Lasso\'s own id waiting behind posthog-js\'s anonymous id', anon('a', 'l'), user('u'), false, ['l', 'a']],
    ['… page traffic stored', anon('a', 'l'), user('u'), true, ['l']],
    ['own id → posthog-js anonymous id (adopted, no merge of anonymous ids)', own('l'), anon('a'), false, []],
    ['reset(): identified → new anonymous id', user('u'), anon('b'), false, []],
    ['user switch: identified → another identified', user('u'), user('v'), false, []],
    ['identify of the same id (posthog-js: only $set)', anon('u'), { ...anon('u'), identified: true }, false, []],
  ])('%s', (_n, prev, next, pageTraffic, joins) => {
    expect(identifyJoins(prev, next, pageTraffic)).toEqual(joins);
  });

  it.each<[string, SeenIdentity | null, SeenIdentity, SeenIdentity]>([
    ['first', null, own('l'), own('l')],
    ['own id waits behind an anonymous one', own('l'), anon('a'), anon('a', 'l')],
    ['still waiting on the same id', anon('a', 'l'), anon('a'), anon('a', 'l')],
    ['joined once identified', anon('a', 'l'), user('u'), user('u')],
    ['nothing waits after a user', user('u'), anon('b'), anon('b')],
  ])('nextSeen: %s', (_n, prev, next, expected) => expect(nextSeen(prev, next)).toEqual(expected));

  it.each<[unknown, SeenIdentity | null]>([
    [anon('a', 'l'), anon('a', 'l')],
    [{ distinctId: 'a', identified: 'yes', own: false }, null],
    [{ distinctId: 'a', identified: false, own: false, pendingOwn: 3 }, null],
    ['x', null],
  ])('asSeenIdentity(%j)', (x, expected) => expect(asSeenIdentity(x)).toEqual(expected));
});

describe('capture: $set_once and $identify on a page running posthog-js', () => {
  const KEY = 'ph_phc_test_posthog';
  const persist = (o: Record<string, unknown>) => localStorage.setItem(KEY, JSON.stringify(o));
  afterEach(() => {
    localStorage.clear();
    vi.useRealTimers();
  });

  async function run(act: (click: () => void) => void, pageTraffic = false) {
    const controller = new AbortController();
    const events: CaptureEvent[] = [];
    const outbox = await startCapture({
      win: window,
      context: { distinctId: 'lasso-own', deviceId: 'dev', windowId: 'w' },
      sessions: { load: async () => null, save: () => {}, watch: () => {} },
      persons: memoryPersonStore(() => pageTraffic),
      send: async (batch) => {
        events.push(...batch);
        return { acknowledged: batch.map((e) => e.uuid), rejected: [] };
      },
      signal: controller.signal,
    });
    document.body.innerHTML = '<button id="b">Go</button>';
    // A plain click Event: never part of a rage click.
    act(() => (document.getElementById('b') as HTMLElement).dispatchEvent(new Event('click', { bubbles: true })));
    while (outbox.pending) await outbox.flush();
    controller.abort();
    return events.map((e) => [e.event, e.distinct_id, e.properties.$anon_distinct_id ?? null, '$set_once' in e.properties] as const);
  }

  it('first event carries $set_once; identify joins Lasso\'s ids once, then events carry the user', async () => {
    persist({ distinct_id: 'anon-a', $user_state: 'anonymous', $initial_person_info: { r: '$direct', u: 'https://shop.test/first' } });
    const got = await run((click) => {
      click();
      persist({ distinct_id: 'user-1', $user_state: 'identified' });
      click();
      click();
    });
    expect(got).toEqual([
      ['$pageview', 'anon-a', null, true],
      ['$autocapture', 'anon-a', null, false],
      ['$identify', 'user-1', 'anon-a', true],
      ['$autocapture', 'user-1', null, false],
      ['$autocapture', 'user-1', null, false],
    ]);
  });

  it('with the site\'s own traffic stored, only Lasso\'s own id is joined (no second $identify for the page\'s)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const got = await run((click) => {
      click(); // before posthog-js: Lasso's own id
      persist({ distinct_id: 'anon-a', $user_state: 'anonymous' });
      vi.setSystemTime(Date.now() + 2500); // Lasso looks for posthog-js's storage again after 2 s
      click();
      persist({ distinct_id: 'user-1', $user_state: 'identified' });
      click();
    }, true);
    expect(got).toEqual([
      ['$pageview', 'lasso-own', null, true],
      ['$autocapture', 'lasso-own', null, false],
      ['$autocapture', 'anon-a', null, false],
      ['$identify', 'user-1', 'lasso-own', true],
      ['$autocapture', 'user-1', null, false],
    ]);
  });
});
