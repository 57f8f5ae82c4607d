import { describe, expect, it } from 'vitest';
import { exportActions, normalizeDefinition, parseImport } from '../../src/actions/io';
import type { StoredAction } from '../../src/actions/types';
import { nameKey, normalizeTags } from '../../src/actions/io/normalize';
import { fixture, importOpts, LATER, NOW, sampleStore, SITE, stored } from '../fixtures/actions/helpers';

const POSTHOG_STEP_KEYS = ['event', 'properties', 'selector', 'tag_name', 'text', 'text_matching', 'href', 'href_matching', 'url', 'url_matching'];
const definitionOf = ({ name, description, tags, steps }: StoredAction) => ({ name, description, tags, steps });

describe('exportActions', () => {
  it('writes the Lasso envelope with PostHog create payloads, nulls for unset step fields', () => {
    const file = JSON.parse(exportActions([sampleStore()[0]], { now: NOW }));
    expect(file).toEqual({
      format: 'lasso-actions',
      version: 1,
      exported_at: NOW,
      actions: [{
        name: 'Clicked sign up',
        description: 'Hero button',
        tags: ['funnel', 'signup'],
        steps: [{
          event: '$autocapture', properties: null, selector: 'main button.signup', tag_name: null,
          text: 'Sign up', text_matching: 'exact', href: null, href_matching: null, url: '/pricing', url_matching: 'contains',
        }],
      }],
    });
  });

  it('keeps a fixed key order: envelope, action, step (PostHog order)', () => {
    const file = JSON.parse(exportActions(sampleStore(), { now: NOW }));
    expect(Object.keys(file)).toEqual(['format', 'version', 'exported_at', 'actions']);
    for (const action of file.actions) {
      expect(Object.keys(action)).toEqual(['name', 'description', 'tags', 'steps']);
      for (const step of action.steps) expect(Object.keys(step)).toEqual(POSTHOG_STEP_KEYS);
    }
  });

  it('drops the local fields id, site, created_at and updated_at', () => {
    const text = exportActions(sampleStore(), { now: NOW });
    for (const key of ['"id"', '"site"', '"created_at"', '"updated_at"', SITE]) expect(text).not.toContain(key);
  });

  it('is deterministic: store order, tag order and duplicate tags do not change the bytes', () => {
    const store = sampleStore();
    const shuffled = [store[2], store[0], store[1]].map((a) => ({ ...a, tags: [...(a.tags ?? [])].reverse().concat(a.tags ?? []) }));
    expect(exportActions(shuffled, { now: NOW })).toBe(exportActions(store, { now: NOW }));
  });

  it('sorts actions by name ignoring case', () => {
    const names = JSON.parse(exportActions(sampleStore(), { now: NOW })).actions.map((a: { name: string }) => a.name);
    expect(names).toEqual(['added to cart', 'Clicked sign up', 'Viewed pricing']);
  });

  it('writes matching modes with their defaults when the value is set, and null when it is not', () => {
    const action = stored({ name: 'x', steps: [{ text: 'Buy', url: '/p', href: null, href_matching: 'regex', selector: '' }] });
    const [step] = JSON.parse(exportActions([action], { now: NOW })).actions[0].steps;
    expect(step).toMatchObject({ text: 'Buy', text_matching: 'exact', url: '/p', url_matching: 'contains', href: null, href_matching: null, selector: null });
  });

  it('matches the checked-in example byte for byte (format changes must be deliberate)', () => {
    expect(exportActions(sampleStore(), { now: NOW })).toBe(fixture('lasso-export.json'));
  });

  it('ends with a newline and uses 2-space indentation', () => {
    const text = exportActions(sampleStore(), { now: NOW });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "lasso-actions",');
  });
});

describe('export → import round trip', () => {
  it('re-importing over the same store skips every action', () => {
    const store = sampleStore();
    const plan = parseImport(exportActions(store, { now: NOW }), store, importOpts());
    expect(plan.ok).toBe(true);
    expect(plan.format).toBe('lasso-export');
    expect(plan.actions.map((a) => a.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(plan.counts).toEqual({ created: 0, updated: 0, skipped: 3, rejected: 0 });
  });

  it('into an empty store creates identical definitions with new local fields', () => {
    const store = sampleStore();
    const plan = parseImport(exportActions(store, { now: NOW }), [], importOpts());
    const created = plan.actions.map((a) => a.action!);
    expect(plan.actions.every((a) => a.status === 'created')).toBe(true);
    expect(created.map(definitionOf)).toEqual([store[2], store[0], store[1]].map(definitionOf));
    expect(created.map((a) => [a.id, a.site, a.created_at, a.updated_at])).toEqual([1, 2, 3].map((n) => [`new-${n}`, SITE, LATER, LATER]));
  });

  it('non-canonical stored actions come back in canonical form, and a second round trip is a fixed point', () => {
    const messy = stored({ name: 'Messy', tags: ['b', 'a', 'b'], steps: [{ event: '', text: 'Hi', text_matching: null, url: null, url_matching: 'regex', properties: [] }] });
    const first = parseImport(exportActions([messy], { now: NOW }), [], importOpts()).actions[0].action!;
    expect(definitionOf(first)).toEqual(normalizeDefinition(messy));
    expect(first.steps).toEqual([{ text: 'Hi', text_matching: 'exact' }]);
    const second = parseImport(exportActions([first], { now: NOW }), [first], importOpts());
    expect(second.actions[0].status).toBe('skipped');
  });

  it('a changed definition under the same name (other case) is planned as an update keeping id and created_at', () => {
    const store = sampleStore();
    const edited = { ...store[1], name: 'VIEWED PRICING', steps: [{ event: '$pageview', url: '/pricing' }] };
    const plan = parseImport(exportActions([edited], { now: NOW }), store, importOpts());
    expect(plan.actions[0]).toMatchObject({ status: 'updated', name: 'VIEWED PRICING' });
    expect(plan.actions[0].action).toEqual({
      id: store[1].id, site: SITE, created_at: NOW, updated_at: LATER,
      name: 'VIEWED PRICING', description: '', tags: [], steps: [{ event: '$pageview', url: '/pricing', url_matching: 'contains' }],
    });
  });

  it('the same name on another site is created, not updated', () => {
    const other = sampleStore().map((a) => ({ ...a, site: 'other.example' }));
    const plan = parseImport(exportActions(other, { now: NOW }), other, importOpts());
    expect(plan.actions.map((a) => a.status)).toEqual(['created', 'created', 'created']);
  });
});

describe('export order and normalization', () => {
  const order = (actions: StoredAction[]) =>
    (JSON.parse(exportActions(actions, { now: NOW })) as { actions: { description: string }[] }).actions.map((a) => a.description);
  const A = (name: string, site: string, description: string) => stored({ name, steps: [{ event: '$pageview' }] }, { site, description });

  it.each<[string, StoredAction[], string[]]>([
    ['same name: by site', [A('Go', 'b.test', 'b'), A('Go', 'a.test', 'a')], ['a', 'b']],
    ['same name: by site, already in order', [A('Go', 'a.test', 'a'), A('Go', 'b.test', 'b')], ['a', 'b']],
    ['same name, three sites', [A('Go', 'c.test', 'c'), A('Go', 'a.test', 'a'), A('Go', 'b.test', 'b')], ['a', 'b', 'c']],
    ['names compare case-insensitively first', [A('beta', 'a.test', 'beta'), A('Alpha', 'b.test', 'Alpha')], ['Alpha', 'beta']],
    ['then exactly (upper case first in code-unit order)', [A('go', 'a.test', 'go'), A('Go', 'b.test', 'Go')], ['Go', 'go']],
  ])('%s', (_name, actions, expected) => {
    expect(order(actions)).toEqual(expected);
  });

  it.each<[string, string[] | undefined, string[]]>([
    ['no tags', undefined, []],
    ['sorted', ['b', 'a', 'c'], ['a', 'b', 'c']],
    ['reverse order', ['c', 'b', 'a'], ['a', 'b', 'c']],
    ['already sorted', ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['duplicates dropped', ['b', 'a', 'b'], ['a', 'b']],
    ['code-unit order', ['b', 'B', 'a', 'A'], ['A', 'B', 'a', 'b']],
  ])('tags: %s', (_name, tags, expected) => {
    expect(normalizeTags(tags)).toEqual(expected);
    expect(normalizeDefinition({ name: 'x', tags, steps: [] }).tags).toEqual(expected);
  });

  it('a definition without description or tags gets empty ones', () => {
    expect(normalizeDefinition({ name: 'x', steps: [] })).toEqual({ name: 'x', description: '', tags: [], steps: [] });
  });

  it.each([
    ['Sign up', 'sign up'],
    ['  SIGN UP\t', 'sign up'],
    ['Ärger', 'ärger'],
  ])('nameKey(%j) = %j (unique per site, case-insensitively)', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});
