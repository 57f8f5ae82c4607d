// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isNewPage } from '../../src/autocapture/navigation';
import { campaignProperties, referringDomain, standardProperties } from '../../src/autocapture/properties';

describe('isNewPage', () => {
  it.each([
    ['https://a.test/app', 'https://a.test/app/settings', true],
    ['https://a.test/app', 'https://a.test/app?filter=1', false],
    ['https://a.test/app#/one', 'https://a.test/app#/two', true],
    ['https://a.test/app', 'https://a.test/app', false],
    ['https://a.test/app', 'https://b.test/app', true],
  ])('%s → %s: %s', (prev, next, expected) => expect(isNewPage(prev, next)).toBe(expected));
});

describe('campaign and referrer properties', () => {
  it('copies utm parameters and click ids, nothing else', () => {
    expect(campaignProperties('https://a.test/?utm_source=nl&utm_medium=email&gclid=abc&q=shoes')).toEqual({ utm_source: 'nl', utm_medium: 'email', gclid: 'abc' });
  });
  it('copies every parameter posthog-js copies', () => {
    const names = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'gclid', 'gad_source', 'gclsrc',
      'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'twclid', 'li_fat_id', 'igshid', 'ttclid', 'rdt_cid', 'epik',
      'qclid', 'sccid', 'irclid', '_kx'];
    const url = 'https://a.test/?' + names.map((name, i) => `${name}=v${i}`).join('&');
    expect(campaignProperties(url)).toEqual(Object.fromEntries(names.map((name, i) => [name, `v${i}`])));
  });
  it.each([
    ['not a url', {}],
    ['https://a.test/?utm_source=', { utm_source: '' }],
    [`https://a.test/?utm_term=${'x'.repeat(1200)}`, { utm_term: 'x'.repeat(1000) }],
  ])('campaign properties of %s', (url, expected) => expect(campaignProperties(url)).toEqual(expected));
  it.each([
    ['', '$direct'],
    ['https://www.google.com/search?q=x', 'www.google.com'],
    ['not a url', '$direct'],
    ['about:blank', '$direct'],
  ])('referring domain of %j is %s', (ref, expected) => expect(referringDomain(ref)).toBe(expected));
});

describe('standardProperties', () => {
  const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
  const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
  const fakeWindow = (href: string, userAgent: string, referrer: string) => ({
    location: new URL(href),
    navigator: { userAgent, language: 'de-DE' },
    screen: { height: 1080, width: 1920 },
    document: { referrer },
    innerHeight: 900,
    innerWidth: 1600,
  }) as unknown as Window;

  it('reads page, referrer, screen, viewport, browser and campaign from the window', () => {
    const props = standardProperties(fakeWindow('https://shop.test/cart?utm_source=nl', CHROME, 'https://www.google.com/'), 1_700_000_000_500);
    expect(props).toMatchObject({
      $current_url: 'https://shop.test/cart?utm_source=nl', $host: 'shop.test', $pathname: '/cart',
      $referrer: 'https://www.google.com/', $referring_domain: 'www.google.com',
      $browser: 'Chrome', $browser_version: 156, $os: 'Linux',
      $screen_height: 1080, $screen_width: 1920, $viewport_height: 900, $viewport_width: 1600,
      $browser_language: 'de-DE', $lib: 'lasso', $time: 1_700_000_000.5, utm_source: 'nl',
    });
    expect(props.$timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(props.$lib_version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('follows a changed user agent and URL (the caches are keyed by them)', () => {
    standardProperties(fakeWindow('https://shop.test/?utm_source=a', CHROME, ''), 0);
    const props = standardProperties(fakeWindow('https://shop.test/?utm_medium=b', FIREFOX, ''), 0);
    expect(props).toMatchObject({ $browser: 'Firefox', $referrer: '$direct', $referring_domain: '$direct', utm_medium: 'b' });
    expect(props).not.toHaveProperty('utm_source');
  });
});
