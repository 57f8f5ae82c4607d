// @ts-nocheck
// Static cohorts from a CSV of distinct ids, read as PostHog reads an uploaded cohort CSV
// (PostHog/posthog products/cohorts/backend/api/cohort.py `_calculate_static_by_csv`).
import { describe, expect, it } from 'vitest';
import { CohortValidationError, staticCohortFromCsv } from '../../src/cohorts';

describe('staticCohortFromCsv', () => {
  it.each<[string, string, string[], number]>([
    ['one id per line, the first line included', 'anon-1\nuser@x.test\n', ['anon-1', 'user@x.test'], 0],
    ['CRLF, blank lines and spaces', '\r\n\r\n  a  \r\n\r\nb\r\n', ['a', 'b'], 0],
    ['a one-column file whose first row is not a known header is all ids', 'distinct ids\na', ['distinct ids', 'a'], 0],
    ['duplicates kept once, in order', 'a\nb\na\n', ['a', 'b'], 0],
    ['a distinct_id column among others', 'name,distinct_id\nAda,ada-1\nBob,bob-1\n', ['ada-1', 'bob-1'], 0],
    ['distinct-id header, any case', 'Name,Distinct-ID\nAda,ada-1', ['ada-1'], 0],
    ['quoted cells with commas, quotes and line breaks', 'note,distinct_id\n"a, ""b""\nc",id-1\n', ['id-1'], 0],
    ['rows too short for the column are skipped and counted', 'name,distinct_id\nAda,ada-1\nBob\nCy,\n', ['ada-1'], 1],
    ['a byte-order mark is ignored', '\uFEFFa\nb', ['a', 'b'], 0],
  ])('%s', (_name, text, ids, skipped) => {
    const { cohort, skippedRows } = staticCohortFromCsv(text, 'Imported');
    expect(cohort).toEqual({ name: 'Imported', is_static: true, distinct_ids: ids });
    expect(skippedRows).toBe(skipped);
  });

  it.each<[string, string, RegExp]>([
    ['an empty file', '\n\n', /empty/],
    ['a person_id column', 'person_id\n0190-…', /person ids or emails/],
    ['an email column', 'Email\nada@x.test', /person ids or emails/],
    ['several columns without distinct_id', 'name,plan\nAda,pro', /no distinct_id column \(found: name, plan\)/],
    ['a header and no ids', 'name,distinct_id\nAda,\n', /lists no distinct ids/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => staticCohortFromCsv(text)).toThrow(CohortValidationError);
    expect(() => staticCohortFromCsv(text)).toThrow(message);
  });
});
