/**
 * Pull and push of actions between one Lasso site and the connected PostHog project. Push
 * writes only the plan the user was shown: it recomputes the diff and refuses when its hash
 * differs from the one the page sends back.
 */
// @ts-nocheck

import type { ImportPlan } from '../../actions/io';
import type { StoredAction } from '../../actions/types';
import type { KeyValueArea } from '../../identity/identity';
import { redact } from '../redact';
import { createPhActionsClient, PhApiError, type PhFetch } from './client';
import { loadConnection, saveConnection, viewOfConnection, type PhConnectionInput, type PhConnectionView } from './connection';
import { diffActions, diffHash, type DiffRow } from './diff';
import { pulledImportText } from './mapping';

export interface PhActionsDeps {
  area: KeyValueArea;
  fetch: PhFetch;
  /** A site's actions. */
  listLocal(site: string): Promise<StoredAction[]>;
  /** The existing import path (validates, all or nothing). */
  importText(text: string, site: string): Promise<ImportPlan>;
}

/** A diff as pages see it. */
export interface PhDiff {
  site: string;
  hash: string;
  rows: DiffRow[];
}

/** What happened to one action of a push. */
export interface PushResult {
  name: string;
  op: 'create' | 'update';
  ok: boolean;
  remoteId?: number;
  error?: string;
  /** A 400's messages per field. */
  fields?: Record<string, string[]>;
}

/** Thrown when push is asked with a diff that no longer matches (something changed since). */
export class StaleDiffError extends Error {
  constructor() {
    super('the actions changed since the diff was shown (here or in PostHog); review the new diff before pushing');
    this.name = 'StaleDiffError';
  }
}

export function createPhActions(deps: PhActionsDeps) {
  const connected = async () => {
    const conn = await loadConnection(deps.area);
    if (!conn) throw new PhApiError('no PostHog project connected yet: enter the host, project id and personal API key first', 0);
    return { conn, client: createPhActionsClient(conn, deps.fetch) };
  };
  const diff = async (site: string): Promise<PhDiff> => {
    const { client } = await connected();
    const rows = diffActions(await deps.listLocal(site), await client.list());
    return { site, hash: await diffHash(site, rows), rows };
  };
  return {
    getConnection: async (): Promise<PhConnectionView | null> => viewOfConnection(await loadConnection(deps.area)),
    saveConnection: (input: PhConnectionInput) => saveConnection(deps.area, input),
    /** Every project action into `site` through the import path: `fetched` from PostHog, the import plan. */
    async pull(site: string): Promise<{ fetched: number; plan: ImportPlan }> {
      const { client } = await connected();
      const remote = await client.list();
      return { fetched: remote.length, plan: await deps.importText(pulledImportText(remote), site) };
    },
    diff,
    /** Creates and updates exactly the shown diff's rows; one result per written action. */
    async push(site: string, hash: string): Promise<PushResult[]> {
      const { conn, client } = await connected();
      const now = await diff(site);
      if (now.hash !== hash) throw new StaleDiffError();
      const results: PushResult[] = [];
      for (const row of now.rows) {
        if (row.op === 'unchanged') continue;
        try {
          const answer = row.op === 'create' ? await client.create(row.payload) : await client.update(row.remoteId!, row.payload);
          results.push({ name: row.name, op: row.op, ok: true, remoteId: typeof answer?.id === 'number' ? answer.id : row.remoteId });
        } catch (e) {
          const err = e instanceof PhApiError ? e : new PhApiError(redact(String(e), [conn.apiKey]), 0);
          results.push({ name: row.name, op: row.op, ok: false, error: err.message, fields: err.fields });
          // A bad key or project fails every other action the same way: stop there.
          if (err.status === 401 || err.status === 403 || err.status === 404) break;
        }
      }
      return results;
    },
  };
}

export type PhActionsService = ReturnType<typeof createPhActions>;
