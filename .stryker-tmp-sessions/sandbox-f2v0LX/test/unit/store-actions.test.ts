// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActionSaveError, copyToSite, deleteAction, listActions, listActionsBySite, saveAction } from '../../src/store/actions';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
});

const good = { site: 'shop.test', name: 'Clicked sign up', steps: [{ event: '$autocapture', selector: 'main button.signup' }] };
const NOW = Date.UTC(2026, 10, 28, 12);

/** The problems a refused save reports (fails the test when the save succeeds). */
async function problems(input: unknown): Promise<{ path: string; message: string }[]> {
  const error = await saveAction(db, input, NOW).then(
    () => expect.unreachable('save should have been refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionSaveError);
  return (error as ActionSaveError).problems;
}

describe('actions store', () => {
  it('creates, lists by site (by name), updates keeping created_at, deletes', async () => {
    const a = await saveAction(db, good, NOW);
    expect(a).toMatchObject({ ...good, created_at: new Date(NOW).toISOString(), updated_at: new Date(NOW).toISOString() });
    const b = await saveAction(db, { ...good, name: 'Added to cart' }, NOW);
    await saveAction(db, { ...good, site: 'blog.test' }, NOW);
    expect((await listActions(db, 'shop.test')).map((x) => x.name)).toEqual(['Added to cart', 'Clicked sign up']);
    const updated = await saveAction(db, { ...a, name: 'Signed up', steps: [{ event: 'signed_up' }] }, NOW + 1000);
    expect(updated).toMatchObject({ id: a.id, created_at: a.created_at, updated_at: new Date(NOW + 1000).toISOString(), name: 'Signed up' });
    expect(await deleteAction(db, b.id)).toBe(true);
    expect(await deleteAction(db, b.id)).toBe(false);
    expect((await listActions(db, 'shop.test')).map((x) => x.name)).toEqual(['Signed up']);
  });

  it.each([
    ['no steps', { ...good, steps: [] }, 'steps'],
    ['blank name', { ...good, name: '  ' }, 'name'],
    ['unsupported selector', { ...good, steps: [{ selector: 'a + b' }] }, 'steps[0].selector'],
    ['regex RE2 rejects', { ...good, steps: [{ url: '(?=x)', url_matching: 'regex' }] }, 'steps[0].url'],
    ['unknown operator', { ...good, steps: [{ properties: [{ key: 'a', operator: 'near' }] }] }, 'steps[0].properties[0].operator'],
    ['site not a host', { ...good, site: 'https://shop.test/' }, 'site'],
    ['site upper case', { ...good, site: 'Shop.test' }, 'site'],
    ['site with a path', { ...good, site: 'localhost:3000/' }, 'site'],
    ['site with a bad port', { ...good, site: 'localhost:99999' }, 'site'],
    ['bad id', { ...good, id: 'a b' }, 'id'],
    ['not an object', 'nope', ''],
  ])('refuses %s, naming %s, and stores nothing', async (_case, input, path) => {
    const found = await problems(input);
    expect(found.map((p) => p.path)).toContain(path);
    expect(found.every((p) => p.message.length > p.path.length + 2)).toBe(true);
    expect(await db.count('actions')).toBe(0);
  });

  it('refuses a name already used on the site, case-insensitively; other sites may reuse it', async () => {
    const first = await saveAction(db, good, NOW);
    expect(await problems({ ...good, name: ' CLICKED SIGN UP ' })).toEqual([expect.objectContaining({ path: 'name', message: expect.stringContaining('already an action on shop.test') })]);
    await expect(saveAction(db, { ...good, site: 'blog.test' }, NOW)).resolves.toMatchObject({ site: 'blog.test' });
    await expect(saveAction(db, { ...first, description: 'renamed in place' }, NOW)).resolves.toMatchObject({ id: first.id });
    expect(await db.count('actions')).toBe(2);
  });

  it('refuses moving an action to another site and keeps the stored one unchanged', async () => {
    const a = await saveAction(db, good, NOW);
    expect((await problems({ ...a, site: 'blog.test' })).map((p) => p.path)).toEqual(['site']);
    expect(await db.get('actions', a.id)).toEqual(a);
  });

  it('a site keeps its port: localhost:3000 and localhost:5000 are two sites', async () => {
    await saveAction(db, { ...good, site: 'localhost:3000' }, NOW);
    await saveAction(db, { ...good, site: 'localhost:5000', name: 'Other app' }, NOW);
    expect((await listActions(db, 'localhost:3000')).map((a) => a.name)).toEqual([good.name]);
    expect(await listActions(db, 'localhost')).toEqual([]);
  });
});

describe('other sites and copies', () => {
  it('listActionsBySite groups every site but one, sites and names in order', async () => {
    const b = await saveAction(db, { ...good, site: 'localhost:5000', name: 'b' }, NOW);
    const a = await saveAction(db, { ...good, site: 'localhost:5000', name: 'a' }, NOW);
    const c = await saveAction(db, { ...good, site: 'blog.test' }, NOW);
    await saveAction(db, good, NOW);
    expect(await listActionsBySite(db, 'shop.test')).toEqual([{ site: 'blog.test', actions: [c] }, { site: 'localhost:5000', actions: [a, b] }]);
    expect((await listActionsBySite(db)).map((g) => g.site)).toEqual(['blog.test', 'localhost:5000', 'shop.test']);
  });

  const stored = { id: 'x', site: 'localhost:3000', name: 'Checkout', description: 'd', tags: ['t'], steps: [{ event: '$pageview', url: '/checkout' }], created_at: 'c', updated_at: 'u' };
  it.each([
    ['a free name', [], 'Checkout'],
    ['a name taken here', ['checkout '], 'Checkout (copy)'],
    ['the copy name taken too', ['Checkout', 'Checkout (copy)'], 'Checkout (copy 2)'],
    ['other names only', ['Sign up'], 'Checkout'],
  ])('copyToSite with %s', (_case, taken, name) => {
    expect(copyToSite(stored, '127.0.0.1:3000', taken)).toEqual({ site: '127.0.0.1:3000', name, description: 'd', tags: ['t'], steps: stored.steps });
  });

  it('a copy saves as a new action of the other site; the original is unchanged', async () => {
    const original = await saveAction(db, { ...good, site: 'localhost:3000' }, NOW);
    const copy = await saveAction(db, copyToSite(original, 'shop.test', (await listActions(db, 'shop.test')).map((a) => a.name)), NOW + 1);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ site: 'shop.test', name: good.name, steps: good.steps });
    expect(await db.get('actions', original.id)).toEqual(original);
    const again = await saveAction(db, copyToSite(original, 'shop.test', (await listActions(db, 'shop.test')).map((a) => a.name)), NOW + 2);
    expect(again.name).toBe(`${good.name} (copy)`);
  });
});
