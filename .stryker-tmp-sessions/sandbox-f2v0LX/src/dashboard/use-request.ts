// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type ProtocolMap } from '../messaging/protocol';

/** The payload and answer of a protocol message. */
export type RequestData<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
export type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

export interface RequestState<T> {
  data: T | null;
  /** The background's refusal or a failure, in its own words (they name the field: `filter.from: …`). */
  error: string | null;
  loading: boolean;
  /** Ask again with the same payload (after a write, or on "Try again"). */
  reload: () => void;
}

/** An error's text without the "Error: " prefix that stringifying adds. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Send one protocol request and follow its answer. A new payload (compared by its JSON) sends a
 * new request; an answer to an older payload, or arriving after unmount, is ignored, so a slow
 * answer never overwrites a newer one. `data: null` sends nothing (not ready yet). The previous
 * answer stays shown while the next loads (no layout jump).
 */
export function useRequest<K extends keyof ProtocolMap>(type: K, data: RequestData<K> | null): RequestState<Answer<K>> {
  const key = data === null ? null : JSON.stringify(data);
  const [state, setState] = useState<{ data: Answer<K> | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: key !== null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, error: null, loading: true }));
    const payload = JSON.parse(key) as RequestData<K>;
    // The messaging library's overloads cannot be resolved for a generic K: the call is typed by ProtocolMap above.
    (sendMessage as (t: K, d: RequestData<K>) => Promise<Answer<K>>)(type, payload).then(
      (answer) => current && setState({ data: answer, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error: errorText(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [type, key, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
