import { describe, expect, it } from 'vitest';
import { isNewPage } from '../../src/autocapture/navigation';
import { campaignProperties, referringDomain } from '../../src/autocapture/properties';

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
  it.each([
    ['', '$direct'],
    ['https://www.google.com/search?q=x', 'www.google.com'],
    ['not a url', '$direct'],
  ])('referring domain of %j is %s', (ref, expected) => expect(referringDomain(ref)).toBe(expected));
});
