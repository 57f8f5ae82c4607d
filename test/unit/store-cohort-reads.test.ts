import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import { cohortMembers, type CohortCondition, type CohortDefinition } from '../../src/cohorts';
import { cohortReads, mergeRanges } from '../../src/cohorts/reads';
import type { CaptureEvent } from '../../src/events/types';
import { createCohortCache } from '../../src/store/cohort-cache';
import { computeMembers } from '../../src/store/cohort-members';
import { saveCohort } from '../../src/store/cohorts';
import { saveAction } from '../../src/store/actions';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents } from '../fixtures/generate-events';
import { cohort, has, NOW } from '../support/cohorts';
import { uuidAt } from '../support/people-stream';

/**
 * Behavioral leaves read only the events inside their time windows (src/cohorts/reads.ts,
 * src/store/cohort-events.ts): the members stay exactly cohortMembers' over all events, events
 * just outside a window included.
 */
const NOW_MS = Date.parse(NOW); // Tuesday 2026-12-01 12:00 UTC
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Start of the day 7 days before NOW: a 7-day trends window starts here (and ends at the end of today). */
const FROM7 = Date.UTC(2026, 10, 24);
const END = Date.UTC(2026, 11, 2) - 1;

/** The chain of a generated "add to cart" click: an action's selector matches it, other clicks do not. */
const generated = generateEvents({ count: 2000, seed: 4 });
const CART_CHAIN = String(generated.find((e) => String(e.properties.$elements_chain ?? '').includes('add-to-cart'))!.properties.$elements_chain);
const OTHER_CHAINS = [...new Set(generated.map((e) => e.properties.$elements_chain).filter((c): c is string => typeof c === 'string' && !c.includes('add-to-cart')))].slice(0, 5);

let n = 0;
/** An event at `ms`, its timestamp written in the zone `offset` hours east of UTC (as imports may store it). */
function at(event: string, id: string, ms: number, offset = 0, properties: Record<string, unknown> = {}): CaptureEvent {
  const local = new Date(ms + offset * HOUR).toISOString().slice(0, 23);
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${String(Math.abs(offset)).padStart(2, '0')}:00`;
  return { uuid: uuidAt(ms, ++n), event, distinct_id: id, timestamp: `${local}${zone}`, properties: { $host: 'shop.test', ...properties } };
}
const click = (id: string, ms: number, chain = CART_CHAIN, offset = 0) => at('$autocapture', id, ms, offset, { $elements_chain: chain, $event_type: 'click' });

/**
 * One person per edge: each does `x` (or clicks) once, just inside or just outside the 7-day
 * window, some with a zone offset whose local time lies on the other side of the edge.
 */
const EDGES: CaptureEvent[] = [
  at('x', 'in-first-ms', FROM7),
  at('x', 'out-last-ms', FROM7 - 1),
  at('x', 'out-east', FROM7 - HOUR, 5), // local 04:00 on the window's first day, UTC the day before
  at('x', 'in-west', FROM7 + HOUR, -5), // local 20:00 the day before, UTC inside
  at('x', 'in-end', END),
  at('x', 'out-future', END + 1),
  at('x', 'old', FROM7 - 20 * DAY),
  at('x', 'old', FROM7 + 2 * DAY),
  at('x', 'recent-only', NOW_MS - HOUR),
  at('x', 'returning', FROM7 - 9 * DAY),
  at('x', 'returning', NOW_MS - 2 * HOUR),
  at('x', 'twice', NOW_MS - 3 * DAY),
  at('x', 'twice', NOW_MS - 2 * DAY, 3),
  at('y', 'in-first-ms', FROM7 + DAY),
  at('y', 'other-only', NOW_MS - DAY),
  at('x', 'pro-buyer', NOW_MS - DAY, 0, { plan: 'pro' }),
  // One person with two ids, and a person property to filter on.
  at('$identify', 'user-7', FROM7 + 5 * HOUR, 0, { $anon_distinct_id: 'in-first-ms', $set: { plan: 'pro' } }),
  at('x', 'free-buyer', NOW_MS - DAY, 2, { plan: 'free' }),
  click('clicked-in', FROM7 + 3 * HOUR, CART_CHAIN, -5),
  click('clicked-out', FROM7 - 1),
  click('clicked-old', FROM7 - 30 * DAY),
  click('clicked-old', NOW_MS - DAY),
  ...OTHER_CHAINS.flatMap((chain, i) => Array.from({ length: 40 }, (_, j) => click(`noise-${i}`, NOW_MS - j * HOUR, chain))),
];

const ACTIONS: Record<string, StoredAction> = {
  cart: { id: 'cart', name: 'Add to cart', site: 'shop.test', steps: [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }], created_at: NOW, updated_at: NOW } as StoredAction,
  'any-cart': { id: 'any-cart', name: 'Any add to cart', site: 'shop.test', steps: [{ selector: '[data-attr="add-to-cart"]' }], created_at: NOW, updated_at: NOW } as StoredAction,
};

const did = (key: string, value: string, extra: Record<string, unknown> = {}): CohortCondition => ({ type: 'behavioral', key, event_type: 'events', value, ...extra }) as CohortCondition;
const days = (n: number) => ({ time_value: n, time_interval: 'day' });

const PRO = { key: 'plan', value: 'pro', operator: 'exact', type: 'event' };

const COHORTS: [string, CohortDefinition, 'none'?][] = [
  ['performed_event, 7 days', cohort(did('x', 'performed_event', days(7)))],
  ['performed_event, explicit ISO range', cohort(did('x', 'performed_event', { explicit_datetime: '2026-11-24T00:00:00Z', explicit_datetime_to: '2026-11-26' }))],
  ['performed_event_multiple gte 2 in 4 days (exclusive edges)', cohort(did('x', 'performed_event_multiple', { ...days(4), operator: 'gte', operator_value: 2 }))],
  ['performed_event_first_time in 7 days', cohort(did('x', 'performed_event_first_time', days(7)))],
  ['stopped_performing_event', cohort(did('x', 'stopped_performing_event', { ...days(30), seq_time_value: 3, seq_time_interval: 'day' }))],
  ['restarted_performing_event', cohort(did('x', 'restarted_performing_event', { ...days(7), seq_time_value: 1, seq_time_interval: 'day' }))],
  ['negated leaf AND another event', cohort(did('y', 'performed_event', days(7)), { ...did('x', 'performed_event', days(3)), negation: true })],
  ['an action by its matched series', cohort({ type: 'behavioral', key: 'cart', event_type: 'actions', value: 'performed_event', ...days(7) } as never)],
  ['an action with a step of any event', cohort({ type: 'behavioral', key: 'any-cart', event_type: 'actions', value: 'performed_event', ...days(7) } as never)],
  ['an action, first time', cohort({ type: 'behavioral', key: 'cart', event_type: 'actions', value: 'performed_event_first_time', ...days(7) } as never)],
  ['an end date before the start date (an empty window) next to a real one', cohort(did('x', 'performed_event', { explicit_datetime: '2026-11-28', explicit_datetime_to: '2026-11-20' }), did('y', 'performed_event', days(7))), 'none'],
  ['event filters: the events read with their properties', cohort(did('x', 'performed_event', { ...days(7), event_filters: [PRO] }))],
  ['one name with and without event filters', cohort(did('x', 'performed_event_multiple', { ...days(3), operator: 'gte', operator_value: 1 }), did('x', 'performed_event', { ...days(7), event_filters: [PRO] }))],
  ['a person property AND an event (persons read with their properties)', cohort(has('plan'), did('x', 'performed_event', days(7)))],
  ['an event, negated (every person counts, read by their ids only)', cohort({ ...did('y', 'performed_event', days(7)), negation: true }, did('x', 'performed_event', days(30)))],
  ['legacy groups under an empty filters object', { filters: {}, groups: [{ event_id: 'y', days: 3 }] } as never],
];

async function seeded(): Promise<LassoDatabase> {
  const db = await openLassoDB(new IDBFactory());
  for (const action of Object.values(ACTIONS)) await saveAction(db, action as never);
  await ingestEvents(db, EDGES);
  return db;
}

describe('time-bounded cohort reads: members equal cohortMembers over all events', () => {
  it.each(COHORTS)('%s', async (_name, definition, none) => {
    const db = await seeded();
    const actions = Object.fromEntries((await db.getAll('actions')).map((a) => [a.id, a]));
    const stored = await computeMembers(db, definition, { cohorts: {}, actions, now: NOW_MS });
    const expected = cohortMembers(definition, { events: EDGES, actions, now: NOW });
    expect(stored.members.map((m) => m.distinct_ids)).toEqual(expected);
    if (none) expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(0); // about someone
    db.close();
  });

  it('the edges matter: just outside the 7-day window is not a member, a zone offset counts by its instant', async () => {
    const db = await seeded();
    const { members } = await computeMembers(db, COHORTS[0][1], { cohorts: {}, actions: {}, now: NOW_MS });
    const ids = members.map((m) => m.distinct_ids[0]);
    expect(ids).toEqual(expect.arrayContaining(['in-first-ms', 'in-west', 'in-end', 'old']));
    for (const out of ['out-last-ms', 'out-east', 'out-future']) expect(ids).not.toContain(out);
    db.close();
  });
});

describe('time-bounded cohort reads: what is read', () => {
  it('performed_event reads persons and the events of its name within a day of its window, not older ones', async () => {
    const db = await seeded();
    const persons = (await db.getAll('persons')).length;
    const near = EDGES.filter((e) => e.event === 'x' && Date.parse(e.timestamp) >= FROM7 - 2 * DAY && Date.parse(e.timestamp) <= END + 2 * DAY).length;
    const all = EDGES.filter((e) => e.event === 'x').length;
    const { reads } = await computeMembers(db, COHORTS[0][1], { cohorts: {}, actions: {}, now: NOW_MS });
    expect(reads - persons).toBeLessThanOrEqual(near);
    expect(near).toBeLessThan(all); // older events exist and were skipped
    db.close();
  });

  it('a leaf without event filters reads who did what when (event_people), not the events', async () => {
    const db = await seeded();
    const plain = cohort(did('x', 'performed_event', days(7)));
    const filtered = cohort(did('x', 'performed_event', { ...days(7), event_filters: [PRO] }));
    const expected = cohortMembers(plain, { events: EDGES, now: NOW });
    expect(cohortMembers(filtered, { events: EDGES, now: NOW })).toEqual([['pro-buyer']]);
    // The event records gone (not through a deletion, which would drop their keys too).
    await db.clear('events');
    const members = async (definition: CohortDefinition) => (await computeMembers(db, definition, { cohorts: {}, actions: {}, now: NOW_MS })).members.map((m) => m.distinct_ids);
    expect(await members(plain)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);
    // A filter needs the properties: with the records gone, nobody passes it.
    expect(await members(filtered)).toEqual([]);
    db.close();
  });

  it('a merged person is one member with every id, whether persons are read whole or by their ids', async () => {
    const db = await seeded();
    for (const definition of [cohort(did('x', 'performed_event', days(7))), cohort(has('plan'), did('x', 'performed_event', days(7)))]) {
      const ids = (await computeMembers(db, definition, { cohorts: {}, actions: {}, now: NOW_MS })).members.map((m) => m.distinct_ids);
      expect(ids).toContainEqual(['in-first-ms', 'user-7']);
      expect(ids).toEqual(cohortMembers(definition, { events: EDGES, now: NOW }));
    }
    db.close();
  });

  it('an action whose series all match reads keys only (refs and event_people joined), exact at the edges', async () => {
    const db = await seeded();
    // Many matching clicks: reading each event would cost far more than the keys.
    const many = Array.from({ length: 240 }, (_, i) => click(`buyer-${i % 60}`, NOW_MS - (i + 1) * 2 * HOUR, CART_CHAIN, (i % 3) - 1));
    await ingestEvents(db, many);
    const actions = Object.fromEntries((await db.getAll('actions')).map((a) => [a.id, a]));
    const all = [...EDGES, ...many];
    const definitions = [COHORTS[7][1], COHORTS[9][1], cohort({ type: 'behavioral', key: 'cart', event_type: 'actions', value: 'performed_event_multiple', time_value: 3, time_interval: 'day', operator: 'gte', operator_value: 2 } as never)];
    const expected = definitions.map((d) => cohortMembers(d, { events: all, actions, now: NOW }));
    await db.clear('events'); // the records gone: only keys can answer
    for (const [i, definition] of definitions.entries()) {
      const { members } = await computeMembers(db, definition, { cohorts: {}, actions, now: NOW_MS });
      expect(members.map((m) => m.distinct_ids)).toEqual(expected[i]);
    }
    const ids = expected[0].map((m) => m[0]);
    expect(ids).toEqual(expect.arrayContaining(['buyer-0', 'clicked-in', 'clicked-old']));
    expect(ids).not.toContain('clicked-out');
    expect(expected[2].length).toBeLessThan(expected[0].length); // the count window cuts some
    db.close();
  });

  it('an event leaf and an action leaf over the same name and window read its keys once', async () => {
    const db = await seeded();
    const many = Array.from({ length: 240 }, (_, i) => click(`buyer-${i % 60}`, NOW_MS - (i + 1) * 2 * HOUR, CART_CHAIN));
    await ingestEvents(db, many);
    const actions = Object.fromEntries((await db.getAll('actions')).map((a) => [a.id, a]));
    const persons = (await db.getAll('persons')).length;
    const clicked = did('$autocapture', 'performed_event', days(7));
    const cart = { type: 'behavioral', key: 'cart', event_type: 'actions', value: 'performed_event', ...days(7) } as never;
    const run = (definition: CohortDefinition) => computeMembers(db, definition, { cohorts: {}, actions, now: NOW_MS });
    const event = await run(cohort(clicked));
    const action = await run(cohort(cart));
    const both = cohort(clicked, cart);
    const together = await run(both);
    expect(event.reads - persons).toBeGreaterThan(200); // the keys of the week's clicks
    // The action already read those keys (its exact series by keys): the event leaf adds no read.
    expect(together.reads).toBe(action.reads);
    expect(together.members.map((m) => m.distinct_ids)).toEqual(cohortMembers(both, { events: [...EDGES, ...many], actions, now: NOW }));
    expect(together.members.length).toBeGreaterThan(50);
    db.close();
  });

  it('an action with a property filter reads its candidate events whole', async () => {
    const db = await seeded();
    const filtered = { id: 'pro-cart', name: 'Pro add to cart', site: 'shop.test', steps: [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }], created_at: NOW, updated_at: NOW } as StoredAction;
    await saveAction(db, filtered as never);
    const many = Array.from({ length: 240 }, (_, i) => ({ ...click(`buyer-${i % 60}`, NOW_MS - (i + 1) * 2 * HOUR), properties: { ...click('x', 0).properties, plan: i % 2 ? 'pro' : 'free' } }));
    await ingestEvents(db, many);
    const actions = Object.fromEntries((await db.getAll('actions')).map((a) => [a.id, a]));
    const definition = cohort({ type: 'behavioral', key: 'pro-cart', event_type: 'actions', value: 'performed_event', ...days(7) } as never);
    const expected = cohortMembers(definition, { events: [...EDGES, ...many], actions, now: NOW });
    const { members } = await computeMembers(db, definition, { cohorts: {}, actions, now: NOW_MS });
    expect(members.map((m) => m.distinct_ids)).toEqual(expected);
    expect(expected.length).toBe(30); // the odd buyers
    await db.clear('events');
    expect((await computeMembers(db, definition, { cohorts: {}, actions, now: NOW_MS })).members).toEqual([]);
    db.close();
  });

  it('an action leaf reads its matched series\' events, not every click', async () => {
    const db = await seeded();
    const actions = Object.fromEntries((await db.getAll('actions')).map((a) => [a.id, a]));
    const persons = (await db.getAll('persons')).length;
    const { reads } = await computeMembers(db, COHORTS[7][1], { cohorts: {}, actions, now: NOW_MS });
    const cartClicks = EDGES.filter((e) => e.properties.$elements_chain === CART_CHAIN).length;
    expect(reads - persons).toBeLessThanOrEqual(cartClicks);
    db.close();
  });

  it.each<[string, CohortDefinition, Record<string, [number, number][]>, Record<string, [number, number][]>]>([
    ['performed_event: its trends window', cohort(did('x', 'performed_event', days(7))), { x: [[FROM7, END]] }, {}],
    ['first time: everything up to its end', cohort(did('x', 'performed_event_first_time', days(7))), { x: [[-Infinity, END]] }, {}],
    ['multiple: now minus its length to now + 5 s', cohort(did('x', 'performed_event_multiple', { ...days(1), operator: 'gte', operator_value: 1 })), { x: [[NOW_MS - DAY, NOW_MS + 5000]] }, {}],
    ['two leaves of one name: their ranges joined', cohort(did('x', 'performed_event', days(7)), did('x', 'performed_event', { explicit_datetime: '2026-10-01', explicit_datetime_to: '2026-10-02' })), { x: [[Date.UTC(2026, 9, 1), Date.UTC(2026, 9, 3) - 1], [FROM7, END]] }, {}],
    ['an action', cohort({ type: 'behavioral', key: 'cart', event_type: 'actions', value: 'performed_event', ...days(7) } as never), {}, { cart: [[FROM7, END]] }],
    ['an invalid date: all time', cohort(did('x', 'performed_event', { explicit_datetime: 'soon' })), { x: [[-Infinity, Infinity]] }, {}],
    ['a static cohort: nothing', { is_static: true, distinct_ids: ['a'] }, {}, {}],
  ])('cohortReads, %s', (_name, definition, events, actions) => {
    const reads = cohortReads(definition, { actions: ACTIONS, now: NOW_MS });
    expect(Object.fromEntries(reads.events)).toEqual(events);
    expect(Object.fromEntries(reads.actions)).toEqual(actions);
  });

  it.each<[[number, number][], [number, number][]]>([
    [[[5, 9], [1, 3], [4, 4]], [[1, 9]]],
    [[[1, 2], [4, 5]], [[1, 2], [4, 5]]],
    [[[-Infinity, 3], [2, Infinity]], [[-Infinity, Infinity]]],
    [[[9, 1], [2, 3]], [[2, 3]]],
  ])('mergeRanges(%j) = %j', (input, expected) => {
    expect(mergeRanges(input)).toEqual(expected);
  });
});

describe('cached members after data arrives (time-bounded reads)', () => {
  it('a matching click just inside the window joins; one just outside recomputes to the same members', async () => {
    const db = await seeded();
    await saveCohort(db, { id: 'cart', name: 'cart', definition: COHORTS[7][1] });
    const cache = createCohortCache(db, { clock: () => NOW_MS });
    const ids = async () => (await cache.members('cart')).members.map((m) => m.distinct_ids[0]);
    const before = await ids();
    expect(before).not.toContain('late-clicker');
    // A new person's first click lands on a series the cache's computation never read.
    const newChain = CART_CHAIN.replace(/nth-child="\d+"/, 'nth-child="9"');
    expect(newChain).not.toBe(CART_CHAIN);
    await ingestEvents(db, [click('late-clicker', NOW_MS - HOUR / 2, newChain)]);
    expect(await cache.members('cart')).toMatchObject({ cached: false });
    expect(await ids()).toEqual([...before, 'late-clicker'].sort());
    await ingestEvents(db, [click('early-clicker', FROM7 - 1)]);
    expect(await ids()).not.toContain('early-clicker');
    expect(await ids()).toEqual(cohortMembers(COHORTS[7][1], { events: [...EDGES, ...(await db.getAll('events')).filter((e) => !EDGES.some((x) => x.uuid === e.uuid))], actions: ACTIONS, now: NOW }).map((m) => m[0]));
    cache.dispose();
    db.close();
  });
});
