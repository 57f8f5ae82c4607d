// @ts-nocheck
import { compileAction, type CompiledAction } from '../actions';
import type { StoredAction } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import type { Target } from './types';

/**
 * A target's event filter: its sites (`$host` with port; a site without a port also takes every
 * port of that hostname), when it names actions only events matching one of them, and when it
 * names cohorts only events whose `distinct_id` is one of `members` (every distinct id of every
 * member of those cohorts, worked out by the caller at delivery time). Actions not given (deleted)
 * match nothing: the service holds a target naming one instead of filtering with this.
 */
export function eventFilter(
  target: Pick<Target, 'sites' | 'actions' | 'cohorts'>,
  actions: StoredAction[],
  members: ReadonlySet<string> = new Set(),
): (e: CaptureEvent) => boolean {
  const sites = new Set(target.sites);
  const byCohort = (target.cohorts ?? []).length > 0;
  const compiled: CompiledAction[] = [];
  for (const action of actions) {
    if (!target.actions.includes(action.id)) continue;
    try {
      compiled.push(compileAction(action));
    } catch {
      // an action that no longer compiles matches nothing
    }
  }
  return (e) => {
    if (sites.size) {
      const host = typeof e.properties.$host === 'string' ? e.properties.$host : '';
      if (!sites.has(host) && !sites.has(host.replace(/:\d+$/, ''))) return false;
    }
    if (byCohort && !members.has(String(e.distinct_id))) return false;
    return target.actions.length === 0 || compiled.some((a) => a.matches(e));
  };
}
