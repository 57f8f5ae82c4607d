import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents, type Person } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import type { LassoDatabase } from '../../src/store/schema';
import { listSessions } from '../../src/store/sessions';
import { expectedIndexOf, indexOf } from './index-snapshot';
import { hourOf, indexedParts } from '../../src/store/rows';
import { parseInstant } from '../../src/cohorts/posthog-dates';

const sortWarnings = (list: { uuid: string; reason: string }[]) =>
  [...list].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : a.reason < b.reason ? -1 : 1));

/** Everything the store derives from its events, in the definitions' shapes (store-persons / store-sessions tests' forms). */
export async function derivedOf(db: LassoDatabase) {
  const rows = await db.getAll('persons');
  const persons: Person[] = rows
    .map(({ distinct_ids, properties, created_at, is_identified }) => ({ distinct_ids, properties, created_at, is_identified }))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (a.distinct_ids[0] < b.distinct_ids[0] ? -1 : 1));
  const warnings = sortWarnings((await db.getAll('person_warnings')).map(({ uuid, reason }) => ({ uuid, reason })));
  const sessions = (await listSessions(db, { limit: 100_000 })).rows.map(({ host: _, ...row }) => row).reverse();
  const links = (await db.getAllKeys('person_links')).map((k) => k.join(' ↔ '));
  const eventHours = Object.fromEntries((await db.getAll('event_hours')).map((r) => [`${r.event}|${r.host}@${r.hour}`, r.n]));
  const eventPeople = (await db.getAllKeys('event_people')).map((k) => k.join(' ')).sort();
  return { index: await indexOf(db), eventHours, eventPeople, sessions, persons, warnings, links, events: (await db.getAllKeys('events')).sort() };
}

/** Events per `${event}|${host}@${hour}`, counted the obvious way. */
function expectedEventHours(events: CaptureEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    const key = `${e.event}|${indexedParts(e).host}@${hourOf(Date.parse(e.timestamp))}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** What the pure definitions give for `events` (links: every merge request's pair, both ways). */
export function expectedDerivedOf(events: CaptureEvent[], linksOfFresh: string[]) {
  const { persons, warnings } = personsFromEvents(events);
  return {
    index: expectedIndexOf(events),
    eventHours: expectedEventHours(events),
    // Every event of these streams has a readable time: one key each.
    eventPeople: events.map((e) => [e.event, parseInstant(e.timestamp), e.distinct_id, e.uuid].join(' ')).sort(),
    sessions: sessionsFromEvents(events),
    persons,
    warnings: sortWarnings(warnings),
    links: linksOfFresh,
    events: events.map((e) => e.uuid).sort(),
  };
}
