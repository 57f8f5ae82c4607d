// @ts-nocheck
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureEvent } from '../../events/types';
import type { EventsFilterInput } from '../../messaging/query-checks';
import { sendMessage } from '../../messaging/protocol';
import type { Position } from '../../store/queries/order';
import type { Total } from '../../store/queries/total';
import { errorText } from '../use-request';

/** Rows asked for per page. */
export const PAGE_SIZE = 100;
/**
 * Pages a "load more" asks for in a row while each comes back empty because it stopped at the
 * background's read budget (a filter few events match): then the user is asked before going on.
 */
export const EMPTY_PAGES_BEFORE_ASKING = 5;

export interface EventPages {
  rows: CaptureEvent[];
  /** From the first page; raised by events added live. */
  total: Total | null;
  loading: boolean;
  error: string | null;
  /** Nothing more to load. */
  done: boolean;
  /** Several pages in a row found nothing yet (a rare filter): `keepSearching` goes on. */
  searching: boolean;
  /** The next page (nothing while one loads, after the last, after an error, or while `searching`). */
  loadMore: () => void;
  keepSearching: () => void;
  /** Put events that arrived live in front (newest first), leaving out those already shown. */
  prepend: (events: CaptureEvent[]) => void;
  retry: () => void;
}

/** `incoming` newest first, then `current`, without uuids `current` already has (pure). */
export function prependNew(current: CaptureEvent[], incoming: CaptureEvent[]): { rows: CaptureEvent[]; added: number } {
  const seen = new Set(current.map((e) => e.uuid));
  const fresh = incoming.filter((e) => !seen.has(e.uuid) && (seen.add(e.uuid), true));
  if (!fresh.length) return { rows: current, added: 0 };
  fresh.sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : a.uuid < b.uuid ? -1 : 1));
  return { rows: [...fresh, ...current], added: fresh.length };
}

/** A total raised by `added` rows (pure). */
export function raiseTotal(total: Total | null, added: number): Total | null {
  if (!total || !added) return total;
  return 'exact' in total ? { exact: total.exact + added } : { ...total, atLeast: total.atLeast + added, atMost: total.atMost + added };
}

/**
 * The events of `filter` page by page through `query.events`' keyset cursor (never an offset,
 * never a scan of the store): the first page on a new filter, the next one on `loadMore`. Answers
 * to an older filter are dropped. `filter: null` loads nothing.
 */
export function useEventPages(filter: EventsFilterInput | null): EventPages {
  const key = filter === null ? null : JSON.stringify(filter);
  const [state, setState] = useState({ rows: [] as CaptureEvent[], total: null as Total | null, loading: false, error: null as string | null, next: null as Position | null, done: false, searching: false });
  const generation = useRef(0);
  const busy = useRef(false);
  const cursor = useRef<Position | null>(null);

  const fetchPages = useCallback(
    async (gen: number, first: boolean) => {
      if (key === null || busy.current) return;
      busy.current = true;
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        let empty = 0;
        for (;;) {
          const page = await sendMessage('query.events', { filter: JSON.parse(key) as EventsFilterInput, limit: PAGE_SIZE, cursor: first ? null : cursor.current });
          if (gen !== generation.current) return;
          cursor.current = page.next;
          const isFirst = first;
          first = false;
          setState((s) => ({ ...s, rows: isFirst ? page.rows : [...s.rows, ...page.rows], total: isFirst ? (page.total ?? null) : s.total, next: page.next, done: page.next === null, searching: false }));
          // A page cut short by the read budget with nothing in it: keep reading a few times, then ask.
          if (page.rows.length || !page.next) break;
          if (++empty >= EMPTY_PAGES_BEFORE_ASKING) {
            setState((s) => ({ ...s, searching: true }));
            break;
          }
        }
        setState((s) => ({ ...s, loading: false }));
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, loading: false, error: errorText(error) }));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    busy.current = false;
    cursor.current = null;
    setState({ rows: [], total: null, loading: key !== null, error: null, next: null, done: false, searching: false });
    void fetchPages(gen, true);
  }, [key, fetchPages]);

  return {
    rows: state.rows,
    total: state.total,
    loading: state.loading,
    error: state.error,
    done: state.done,
    searching: state.searching,
    loadMore: () => {
      if (!state.done && !state.error && !state.searching) void fetchPages(generation.current, false);
    },
    keepSearching: () => void fetchPages(generation.current, false),
    prepend: (events) =>
      setState((s) => {
        const { rows, added } = prependNew(s.rows, events);
        return added ? { ...s, rows, total: raiseTotal(s.total, added) } : s;
      }),
    retry: () => void fetchPages(generation.current, state.rows.length === 0),
  };
}
