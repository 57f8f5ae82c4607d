// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import type { EventsFilterInput } from '../../messaging/query-checks';
import { sendMessage } from '../../messaging/protocol';
import type { CohortMember } from '../../store/cohort-members';
import type { PersonListRow } from '../../store/queries/persons';
import type { Position } from '../../store/queries/order';
import type { RequestData } from '../use-request';
import type { ExportSource } from './run-export';
import { csvHeader, eventsCsv, eventsJsonl, MEMBER_COLUMNS, membersCsv, personColumns, personsCsv } from './serialize';

/** Rows asked for per page while exporting (bigger than the table's: nothing is rendered). */
export const EXPORT_PAGE = 500;

export type EventsFormat = { kind: 'jsonl' } | { kind: 'csv'; columns: string[] };

/** The events of `filter`, newest first, through `query.events`' keyset cursor. */
export function eventsSource(filter: EventsFilterInput, format: EventsFormat): ExportSource<CaptureEvent, Position> {
  return {
    read: async (cursor) => {
      const page = await sendMessage('query.events', { filter, limit: EXPORT_PAGE, cursor });
      // Only an exact total is a total; a bounded one ("between X and Y") is not shown as "of M".
      return { rows: page.rows, next: page.next, total: page.total && 'exact' in page.total ? page.total.exact : null };
    },
    write: (rows) => (format.kind === 'jsonl' ? eventsJsonl(rows) : eventsCsv(rows, format.columns)),
    header: format.kind === 'csv' ? csvHeader(format.columns) : undefined,
    type: format.kind === 'jsonl' ? 'application/x-ndjson' : 'text/csv',
  };
}

type PersonsCursor = RequestData<'query.persons'>['cursor'];

/**
 * The persons of a search (`request` as the Persons list sends it), each once: an id-prefix
 * search lists a person once per matching id, possibly on different pages.
 */
export function personsSource(request: Omit<RequestData<'query.persons'>, 'cursor'>, properties: string[]): ExportSource<PersonListRow, NonNullable<PersonsCursor>> {
  const seen = new Set<string>();
  return {
    read: async (cursor) => {
      const page = await sendMessage('query.persons', { ...request, limit: EXPORT_PAGE, cursor });
      const rows = page.rows.filter((p) => !seen.has(p.distinct_ids[0]) && (seen.add(p.distinct_ids[0]), true));
      return { rows, next: page.next };
    },
    write: (rows) => personsCsv(rows, properties),
    header: csvHeader(personColumns(properties)),
    type: 'text/csv',
  };
}

/**
 * A cohort's members by offset through `cohorts.members`. Every page after the first asks at the
 * first answer's `now`, so a time-windowed cohort does not shift while it is exported.
 */
export function membersSource(id: string): ExportSource<CohortMember, number> {
  let now: number | undefined;
  return {
    read: async (offset) => {
      const start = offset ?? 0;
      const page = await sendMessage('cohorts.members', { id, offset: start, limit: EXPORT_PAGE, now });
      now = page.now;
      const end = start + page.members.length;
      return { rows: page.members, next: page.members.length && end < page.count ? end : null, total: page.count };
    },
    write: membersCsv,
    header: csvHeader(MEMBER_COLUMNS),
    type: 'text/csv',
  };
}
