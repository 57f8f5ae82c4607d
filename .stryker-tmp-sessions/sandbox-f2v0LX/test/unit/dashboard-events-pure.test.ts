// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileActions, matchedActionNames } from '../../src/dashboard/events/action-names';
import { elementText } from '../../src/dashboard/events/columns';
import { elementLabel } from '../../src/dashboard/events/ElementChain';
import { totalText } from '../../src/dashboard/events/total';
import { prependNew, raiseTotal } from '../../src/dashboard/events/use-event-pages';
import { liveFilter, mayConcern } from '../../src/dashboard/events/use-live-refresh';
import type { CaptureEvent } from '../../src/events/types';
import type { Total } from '../../src/store/queries/total';

const ev = (uuid: string, ts: string, event = '$pageview', properties: Record<string, unknown> = {}): CaptureEvent => ({ uuid, event, distinct_id: 'd', timestamp: ts, properties });

describe('events view helpers', () => {
  it.each<[Total | null, number, string]>([
    [{ exact: 0 }, 0, '0 events'],
    [{ exact: 1 }, 1, '1 event'],
    [{ exact: 12_345 }, 100, '12,345 events'],
    [{ atLeast: 100, atMost: 5000, how: 'x' }, 100, 'between 100 and 5,000 events'],
    [{ atLeast: 100, atMost: 5000, how: 'x' }, 300, 'between 300 and 5,000 events'],
    [{ atLeast: 7, atMost: 7, how: 'x' }, 7, '7 events'],
    [null, 0, ''],
    [null, 40, '40 events so far'],
  ])('totalText(%j, %i) = %s', (total, loaded, want) => expect(totalText(total, loaded)).toBe(want));

  it.each<[Total | null, number, Total | null]>([
    [{ exact: 10 }, 2, { exact: 12 }],
    [{ atLeast: 1, atMost: 9, how: 'h' }, 3, { atLeast: 4, atMost: 12, how: 'h' }],
    [{ exact: 10 }, 0, { exact: 10 }],
    [null, 3, null],
  ])('raiseTotal(%j, %i) = %j', (total, added, want) => expect(raiseTotal(total, added)).toEqual(want));

  it('prependNew puts new events newest first in front and drops those already shown', () => {
    const shown = [ev('b', '2026-01-01T00:00:02Z'), ev('a', '2026-01-01T00:00:01Z')];
    const { rows, added } = prependNew(shown, [ev('c', '2026-01-01T00:00:03Z'), ev('b', '2026-01-01T00:00:02Z'), ev('d', '2026-01-01T00:00:04Z'), ev('d', '2026-01-01T00:00:04Z')]);
    expect(rows.map((e) => e.uuid)).toEqual(['d', 'c', 'b', 'a']);
    expect(added).toBe(2);
    expect(prependNew(shown, [shown[0]]).rows).toBe(shown);
  });

  it.each<[Parameters<typeof liveFilter>[0], number | null, ReturnType<typeof liveFilter>]>([
    [{ site: 's' }, null, { site: 's' }],
    [{ site: 's' }, 500, { site: 's', from: 500 }],
    [{ from: 900 }, 500, { from: 900 }],
    [{ from: 100, events: ['x'] }, 500, { from: 500, events: ['x'] }],
  ])('liveFilter(%j, newest %s) = %j', (filter, newest, want) => expect(liveFilter(filter, newest)).toEqual(want));

  it.each<[string | undefined, string[], boolean]>([
    [undefined, ['other.test'], true],
    ['shop.test', ['other.test', 'SHOP.test'], true],
    ['shop.test', ['other.test'], false],
  ])('mayConcern(site %s, hosts %j) = %s', (site, hosts, want) =>
    expect(mayConcern({ site }, hosts.map((h, i) => ev(`u${i}`, '2026-01-01T00:00:00Z', '$pageview', { $host: h })))).toBe(want));

  it('names the actions of the event’s own site it matches, by name; a broken action matches nothing', () => {
    const stored = (id: string, name: string, site: string, steps: unknown[]) => ({ id, name, site, steps, created_at: '', updated_at: '' }) as never;
    const matchers = compileActions([
      stored('1', 'Viewed', 'shop.test', [{ event: '$pageview' }]),
      stored('2', 'Any event', 'shop.test', [{}]),
      stored('3', 'Other site', 'other.test', [{ event: '$pageview' }]),
      stored('4', 'Broken', 'shop.test', [{ selector: '((' }]),
      stored('5', 'Clicked', 'shop.test', [{ event: '$autocapture' }]),
    ]);
    expect(matchers.map((m) => m.name)).toEqual(['Viewed', 'Any event', 'Other site', 'Clicked']);
    expect(matchedActionNames(ev('u', '2026-01-01T00:00:00Z', '$pageview', { $host: 'shop.test' }), matchers)).toEqual(['Any event', 'Viewed']);
    expect(matchedActionNames(ev('u', '2026-01-01T00:00:00Z', '$pageview', { $host: 'none.test' }), matchers)).toEqual([]);
  });

  it.each<[Parameters<typeof elementLabel>[0], string]>([
    [{ tag_name: 'button', attr_class: ['a', 'b'], attr_id: 'buy', attributes: {} }, 'button#buy.a.b'],
    [{ tag_name: 'div', attr_class: [], attributes: {} }, 'div'],
    [{ tag_name: '', attr_class: [], attributes: {} }, '?'],
  ])('elementLabel(%j) = %s', (el, want) => expect(elementLabel(el)).toBe(want));

  it.each<[string, Record<string, unknown>, string]>([
    ['$autocapture', { $el_text: ' Buy ' }, 'Buy'],
    ['$pageview', { $el_text: 'x', $pathname: '/p' }, ''],
    ['signed_up', {}, ''],
  ])('elementText of a %s with %j is %j', (event, props, want) => expect(elementText(ev('u', '2026-01-01T00:00:00Z', event, props))).toBe(want));
});
