// Static cohorts from a CSV of distinct ids, read as PostHog reads an uploaded cohort CSV
// (PostHog/posthog products/cohorts/backend/api/cohort.py `_calculate_static_by_csv`).
import { describe, expect, it } from 'vitest';
import { CohortValidationError, staticCohortFromCsv } from '../../src/cohorts';
import { parseCsvRows } from '../../src/cohorts/csv';

describe('parseCsvRows (RFC 4180; \\r\\n, \\n or \\r ends a row; a blank line is [])', () => {
  it.each<[string, string, string[][]]>([
    ['a final line break ends the last row, adds none', 'a\nb\n', [['a'], ['b']]],
    ['\\r\\n is one line break', 'a\r\nb', [['a'], ['b']]],
    ['a lone \\r ends a row (old Mac files)', 'a\rb\rc', [['a'], ['b'], ['c']]],
    ['a blank line between \\n', 'a\n\nb', [['a'], [], ['b']]],
    ['a blank line between \\r', 'a\r\rb', [['a'], [], ['b']]],
    ['quotes keep commas, "" is a quote', '"x ""y"", z",w', [['x "y", z', 'w']]],
    ['a quoted line break stays in the cell', '"a\nb",c\nd', [['a\nb', 'c'], ['d']]],
    ['a comma alone is a row of two empty cells', ',\n', [['', '']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsvRows(text)).toEqual(rows);
  });
});

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
    ['only a leading byte-order mark is dropped: one inside an id stays', 'x\uFEFFy\n', ['x\uFEFFy'], 0],
    ['old Mac line breaks (\\r)', 'a\rb\r', ['a', 'b'], 0],
    ['a first row with one non-empty cell is one column of ids', 'ada-1, \nbob-1,\n', ['ada-1', 'bob-1'], 0],
    ['a quoted id keeps its commas and quotes', 'name,distinct_id\nAda,"ada ""1"", x"\n', ['ada "1", x'], 0],
    ['header and cells are trimmed', 'Name, Distinct_ID \nAda, ada-1 \n', ['ada-1'], 0],
    ['distinct_id as the first of several columns', 'distinct_id,name\nada-1,Ada', ['ada-1'], 0],
    ['blank lines before the header are skipped', '\n\nname,distinct_id\nAda,ada-1', ['ada-1'], 0],
    ['blank rows are not counted as skipped', 'name,distinct_id\n\nAda,ada-1\n\n', ['ada-1'], 0],
  ])('%s', (_name, text, ids, skipped) => {
    const { cohort, skippedRows } = staticCohortFromCsv(text, 'Imported');
    expect(cohort).toEqual({ name: 'Imported', is_static: true, distinct_ids: ids });
    expect(skippedRows).toBe(skipped);
  });

  it.each<[string, string, RegExp]>([
    ['an empty file', '\n\n', /empty/],
    ['a person_id column', 'person_id\n0190-…', /person ids or emails/],
    ['an email column', 'Email\nada@x.test', /person ids or emails/],
    ['a person-id column', 'person-id\n0190-…', /person ids or emails/],
    ["PostHog's export header 'Person .id'", 'Person .id\n0190-…', /person ids or emails/],
    ['an e-mail column, named as written but trimmed', ' E-mail \nada@x.test', /^csv: the column 'E-mail' holds person ids or emails/],
    ['several columns without distinct_id: blank headers left out of the list', 'name, ,plan\nAda,x,pro', /\(found: name, plan\)/],
    ['several columns without distinct_id', 'name,plan\nAda,pro', /no distinct_id column \(found: name, plan\)/],
    ['a header and no ids', 'name,distinct_id\nAda,\n', /lists no distinct ids/],
  ])('refuses %s', (_name, text, message) => {
    let error: unknown;
    try {
      staticCohortFromCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CohortValidationError);
    expect((error as CohortValidationError).path).toBe('csv');
    expect((error as CohortValidationError).message).toMatch(message);
  });
});
