// @ts-nocheck
import type { PersonListRow } from '../../store/queries/persons';

/** The route query key that carries a new static cohort's distinct ids (`#/cohorts/new?ids=a&ids=b`). */
export const COHORT_IDS_KEY = 'ids';

/**
 * Persons picked in the list, keyed by their first distinct id (the list's row key), each with
 * every distinct id it has: a static cohort of them keeps matching whichever id a later event uses.
 */
export type PersonSelection = ReadonlyMap<string, readonly string[]>;

/** The selection with `person` added (`on`) or taken out. */
export function toggled(selection: PersonSelection, person: Pick<PersonListRow, 'distinct_ids'>, on: boolean): PersonSelection {
  const next = new Map(selection);
  const key = person.distinct_ids[0];
  if (key === undefined) return selection;
  if (on) next.set(key, person.distinct_ids);
  else next.delete(key);
  return next;
}

/** The selection with every row of `rows` added. */
export function withAll(selection: PersonSelection, rows: readonly Pick<PersonListRow, 'distinct_ids'>[]): PersonSelection {
  return rows.reduce((s, row) => toggled(s, row, true), selection);
}

/** Every distinct id of the selected persons, each once, in selection order. */
export function selectedIds(selection: PersonSelection): string[] {
  return [...new Set([...selection.values()].flat())];
}

/** The query of `#/cohorts/new` that opens the editor as a static cohort of these ids. */
export function newStaticCohortQuery(ids: readonly string[]): URLSearchParams {
  const query = new URLSearchParams();
  for (const id of ids) query.append(COHORT_IDS_KEY, id);
  return query;
}
