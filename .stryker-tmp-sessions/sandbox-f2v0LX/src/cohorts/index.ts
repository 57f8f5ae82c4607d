/**
 * Cohorts: PostHog's cohort JSON, validated with errors that name the offending part, and
 * evaluated over persons derived from events (see README.md for the rules and their sources).
 */
// @ts-nocheck

import type { StoredAction } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import { personsFromEvents } from '../persons';
import { membersOf } from './evaluate';
import type { CohortDefinition, CohortPerson } from './types';

export { membersOf } from './evaluate';
export { validateCohort, compileCohort, type CohortContext } from './validate';
export { CohortValidationError } from './errors';
export { staticCohortFromCsv } from './csv';
export { cohortDependencies, type CohortDependencies } from './dependencies';
export type * from './types';

/**
 * The members of `cohort`, each as its sorted distinct_ids, sorted. Persons come from
 * `personsFromEvents(data.events)`; every event belongs to the person of its distinct_id.
 * Throws a CohortValidationError when the definition (or one it references) is invalid.
 */
export function cohortMembers(
  cohort: CohortDefinition,
  data: { events: CaptureEvent[]; cohorts?: Record<string, CohortDefinition>; actions?: Record<string, StoredAction>; now: string },
): string[][] {
  const { persons } = personsFromEvents(data.events);
  const people: CohortPerson[] = persons.map((p) => ({ distinct_ids: p.distinct_ids, properties: p.properties, events: [] }));
  const byDistinctId = new Map<string, CohortPerson>();
  for (const person of people) for (const id of person.distinct_ids) byDistinctId.set(id, person);
  for (const e of data.events) byDistinctId.get(e.distinct_id)?.events.push(e);
  const members = membersOf(cohort, people, { cohorts: data.cohorts, actions: data.actions, now: data.now });
  const sortIds = (ids: string[]) => [...ids].sort();
  return members
    .map((m) => sortIds(m.distinct_ids))
    .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0));
}
