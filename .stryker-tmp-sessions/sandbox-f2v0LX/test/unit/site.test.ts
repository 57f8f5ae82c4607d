// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { hostnameOf, isSiteKey, siteKeyOf } from '../../src/settings/site';

describe('siteKeyOf: the site is PostHog’s $host (location.host)', () => {
  it.each([
    ['http://127.0.0.1:8123/a', '127.0.0.1:8123'],
    ['http://127.0.0.1:5174/a?b#c', '127.0.0.1:5174'],
    ['http://localhost/', 'localhost'],
    ['http://localhost:80/', 'localhost'],
    ['https://shop.example.com:443/cart', 'shop.example.com'],
    ['http://shop.example.com:443/', 'shop.example.com:443'],
    ['https://shop.example.com:80/', 'shop.example.com:80'],
    ['https://Shop.EXAMPLE.com:8443/A', 'shop.example.com:8443'],
    ['HTTP://LOCALHOST:3000', 'localhost:3000'],
    ['http://[::1]:8080/', '[::1]:8080'],
    ['http://[::1]/', '[::1]'],
    ['https://[2001:DB8::1]:443/', '[2001:db8::1]'],
    ['http://user:secret@site.test:81/', 'site.test:81'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['file:///etc/passwd', null],
    ['about:blank', null],
    ['chrome://extensions', null],
    ['chrome-extension://abc/popup.html', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
  ])('%j → %j', (url, site) => expect(siteKeyOf(url)).toBe(site));

  it('equals location.host of the same URL (what posthog-js records as $host)', () => {
    for (const url of ['http://127.0.0.1:8123/', 'https://a.b.example:4443/x', 'http://[::1]:9000/']) expect(siteKeyOf(url)).toBe(new URL(url).host);
  });
});

describe('isSiteKey', () => {
  it.each([
    ['localhost:3000', true],
    ['shop.example.com', true],
    ['[::1]:8080', true],
    ['x.test:443', true], // http://x.test:443
    ['x.test:80', true], // https://x.test:80
    ['Shop.example.com', false],
    ['shop.example.com/', false],
    ['user@host.test', false],
    ['host.test:99999', false],
    ['host.test:0080', false],
    ['', false],
    [42, false],
    [null, false],
  ])('%j: %s', (value, ok) => expect(isSiteKey(value)).toBe(ok));

  it('accepts everything siteKeyOf returns', () => {
    for (const url of ['http://a.test:1/', 'https://[::1]/', 'http://xn--bcher-kva.example:8080/']) expect(isSiteKey(siteKeyOf(url))).toBe(true);
  });
});

describe('hostnameOf: capture is switched per hostname', () => {
  it.each([
    ['http://127.0.0.1:8123/', '127.0.0.1'],
    ['https://Shop.Example.com:8443/a', 'shop.example.com'],
    ['http://example.com./', 'example.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['file:///x', null],
    ['about:blank', null],
  ])('%j → %j', (url, host) => expect(hostnameOf(url)).toBe(host));
});
