/**
 * A static cohort from a CSV of distinct ids, read as PostHog reads an uploaded cohort CSV
 * (PostHog/posthog products/cohorts/backend/api/cohort.py `_calculate_static_by_csv`):
 * leading empty rows are skipped; a file whose first row has at most one non-empty cell is one
 * column of distinct ids, first row included; otherwise the first row is a header and the
 * `distinct_id` / `distinct-id` column is read, rows too short for it skipped; cells are trimmed
 * and empty ones skipped. PostHog also takes person ids and emails; Lasso's static cohorts list
 * distinct ids, so such a file is refused with a message saying so.
 */
// @ts-nocheck

import { CohortValidationError } from './errors';
import type { StaticCohort } from './types';

const PERSON_ID_HEADERS = ['person_id', 'person-id', 'person .id'];
const EMAIL_HEADERS = ['email', 'e-mail'];
const DISTINCT_ID_HEADERS = ['distinct_id', 'distinct-id'];

/** RFC 4180 rows: commas, double quotes with "" escapes, quoted line breaks; \r\n, \n or \r ends a row. A blank line is []. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let started = false; // the current row has begun (a character, a quote or a comma)
  const endRow = () => {
    rows.push(started ? [...row, cell] : []);
    row = [];
    cell = '';
    started = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      continue;
    }
    started = true;
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else cell += c;
  }
  if (started) endRow();
  return rows;
}

const isOneOf = (cell: string, names: string[]) => names.includes(cell.trim().toLowerCase());
const refuse = (problem: string): never => {
  throw new CohortValidationError('csv', problem);
};

/** The static cohort listed by a CSV file's text; throws a CohortValidationError (path `csv`) when it lists no distinct ids. */
export function staticCohortFromCsv(text: string, name?: string): { cohort: StaticCohort; skippedRows: number } {
  const rows = parseCsvRows(text.replace(/^\uFEFF/, ''));
  const start = rows.findIndex((r) => r.length > 0);
  if (start < 0) refuse('the CSV file is empty; upload a file with one distinct id per line');
  const [first, ...rest] = rows.slice(start);
  let ids: string[] = [];
  let skippedRows = 0;
  if (first.filter((c) => c.trim()).length <= 1) {
    if (isOneOf(first[0] ?? '', [...PERSON_ID_HEADERS, ...EMAIL_HEADERS])) {
      refuse(`the column '${first[0].trim()}' holds person ids or emails; Lasso's static cohorts list distinct ids — export a distinct_id column`);
    }
    ids = [first, ...rest].map((r) => (r[0] ?? '').trim());
  } else {
    const col = first.findIndex((h) => isOneOf(h, DISTINCT_ID_HEADERS));
    if (col < 0) refuse(`no distinct_id column (found: ${first.filter((h) => h.trim()).join(', ')}); a CSV with several columns needs a 'distinct_id' header`);
    for (const r of rest) {
      if (r.length <= col) skippedRows += r.length > 0 ? 1 : 0;
      else ids.push(r[col].trim());
    }
  }
  const distinct_ids = [...new Set(ids.filter((id) => id !== ''))];
  if (!distinct_ids.length) refuse('the CSV file lists no distinct ids');
  return { cohort: { ...(name ? { name } : {}), is_static: true, distinct_ids }, skippedRows };
}
