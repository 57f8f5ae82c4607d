// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { applyEvent, emptyPersonsState, groupsFromEvents, personsFromEvents, sortEvents, type PersonsState } from '../../src/persons';
import { personsOf } from '../../src/persons';
import { mergeRequest } from '../../src/persons/merge';
import { rng } from '../fixtures/generate-events';
import { at, ev, identify, shape, view } from '../support/person-events';

// Lasso applies events in (timestamp, uuid) order whatever order they arrive in (issue 11); the
// event-level drops follow PostHog's validate-event-metadata / normalize-process-person-flag steps.

describe('event order', () => {
  it('applies by event time, not input order: an identify given first but happening last merges', () => {
    const events = [identify(5, 'user', 'anon'), view(1, 'user', { $set: { a: 'user' } }), view(0, 'anon', { $set: { a: 'anon', b: 1 } })];
    const { persons } = personsFromEvents(events);
    expect(shape(persons)).toEqual([[['user', 'anon'], true]]);
    expect(persons[0]).toMatchObject({ created_at: at(0), properties: { a: 'user', b: 1 } });
  });

  it('breaks equal timestamps by uuid (code-unit order)', () => {
    const first = { ...view(0, 'u', { $set: { a: 'first' } }), uuid: 'A' };
    const second = { ...view(0, 'u', { $set: { a: 'second' } }), uuid: 'B' };
    expect(personsFromEvents([second, first]).persons[0].properties.a).toBe('second');
    expect(sortEvents([second, first]).map((e) => e.uuid)).toEqual(['A', 'B']);
  });

  it('compares instants, not strings: an offset timestamp sorts by its UTC time', () => {
    const early = { ...view(0, 'u', { $set: { a: 'early' } }), timestamp: '2026-11-28T11:30:00+02:00' }; // 09:30Z
    const late = view(0, 'u', { $set: { a: 'late' } }); // 10:00Z
    expect(personsFromEvents([late, early]).persons[0]).toMatchObject({ created_at: '2026-11-28T09:30:00.000Z', properties: { a: 'late' } });
  });
});

describe('dropped and personless events', () => {
  it.each<[string, CaptureEvent[], Array<[string[], boolean]>, RegExp[]]>([
    ['a distinct_id over 400 characters drops the event', [view(0, 'x'.repeat(401))], [], [/distinct_id longer than 400 characters/]],
    ['400 characters is still fine', [view(0, 'x'.repeat(400))], [[['x'.repeat(400)], false]], []],
    ['an unparseable timestamp skips the event', [{ ...view(0, 'u'), timestamp: 'yesterday' }], [], [/timestamp "yesterday" is not a valid ISO time/]],
    ['personless events create no person', [view(0, 'anon', { $process_person_profile: false })], [], []],
    ['a personless id joins the person when identified later',
      [view(0, 'anon', { $process_person_profile: false }), identify(1, 'user', 'anon')], [[['user', 'anon'], true]], []],
    ['$identify with $process_person_profile false is dropped',
      [view(0, 'anon'), identify(1, 'user', 'anon', { $process_person_profile: false })], [[['anon'], false]], [/event dropped: \$identify with \$process_person_profile=false/]],
    ['a non-boolean $process_person_profile warns and processes the person',
      [view(0, 'u', { $process_person_profile: 'no' })], [[['u'], false]], [/invalid \$process_person_profile "no"/]],
    ['$process_person_profile true processes the person without a warning', [view(0, 'u', { $process_person_profile: true })], [[['u'], false]], []],
    ['a numeric timestamp is not an ISO time, even one Date.parse would read as a year', [{ ...view(0, 'u'), timestamp: 2026 } as unknown as CaptureEvent], [], [/timestamp 2026 is not a valid ISO time/]],
    ['a missing timestamp says so', [{ ...view(0, 'u'), timestamp: undefined } as unknown as CaptureEvent], [], [/timestamp missing is not a valid ISO time/]],
    ...(['$create_alias', '$merge_dangerously', '$groupidentify'] as const).map((event): [string, CaptureEvent[], Array<[string[], boolean]>, RegExp[]] => [
      `${event} with $process_person_profile false is dropped`,
      [view(0, 'u'), ev(1, event, 'u', { alias: 'v', $group_type: 'company', $group_key: 'c', $process_person_profile: false })],
      [[['u'], false]],
      [new RegExp(`event dropped: \\${event} with \\$process_person_profile=false`)],
    ]),
    ['a $groupidentify without properties is applied without error', [ev(0, '$groupidentify', 'u', undefined, { properties: undefined })], [[['u'], false]], []],
  ])('%s', (_name, events, expected, warnings) => {
    const result = personsFromEvents(events);
    expect(shape(result.persons)).toEqual(expected);
    expect(result.warnings.map((w) => w.reason)).toEqual(warnings.map((re) => expect.stringMatching(re)));
  });
});

/** A random stream over a small id pool (with illegal ids), ties in time included. */
function randomStream(seed: number, count: number): CaptureEvent[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'undefined', 'null', '0'];
  const keys = ['k1', 'k2', 'k3'];
  const events: CaptureEvent[] = [];
  for (let i = 0; i < count; i++) {
    const props: Record<string, unknown> = {};
    if (r() < 0.4) props.$set = { [pick(keys)]: i };
    if (r() < 0.3) props.$set_once = { [pick(keys)]: i };
    if (r() < 0.2) props.$unset = [pick(keys)];
    if (r() < 0.2) props.utm_source = pick(['x', 'y', null]);
    if (r() < 0.1) props.$process_person_profile = false;
    if (r() < 0.2) props.$groups = { [pick(['org', 'team', 'p1', 'p2', 'p3', 'p4'])]: pick(keys) };
    const kind = pick(['$pageview', '$pageview', '$identify', '$create_alias', '$merge_dangerously', '$groupidentify']);
    if (kind === '$identify') props.$anon_distinct_id = pick(ids);
    if (kind === '$create_alias' || kind === '$merge_dangerously') props.alias = pick(ids);
    if (kind === '$groupidentify') Object.assign(props, { $group_type: pick(['org', 'team', 'p1', 'p2', 'p3', 'p4']), $group_key: pick(keys), $group_set: { n: i } });
    const e = ev(Math.floor(r() * 30), kind, pick(ids), props);
    events.push({ ...e, uuid: `r${seed}-${String(i).padStart(3, '0')}` });
  }
  return events;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('same events in any order give the same persons and groups (seeded)', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
    const events = randomStream(seed, 60);
    const persons = personsFromEvents(events);
    const groups = groupsFromEvents(events);
    for (const k of [1, 2, 3]) {
      const other = shuffled(events, seed * 100 + k);
      expect(personsFromEvents(other)).toEqual(persons);
      expect(groupsFromEvents(other)).toEqual(groups);
    }
    // Every distinct id belongs to exactly one person.
    const all = persons.persons.flatMap((p) => p.distinct_ids);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([7, 8, 9])('seed %i: folding with applyEvent through JSON round trips equals personsFromEvents', (seed) => {
    const sorted = sortEvents(randomStream(seed, 80));
    let state: PersonsState = emptyPersonsState();
    sorted.forEach((event, i) => {
      if (i % 7 === 0) state = JSON.parse(JSON.stringify(state)) as PersonsState;
      applyEvent(state, event);
    });
    expect(personsOf(state)).toEqual(personsFromEvents(sorted));
  });
});

/** Applies `event` to a state holding only the persons of its two ids, then writes that back (as a store would). */
function applyPartially(full: PersonsState, event: CaptureEvent): void {
  const ids = [String(event.distinct_id), mergeRequest(event)?.other].filter((id): id is string => id !== undefined);
  const part: PersonsState = { nextId: full.nextId, persons: {}, personByDistinctId: {}, warnings: [] };
  const loaded = new Set<string>();
  for (const id of ids) {
    const key = full.personByDistinctId[id];
    if (key === undefined || loaded.has(key)) continue;
    loaded.add(key);
    part.persons[key] = structuredClone(full.persons[key]);
    for (const d of full.persons[key].distinct_ids) part.personByDistinctId[d] = key;
  }
  applyEvent(part, event);
  for (const key of loaded) if (!(key in part.persons)) delete full.persons[key];
  Object.assign(full.persons, part.persons);
  Object.assign(full.personByDistinctId, part.personByDistinctId);
  full.nextId = part.nextId;
  full.warnings.push(...part.warnings);
}

describe('applyEvent touches only the persons of the event’s distinct_id and merge id', () => {
  it.each([11, 12, 13, 14])('seed %i: a state loaded per event with just those persons gives the same result', (seed) => {
    const sorted = sortEvents(randomStream(seed, 80));
    const full = emptyPersonsState();
    for (const event of sorted) applyPartially(full, event);
    expect(personsOf(full)).toEqual(personsFromEvents(sorted));
  });
});

describe('sortEvents', () => {
  it('orders by time, then uuid in code-unit order; an unreadable time sorts first', () => {
    const events = [ev(1, 'e', 'u', {}, { uuid: 'b' }), ev(1, 'e', 'u', {}, { uuid: 'a' }), ev(0, 'e', 'u', {}, { uuid: 'z' }), ev(5, 'e', 'u', {}, { uuid: 'bad', timestamp: 'never' })];
    expect(sortEvents(events).map((e) => e.uuid)).toEqual(['bad', 'z', 'a', 'b']);
    expect(sortEvents([...events].reverse()).map((e) => e.uuid)).toEqual(['bad', 'z', 'a', 'b']);
  });
});
