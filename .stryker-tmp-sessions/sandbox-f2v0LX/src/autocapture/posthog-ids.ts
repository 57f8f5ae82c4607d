// @ts-nocheck
import { asPersonInfo, type PersonInfo } from './person-props';

/**
 * When the page itself runs posthog-js, Lasso adopts its distinct id, session id and window id
 * so local events and PostHog's join. The page's storage is untrusted input: only short plain
 * strings are taken, and anything malformed is ignored.
 */
export interface PosthogIds {
  distinctId?: string;
  sessionId?: string;
  windowId?: string;
  deviceId?: string;
  /** posthog-js's `$user_state` is `identified` (it called identify for this distinct id). */
  identified?: boolean;
  /** Where posthog-js saw this browser first arrive (`$initial_person_info`). */
  initialInfo?: PersonInfo;
  /** Its current session's entry (`$client_session_props`), when that session is `sessionId`. */
  sessionEntry?: PersonInfo;
}

const ID = /^[\w\-.:@+]{1,200}$/;
const id = (x: unknown): string | undefined => (typeof x === 'string' && ID.test(x) ? x : undefined);

/** Ids from the JSON posthog-js persists under `ph_<token>_posthog` (pure). */
export function parsePosthogPersistence(raw: string | null): PosthogIds {
  if (!raw || raw.length > 100_000) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  const sesid = Array.isArray(d.$sesid) ? d.$sesid : [];
  const ids: PosthogIds = { distinctId: id(d.distinct_id), sessionId: id(sesid[1]), deviceId: id(d.$device_id) };
  if (d.$user_state === 'identified') ids.identified = true;
  const initialInfo = asPersonInfo(d.$initial_person_info);
  if (initialInfo) ids.initialInfo = initialInfo;
  const session = d.$client_session_props as { sessionId?: unknown; props?: unknown } | null;
  const sessionEntry = session && ids.sessionId && session.sessionId === ids.sessionId ? asPersonInfo(session.props) : undefined;
  if (sessionEntry) ids.sessionEntry = sessionEntry;
  return ids;
}

const KEY = /^ph_[\w-]{1,100}_posthog$/;

/** Reads posthog-js's ids from a page's localStorage, cookies and sessionStorage. */
export function createPosthogIdReader(win: Window): () => PosthogIds {
  let key: string | null = null;
  let lastScan = -Infinity;
  const find = (): string | null => {
    // posthog-js may load after the capture script: look again, but at most every 2 s.
    const now = Date.now();
    if (key || now - lastScan < 2000) return key;
    lastScan = now;
    try {
      for (let i = 0; i < win.localStorage.length; i++) {
        const k = win.localStorage.key(i);
        if (k && KEY.test(k)) return (key = k);
      }
      const m = win.document.cookie.match(/(?:^|;\s*)(ph_[\w-]{1,100}_posthog)=/);
      if (m) return (key = m[1]);
    } catch {
      // storage can be blocked (sandboxed frames, privacy settings): nothing to adopt
    }
    return null;
  };
  return () => {
    const k = find();
    if (!k) return {};
    try {
      let raw = win.localStorage.getItem(k);
      if (raw === null) {
        const m = win.document.cookie.match(new RegExp(`(?:^|;\\s*)${k}=([^;]*)`));
        raw = m ? decodeURIComponent(m[1]) : null;
      }
      const ids = parsePosthogPersistence(raw);
      const windowId = id(unquote(win.sessionStorage.getItem(k.replace(/_posthog$/, '_window_id'))));
      return windowId ? { ...ids, windowId } : ids;
    } catch {
      return {};
    }
  };
}

/** posthog-js JSON-encodes what it keeps in sessionStorage. */
function unquote(v: string | null): string | null {
  if (!v || v[0] !== '"') return v;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}
