// @ts-nocheck
import { tabWindows, type KeyValueArea } from '../identity/identity';
import { latestForWindow } from '../store/events';
import type { LassoDatabase } from '../store/schema';

/** The latest events stored from a tab (all its windows), newest first: the popup's list, a toolbar's catch-up. */
export async function latestForTab(db: Promise<LassoDatabase>, session: KeyValueArea, tabId: number, limit: number) {
  const store = await db;
  const lists = await Promise.all((await tabWindows(tabId, session)).map((w) => latestForWindow(store, w, limit)));
  return lists.flat().sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1)).slice(0, limit);
}
