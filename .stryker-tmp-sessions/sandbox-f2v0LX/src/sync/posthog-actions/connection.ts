/**
 * The PostHog project connection for actions: host, project id and personal API key, in
 * `storage.local` under `phActions.connection` (never synced). Pages only ever get the view.
 */
// @ts-nocheck

import type { KeyValueArea } from '../../identity/identity';
import { endpointProblem } from '../targets';
import type { PhConnection } from './client';

export const CONNECTION_KEY = 'phActions.connection';
/** PostHog Cloud's app (API) hosts; ingestion hosts (`us.i.posthog.com`) do not serve the actions API. */
export const PH_APP_HOSTS = { us: 'https://us.posthog.com', eu: 'https://eu.posthog.com' } as const;

/** The connection as pages see it: whether a key is saved, never the key. */
export interface PhConnectionView {
  host: string;
  projectId: string;
  hasKey: boolean;
}

/** What the options/dashboard form sends; a blank `apiKey` keeps the saved one. */
export interface PhConnectionInput {
  host: string;
  projectId: string;
  apiKey?: string;
}

/** A refused connection; `problems` name each field (`host: ...`), never the key. */
export class PhConnectionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'PhConnectionError';
  }
}

export async function loadConnection(area: KeyValueArea): Promise<PhConnection | null> {
  const got = (await area.get(CONNECTION_KEY))[CONNECTION_KEY] as Partial<PhConnection> | undefined;
  return got && typeof got.host === 'string' && typeof got.projectId === 'string' && typeof got.apiKey === 'string' ? (got as PhConnection) : null;
}

export const viewOfConnection = (c: PhConnection | null): PhConnectionView | null => (c ? { host: c.host, projectId: c.projectId, hasKey: c.apiKey !== '' } : null);

/** Checks and saves a connection (every problem named); the saved view. */
export async function saveConnection(area: KeyValueArea, input: PhConnectionInput): Promise<PhConnectionView> {
  const problems: string[] = [];
  const host = typeof input?.host === 'string' ? input.host.trim().replace(/\/+$/, '') : '';
  const hostProblem = host ? endpointProblem(host, 'the address') : 'enter the PostHog address (US, EU or your own)';
  if (hostProblem) problems.push(`host: ${hostProblem}`);
  const projectId = typeof input?.projectId === 'string' ? input.projectId.trim() : '';
  if (!/^\d{1,20}$/.test(projectId)) problems.push('projectId: expected the project id, a number (Project settings → Project ID)');
  const previous = await loadConnection(area);
  const typed = typeof input?.apiKey === 'string' ? input.apiKey.trim() : '';
  const apiKey = typed || previous?.apiKey || '';
  if (!apiKey) problems.push('apiKey: enter a personal API key (Account settings → Personal API keys, scopes action:read and action:write)');
  else if (apiKey.length > 200 || /\s/.test(apiKey)) problems.push('apiKey: this does not look like a personal API key');
  if (problems.length) throw new PhConnectionError(problems);
  const conn = { host, projectId, apiKey };
  await area.set({ [CONNECTION_KEY]: conn });
  return viewOfConnection(conn)!;
}
