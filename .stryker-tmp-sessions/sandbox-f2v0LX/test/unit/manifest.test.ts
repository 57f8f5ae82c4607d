// @ts-nocheck
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type Manifest = { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[] };
const manifestFor = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as (env: { browser: string; manifestVersion: 2 | 3 }) => Manifest)({ browser, manifestVersion });

// The popup asks for `*://<site>/*` when a site is switched on: every build must declare it as
// optional, under the key its manifest version reads (WXT drops optional_host_permissions in MV2).
describe('manifest permissions per build', () => {
  it.each([
    ['Chrome MV3', 'chrome', 3, 'optional_host_permissions'],
    ['Firefox MV2', 'firefox', 2, 'optional_permissions'],
    ['Firefox MV3', 'firefox', 3, 'optional_host_permissions'],
  ] as const)('%s: any site can be asked for, and no `tabs` (its install warning: browsing history)', (_n, browser, version, key) => {
    const manifest = manifestFor(browser, version);
    expect(manifest[key]).toContain('<all_urls>');
    expect(manifest[key]?.filter((p) => p !== '<all_urls>' && p !== 'notifications')).toEqual([]);
    expect(manifest.optional_permissions).toContain('notifications'); // asked only when health notifications are switched on
    expect(manifest.permissions).not.toContain('notifications');
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).toContain('activeTab');
  });
});
