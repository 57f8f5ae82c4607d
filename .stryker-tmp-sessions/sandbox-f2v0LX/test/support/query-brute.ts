// @ts-nocheck
import { compileAction } from '../../src/actions';
import type { CaptureEvent } from '../../src/events/types';
import type { EventFilter } from '../../src/store/queries/filter';

/** Query order, written out independently of src/store/queries: newest first, ties by uuid ascending. */
export function byQueryOrder(a: CaptureEvent, b: CaptureEvent): number {
  return Date.parse(b.timestamp) - Date.parse(a.timestamp) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);
}

/**
 * Brute force over every event: what an events query must return (URL values in the tables hold
 * no LIKE wildcards, so "contains" is a plain substring test here).
 */
export function bruteEvents(events: CaptureEvent[], f: EventFilter): CaptureEvent[] {
  const action = f.action && compileAction(f.action);
  const props = f.properties && compileAction({ steps: [{ properties: f.properties }] });
  return events
    .filter((e) => {
      const ms = Date.parse(e.timestamp);
      if (Number.isNaN(ms)) return false;
      const p = e.properties;
      if (f.site !== undefined && String(p.$host ?? '').toLowerCase() !== f.site) return false;
      if (f.from !== undefined && ms < f.from) return false;
      if (f.to !== undefined && ms >= f.to) return false;
      if (f.events && !f.events.includes(e.event)) return false;
      if (f.ids && !f.ids.includes(e.distinct_id)) return false;
      if (f.session !== undefined && !(typeof p.$session_id === 'string' && p.$session_id.toLowerCase() === f.session.toLowerCase())) return false;
      if (f.url) {
        const url = p.$current_url;
        if (typeof url !== 'string' || (f.url.match === 'exact' ? url !== f.url.value : !url.includes(f.url.value))) return false;
      }
      if (action && !action.matches(e)) return false;
      return !props || props.matches(e);
    })
    .sort(byQueryOrder);
}
