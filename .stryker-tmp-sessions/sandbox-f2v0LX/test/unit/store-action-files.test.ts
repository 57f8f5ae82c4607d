// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportActionsFile, importActionsFile, planActionsFile } from '../../src/store/action-files';
import { listActions, saveAction } from '../../src/store/actions';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
  await saveAction(db, { site: 'shop.test', name: 'Add to cart', steps: [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }] });
});

const names = async (site = 'shop.test') => (await listActions(db, site)).map((a) => a.name);

describe('actions files in the store', () => {
  it('export → import into another site creates; re-import over the same site skips', async () => {
    const { file } = await exportActionsFile(db, 'shop.test');
    const into = await importActionsFile(db, file, 'other.test');
    expect(into.ok).toBe(true);
    expect(into.counts.created).toBe(1);
    expect(await names('other.test')).toEqual(['Add to cart']);
    const again = await importActionsFile(db, file, 'shop.test');
    expect(again.counts.skipped).toBe(1);
    expect(await names()).toEqual(['Add to cart']);
  });

  it.each([
    ['malformed JSON', '{"actions": [', /line 1/],
    ['a rejected action among good ones', JSON.stringify([{ name: 'Good', steps: [{ event: 'x' }] }, { name: 'Bad', steps: [{ selector: 'a:hover' }] }]), /hover/],
    ['prototype pollution', '[{"name":"P","steps":[{"event":"x"}],"__proto__":{"polluted":1}}]', /__proto__/],
  ])('%s: nothing is written, the plan says why', async (_n, text, why) => {
    const before = await listActions(db, 'shop.test');
    const plan = await importActionsFile(db, text, 'shop.test');
    expect(plan.ok).toBe(false);
    expect(JSON.stringify(plan)).toMatch(why);
    expect(await listActions(db, 'shop.test')).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('exports only the chosen ids', async () => {
    const second = await saveAction(db, { site: 'shop.test', name: 'Sign up', steps: [{ event: '$autocapture', text: 'Sign up' }] });
    const file = JSON.parse((await exportActionsFile(db, 'shop.test', [second.id])).file);
    expect(file.actions.map((a: { name: string }) => a.name)).toEqual(['Sign up']);
  });

  it('planning an import writes nothing; the import then does what the plan said', async () => {
    const { file } = await exportActionsFile(db, 'shop.test');
    const plan = await planActionsFile(db, file, 'other.test');
    expect(plan.actions.map((a) => [a.name, a.status])).toEqual([['Add to cart', 'created']]);
    expect(await names('other.test')).toEqual([]);
    const done = await importActionsFile(db, file, 'other.test');
    expect(done.actions.map((a) => [a.name, a.status])).toEqual([['Add to cart', 'created']]);
    expect(await names('other.test')).toEqual(['Add to cart']);
  });

  it.each([
    ['this site', 'shop.test' as string | null, ['Add to cart']],
    ['every site', null, ['Add to cart', 'Elsewhere']],
  ])('exports %s with the compatibility report of the exported actions only', async (_n, site, expected) => {
    await saveAction(db, { site: 'other.test', name: 'Elsewhere', steps: [{ event: '$autocapture', selector: 'main button' }] });
    const exported = await exportActionsFile(db, site);
    expect(JSON.parse(exported.file).actions.map((a: { name: string }) => a.name)).toEqual(expected);
    expect(exported.count).toBe(expected.length);
    // `[data-attr="add-to-cart"]` means the same in PostHog; a descendant combinator does not.
    expect(exported.compat.map((c) => c.name)).toEqual(expected.includes('Elsewhere') ? ['Elsewhere'] : []);
    expect(exported.compat.flatMap((c) => c.issues.map((i) => i.construct)).join()).toMatch(expected.includes('Elsewhere') ? /descendant combinator/ : /^$/);
  });
});
