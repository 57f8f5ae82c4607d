// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { exportSettings, parseSettingsFile, SettingsFileError } from '../../src/settings/transfer';
import { applySettings, planImport, resolveRefs, targetInputOf } from '../../src/settings/transfer-plan';
import { viewOf } from '../../src/sync/targets';
import type { Target } from '../../src/sync/types';

const settings: Settings = { ...DEFAULT_SETTINGS, enabledSites: ['shop.test'], pageTraffic: [{ site: 'shop.test', hosts: ['ph.shop.test'] }], retentionDays: 90, selectorAttributes: ['data-qa', 'data-track-*'], paused: true };
const targets: Target[] = [
  { id: 't1', kind: 'posthog', name: 'PostHog', sites: [], actions: [], start: 'backfill', paused: false, host: 'https://eu.i.posthog.com', apiKey: 'phc_SECRET' },
  { id: 't2', kind: 'segment', name: 'Seg', sites: ['shop.test'], actions: [], start: 'now', paused: false, host: 'https://api.segment.io', writeKey: 'WRITE_SECRET' },
  { id: 't3', kind: 'webhook', name: 'Hook', sites: [], actions: [], start: 'now', paused: true, url: 'https://hook.test/in', headers: [{ name: 'Authorization', value: 'Bearer HDR_SECRET' }], format: 'ndjson', gzip: true, secret: 'SIGN_SECRET' },
];
const SECRETS = ['phc_SECRET', 'WRITE_SECRET', 'HDR_SECRET', 'SIGN_SECRET'];
const file = (includeKeys: boolean) => exportSettings(settings, targets, { includeKeys, now: Date.UTC(2026, 11, 1) });

describe('settings export', () => {
  it.each([
    [false, []],
    [true, SECRETS],
  ])('includeKeys %s: the secrets in the file are %j', (includeKeys, expected) => {
    const text = JSON.stringify(file(includeKeys));
    expect(SECRETS.filter((s) => text.includes(s))).toEqual(expected);
  });

  it('round-trips through its own parser, the per-browser pause left behind', () => {
    const parsed = parseSettingsFile(JSON.stringify(file(true)));
    expect(parsed).toEqual(file(true));
    expect('paused' in parsed.settings).toBe(false);
  });
});

describe('settings file validation', () => {
  const good = () => JSON.parse(JSON.stringify(file(false))) as Record<string, unknown> & { settings: Record<string, unknown>; targets: Record<string, unknown>[] };
  it.each<[string, (f: ReturnType<typeof good>) => unknown, string]>([
    ['not JSON', () => '{oops', 'the file is not JSON'],
    ['another format', (f) => ({ ...f, format: 'other' }), '"format" is not "lasso-settings"'],
    ['an unknown version', (f) => ({ ...f, version: 2 }), 'version 2 is not one this Lasso knows (1)'],
    ['retention out of range', (f) => ({ ...f, settings: { ...f.settings, retentionDays: 0 } }), 'settings.retentionDays: null or whole days from 1 to 36500'],
    ['a bad page-traffic host', (f) => ({ ...f, settings: { ...f.settings, pageTraffic: [{ site: 'a.test', hosts: ['not a host'] }] } }), 'settings.pageTraffic[0]: a site and a list of host names'],
    ['a bad selector attribute', (f) => ({ ...f, settings: { ...f.settings, selectorAttributes: ['data-qa', '[onclick]'] } }), 'settings.selectorAttributes: "[onclick]" is not an attribute name'],
    ['no selector attributes list', (f) => ({ ...f, settings: { ...f.settings, selectorAttributes: 'data-qa' } }), 'settings.selectorAttributes: expected a list of attribute names'],
    ['a target of unknown kind', (f) => ({ ...f, targets: [{ ...f.targets[0], kind: 'ftp' }] }), 'targets[0].kind: posthog, segment or webhook'],
    ['a target without start', (f) => ({ ...f, targets: [{ ...f.targets[0], start: undefined }] }), 'targets[0].start: "backfill" or "now"'],
    ['cohorts not a list of ids', (f) => ({ ...f, targets: [{ ...f.targets[0], cohorts: [7] }] }), 'targets[0].cohorts: a list of cohort ids'],
    ['refs without names', (f) => ({ ...f, targets: [{ ...f.targets[0], refs: { actions: [{ id: 'a1' }], cohorts: [] } }] }), 'targets[0].refs: lists of actions { id, site, name } and cohorts { id, name }'],
  ])('%s: a clear error', (_name, change, message) => {
    const value = change(good());
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    expect(() => parseSettingsFile(text)).toThrow(SettingsFileError);
    expect(() => parseSettingsFile(text)).toThrow(message);
  });
});

describe('import plan', () => {
  it('on a fresh browser: every setting that differs, every target added, missing keys named', () => {
    const plan = planImport(parseSettingsFile(JSON.stringify(file(false))), DEFAULT_SETTINGS, []);
    expect(plan.settings.map((c) => [c.field, c.from, c.to])).toEqual([
      ['enabledSites', 'localhost, 127.0.0.1', 'shop.test'],
      ['pageTraffic', 'none', 'shop.test (+ph.shop.test)'],
      ['retentionDays', 'keep all', '90'],
      ['selectorAttributes', 'data-attr, data-testid, data-test, data-cy, data-qa, data-ph-capture-attribute-*', 'data-qa, data-track-*'],
    ]);
    expect(plan.targets.map((t) => [t.name, t.change, t.missing])).toEqual([
      ['PostHog', 'add', ['key']],
      ['Seg', 'add', ['key']],
      ['Hook', 'add', ['header Authorization']],
    ]);
  });

  it.each([
    ['the same targets: unchanged, nothing asked', (t: Target) => t, 'unchanged'],
    ['another endpoint: update, the stored key kept', (t: Target) => (t.kind === 'webhook' ? { ...t, url: 'https://other.test/' } : { ...t, host: 'https://other.test' }), 'update'],
  ] as const)('into a browser that has them: %s', (_name, edit, change) => {
    const plan = planImport(parseSettingsFile(JSON.stringify(file(false))), settings, targets.map((t) => viewOf(edit(t))));
    expect(plan.settings).toEqual([]);
    expect(plan.targets.map((t) => [t.change, t.missing, t.id])).toEqual(targets.map((t) => [change, [], t.id]));
  });

  it('applies settings but keeps the per-browser pause; target inputs carry typed or file secrets', () => {
    const parsed = parseSettingsFile(JSON.stringify(file(false)));
    expect(applySettings({ ...DEFAULT_SETTINGS, paused: false }, parsed)).toEqual({ ...settings, paused: false });
    const plan = planImport(parsed, DEFAULT_SETTINGS, []);
    expect(targetInputOf(parsed.targets[0], plan.targets[0], { key: 'phc_typed' })).toMatchObject({ kind: 'posthog', host: 'https://eu.i.posthog.com', apiKey: 'phc_typed', start: 'backfill' });
    expect(targetInputOf(parsed.targets[2], plan.targets[2], { 'header Authorization': 'Bearer x' })).toMatchObject({ url: 'https://hook.test/in', headers: [{ name: 'Authorization', value: 'Bearer x' }], format: 'ndjson', gzip: true });
    const withKeys = parseSettingsFile(JSON.stringify(file(true)));
    expect(targetInputOf(withKeys.targets[1], planImport(withKeys, DEFAULT_SETTINGS, []).targets[1])).toMatchObject({ writeKey: 'WRITE_SECRET' });
  });
});

describe('actions and cohorts across browsers (ids differ; refs name them)', () => {
  const named = { actions: [{ id: 'a1', site: 'shop.test', name: 'Signed up' }, { id: 'a2', site: 'blog.test', name: 'Read' }], cohorts: [{ id: 'c1', name: 'Buyers' }] };
  const limited: Target = { ...targets[0], id: 't9', name: 'Limited', actions: ['a1', 'a2'], cohorts: ['c1'] };
  const exported = () => parseSettingsFile(JSON.stringify(exportSettings(settings, [limited], { includeKeys: false, now: 0, named })));

  it('the file names each chosen action by site and name and each cohort by name, and parses back the same', () => {
    const f = exportSettings(settings, [limited], { includeKeys: false, now: 0, named });
    expect(f.targets[0]).toMatchObject({ actions: ['a1', 'a2'], cohorts: ['c1'], refs: named });
    expect(exported()).toEqual(f);
  });

  it('a file from before cohorts (no cohorts, no refs) still imports', () => {
    const old = JSON.parse(JSON.stringify(file(false))) as { targets: Record<string, unknown>[] };
    for (const t of old.targets) delete t.cohorts;
    expect(parseSettingsFile(JSON.stringify(old)).targets.map((t) => t.cohorts)).toEqual([[], [], []]);
  });

  it.each<[string, typeof named, { actions: string[]; cohorts: string[]; unresolved: string[] }]>([
    ['the same ids here: kept', named, { actions: ['a1', 'a2'], cohorts: ['c1'], unresolved: [] }],
    ['other ids, same names (case and spaces aside): this browser\'s ids', { actions: [{ id: 'x1', site: 'shop.test', name: 'signed up ' }, { id: 'x2', site: 'blog.test', name: 'Read' }], cohorts: [{ id: 'y1', name: 'BUYERS' }] }, { actions: ['x1', 'x2'], cohorts: ['y1'], unresolved: [] }],
    ['a same-named action of another site is not it', { actions: [{ id: 'x1', site: 'other.test', name: 'Signed up' }, { id: 'x2', site: 'blog.test', name: 'Read' }], cohorts: [] }, { actions: ['a1', 'x2'], cohorts: ['c1'], unresolved: ['action "Signed up" (shop.test)', 'cohort "Buyers"'] }],
    ['nothing here', { actions: [], cohorts: [] }, { actions: ['a1', 'a2'], cohorts: ['c1'], unresolved: ['action "Signed up" (shop.test)', 'action "Read" (blog.test)', 'cohort "Buyers"'] }],
  ])('%s', (_name, here, want) => {
    expect(resolveRefs(exported().targets[0]!, here)).toEqual(want);
  });

  it('an id without a ref is listed by id', () => {
    expect(resolveRefs({ actions: ['zz'], cohorts: [] }, { actions: [], cohorts: [] })).toEqual({ actions: ['zz'], cohorts: [], unresolved: ['action zz'] });
  });

  it('the plan and the saved input use this browser\'s ids; a target already limited to them is unchanged', () => {
    const here = { actions: [{ id: 'x1', site: 'shop.test', name: 'Signed up' }, { id: 'x2', site: 'blog.test', name: 'Read' }], cohorts: [{ id: 'y1', name: 'Buyers' }] };
    const parsed = exported();
    const fresh = planImport(parsed, settings, [], here);
    expect(targetInputOf(parsed.targets[0]!, fresh.targets[0]!, { key: 'phc_x' })).toMatchObject({ actions: ['x1', 'x2'], cohorts: ['y1'] });
    const saved = viewOf({ ...limited, id: 'local', actions: ['x1', 'x2'], cohorts: ['y1'] });
    expect(planImport(parsed, settings, [saved], here).targets[0]).toMatchObject({ change: 'unchanged', id: 'local', unresolved: [] });
  });
});
