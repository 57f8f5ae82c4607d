// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { popupFor } from '../../src/background/action-button';
import { DEFAULT_DATA_ATTRIBUTES } from '../../src/selectors/drafts';
import { captureSettingsOf } from '../../src/settings/capture-settings';
import { DEFAULT_SETTINGS, isCaptureEnabled, migrateSettings, withSite } from '../../src/settings/settings';

describe('settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 'yes', DEFAULT_SETTINGS],
    ['v0 `sites` list', { sites: ['Example.COM', 'shop.test:8080', 42] }, { ...DEFAULT_SETTINGS, enabledSites: ['example.com', 'shop.test'] }],
    ['partial v1', { version: 1, paused: true }, { ...DEFAULT_SETTINGS, paused: true }],
    ['wrong types fall back', { version: 1, enabledSites: 'x', allSites: 'true', paused: 1, buttonOpensToolbar: 'yes' }, DEFAULT_SETTINGS],
    ['v1 from before the button option', { version: 1, enabledSites: ['a.test'], allSites: false, paused: false }, { ...DEFAULT_SETTINGS, enabledSites: ['a.test'], buttonOpensToolbar: false }],
    ['the button option on', { version: 1, buttonOpensToolbar: true }, { ...DEFAULT_SETTINGS, buttonOpensToolbar: true }],
    ['v1 → v2: no page traffic stored', { version: 1, enabledSites: ['a.test'] }, { ...DEFAULT_SETTINGS, enabledSites: ['a.test'], pageTraffic: [] }],
    [
      'v2 page traffic: sites normalized, one entry per site, bad host lists emptied, garbage dropped',
      { version: 2, pageTraffic: [{ site: 'Shop.test', hosts: ['PH.shop.test'] }, { site: 'b.test', hosts: ['a/b'] }, { site: 'shop.test', hosts: [] }, null, { hosts: [] }] },
      { ...DEFAULT_SETTINGS, pageTraffic: [{ site: 'shop.test', hosts: [] }, { site: 'b.test', hosts: [] }] },
    ],
    ['v2 page traffic not a list', { version: 2, pageTraffic: { 'shop.test': true } }, DEFAULT_SETTINGS],
    ['v1 (no retention): the defaults, age keep-all and size 2 GB', { version: 1, paused: true }, { ...DEFAULT_SETTINGS, paused: true, retentionDays: null, retentionMB: 2048 }],
    ['v2 retention kept', { version: 2, retentionDays: 30, retentionMB: 500 }, { ...DEFAULT_SETTINGS, retentionDays: 30, retentionMB: 500 }],
    ['v2 no size limit (null) kept', { version: 2, retentionDays: 7, retentionMB: null }, { ...DEFAULT_SETTINGS, retentionDays: 7, retentionMB: null }],
    ['retention out of range or not integers fall back', { version: 2, retentionDays: 0, retentionMB: 10.5 }, DEFAULT_SETTINGS],
    ['retention of the wrong type falls back', { version: 2, retentionDays: '30', retentionMB: true }, DEFAULT_SETTINGS],
    ['v2 → v3: selectors keep the list they used before it was a setting', { version: 2 }, { ...DEFAULT_SETTINGS, selectorAttributes: DEFAULT_DATA_ATTRIBUTES }],
    ['v3 selector attributes kept, normalized', { version: 3, selectorAttributes: ['Data-Track', 'data-x-*', 'data-track'] }, { ...DEFAULT_SETTINGS, selectorAttributes: ['data-track', 'data-x-*'] }],
    ['v3 no selector attributes kept', { version: 3, selectorAttributes: [] }, { ...DEFAULT_SETTINGS, selectorAttributes: [] }],
    ['v3 a bad selector attribute: the defaults', { version: 3, selectorAttributes: ['data-ok', 'a b'] }, DEFAULT_SETTINGS],
  ])('migrates %s', (_n, stored, expected) => {
    expect(migrateSettings(stored)).toEqual(expected);
  });

  // The capture script reads settings without the full migration: its view must equal the
  // same fields of the migrated record, whatever version or garbage is stored.
  it.each([
    ['nothing stored', undefined],
    ['garbage', 'yes'],
    ['v0 `sites` list', { sites: ['Example.COM', 'shop.test:8080', 42, 'example.com'] }],
    ['v1 paused, all sites', { version: 1, enabledSites: ['a.test'], allSites: true, paused: true }],
    ['wrong types', { version: 1, enabledSites: 'x', allSites: 'true', paused: 1 }],
    ['an empty site list', { version: 2, enabledSites: [] }],
    ['sites with ports, blanks and case', { version: 3, enabledSites: ['Shop.test:8080', '', ' ', 'shop.test', null] }],
    ['v2 page traffic with duplicates and garbage', { version: 2, pageTraffic: [{ site: 'Shop.test', hosts: ['PH.shop.test'] }, { site: 'b.test', hosts: ['a/b'] }, { site: 'shop.test', hosts: [] }, null, { hosts: [] }, { site: 7 }] }],
    ['page traffic not a list', { version: 2, pageTraffic: { 'shop.test': true } }],
    ['a full v3 record', { ...DEFAULT_SETTINGS, enabledSites: ['a.test', 'b.test'], allSites: false, pageTraffic: [{ site: 'a.test', hosts: [] }] }],
  ])('capture reads %s as the migration does', (_n, stored) => {
    const full = migrateSettings(stored);
    expect(captureSettingsOf(stored)).toEqual({ enabledSites: full.enabledSites, allSites: full.allSites, paused: full.paused, pageTrafficSites: full.pageTraffic.map((e) => e.site) });
  });

  it.each([
    ['http://localhost:3000/x', DEFAULT_SETTINGS, true],
    ['http://127.0.0.1:5174/', DEFAULT_SETTINGS, true],
    ['https://example.com/', DEFAULT_SETTINGS, false],
    ['https://example.com/', { ...DEFAULT_SETTINGS, allSites: true }, true],
    ['https://example.com/', withSite(DEFAULT_SETTINGS, 'EXAMPLE.com', true), true],
    ['https://example.com:8443/', withSite(DEFAULT_SETTINGS, 'example.com:3000', true), true], // capture is per hostname
    ['http://localhost/', { ...DEFAULT_SETTINGS, paused: true }, false],
    ['https://example.com/', { ...DEFAULT_SETTINGS, allSites: true, paused: true }, false],
    ['chrome://extensions', { ...DEFAULT_SETTINGS, allSites: true }, false],
    ['file:///etc/passwd', { ...DEFAULT_SETTINGS, allSites: true }, false],
    ['not a url', { ...DEFAULT_SETTINGS, allSites: true }, false],
  ])('capture on %s: %s → %s', (url, settings, expected) => {
    expect(isCaptureEnabled(settings, url)).toBe(expected);
  });

  it('switches a site off without touching the others', () => {
    expect(withSite(DEFAULT_SETTINGS, 'localhost', false).enabledSites).toEqual(['127.0.0.1']);
  });
});

describe('the Lasso button', () => {
  it.each([
    [false, 'popup.html'],
    [true, ''],
  ])('buttonOpensToolbar %s shows popup %j', (buttonOpensToolbar, popup) => {
    expect(popupFor({ buttonOpensToolbar })).toBe(popup);
  });
});
