// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { detectFormat, parserFor } from '../../src/import/parse';
import { MAX_ITEM_CHARS } from '../../src/import/limits';
import type { ImportFormat, ParsedItem } from '../../src/import/types';

/** Feed `text` to a fresh parser cut at `cuts` (chunk boundaries anywhere); all items in order. */
function parse(format: ImportFormat, text: string, cuts: number[] = []): ParsedItem[] {
  const parser = parserFor(format);
  const items: ParsedItem[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    items.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  return [...items, ...parser.end()];
}

/** Values and errors as compact rows: [line, value] or [line, 'error: …']. */
const rows = (items: ParsedItem[]) => items.map((i) => ('error' in i ? [i.line, `error: ${i.error}`] : [i.line, i.value]));

const a = { uuid: 'u1', event: 'e', s: 'has , and ] and } and "quotes" and \\ backslash' };
const b = { uuid: 'u2', nested: { list: [1, [2, { x: '[' }]], empty: {} } };

// Each case: format, text, expected [line, value | 'error: …'] rows.
const cases: Array<[string, ImportFormat, string, unknown[]]> = [
  ['JSONL', 'jsonl', `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`, [[1, a], [2, b]]],
  ['JSONL without final newline', 'jsonl', `${JSON.stringify(a)}\n${JSON.stringify(b)}`, [[1, a], [2, b]]],
  ['JSONL with CRLF, BOM and empty lines', 'jsonl', `\uFEFF${JSON.stringify(a)}\r\n\r\n   \r\n${JSON.stringify(b)}\r\n`, [[1, a], [4, b]]],
  ['JSONL with a malformed line', 'jsonl', `${JSON.stringify(a)}\n{"uuid": oops}\n${JSON.stringify(b)}\n`, [[1, a], [2, expect.stringMatching(/^error: not valid JSON/)], [3, b]]],
  ['JSON array, pretty printed', 'json', JSON.stringify([a, b], null, 2), [[2, a], [7, b]]],
  ['JSON array on one line with BOM and CRLF after', 'json', `\uFEFF${JSON.stringify([a, b])}\r\n`, [[1, a], [1, b]]],
  ['JSON array, empty', 'json', ' [ ] ', []],
  ['JSON array of scalars and strings with brackets', 'json', '[1, "a]b", null, "x\\"]"]', [[1, 1], [1, 'a]b'], [1, null], [1, 'x"]']]],
  ['JSON array with a malformed element: the next is still read', 'json', `[\n${JSON.stringify(a)},\n{"uuid": nope},\n${JSON.stringify(b)}\n]`, [[2, a], [3, expect.stringMatching(/^error: not valid JSON/)], [4, b]]],
  ['not a JSON array', 'json', '{"uuid": "x"}', [[1, expect.stringMatching(/not a JSON array.*expected \[/)]]],
  ['JSON array with text after it', 'json', `[${JSON.stringify(a)}]\n\nmore`, [[1, a], [3, 'error: text after the closing ] of the array']]],
  ['JSON array cut short', 'json', `[${JSON.stringify(a)},\n{"uuid": "u2"`, [[1, a], [2, 'error: the array ends inside this element (file cut short?)']]],
  ['JSON array with a trailing comma', 'json', `[${JSON.stringify(a)},]`, [[1, a], [1, 'error: a comma before the closing ] (no element after it)']]],
  ['empty JSON file', 'json', '  \n', [[2, 'error: the file is empty: expected a JSON array']]],
];

describe('streaming parsers', () => {
  it.each(cases)('%s', (_name, format, text, expected) => {
    expect(rows(parse(format, text))).toEqual(expected);
  });

  it.each(cases)('%s: the same items wherever the chunks are cut', (_name, format, text) => {
    const whole = rows(parse(format, text));
    for (let cut = 0; cut <= text.length; cut++) expect(rows(parse(format, text, [cut]))).toEqual(whole);
    // and one character per chunk
    expect(rows(parse(format, text, Array.from({ length: text.length }, (_, i) => i)))).toEqual(whole);
  });

  it.each<[ImportFormat, (s: string) => string]>([
    ['jsonl', (s) => `${JSON.stringify({ big: s })}\n${JSON.stringify(a)}\n`],
    ['json', (s) => `[${JSON.stringify({ big: s })},\n${JSON.stringify(a)}]`],
  ])('%s: a huge string is read whole; one over the item limit is rejected and the next item still read', (format, file) => {
    const big = 'x'.repeat(300_000);
    expect(rows(parse(format, file(big), [1000, 150_000]))).toEqual([[1, { big }], [2, a]]);
    const tooBig = 'y'.repeat(MAX_ITEM_CHARS + 10);
    const items = rows(parse(format, file(tooBig), [10, 500_000]));
    expect(items).toEqual([[1, expect.stringMatching(/over 1 MB/)], [2, a]]);
  });
});

const EXPORT =
  'id,distinct_id,properties.$browser,event,timestamp,person,elements_chain\r\n' +
  'e9ca132e-400f-4854-a83c-16c151b2f145,2,Safari,event_name,2022-07-06T19:37:43.095295+00:00,,\r\n' +
  '1624228e-a4f1-48cd-aabc-6baa3ddb22e4,2,,$autocapture,2022-07-06 19:37:43.095279+00:00,,"button.btn:text=""Buy, now"""\r\n';

const csvCases: Array<[string, string, unknown[]]> = [
  [
    "PostHog's export (its own test's header, CRLF)",
    EXPORT,
    [
      [2, { uuid: 'e9ca132e-400f-4854-a83c-16c151b2f145', event: 'event_name', distinct_id: '2', timestamp: '2022-07-06T19:37:43.095295+00:00', properties: { $browser: 'Safari' } }],
      [3, { uuid: '1624228e-a4f1-48cd-aabc-6baa3ddb22e4', event: '$autocapture', distinct_id: '2', timestamp: '2022-07-06T19:37:43.095279+00:00', properties: { $elements_chain: 'button.btn:text="Buy, now"' } }],
    ],
  ],
  [
    'a `*` export with a properties JSON column, a quoted field over two lines, BOM, LF',
    '\uFEFF*.uuid,*.event,*.distinct_id,*.timestamp,*.properties\n' +
      'u1,"multi\nline",d,2024-01-01T00:00:00Z,"{""$current_url"": ""https://a.test/""}"\n' +
      '\n' +
      'u2,e,d,2024-01-01T00:00:01Z,\n',
    [
      [2, { uuid: 'u1', event: 'multi\nline', distinct_id: 'd', timestamp: '2024-01-01T00:00:00Z', properties: { $current_url: 'https://a.test/' } }],
      [5, { uuid: 'u2', event: 'e', distinct_id: 'd', timestamp: '2024-01-01T00:00:01Z', properties: {} }],
    ],
  ],
  ['a row with the wrong number of fields, then a good one', 'uuid,event,distinct_id,timestamp\nu1,e\nu2,e,d,t\n', [[2, 'error: has 2 fields, the header has 4'], [3, { uuid: 'u2', event: 'e', distinct_id: 'd', timestamp: 't', properties: {} }]]],
  ['a properties column that is not a JSON object', 'uuid,event,distinct_id,timestamp,properties\nu1,e,d,t,[1]\n', [[2, 'error: properties: not a JSON object']]],
  ['a header without event columns', 'name,email\nann,a@x\n', [[1, 'error: not a PostHog event export: the header has no uuid, event, distinct_id, timestamp columns']]],
  ['a quoted field never closed', 'uuid,event,distinct_id,timestamp\nu1,"open,d,t\n', [[2, 'error: a quoted field is not closed (file cut short?)']]],
];

describe("PostHog's CSV event export", () => {
  it.each(csvCases)('%s', (_name, text, expected) => {
    expect(rows(parse('csv', text))).toEqual(expected);
  });

  it.each(csvCases)('%s: the same rows wherever the chunks are cut', (_name, text) => {
    const whole = rows(parse('csv', text));
    for (let cut = 0; cut <= text.length; cut++) expect(rows(parse('csv', text, [cut]))).toEqual(whole);
    expect(rows(parse('csv', text, Array.from({ length: text.length }, (_, i) => i)))).toEqual(whole);
  });
});

describe('detectFormat', () => {
  it.each([
    ['events.csv', '[', 'csv'],
    ['events.JSONL', '[', 'jsonl'],
    ['events.ndjson', '', 'jsonl'],
    ['events.json', '{', 'json'],
    ['export', '\uFEFF  [{"a":1}', 'json'],
    ['export', '{"uuid":1}\n', 'jsonl'],
    ['export', 'uuid,event', 'csv'],
  ])('%s starting %j → %s', (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format);
  });
});
