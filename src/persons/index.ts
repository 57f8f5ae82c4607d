/**
 * STAND-IN, NOT THE REAL DEFINITION — written on the `cohorts` branch only so that
 * src/cohorts/index.ts typechecks. The persons branch owns `personsFromEvents`; the lead replaces
 * this whole file with that one at merge. It applies events in (timestamp, uuid) order, makes one
 * person per distinct_id, merges `$identify` with `$anon_distinct_id`, and applies `$set`
 * (top level or in properties); none of PostHog's refusals, `$set_once`, `$unset` or aliases.
 */
import type { CaptureEvent } from '../events/types';

export interface Person {
  distinct_ids: string[];
  properties: Record<string, unknown>;
  created_at: string;
  is_identified: boolean;
}

const setOf = (e: CaptureEvent): Record<string, unknown> => {
  const top = (e as unknown as { $set?: unknown }).$set ?? e.properties.$set;
  return typeof top === 'object' && top !== null && !Array.isArray(top) ? (top as Record<string, unknown>) : {};
};

/** Stand-in: see the file comment. */
export function personsFromEvents(events: CaptureEvent[]): { persons: Person[]; warnings: Array<{ uuid: string; reason: string }> } {
  const byId = new Map<string, Person>();
  const ordered = events
    .map((e) => ({ e, ms: Date.parse(e.timestamp) }))
    .sort((a, b) => a.ms - b.ms || (a.e.uuid < b.e.uuid ? -1 : a.e.uuid > b.e.uuid ? 1 : 0))
    .map(({ e }) => e);
  const personOf = (id: string, at: string): Person => {
    let p = byId.get(id);
    if (!p) byId.set(id, (p = { distinct_ids: [id], properties: {}, created_at: at, is_identified: false }));
    return p;
  };
  for (const e of ordered) {
    const target = personOf(e.distinct_id, e.timestamp);
    const anon = e.event === '$identify' ? e.properties.$anon_distinct_id : undefined;
    if (typeof anon === 'string' && anon !== '' && anon !== e.distinct_id) {
      const other = personOf(anon, e.timestamp);
      if (other !== target) {
        target.properties = { ...other.properties, ...target.properties };
        if (other.created_at < target.created_at) target.created_at = other.created_at;
        for (const id of other.distinct_ids) {
          target.distinct_ids.push(id);
          byId.set(id, target);
        }
      }
      target.is_identified = true;
    }
    Object.assign(target.properties, setOf(e));
  }
  return { persons: [...new Set(byId.values())], warnings: [] };
}
