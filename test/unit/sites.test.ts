import { describe, expect, it } from 'vitest';
import { matchPatternsFor } from '../../src/background/sites';
import { DEFAULT_SETTINGS, withSite } from '../../src/settings/settings';

describe('runtime capture registration', () => {
  it.each([
    ['defaults: covered by the manifest', DEFAULT_SETTINGS, []],
    ['one extra site', withSite(DEFAULT_SETTINGS, 'shop.example.com', true), ['*://shop.example.com/*']],
    ['all sites', { ...DEFAULT_SETTINGS, allSites: true }, ['<all_urls>']],
    ['built-in sites switched off', { ...DEFAULT_SETTINGS, enabledSites: [] }, []],
  ])('%s', (_n, settings, patterns) => expect(matchPatternsFor(settings)).toEqual(patterns));
});
