/**
 * PostHog's actions API (`/api/projects/<id>/actions/`), with a personal API key as a Bearer
 * token. `fetch` is a parameter (tests run it against a local server). Every error message is
 * redacted: servers echo what they received, and the key must never reach a page.
 */
// @ts-nocheck

import { redact } from '../redact';
import type { PostHogActionPayload } from '../../actions/io';

/** Where and as whom: the host (US, EU or self-hosted URL), the project id, the personal API key. */
export interface PhConnection {
  host: string;
  projectId: string;
  apiKey: string;
}

/** One action as PostHog's API returns it (the fields Lasso reads; the rest is ignored). */
export interface RemoteAction {
  id: number;
  name: string | null;
  description?: string | null;
  tags?: unknown[] | null;
  steps?: unknown[] | null;
  deleted?: boolean;
}

export type PhFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; text(): Promise<string> }>;

/** A refused or failed request: the status (0: no answer), a plain-words message, field messages of a 400. */
export class PhApiError extends Error {
  constructor(message: string, readonly status: number, readonly fields: Record<string, string[]> = {}) {
    super(message);
    this.name = 'PhApiError';
  }
}

/** At most this many list pages are followed (100 actions each by default): a loop guard. */
export const MAX_PAGES = 200;

/** The API base for a connection, e.g. `https://us.posthog.com/api/projects/12/actions/`. */
export function actionsUrl(conn: Pick<PhConnection, 'host' | 'projectId'>): string {
  return `${conn.host.replace(/\/+$/, '')}/api/projects/${encodeURIComponent(conn.projectId)}/actions/`;
}

/** A client for one connection. */
export function createPhActionsClient(conn: PhConnection, fetchFn: PhFetch) {
  const base = actionsUrl(conn);
  const origin = new URL(base).origin;
  const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${conn.apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Awaited<ReturnType<PhFetch>>;
    try {
      res = await fetchFn(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new PhApiError(redact(`could not reach ${origin}: ${e instanceof Error ? e.message : String(e)}`, [conn.apiKey]), 0);
    }
    const text = await res.text().catch(() => '');
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: described below by status */
    }
    if (res.status >= 200 && res.status < 300) return json;
    throw errorOf(res.status, json, text, conn.apiKey);
  };
  return {
    /** Every action of the project (following `next`, same origin only), deleted ones left out. */
    async list(): Promise<RemoteAction[]> {
      const out: RemoteAction[] = [];
      let url: string | null = base;
      for (let page = 0; url; page++) {
        if (page >= MAX_PAGES) throw new PhApiError(`PostHog kept returning more pages after ${MAX_PAGES}; stopped`, 0);
        const body = (await call('GET', url)) as { results?: unknown; next?: unknown } | undefined;
        if (!body || !Array.isArray(body.results)) throw new PhApiError('PostHog answered without a list of actions ("results"); is the host right?', 0);
        for (const r of body.results as RemoteAction[]) if (r && typeof r === 'object' && r.deleted !== true) out.push(r);
        const next = typeof body.next === 'string' && body.next ? body.next : null;
        // The next link comes from the server; following it elsewhere would send the key there.
        if (next && new URL(next, base).origin !== origin) throw new PhApiError(`PostHog's next page points to another origin (${new URL(next, base).origin}); stopped`, 0);
        url = next ? new URL(next, base).href : null;
      }
      return out;
    },
    /** Create an action; PostHog's answer. */
    create: (payload: PostHogActionPayload) => call('POST', base, payload) as Promise<RemoteAction>,
    /** Update action `id` with the payload. */
    update: (id: number, payload: PostHogActionPayload) => call('PATCH', `${base}${encodeURIComponent(String(id))}/`, payload) as Promise<RemoteAction>,
  };
}

export type PhActionsClient = ReturnType<typeof createPhActionsClient>;

/** A plain-words error for a non-2xx answer; a 400's field messages kept per field. */
export function errorOf(status: number, json: unknown, text: string, apiKey: string): PhApiError {
  const o = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const detail = typeof o.detail === 'string' ? o.detail : '';
  const fields: Record<string, string[]> = {};
  // PostHog's handler answers {type, code, detail, attr}; plain DRF answers {field: [messages]}.
  if (typeof o.attr === 'string' && detail) fields[o.attr] = [detail];
  else if (status === 400) {
    for (const [k, v] of Object.entries(o)) {
      if (Array.isArray(v)) fields[k] = v.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
      else if (typeof v === 'string' && k !== 'type' && k !== 'code') fields[k] = [v];
    }
  }
  const says = detail || Object.entries(fields).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') || text.slice(0, 200);
  const lead = status === 401 ? 'PostHog refused the personal API key (401): check the key'
    : status === 403 ? 'the personal API key may not do this (403): it needs the action:read and action:write scopes for this project'
      : status === 404 ? 'PostHog found no such project (404): check the host and the project id'
        : status === 400 ? 'PostHog refused the action (400)'
          : status === 429 ? 'PostHog is rate limiting (429): try again in a minute'
            : `PostHog answered ${status}`;
  const safeFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((m) => redact(m, [apiKey]))]));
  return new PhApiError(redact(says ? `${lead}: ${says}` : lead, [apiKey]), status, safeFields);
}
