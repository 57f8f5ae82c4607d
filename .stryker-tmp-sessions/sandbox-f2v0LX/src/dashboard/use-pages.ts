// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import { errorText, type Answer, type RequestData } from './use-request';

/** The queries that page by keyset: a cursor in (`cursor`, or `after` for one session's events), `{ rows, next }` out. */
export type PagedQuery = 'query.persons' | 'query.sessions' | 'query.session';
type CursorKey<K extends PagedQuery> = K extends 'query.session' ? 'after' : 'cursor';
type Row<K extends PagedQuery> = Answer<K>['rows'][number];

export interface PagesState<R, A = unknown> {
  /** Every page loaded so far, in order. */
  rows: R[];
  /** The latest page's whole answer (e.g. `query.session`'s `session`); null before the first. */
  answer: A | null;
  /** More rows follow: "Load more" asks for them. */
  hasMore: boolean;
  /** The last page stopped at the background's read budget before it filled (a narrow filter over many rows). */
  cutShort: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  /** Start again from the first page (after an error). */
  reload: () => void;
}

/**
 * A keyset-paged list: the first page of `payload` (without its cursor), then one more page per
 * `loadMore`, each continuing from the previous page's `next`. Never more than the pages asked
 * for are loaded. A new payload (compared as JSON) starts over; answers to an older payload are
 * ignored. `payload: null` sends nothing.
 */
export function usePages<K extends PagedQuery>(type: K, payload: Omit<RequestData<K>, CursorKey<K>> | null): PagesState<Row<K>, Answer<K>> {
  const key = payload === null ? null : JSON.stringify(payload);
  const cursorKey = type === 'query.session' ? 'after' : 'cursor';
  const [state, setState] = useState<{ rows: Row<K>[]; answer: Answer<K> | null; next: unknown; cutShort: boolean; loading: boolean; error: string | null }>({ rows: [], answer: null, next: null, cutShort: false, loading: key !== null, error: null });
  const generation = useRef(0);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = (cursor: unknown, append: boolean) => {
    if (key === null) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    const data = { ...(JSON.parse(key) as object), [cursorKey]: cursor } as RequestData<K>;
    // sendMessage's overloads cannot be resolved for a generic K: typed by ProtocolMap through Answer<K>.
    (sendMessage as (t: K, d: RequestData<K>) => Promise<Answer<K>>)(type, data).then(
      (answer) => {
        if (mine !== generation.current) return;
        const rows = answer.rows as Row<K>[];
        const cutShort = 'cutShort' in answer && answer.cutShort;
        setState((s) => ({ rows: append ? [...s.rows, ...rows] : rows, answer, next: answer.next, cutShort, loading: false, error: null }));
      },
      (error: unknown) => mine === generation.current && setState((s) => ({ ...s, loading: false, error: errorText(error) })),
    );
  };

  useEffect(() => {
    generation.current++;
    setState({ rows: [], answer: null, next: null, cutShort: false, loading: key !== null, error: null });
    fetchPage(null, false);
    return () => {
      generation.current++; // unmounted or superseded: its answers are dropped
    };
    // fetchPage reads only key and type, the effect's own dependencies.
  }, [type, key, attempt]);

  return {
    rows: state.rows,
    answer: state.answer,
    hasMore: state.next !== null,
    cutShort: state.cutShort,
    loading: state.loading,
    error: state.error,
    loadMore: () => !state.loading && state.next !== null && fetchPage(state.next, true),
    reload: () => setAttempt((n) => n + 1),
  };
}
