// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { sendMessage } from '../../messaging/protocol';
import { errorText } from '../use-request';
import { trendRequests } from './trends';

export interface ActionTrends {
  /** Daily counts by action id (oldest day first); missing while loading. */
  counts: Map<string, number[]>;
  /** What the background said when a request failed, or that a budget cut a line. */
  error: string | null;
}

/** The 14-day daily counts of `actions`, asked again when the list of ids (or `version`) changes. */
export function useActionTrends(actions: readonly StoredAction[] | null, version: number): ActionTrends {
  const [state, setState] = useState<ActionTrends>({ counts: new Map(), error: null });
  const key = actions ? JSON.stringify(actions.map((a) => [a.id, a.updated_at])) : null;
  useEffect(() => {
    if (!actions || !actions.length) return;
    let current = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const requests = trendRequests(actions, Date.now(), timeZone);
    void Promise.allSettled(requests.map((r) => sendMessage('query.trends', r))).then((answers) => {
      if (!current) return;
      const counts = new Map<string, number[]>();
      const errors: string[] = [];
      for (const a of answers) {
        if (a.status === 'rejected') errors.push(errorText(a.reason));
        else {
          for (const line of a.value.lines) counts.set(line.name, line.counts);
          if (a.value.bounded) errors.push(a.value.bounded);
        }
      }
      setState({ counts, error: errors.length ? errors.join('; ') : null });
    });
    return () => {
      current = false;
    };
    // `key` stands for `actions` (a new array of the same actions asks nothing new).
  }, [key, version]);
  return state;
}
