import { compileAction, type CompiledAction } from '../actions';
import type { StoredAction } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import type { Target } from './types';

/**
 * A target's event filter: its sites (`$host` with port; a site without a port also takes every
 * port of that hostname) and, when it names actions, only events matching one of them. Actions
 * that no longer exist are ignored; when none of the named ones exists nothing matches (the user
 * asked for a subset, so sending everything would be wrong).
 */
export function eventFilter(target: Pick<Target, 'sites' | 'actions'>, actions: StoredAction[]): (e: CaptureEvent) => boolean {
  const sites = new Set(target.sites);
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
    return target.actions.length === 0 || compiled.some((a) => a.matches(e));
  };
}
