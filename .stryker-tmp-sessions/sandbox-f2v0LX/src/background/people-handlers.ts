// @ts-nocheck
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError } from '../messaging/validate';
import { createCohortCache, type CohortCache } from '../store/cohort-cache';
import { exportCohorts, importCohortCsv, importCohorts } from '../store/cohort-files';
import { deleteCohort, getCohort, listCohorts, saveCohort } from '../store/cohorts';
import { getGroup, listGroups, listGroupTypes } from '../store/group-queries';
import type { LassoDatabase } from '../store/schema';
import { callerScope } from './actions-handlers';
import { cohortId, cohortInput, importRequest, optionalIds, optionalInt, optionalNow, text } from './people-requests';

/**
 * Register the cohorts.* and groups.* handlers. Only extension pages may ask (the dashboard):
 * cohorts span every site and hold persons' ids. Every payload is checked before the store is
 * touched (people-requests.ts); a refused cohort write throws CohortSaveError, whose `problems`
 * reach the caller. Members come from one in-memory cache (store/cohort-cache.ts) per worker.
 */
export function registerPeopleHandlers({ db }: { db: Promise<LassoDatabase> }): { cache: Promise<CohortCache> } {
  const extensionId = browser.runtime.id;
  const cache = db.then((store) => createCohortCache(store));
  const pageOnly = (sender: unknown, what: string) => {
    if (callerScope(sender as Parameters<typeof callerScope>[0], extensionId, what).site !== null) {
      throw new MessageRejectedError(`message rejected: only extension pages may ask ${what}`);
    }
  };
  const known = async (id: string) => {
    if (!(await getCohort(await db, id))) throw new MessageRejectedError(`id: no cohort ${JSON.stringify(id)}`);
  };

  onMessage('cohorts.list', async ({ sender }) => {
    pageOnly(sender, 'cohorts.list');
    return listCohorts(await db);
  });
  onMessage('cohorts.save', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.save');
    return saveCohort(await db, cohortInput(data));
  });
  onMessage('cohorts.delete', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.delete');
    const id = cohortId(data);
    const deleted = await deleteCohort(await db, id);
    (await cache).invalidate(id);
    return { deleted };
  });
  onMessage('cohorts.members', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.members');
    const id = cohortId(data);
    const offset = optionalInt(data, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = optionalInt(data, 'limit', 1, 1000) ?? 50;
    const now = optionalNow(data);
    await known(id);
    const answer = await (await cache).members(id, now);
    return { count: answer.members.length, members: answer.members.slice(offset, offset + limit), now: answer.now };
  });
  onMessage('cohorts.isMember', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.isMember');
    const id = cohortId(data);
    const distinctId = text(data, 'distinctId', 400) as string;
    const now = optionalNow(data);
    await known(id);
    const { member, now: at } = await (await cache).isMember(id, distinctId, now);
    return { member, now: at };
  });
  onMessage('cohorts.import', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.import');
    const request = importRequest(data);
    return request.format === 'csv' ? importCohortCsv(await db, request.text, request.name as string) : importCohorts(await db, request.text);
  });
  onMessage('cohorts.export', async ({ data, sender }) => {
    pageOnly(sender, 'cohorts.export');
    return exportCohorts(await db, optionalIds(data));
  });
  onMessage('groups.list', async ({ data, sender }) => {
    pageOnly(sender, 'groups.list');
    const type = text(data, 'type', 400, true);
    const limit = optionalInt(data, 'limit', 1, 1000);
    const after = text(data, 'after', 400, true);
    const store = await db;
    return { types: await listGroupTypes(store), page: type === undefined ? null : await listGroups(store, type, { limit, after }) };
  });
  onMessage('groups.get', async ({ data, sender }) => {
    pageOnly(sender, 'groups.get');
    const type = text(data, 'type', 400) as string;
    const key = text(data, 'key', 400) as string;
    const limit = optionalInt(data, 'limit', 1, 500);
    return (await getGroup(await db, type, key, limit)) ?? null;
  });
  return { cache };
}
