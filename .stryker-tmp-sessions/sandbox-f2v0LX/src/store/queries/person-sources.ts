// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import { compareKeys, eventTime } from '../../persons/order';
import { personUpdates } from '../../persons/properties';
import type { LassoDatabase } from '../schema';

/** The event that gave a person property its current value. */
export interface PropertySource {
  uuid: string;
  event: string;
  timestamp: string;
  /** How it set the value: `$set` (the latest one wins) or `$set_once` (the first one wins). */
  how: '$set' | '$set_once';
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const order = (a: CaptureEvent, b: CaptureEvent) => compareKeys(eventTime(a), String(a.uuid), eventTime(b), String(b.uuid));

/** Up to `limit` events of `ids` from one end of their time range (`prev`: newest first), in that order. */
async function endEvents(db: LassoDatabase, ids: string[], direction: 'next' | 'prev', limit: number): Promise<CaptureEvent[]> {
  const index = db.transaction('events').store.index('distinct_time');
  const lists = await Promise.all(
    ids.map(async (id) => {
      const out: CaptureEvent[] = [];
      let c = await index.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']), direction);
      while (c && out.length < limit) {
        out.push(c.value);
        c = await c.continue();
      }
      return out;
    }),
  );
  const merged = lists.flat().sort(order);
  return (direction === 'prev' ? merged.reverse() : merged).slice(0, limit);
}

/**
 * Which event gave each of `properties` its current value, among the person's `budget` newest
 * events (for `$set`: the newest one setting that value, PostHog's updates as `personUpdates`
 * normalises them, browser and campaign properties included) and `budget` oldest (for
 * `$set_once`, `$initial_*` included: the oldest one). A key whose event lies beyond both ends
 * (or was set by a merge's other person before it joined) is left out. At most 2 × budget × ids
 * events read.
 */
export async function propertySources(db: LassoDatabase, ids: string[], properties: Record<string, unknown>, { budget = 250 }: { budget?: number } = {}): Promise<Record<string, PropertySource>> {
  const [newest, oldest] = await Promise.all([endEvents(db, ids, 'prev', budget), endEvents(db, ids, 'next', budget)]);
  const sources: Record<string, PropertySource> = {};
  const source = (e: CaptureEvent, how: PropertySource['how']): PropertySource => ({ uuid: String(e.uuid), event: e.event, timestamp: e.timestamp, how });
  const keys = Object.keys(properties);
  for (const e of newest) {
    const { set } = personUpdates(e);
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(sources, key) && Object.prototype.hasOwnProperty.call(set, key) && same(set[key], properties[key])) sources[key] = source(e, '$set');
  }
  for (const e of oldest) {
    const { setOnce } = personUpdates(e);
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(sources, key) && Object.prototype.hasOwnProperty.call(setOnce, key) && same(setOnce[key], properties[key])) sources[key] = source(e, '$set_once');
  }
  return sources;
}
