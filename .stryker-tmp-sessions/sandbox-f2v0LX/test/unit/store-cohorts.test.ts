// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CohortDefinition } from '../../src/cohorts';
import { exportCohorts, importCohortCsv, importCohorts } from '../../src/store/cohort-files';
import { CohortSaveError, deleteCohort, listCohorts, saveCohort } from '../../src/store/cohorts';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { cohort, didEvent, has } from '../support/cohorts';

const inCohort = (id: string): CohortDefinition => cohort({ type: 'cohort', key: 'id', value: id });
const fresh = () => openLassoDB(new IDBFactory());

/** The problems of a refused write, and that the stored cohorts did not change. */
async function refused(db: LassoDatabase, write: () => Promise<unknown>): Promise<string[]> {
  const before = await db.getAll('cohorts');
  const error = await write().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CohortSaveError);
  expect(await db.getAll('cohorts')).toEqual(before);
  return (error as CohortSaveError).problems.map((p) => p.path);
}

describe('cohorts: save validates, writes nothing when refused', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'cohort', 'cohort'],
    ['no name', { name: ' ', definition: cohort(has('plan')) }, 'name'],
    ['an id with a slash', { id: 'a/b', name: 'x', definition: cohort(has('plan')) }, 'id'],
    ['no definition', { name: 'x' }, 'definition'],
    ['an unknown operator', { name: 'x', definition: cohort({ type: 'person', key: 'plan', operator: 'nope' as never, value: 1 }) }, 'definition.filters.properties.values[0].values[0].operator'],
    ['an unknown cohort', { name: 'x', definition: inCohort('ghost') }, 'definition.filters.properties.values[0].values[0].value'],
    ['an unknown action', { name: 'x', definition: cohort({ type: 'behavioral', value: 'performed_event', key: 'a1', event_type: 'actions', time_value: 7, time_interval: 'day' }) }, 'definition.filters.properties.values[0].values[0].key'],
    ['a taken name (any case)', { name: 'PAYING', definition: cohort(has('plan')) }, 'name'],
  ])('%s', async (_name, input, path) => {
    const db = await fresh();
    await saveCohort(db, { id: 'paying', name: 'Paying', definition: cohort(has('plan')) });
    expect(await refused(db, () => saveCohort(db, input))).toContain(path);
    db.close();
  });

  it('a cycle between cohorts is refused, naming it', async () => {
    const db = await fresh();
    await saveCohort(db, { id: 'b', name: 'B', definition: cohort(didEvent('x')) });
    await saveCohort(db, { id: 'a', name: 'A', definition: inCohort('b') });
    const before = await db.getAll('cohorts');
    const error = await saveCohort(db, { id: 'b', name: 'B', definition: inCohort('a') }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/cycle.*'b' → 'a' → 'b'/);
    expect(await db.getAll('cohorts')).toEqual(before);
    db.close();
  });

  it('an update keeps created_at and the id; the list is by name', async () => {
    const db = await fresh();
    const first = await saveCohort(db, { id: 'c1', name: 'Zeta', definition: cohort(has('plan')) }, Date.UTC(2026, 0, 1));
    const again = await saveCohort(db, { id: 'c1', name: 'Zeta 2', definition: cohort(has('email')) }, Date.UTC(2026, 0, 2));
    await saveCohort(db, { name: 'Alpha', definition: { is_static: true, distinct_ids: ['u1'] } });
    expect(again).toMatchObject({ id: 'c1', created_at: first.created_at, updated_at: '2026-01-02T00:00:00.000Z' });
    expect((await listCohorts(db)).map((c) => c.name)).toEqual(['Alpha', 'Zeta 2']);
    db.close();
  });

  it('delete: refused while another cohort refers to it; true once, then false', async () => {
    const db = await fresh();
    await saveCohort(db, { id: 'b', name: 'B', definition: cohort(didEvent('x')) });
    await saveCohort(db, { id: 'a', name: 'A', definition: inCohort('b') });
    expect(await refused(db, () => deleteCohort(db, 'b'))).toEqual(['id']);
    expect(await deleteCohort(db, 'a')).toBe(true);
    expect(await deleteCohort(db, 'a')).toBe(false);
    expect(await deleteCohort(db, 'b')).toBe(true);
    db.close();
  });
});

describe('cohorts: import and export as PostHog cohort JSON', () => {
  const file = JSON.stringify({
    results: [
      { id: 7, name: 'Signed up', is_static: false, filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [didEvent('signed_up')] }] } }, created_at: '2025-01-01T00:00:00Z' },
      { id: 8, name: 'Signed up, with plan', description: 'both', is_static: false, filters: { properties: { type: 'AND', values: [{ type: 'cohort', key: 'id', value: 7 }, has('plan')] } } },
      { id: 9, name: 'VIPs', is_static: true, distinct_ids: ['u1', 'u2'] },
    ],
  });

  it('a PostHog API page imports with its ids (one cohort may refer to another of the file); export gives it back', async () => {
    const db = await fresh();
    const { saved } = await importCohorts(db, file);
    expect(saved.map((c) => [c.id, c.name])).toEqual([['7', 'Signed up'], ['8', 'Signed up, with plan'], ['9', 'VIPs']]);
    const exported = JSON.parse((await exportCohorts(db)).text) as Array<Record<string, unknown>>;
    expect(exported.map(({ id, name, is_static, description }) => ({ id, name, is_static, description }))).toEqual([
      { id: '7', name: 'Signed up', is_static: false, description: undefined },
      { id: '8', name: 'Signed up, with plan', is_static: false, description: 'both' },
      { id: '9', name: 'VIPs', is_static: true, description: undefined },
    ]);
    expect(exported[2].distinct_ids).toEqual(['u1', 'u2']);
    // Round trip: the exported file imports into another database with the same definitions.
    const other = await fresh();
    await importCohorts(other, (await exportCohorts(db)).text);
    expect((await other.getAll('cohorts')).map((c) => c.definition)).toEqual((await db.getAll('cohorts')).map((c) => c.definition));
    db.close();
    other.close();
  });

  it.each<[string, string, string]>([
    ['not JSON', '{', 'file'],
    ['an empty list', '[]', 'file'],
    ['the second cohort invalid', JSON.stringify([{ name: 'ok', filters: { properties: [has('a')] } }, { name: 'bad', filters: { properties: [{ type: 'nope' }] } }]), '[1].definition.filters.properties[0].type'],
    ['a reference to a cohort in neither the file nor the store', JSON.stringify([{ id: 1, name: 'x', filters: { properties: [{ type: 'cohort', key: 'id', value: 99 }] } }]), '[0].definition.filters.properties[0].value'],
    ['two cohorts with one name', JSON.stringify([{ name: 'x', filters: { properties: [has('a')] } }, { name: 'X', filters: { properties: [has('b')] } }]), '[1].name'],
  ])('refused whole: %s', async (_name, text, path) => {
    const db = await fresh();
    expect(await refused(db, () => importCohorts(db, text))).toContain(path);
    db.close();
  });

  it('a static cohort from a CSV with a distinct_id column; a CSV of emails is refused', async () => {
    const db = await fresh();
    const result = await importCohortCsv(db, 'email,distinct_id\na@x.com,u1\nshort\nb@x.com,u2\n', 'From CSV');
    expect(result.skippedRows).toBe(1);
    expect(result.saved[0]).toMatchObject({ name: 'From CSV', definition: { is_static: true, distinct_ids: ['u1', 'u2'] } });
    expect(await refused(db, () => importCohortCsv(db, 'email\na@x.com\n', 'Emails'))).toEqual(['csv']);
    db.close();
  });
});
