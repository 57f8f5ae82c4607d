// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/toolbar/ui/clipboard';
import { planSummary } from '../../src/toolbar/ui/ImportDialog';
import { exportFileName } from '../../src/toolbar/ui/save-file';
import { captureStateOf } from '../../src/toolbar/services/useCaptureState';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';

describe('export file names', () => {
  const now = new Date('2026-12-01T23:30:00Z');
  it.each([
    ['a host', 'shop.example.com', 'lasso-actions-shop.example.com-2026-12-01.json'],
    ['a host with a port', '127.0.0.1:5174', 'lasso-actions-127.0.0.1-5174-2026-12-01.json'],
    ['every site', 'all-sites', 'lasso-actions-all-sites-2026-12-01.json'],
    ['characters no file system likes', 'a/b\\c:*?"<>|', 'lasso-actions-a-b-c-2026-12-01.json'],
    ['nothing usable', '::', 'lasso-actions-site-2026-12-01.json'],
  ])('%s', (_n, what, expected) => expect(exportFileName(what, now)).toBe(expected));
});

describe('copying a Playwright snippet', () => {
  it.each([
    ['the clipboard takes it', { writeText: async () => undefined }, true],
    ['the clipboard refuses (permissions policy, no focus)', { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, false],
    ['no clipboard API', undefined, false],
  ])('%s', async (_n, clipboard, expected) => {
    const written: string[] = [];
    const spy = clipboard && { writeText: (t: string) => (written.push(t), clipboard.writeText()) };
    expect(await copyText('test("x")', spy)).toBe(expected);
    expect(written).toEqual(clipboard ? ['test("x")'] : []);
  });
});

describe('the import report line', () => {
  it.each([
    [{ created: 2, updated: 1, skipped: 0, rejected: 1 }, '2 created · 1 updated · 0 skipped · 1 rejected'],
    [{ created: 0, updated: 0, skipped: 3, rejected: 0 }, '0 created · 0 updated · 3 skipped · 0 rejected'],
  ])('%j', (counts, expected) => expect(planSummary(counts)).toBe(expected));
});

describe('capture state shown by the toolbar', () => {
  it.each([
    ['a default site', DEFAULT_SETTINGS, 'http://127.0.0.1:5174/', 'on'],
    ['a site not switched on', DEFAULT_SETTINGS, 'https://shop.example.com/', 'off'],
    ['a default site switched off', { ...DEFAULT_SETTINGS, enabledSites: [] }, 'http://localhost:3000/', 'off'],
    ['all sites on', { ...DEFAULT_SETTINGS, allSites: true }, 'https://shop.example.com/', 'on'],
    ['paused everywhere wins', { ...DEFAULT_SETTINGS, paused: true }, 'http://127.0.0.1/', 'paused'],
  ])('%s', (_n, settings, url, expected) => expect(captureStateOf(settings, url)).toBe(expected));
});
