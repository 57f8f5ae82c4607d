// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../src/cohorts/csv';
import { cellText, csvField, csvRow, valueAt } from '../../src/dashboard/export/csv';
import { csvHeader, eventsCsv, eventsJsonl, MEMBER_COLUMNS, membersCsv, personColumns, personsCsv, propertyKeys } from '../../src/dashboard/export/serialize';
import type { CaptureEvent } from '../../src/events/types';
import type { PersonListRow } from '../../src/store/queries/persons';

const event = (uuid: string, properties: Record<string, unknown>): CaptureEvent => ({ uuid, event: '$autocapture', distinct_id: 'd1', timestamp: '2026-01-02T03:04:05.000Z', properties });

describe('csv cells', () => {
  it.each([
    ['plain', 'plain', 'plain'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['newline', 'a\nb', '"a\nb"'],
    ['carriage return inside', 'a\r\nb', '"a\r\nb"'],
    ['formula =', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['formula +', '+1+1', "'+1+1"],
    ['formula -', '-2', "'-2"],
    ['formula @', '@SUM(A1)', "'@SUM(A1)"],
    ['tab start', '\tx', "'\tx"],
    ['number stays a number', -3, '-3'],
    ['boolean', true, 'true'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['object as JSON', { a: 'x,y' }, '"{""a"":""x,y""}"'],
    ['array as JSON', [1, 2], '"[1,2]"'],
  ])('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=cmd|calc', "'=cmd|calc"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('cellText(%j) = %j', (value, expected) => expect(cellText(value)).toBe(expected));

  it('a row parses back to its cells (hostile values included)', () => {
    const cells = ['a,b', 'q"uote', 'line\nbreak', 'x\r\ny', '', 'plain'];
    expect(parseCsvRows(csvRow(cells))[0]).toEqual(cells);
  });
});

describe('valueAt', () => {
  const e = event('u1', { $current_url: 'https://a/', 'a.b': 1, nested: { deep: { x: 2 } }, $set: { email: 'e@x' } });
  it.each([
    ['event', '$autocapture'],
    ['properties.$current_url', 'https://a/'],
    ['properties.a.b', 1],
    ['properties.nested.deep.x', 2],
    ['properties.nested', { deep: { x: 2 } }],
    ['properties.$set.email', 'e@x'],
    ['properties.missing', undefined],
    ['nope.deeper', undefined],
  ])('%s', (path, expected) => expect(valueAt(e, path)).toEqual(expected));
});

describe('events', () => {
  const events = [event('u1', { $current_url: 'https://a/?q="x",y', $elements_chain: 'a:text="=1+1"' }), event('u2', { tags: ['a', 'b'] })];

  it('JSONL lines are exactly the stored events', () => {
    const lines = eventsJsonl(events).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(events);
  });

  it('CSV with chosen columns parses back, nested values as JSON', () => {
    const columns = ['uuid', 'properties.$current_url', 'properties.tags', 'properties.$elements_chain'];
    const rows = parseCsvRows(csvHeader(columns) + eventsCsv(events, columns)).filter((r) => r.length);
    expect(rows).toEqual([columns, ['u1', 'https://a/?q="x",y', '', 'a:text="=1+1"'], ['u2', '', '["a","b"]', '']]);
  });

  it('property keys of loaded rows, sorted once each', () => {
    expect(propertyKeys(events)).toEqual(['$current_url', '$elements_chain', 'tags']);
  });
});

describe('persons and members', () => {
  const person = (ids: string[], properties: Record<string, unknown>): PersonListRow => ({ distinct_ids: ids, properties, created_at: '2026-01-01T00:00:00.000Z', is_identified: false, firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: null, eventCount: 4 });

  it('persons CSV: ids joined, activity, chosen properties', () => {
    const text = csvHeader(personColumns(['email', 'plan'])) + personsCsv([person(['a', 'b'], { email: '=x@y', plan: { tier: 1 } })], ['email', 'plan']);
    expect(parseCsvRows(text).filter((r) => r.length)).toEqual([
      ['distinct_ids', 'first_seen', 'last_seen', 'event_count', 'properties.email', 'properties.plan'],
      ['a;b', '2026-01-01T00:00:00.000Z', '', '4', "'=x@y", '{"tier":1}'],
    ]);
  });

  it('members CSV: one row per distinct id with its person', () => {
    const text = csvHeader(MEMBER_COLUMNS) + membersCsv([{ distinct_ids: ['a', 'b,c'] }, { distinct_ids: ['d'] }]);
    expect(parseCsvRows(text).filter((r) => r.length)).toEqual([['distinct_id', 'person'], ['a', 'a'], ['b,c', 'a'], ['d', 'd']]);
  });
});
