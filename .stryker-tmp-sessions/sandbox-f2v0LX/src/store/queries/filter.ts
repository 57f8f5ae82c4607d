// @ts-nocheck
import { ActionValidationError, compileAction, type CompiledAction } from '../../actions';
import type { ActionStep, PropertyFilter } from '../../actions/types';
import type { CaptureEvent } from '../../events/types';
import { eventMs } from '../rows';

/** What the events list can be narrowed by; every field is optional and all set fields are AND-ed. */
export interface EventFilter {
  /** `$host` with port (a site key, lower case). */
  site?: string;
  /** Time range in ms: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  /** Event names (any of). */
  events?: string[];
  /** An action's steps (a saved action is resolved to its steps by the caller). */
  action?: { steps: ActionStep[] };
  /** `$current_url`, as an action step's url condition judges it. */
  url?: { value: string; match: 'contains' | 'exact' };
  /** Every distinct_id of one person (the caller resolves a distinct_id to its person's ids). */
  ids?: string[];
  /** A `$session_id`: stored as given, lower or upper case (the index holds the raw property). */
  session?: string;
  /** Event / person property filters, as an action step's `properties`. */
  properties?: PropertyFilter[];
}

/** The compiled filter: one predicate over a stored event (and its person's properties). */
export interface CompiledFilter {
  matches(event: CaptureEvent, person?: { properties: Record<string, unknown> }): boolean;
  /** The filter needs the event's person (a person property filter or an action step with one). */
  needsPerson: boolean;
}

const hasPersonFilter = (filters: PropertyFilter[] | undefined): boolean => (filters ?? []).some((f) => f.type === 'person');

/** The URL condition as an action step compiles it (`url_matching` contains = SQL LIKE with `%` around). */
export const urlStep = (url: NonNullable<EventFilter['url']>): ActionStep => ({ url: url.value, url_matching: url.match });

/**
 * Compile `filter` once (the action engine's matcher for the action, URL and property filters).
 * Throws ActionValidationError, path prefixed with `action.` / `properties`, for a bad filter.
 */
export function compileFilter(filter: EventFilter): CompiledFilter {
  const action = filter.action ? compileAt('action.', filter.action) : null;
  const url = filter.url ? compileAction({ steps: [urlStep(filter.url)] }) : null;
  const props = filter.properties?.length ? compileAt('', { steps: [{ properties: filter.properties }] }, 'steps[0].') : null;
  const names = filter.events ? new Set(filter.events) : null;
  const ids = filter.ids ? new Set(filter.ids) : null;
  const session = filter.session?.toLowerCase();
  return {
    needsPerson: hasPersonFilter(filter.properties) || (filter.action?.steps ?? []).some((s) => hasPersonFilter(s.properties ?? undefined)),
    matches(event, person) {
      if (filter.site !== undefined && String(event.properties?.$host ?? '').toLowerCase() !== filter.site) return false;
      if (filter.from !== undefined || filter.to !== undefined) {
        const ms = eventMs(event);
        if (ms === null || ms < (filter.from ?? -Infinity) || ms >= (filter.to ?? Infinity)) return false;
      }
      if (names && !names.has(event.event)) return false;
      if (ids && !ids.has(event.distinct_id)) return false;
      if (session !== undefined && !(typeof event.properties?.$session_id === 'string' && event.properties.$session_id.toLowerCase() === session)) return false;
      if (url && !url.matches(event)) return false;
      if (action && !action.matches(event, person)) return false;
      return !props || props.matches(event, person);
    },
  };
}

/** compileAction with the error path moved from the synthetic action (`strip`) to the query field (`prefix`). */
export function compileAt(prefix: string, action: { steps: ActionStep[] }, strip = ''): CompiledAction {
  try {
    return compileAction(action);
  } catch (error) {
    if (!(error instanceof ActionValidationError)) throw error;
    const problem = error.path ? error.message.slice(error.path.length + 2) : error.message;
    const path = error.path.startsWith(strip) ? error.path.slice(strip.length) : error.path;
    throw new ActionValidationError(`${prefix}${path}`, problem);
  }
}

/**
 * The steps whose series the `refs` driver reads: the action's steps AND-ed with the event names
 * and the URL (a step naming another event is dropped; a step without a name is split per name;
 * a step with its own url keeps it and the URL is judged per event). Null when the filter has
 * neither an action nor a URL (index drivers are then cheaper than visiting series).
 */
export function seriesSteps(filter: EventFilter): ActionStep[] | null {
  if (!filter.action && !filter.url) return null;
  let steps: ActionStep[] = filter.action ? filter.action.steps.map((s) => ({ ...s })) : [{}];
  if (filter.events) {
    const names = filter.events;
    steps = steps.flatMap((s) => (s.event ? (names.includes(s.event) ? [s] : []) : names.map((event) => ({ ...s, event }))));
  }
  if (filter.url) steps = steps.map((s) => (s.url ? s : { ...s, ...urlStep(filter.url!) }));
  return steps;
}
