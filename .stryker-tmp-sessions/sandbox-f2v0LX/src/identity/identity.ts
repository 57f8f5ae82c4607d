// @ts-nocheck
import { uuidv7 } from '../events/uuid';
import type { CaptureContext } from '../messaging/protocol';

/** The slice of a storage area identity needs (browser.storage.local / .session fit it). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface SiteIdentity {
  deviceId: string;
  distinctId: string;
}

function isSiteIdentity(x: unknown): x is SiteIdentity {
  const o = x as SiteIdentity | null;
  return !!o && typeof o.deviceId === 'string' && typeof o.distinctId === 'string';
}

/**
 * Ids for a tab on a site, owned by the background so the page can neither read nor change them:
 * a per-site device id and anonymous distinct id (like posthog-js's per-domain persistence) in
 * `local`, and a per-tab-and-site window id in `session` (like posthog-js's sessionStorage, it
 * survives reloads of the tab and ends with the browser session).
 */
export async function captureContextFor(
  site: string,
  tabId: number,
  areas: { local: KeyValueArea; session: KeyValueArea },
  newId: () => string = () => uuidv7(),
): Promise<CaptureContext> {
  const idKey = `identity:${site}`;
  const windowKey = `window:${tabId}:${site}`;
  const [local, session] = await Promise.all([areas.local.get(idKey), areas.session.get(windowKey)]);
  let identity = local[idKey];
  if (!isSiteIdentity(identity)) {
    const id = newId();
    identity = { deviceId: id, distinctId: id } satisfies SiteIdentity;
    await areas.local.set({ [idKey]: identity });
  }
  let windowId = session[windowKey];
  if (typeof windowId !== 'string') {
    windowId = newId();
    await areas.session.set({ [windowKey]: windowId });
  }
  const { deviceId, distinctId } = identity as SiteIdentity;
  return { deviceId, distinctId, windowId: windowId as string };
}

/**
 * Remember which of Lasso's window ids (`$lasso_window_id`, never the page-settable `$window_id`)
 * a tab's events carried, so "events of this tab" is an index lookup per window id. Keeps the latest 20.
 */
export async function rememberTabWindows(tabId: number, windowIds: Iterable<string>, session: KeyValueArea): Promise<void> {
  const key = `tab:${tabId}`;
  const known = ((await session.get(key))[key] as string[] | undefined) ?? [];
  const next = [...new Set([...known, ...windowIds])].slice(-20);
  if (next.length !== known.length || next.some((w, i) => w !== known[i])) await session.set({ [key]: next });
}

/** Window ids seen from a tab (see rememberTabWindows). */
export async function tabWindows(tabId: number, session: KeyValueArea): Promise<string[]> {
  const key = `tab:${tabId}`;
  const v = (await session.get(key))[key];
  return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : [];
}
