// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { uuidv7 } from '../events/uuid';
import { isSiteKey, normalizeHost } from '../settings/site';
import type { UpgradeTx } from './schema';
import { withFirst } from './prefix';

/**
 * Schema v3 changed what an action's `site` is: the hostname (v2: `127.0.0.1`) became the host
 * with port (`127.0.0.1:5174`, PostHog's `$host`; see settings/site.ts). This moves v2 actions
 * to the new scope inside the upgrade transaction, so it runs once, before anything reads
 * actions, and either every action moves or (on failure) nothing changes and the database
 * stays v2. The rule and why: src/store/README.md ("Actions move to host with port").
 */

/** Stored events per site (their `$host`, lower-cased; values that are no site are left out). */
export type HostCounts = Map<string, number>;

/**
 * The writes that put v2 `actions` on v3 sites. An action whose hostname has stored events on
 * one or more sites goes to each of them — its own id on the site with the most events (ties:
 * the first site in sort order), a copy with a new id (same name, steps, dates) on every other
 * one. An action whose hostname has no events stays where it is: the bare hostname is also the
 * site of its default port. Names stay unique per site: each new site receives actions of one
 * hostname only, whose names were already unique.
 */
export function rescopePlan(actions: readonly StoredAction[], hosts: HostCounts, newId: () => string): StoredAction[] {
  const byHostname = new Map<string, string[]>();
  const ranked = [...hosts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  for (const [site] of ranked) {
    const hostname = normalizeHost(site);
    byHostname.set(hostname, [...(byHostname.get(hostname) ?? []), site]);
  }
  const writes: StoredAction[] = [];
  for (const action of actions) {
    const [first, ...rest] = byHostname.get(action.site) ?? [];
    if (first === undefined) continue;
    if (first !== action.site) writes.push({ ...action, site: first });
    for (const site of rest) writes.push({ ...action, id: newId(), site });
  }
  return writes;
}

/** Count stored events per site: a key cursor that jumps from host to host on `host_time`, a count for each. */
export async function eventHostCounts(tx: UpgradeTx): Promise<HostCounts> {
  const index = tx.objectStore('events').index('host_time');
  const hosts: HostCounts = new Map();
  for (let cursor = await index.openKeyCursor(); cursor; ) {
    const host = (cursor.key as IDBValidKey[])[0];
    const site = typeof host === 'string' ? host.toLowerCase() : '';
    if (isSiteKey(site)) hosts.set(site, (hosts.get(site) ?? 0) + (await index.count(withFirst(host))));
    cursor = await cursor.continue([host, []] as never); // past this host's keys
  }
  return hosts;
}

/** v2 → v3 inside the upgrade transaction: rewrite each action's site (see rescopePlan). */
export async function rescopeActions(tx: UpgradeTx, newId: () => string = () => uuidv7()): Promise<void> {
  const store = tx.objectStore('actions');
  const actions = await store.getAll();
  if (!actions.length) return;
  const writes = rescopePlan(actions, await eventHostCounts(tx), newId);
  for (const action of writes) await store.put(action);
}
