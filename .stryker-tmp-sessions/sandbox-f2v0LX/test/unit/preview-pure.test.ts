// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { MessageRejectedError } from '../../src/messaging/validate';
import { needsRawEvent, stepParts } from '../../src/preview/plan';
import { checkPreviewRequest } from '../../src/preview/request';
import { inSite } from '../../src/preview/select';
import { addEvent, emptyTally, perDay } from '../../src/preview/tally';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 28, 0, 0);

describe('perDay', () => {
  it.each([
    ['UTC', 0, [{ day: '2026-11-27', count: 2 }, { day: '2026-11-28', count: 3 }]],
    ['UTC+1 moves 23:00 UTC into the next day', 60, [{ day: '2026-11-27', count: 1 }, { day: '2026-11-28', count: 4 }]],
    ['UTC-5 moves 00:00-04:59 UTC into the previous day', -300, [{ day: '2026-11-27', count: 4 }, { day: '2026-11-28', count: 1 }]],
  ])('%s', (_name, tz, want) => {
    const hourly = new Map([[T / H - 2, 1], [T / H - 1, 1], [T / H, 2], [T / H + 5, 1], [T / H + 6, 0]]);
    expect(perDay(hourly, tz)).toEqual(want);
  });
});

describe('addEvent counts a match into windows ending at now', () => {
  const ev = { uuid: 'u', event: 'e', distinct_id: 'd', timestamp: '', properties: {} } as CaptureEvent;
  it.each([
    ['just now', T - 1, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['exactly one hour ago (window start is inclusive)', T - H, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['one hour and 1 ms ago', T - H - 1, { '1h': 0, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['after now (another clock)', T + 5000, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['31 days ago', T - 31 * 24 * H, { '1h': 0, '24h': 0, '7d': 0, '30d': 0, all: 1 }],
  ])('%s', (_name, ms, windows) => {
    const t = emptyTally(T);
    addEvent(t, ev, ms, 50);
    expect(t.windows).toEqual(windows);
    expect(t.latest.map((l) => l.ms)).toEqual([ms]);
  });
});

describe('which conditions need raw events', () => {
  it.each([
    [{ key: 'plan' }, true],
    [{ key: 'plan', type: 'event' as const }, true],
    [{ key: 'email', type: 'person' as const }, true],
    [{ key: 'selector', value: 'a', type: 'element' as const }, false],
    [{ key: '$event_type', value: 'click', operator: 'exact' as const, type: 'event' as const }, false],
    [{ key: '$event_type', value: 'click', type: 'person' as const }, true],
  ])('%j → %s', (filter, raw) => expect(needsRawEvent(filter)).toBe(raw));

  it.each([
    ['event only', { event: '$pageview' }, { chainStep: null, urlStep: null, typeStep: null, raw: false }],
    ['empty strings set nothing', { selector: '', url: '', text: null }, { chainStep: null, urlStep: null, typeStep: null, raw: false }],
    ['chain and url parts', { event: '$autocapture', selector: 'button', text: 'Go', text_matching: 'contains' as const, url: '/x', url_matching: 'exact' as const },
      { chainStep: { selector: 'button', text: 'Go', text_matching: 'contains' }, urlStep: { url: '/x', url_matching: 'exact' }, typeStep: null, raw: false }],
    ['element filters go with the chain, event filters make it raw',
      { href: '/a', properties: [{ key: 'plan', value: 'pro' }, { key: 'tag_name', value: 'a', type: 'element' as const }] },
      { chainStep: { href: '/a', href_matching: undefined, properties: [{ key: 'tag_name', value: 'a', type: 'element' }] }, urlStep: null, typeStep: null, raw: true }],
    ['a person filter alone', { properties: [{ key: 'email', operator: 'is_set' as const, type: 'person' as const }] }, { chainStep: null, urlStep: null, typeStep: null, raw: true }],
    ['clicks only is a type part, not raw', { event: '$autocapture', properties: [{ key: '$event_type', value: 'click', operator: 'exact' as const, type: 'event' as const }] },
      { chainStep: null, urlStep: null, typeStep: { properties: [{ key: '$event_type', value: 'click', operator: 'exact', type: 'event' }] }, raw: false }],
  ])('stepParts: %s', (_name, step: ActionStep, want) => expect(stepParts(step)).toEqual(want));
});

describe('site scoping', () => {
  it.each([
    ['shop.test', 'shop.test', true],
    ['blog.test:8080', 'blog.test', false],
    ['blog.test:8080', 'blog.test:8080', true],
    ['blog.test', 'blog.test:8080', false],
    ['[::1]:5174', '[::1]:5174', true],
    ['Shop.Test:3000', 'shop.test:3000', true],
    ['Shop.Test', 'shop.test', true],
    ['shop.test', 'blog.test', false],
    ['', 'shop.test', false],
    ['anything', null, true],
  ])('host %j in site %j: %s', (host, site, want) => expect(inSite(host, site)).toBe(want));
});

describe('checkPreviewRequest', () => {
  it.each([
    [{ type: 'query', id: 1, action: { steps: [] } }, { type: 'query', id: 1, action: { steps: [] }, site: null }],
    [{ type: 'query', id: 2, actionId: 'abc', site: 'shop.test', now: 5, tzOffsetMinutes: 60, latest: 10 }, { type: 'query', id: 2, actionId: 'abc', site: 'shop.test', now: 5, tzOffsetMinutes: 60, latest: 10 }],
    [{ type: 'query', id: 4, actionId: 'abc', site: 'localhost:3000' }, { type: 'query', id: 4, actionId: 'abc', site: 'localhost:3000', now: undefined, tzOffsetMinutes: undefined, latest: undefined }],
    [{ type: 'cancel', id: 3 }, { type: 'cancel', id: 3 }],
  ])('accepts %j', (raw, want) => expect(JSON.parse(JSON.stringify(checkPreviewRequest(raw)))).toEqual(want));

  it.each([
    [null, 'message must be an object'],
    [{ type: 'query', id: -1, action: {} }, 'id must be'],
    [{ type: 'run', id: 1 }, 'type must be'],
    [{ type: 'query', id: 1 }, 'either action'],
    [{ type: 'query', id: 1, action: {}, actionId: 'x' }, 'either action'],
    [{ type: 'query', id: 1, action: [] }, 'action: must be an object'],
    [{ type: 'query', id: 1, actionId: 7 }, 'actionId:'],
    [{ type: 'query', id: 1, action: {}, site: 3 }, 'site:'],
    [{ type: 'query', id: 1, action: {}, site: 'Shop.test:80' }, 'site:'],
    [{ type: 'query', id: 1, action: {}, now: Infinity }, 'now:'],
    [{ type: 'query', id: 1, action: {}, tzOffsetMinutes: 900 }, 'tzOffsetMinutes:'],
    [{ type: 'query', id: 1, action: {}, latest: 0 }, 'latest:'],
  ])('rejects %j naming the problem (%s)', (raw, text) => {
    expect(() => checkPreviewRequest(raw)).toThrow(MessageRejectedError);
    expect(() => checkPreviewRequest(raw)).toThrow(text);
  });
});
