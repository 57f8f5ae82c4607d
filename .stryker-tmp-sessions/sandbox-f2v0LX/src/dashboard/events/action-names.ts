// @ts-nocheck
import { useMemo } from 'preact/hooks';
import { compileAction, type CompiledAction } from '../../actions';
import type { StoredAction } from '../../actions/types';
import type { CaptureEvent } from '../../events/types';
import type { SiteActions } from '../../store/actions';
import { useRequest } from '../use-request';

/** An action ready to test events against. */
export interface ActionMatcher {
  id: string;
  name: string;
  site: string;
  compiled: CompiledAction;
}

/** Compile saved actions; one that no longer compiles is left out (the Actions view reports it) (pure). */
export function compileActions(actions: StoredAction[]): ActionMatcher[] {
  const out: ActionMatcher[] = [];
  for (const a of actions) {
    try {
      out.push({ id: a.id, name: a.name, site: a.site, compiled: compileAction(a) });
    } catch {
      // invalid stored definition: it matches nothing here
    }
  }
  return out;
}

/**
 * Names of the actions of the event's own site (`$host`) that `event` matches, by name (pure).
 * Judged on the event alone: a step's person property filter sees no person here, as in the
 * toolbar's live feed before its person is known.
 */
export function matchedActionNames(event: CaptureEvent, matchers: ActionMatcher[]): string[] {
  const host = String(event.properties.$host ?? '').toLowerCase();
  return matchers
    .filter((m) => m.site === host && m.compiled.matches(event))
    .map((m) => m.name)
    .sort();
}

/** Every site's saved actions, compiled once per answer; `all` for the action filter's choices. */
export function useActionMatchers(): { matchers: ActionMatcher[]; all: StoredAction[]; error: string | null } {
  const { data, error } = useRequest('actions.listAll', {});
  return useMemo(() => {
    const all = (data ?? []).flatMap((s: SiteActions) => s.actions);
    return { matchers: compileActions(all), all, error };
  }, [data, error]);
}
