// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { at, ev, identify, view } from '../support/person-events';

// Rules: PostHog person-update.ts computeEventPropertyUpdates ($set_once, then $set, then $unset,
// all decided against the person before the event), utils/event.ts sanitizeEvent (top-level
// $set/$set_once merged in, top-level winning; $unset only from properties), db/utils.ts
// personInitialAndUTMProperties (lifted $set and $initial_* $set_once), person-create-service.ts
// (new person = $set_once + $set + $creator_event_uuid).

/** The only person's properties without `$creator_event_uuid` (tested on its own below). */
function propsOf(events: CaptureEvent[]): Record<string, unknown> {
  const { persons } = personsFromEvents(events);
  expect(persons).toHaveLength(1);
  const { $creator_event_uuid: _creator, ...rest } = persons[0].properties;
  return rest;
}

describe('person properties: $set_once, $set, $unset order', () => {
  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['$set in the same event wins over $set_once', [view(0, 'u'), ev(1, 'e', 'u', { $set_once: { a: 1 }, $set: { a: 2 } })], { a: 2 }],
    ['$set_once never overwrites', [view(0, 'u', { $set: { a: 1 } }), ev(1, 'e', 'u', { $set_once: { a: 2 } })], { a: 1 }],
    ['$set_once writes a missing key', [view(0, 'u'), ev(1, 'e', 'u', { $set_once: { a: 2 } })], { a: 2 }],
    ['a stored null counts as set for $set_once', [view(0, 'u', { $set: { a: null } }), ev(1, 'e', 'u', { $set_once: { a: 2 } })], { a: null }],
    ['$set overwrites, later events win', [view(0, 'u', { $set: { a: 1 } }), ev(1, 'e', 'u', { $set: { a: 2 } })], { a: 2 }],
    ['$unset removes an existing key after $set', [view(0, 'u', { $set: { a: 0 } }), ev(1, 'e', 'u', { $set: { a: 1 }, $unset: ['a'] })], {}],
    ['$unset of a key the person lacks does nothing, even when the same event sets it', [view(0, 'u'), ev(1, 'e', 'u', { $set: { a: 1 }, $unset: ['a'] })], { a: 1 }],
    ['$unset as an object unsets its keys', [view(0, 'u', { $set: { a: 1, b: 2 } }), ev(1, 'e', 'u', { $unset: { a: '' } })], { b: 2 }],
    ['$unset ignores non-string items', [view(0, 'u', { $set: { 1: 'x' } }), ev(1, 'e', 'u', { $unset: [1] })], { 1: 'x' }],
    ['$unset does not apply to the person the event creates', [ev(0, 'e', 'u', { $set: { a: 1 }, $unset: ['a'] })], { a: 1 }],
    ['a top-level $set merges into properties.$set, the top level winning',
      [view(0, 'u'), ev(1, 'e', 'u', { $set: { a: 1, b: 1 } }, { $set: { a: 2 } })], { a: 2, b: 1 }],
    ['a top-level $set_once merges into properties.$set_once, the top level winning',
      [view(0, 'u'), ev(1, 'e', 'u', { $set_once: { a: 1, b: 1 } }, { $set_once: { a: 2 } })], { a: 2, b: 1 }],
    ['a top-level $unset is ignored (PostHog reads $unset only from properties)',
      [view(0, 'u', { $set: { a: 1 } }), ev(1, 'e', 'u', {}, { $unset: ['a'] })], { a: 1 }],
    ['a malformed $set (a string) is ignored', [view(0, 'u', { $set: 'oops' })], {}],
  ])('%s', (_name, events, expected) => {
    expect(propsOf(events)).toEqual(expected);
  });
});

describe('person properties: lifted from event properties', () => {
  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['browser and campaign properties are $set and $set_once as $initial_*, a null never as $initial_*',
      [view(0, 'u', { $browser: 'Chrome', utm_source: 'news', gclid: null, title: 'not lifted' })],
      { $browser: 'Chrome', utm_source: 'news', gclid: null, $initial_browser: 'Chrome', $initial_utm_source: 'news' }],
    ['an explicit $set / $set_once wins over the lifted value',
      [view(0, 'u', { $browser: 'Chrome', $set: { $browser: 'Custom' }, $set_once: { $initial_browser: 'First' } })],
      { $browser: 'Custom', $initial_browser: 'First' }],
    ['$initial_* keeps the first value, the plain property the latest',
      [view(0, 'u', { $browser: 'Chrome' }), view(1, 'u', { $browser: 'Firefox' })], { $browser: 'Firefox', $initial_browser: 'Chrome' }],
    ['a param-less visit clears the latest-touch value but not the first touch',
      [view(0, 'u', { utm_source: 'a' }), view(1, 'u', { utm_source: null })], { utm_source: null, $initial_utm_source: 'a' }],
    ['a first null does not block the later real first touch',
      [view(0, 'u', { gclid: null }), view(1, 'u', { gclid: 'g' })], { gclid: 'g', $initial_gclid: 'g' }],
    ['server libraries ($is_server) do not lift their host $os',
      [view(0, 'u', { $is_server: true, $os: 'Linux', $browser: 'x' })], { $browser: 'x', $initial_browser: 'x' }],
    ['$os_name only feeds $initial_os and is not kept',
      [view(0, 'u', { $os_name: 'iOS' })], { $initial_os: 'iOS' }],
    ['$snapshot events lift nothing', [ev(0, '$snapshot', 'u', { $browser: 'Chrome' })], {}],
    ['survey shown sets $survey_last_seen_date to the event time',
      [ev(0, 'survey shown', 'u')], { $survey_last_seen_date: '2026-11-28T10:00:00.000Z' }],
  ])('%s', (_name, events, expected) => {
    expect(propsOf(events)).toEqual(expected);
  });
});

describe('person properties: which events update', () => {
  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['$exception does not update an existing person', [view(0, 'u'), ev(1, '$exception', 'u', { $set: { a: 1 } })], {}],
    ['$exception still creates a person with its $set', [ev(0, '$exception', 'u', { $set: { a: 1 } })], { a: 1 }],
    ['$groupidentify never touches person properties', [ev(0, '$groupidentify', 'u', { $set: { a: 1 }, $browser: 'C', $group_type: 'c', $group_key: 'k' })], {}],
    ['personless events ($process_person_profile false) do not update', [view(0, 'u'), view(1, 'u', { $process_person_profile: false, $set: { a: 1 } })], {}],
  ])('%s', (_name, events, expected) => {
    expect(propsOf(events)).toEqual(expected);
  });

  it('$creator_event_uuid is the uuid of the creating event; later events leave it', () => {
    const { persons } = personsFromEvents([view(0, 'u'), view(1, 'u', { $set: { a: 1 } })]);
    expect(persons[0].properties.$creator_event_uuid).toBe('u00');
  });
});

describe('person properties on merge', () => {
  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['the distinct_id person wins conflicts, the other keeps its own keys',
      [view(0, 'anon', { $set: { a: 'anon', b: 'anon' } }), view(1, 'user', { $set: { a: 'user' } }), identify(2, 'user', 'anon')],
      { a: 'user', b: 'anon' }],
    ['the identify event updates the merged properties',
      [view(0, 'anon', { $set: { a: 'anon' } }), view(1, 'user'), identify(2, 'user', 'anon', { $set: { c: 1 }, $set_once: { a: 'once', d: 1 } })],
      { a: 'anon', c: 1, d: 1 }],
    ['merging two persons applies the event twice, so its $unset of a key it sets takes effect',
      [view(0, 'anon'), view(1, 'user'), identify(2, 'user', 'anon', { $set: { z: 1 }, $unset: ['z'] })], {}],
    ['joining a new id applies the event once, so that $unset does nothing',
      [view(0, 'anon'), identify(2, 'user', 'anon', { $set: { z: 1 }, $unset: ['z'] })], { z: 1 }],
  ])('%s', (_name, events, expected) => {
    expect(propsOf(events)).toEqual(expected);
  });

  it('a refused merge still updates the distinct_id person, not the identified one', () => {
    const { persons } = personsFromEvents([identify(0, 'anon', 'x'), view(1, 'user'), identify(2, 'user', 'anon', { $set: { email: 'u@x' } })]);
    expect(persons.map((p) => [p.distinct_ids[0], p.properties.email])).toEqual([['anon', undefined], ['user', 'u@x']]);
  });

  it('the merged $creator_event_uuid is the distinct_id person’s (target wins)', () => {
    const { persons } = personsFromEvents([view(0, 'anon'), view(1, 'user'), identify(2, 'user', 'anon')]);
    expect(persons[0].properties.$creator_event_uuid).toBe('u01');
  });
});

describe('hostile keys', () => {
  it('distinct ids and property names like __proto__ and constructor are ordinary keys', () => {
    const set = JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, unknown>;
    const { persons } = personsFromEvents([view(0, '__proto__', { $set: set }), view(1, 'constructor'), identify(2, 'constructor', '__proto__')]);
    expect(persons.map((p) => p.distinct_ids)).toEqual([['constructor', '__proto__']]);
    expect(Object.getOwnPropertyDescriptor(persons[0].properties, '__proto__')?.value).toBe(1);
    expect(persons[0].properties.constructor).toBe(2);
    expect(Object.getPrototypeOf(persons[0].properties)).toBe(Object.prototype);
  });
});

describe('lifted event properties (PostHog EVENT_TO_PERSON_PROPERTIES and CAMPAIGN_PROPERTIES)', () => {
  // PostHog's lists as its source writes them: each one $set on the person and $set_once as $initial_*.
  it.each([
    ['$app_build', '$initial_app_build'], ['$app_name', '$initial_app_name'], ['$app_namespace', '$initial_app_namespace'],
    ['$app_version', '$initial_app_version'], ['$browser', '$initial_browser'], ['$browser_version', '$initial_browser_version'],
    ['$device_type', '$initial_device_type'], ['$current_url', '$initial_current_url'], ['$pathname', '$initial_pathname'],
    ['$os', '$initial_os'], ['$os_version', '$initial_os_version'], ['$referring_domain', '$initial_referring_domain'],
    ['$referrer', '$initial_referrer'], ['$screen_height', '$initial_screen_height'], ['$screen_width', '$initial_screen_width'],
    ['$viewport_height', '$initial_viewport_height'], ['$viewport_width', '$initial_viewport_width'], ['$raw_user_agent', '$initial_raw_user_agent'],
    ['utm_source', '$initial_utm_source'], ['utm_medium', '$initial_utm_medium'], ['utm_campaign', '$initial_utm_campaign'],
    ['utm_content', '$initial_utm_content'], ['utm_name', '$initial_utm_name'], ['utm_term', '$initial_utm_term'],
    ['gclid', '$initial_gclid'], ['gad_source', '$initial_gad_source'], ['gclsrc', '$initial_gclsrc'], ['dclid', '$initial_dclid'],
    ['gbraid', '$initial_gbraid'], ['wbraid', '$initial_wbraid'], ['fbclid', '$initial_fbclid'], ['msclkid', '$initial_msclkid'],
    ['twclid', '$initial_twclid'], ['li_fat_id', '$initial_li_fat_id'], ['mc_cid', '$initial_mc_cid'], ['igshid', '$initial_igshid'],
    ['ttclid', '$initial_ttclid'], ['rdt_cid', '$initial_rdt_cid'], ['irclid', '$initial_irclid'], ['_kx', '$initial__kx'],
    ['epik', '$initial_epik'], ['qclid', '$initial_qclid'], ['sccid', '$initial_sccid'],
  ])('%s is set on the person and set once as %s', (key, initial) => {
    expect(propsOf([ev(0, 'e', 'u', { [key]: 'v' })])).toEqual({ [key]: 'v', [initial]: 'v' });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a server library’s $os is not lifted', { $is_server: true, $os: 'Linux' }, {}],
    ['nor its $os_version', { $is_server: true, $os_version: '6.1' }, {}],
    ['a server library’s $os_name is lifted as itself, not as $initial_os', { $is_server: true, $os_name: 'Linux' }, { $os_name: 'Linux', $initial_os_name: 'Linux' }],
    ['$os_name is only the fallback of $initial_os', { $os_name: 'Darwin' }, { $initial_os: 'Darwin' }],
    ['an $os wins over $os_name for $initial_os', { $os: 'Mac OS X', $os_name: 'Darwin' }, { $os: 'Mac OS X', $initial_os: 'Mac OS X' }],
    ['a null $os_name sets nothing once', { $os_name: null }, {}],
    ['nor an undefined one (an in-memory event)', { $os_name: undefined }, {}],
    ['a null value is set but never set once', { $browser: null }, { $browser: null }],
  ])('%s', (_name, properties, expected) => {
    expect(propsOf([ev(0, 'e', 'u', properties)])).toEqual(expected);
  });

  it('"survey shown" records $survey_last_seen_date at the event time; other events do not', () => {
    expect(propsOf([ev(0, 'survey shown', 'u')])).toEqual({ $survey_last_seen_date: at(0) });
    expect(propsOf([ev(0, 'survey sent', 'u')])).toEqual({});
    expect(propsOf([ev(0, 'survey shown', 'u', { $set: { $survey_last_seen_date: 'given' } })])).toEqual({ $survey_last_seen_date: 'given' });
  });

  it.each(['abc', 42, ['a']])('a $set that is not an object (%j) sets nothing', (value) => {
    expect(propsOf([ev(0, 'e', 'u', { $set: value, $set_once: value })])).toEqual({});
  });

  it('a "__proto__" property is an ordinary, listed, overwritable key', () => {
    const props = propsOf([ev(0, 'e', 'u', JSON.parse('{"$set": {"__proto__": 1}}')), ev(1, 'e', 'u', JSON.parse('{"$set": {"__proto__": 2}}'))]);
    expect(Object.keys(props)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toBe(2);
  });
});
