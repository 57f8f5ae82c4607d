// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../../src/autocapture/user-agent';

describe('parseUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome', 156, 'Linux', 'Desktop'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox', 153, 'Linux', 'Desktop'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', 'Microsoft Edge', 120, 'Windows', 'Desktop'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari', 17.1, 'Mac OS X', 'Desktop'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Mobile Safari', 17.1, 'iOS', 'Mobile'],
    ['Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0 Mobile/15E148 Safari/604.1', 'Chrome iOS', 119, 'iOS', 'Tablet'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36', 'Chrome', 120, 'Android', 'Mobile'],
    ['Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36', 'Chrome', 119, 'Android', 'Tablet'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36 OPR/105.0', 'Opera', 105, 'Windows', 'Desktop'],
    ['curl/8.0', '', null, '', 'Desktop'],
  ])('%s', (ua, browser, version, os, device) => {
    expect(parseUserAgent(ua)).toMatchObject({ $browser: browser, $browser_version: version, $os: os, $device_type: device });
  });
});
