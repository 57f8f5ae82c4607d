// @ts-nocheck
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hasHostAccess, matchPatternsFor, syncCaptureRegistration } from '../../src/background/sites';

afterEach(() => vi.restoreAllMocks());
import { DEFAULT_SETTINGS, withSite } from '../../src/settings/settings';

describe('runtime capture registration', () => {
  it.each([
    ['defaults: covered by the manifest', DEFAULT_SETTINGS, []],
    ['one extra site', withSite(DEFAULT_SETTINGS, 'shop.example.com', true), ['*://shop.example.com/*']],
    ['all sites', { ...DEFAULT_SETTINGS, allSites: true }, ['<all_urls>']],
    ['built-in sites switched off', { ...DEFAULT_SETTINGS, enabledSites: [] }, []],
  ])('%s', (_n, settings, patterns) => expect(matchPatternsFor(settings)).toEqual(patterns));
});

describe('registered scripts for an enabled site', () => {
  /** A scripting API double holding registrations as the browser does. */
  function scriptingDouble(start: string[] = []) {
    let registered = start.map((id) => ({ id }));
    const api = {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((s) => !ids.includes(s.id));
      },
      registerContentScripts: async (scripts: Array<{ id: string }>) => {
        registered.push(...scripts);
      },
    };
    (fakeBrowser as unknown as { scripting: typeof api }).scripting = api;
    return () => registered as Array<Record<string, unknown>>;
  }

  it('capture in every frame after load, the key gate in the top frame before page scripts', async () => {
    const registered = scriptingDouble(['lasso-capture', 'lasso-keygate']);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
    await syncCaptureRegistration(withSite(DEFAULT_SETTINGS, 'shop.example.com', true));
    expect(registered()).toEqual([
      expect.objectContaining({ id: 'lasso-capture', js: ['content-scripts/capture.js'], matches: ['*://shop.example.com/*'], allFrames: true, runAt: 'document_idle' }),
      expect.objectContaining({ id: 'lasso-keygate', js: ['content-scripts/keygate.js'], matches: ['*://shop.example.com/*'], allFrames: false, runAt: 'document_start' }),
    ]);
  });

  it('a site not granted: neither script stays registered', async () => {
    const registered = scriptingDouble(['lasso-capture', 'lasso-keygate']);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
    await syncCaptureRegistration(withSite(DEFAULT_SETTINGS, 'shop.example.com', true));
    expect(registered()).toEqual([]);
  });
});

describe('host access for switching capture on from the toolbar', () => {
  it.each([
    ['127.0.0.1 is built in', '127.0.0.1', [], true, []],
    ['… with a port too', '127.0.0.1:5174', [], true, []],
    ['localhost is built in', 'localhost:3000', [], true, []],
    ['another site: granted in the popup before', 'shop.example.com', ['*://shop.example.com/*'], true, ['*://shop.example.com/*']],
    ['another site, port dropped from the pattern', 'shop.example.com:8443', ['*://shop.example.com/*'], true, ['*://shop.example.com/*']],
    ['another site never granted', 'pay.example', ['*://shop.example.com/*'], false, ['*://pay.example/*']],
    ['not a host', 'a b/c', [], false, []],
  ])('%s', async (_n, site, granted: string[], expected, asked: string[]) => {
    const seen: string[] = [];
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => {
      seen.push(...origins);
      return origins.every((o) => granted.includes(o));
    });
    expect(await hasHostAccess(site)).toBe(expected);
    expect(seen).toEqual(asked);
  });
});
