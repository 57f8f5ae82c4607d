// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { countInSite, inScope } from '../../src/background/live';
import type { CaptureEvent } from '../../src/events/types';

const event = (host: string): CaptureEvent => ({ uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: '2026-11-28T00:00:00Z', properties: { $host: host } });

describe('which live events a view may see', () => {
  it.each([
    ['an extension page sees everything', null, 'pay.example', 9, true],
    ['a toolbar sees its tab and site', { tabId: 3, site: 'shop.test' }, 'shop.test', 3, true],
    ['… of a site with a port', { tabId: 3, site: 'shop.test:8080' }, 'shop.test:8080', 3, true],
    ['… not another port of its hostname', { tabId: 3, site: 'shop.test' }, 'shop.test:8080', 3, false],
    ['… not the default port when its site has one', { tabId: 3, site: 'shop.test:8080' }, 'shop.test', 3, false],
    ['… not another tab', { tabId: 3, site: 'shop.test' }, 'shop.test', 4, false],
    ['… not a cross-site iframe in its own tab', { tabId: 3, site: 'shop.test' }, 'pay.example', 3, false],
    ['… not an event without a host', { tabId: 3, site: 'shop.test' }, '', 3, false],
  ] as const)('%s', (_name, scope, host, tabId, expected) => {
    expect(inScope(scope, event(host), tabId)).toBe(expected);
  });
});

describe('what a toolbar\'s stored port is told', () => {
  it.each([
    ['events of its site from any tab, not another port\'s', 'shop.test', ['shop.test', 'shop.test:8080', 'shop.test'], 2],
    ['a site with a port', 'shop.test:8080', ['shop.test:8080', 'shop.test', 'SHOP.test:8080'], 2],
    ['not other sites\' events', 'shop.test', ['pay.example', 'shop.test', ''], 1],
    ['nothing for a batch of other sites', 'shop.test', ['pay.example'], 0],
  ] as const)('%s', (_name, site, hosts, expected) => {
    expect(countInSite(site, hosts.map(event))).toBe(expected);
  });
});
