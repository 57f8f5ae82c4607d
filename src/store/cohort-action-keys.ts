import type { IDBPTransaction } from 'idb';
import type { TimeRange } from '../cohorts/reads';
import type { CaptureEvent } from '../events/types';
import type { Catalog } from './catalog';
import { eventFromKey, type EventPersonKey, type KeyReader } from './event-people';
import { NONE, refsRange, refUuid, seriesKeyOf, type SeriesRow } from './rows';
import type { LassoDB } from './schema';

type Tx = IDBPTransaction<LassoDB, ('persons' | 'events' | 'refs' | 'event_people')[], 'readonly'>;

const DAY = 86_400_000;

/**
 * The properties an event of series `s` has that the index files it under: its chain, URL, site
 * and `$event_type`. An action matches every event of an exact series (preview/select.ts) on
 * these alone — its steps set no event or person property filter — so the action matcher gives
 * such a stand-in the answer it gives the event itself.
 */
function seriesProperties(catalog: Catalog, s: SeriesRow): CaptureEvent['properties'] {
  const properties: CaptureEvent['properties'] = {};
  if (s.chain !== NONE) properties.$elements_chain = catalog.chains.get(s.chain);
  if (s.url !== NONE) properties.$current_url = catalog.urls.get(s.url);
  if (s.host !== '') properties.$host = s.host;
  if (s.type !== '') properties.$event_type = s.type as 'click';
  return properties;
}

/**
 * The events of exact series `series` (every one matches the action) whose instant is in
 * `ranges`, without reading an event: their uuids from `refs` (a day wider than the ranges: refs
 * order by `Date.parse`, membership by `parseInstant`), their person and instant from the
 * `event_people` keys of the series' event names (`keysOf`, shared with event leaves), joined by
 * uuid. Each comes with its series' filed properties, so the action matcher judges it as it would
 * the stored event. `counter.reads` counts the refs keys read (`keysOf` counts its own).
 */
export async function exactSeriesEvents(tx: Tx, catalog: Catalog, series: SeriesRow[], ranges: TimeRange[], keysOf: KeyReader, counter: { reads: number }): Promise<CaptureEvent[]> {
  const refs = tx.objectStore('refs');
  const seriesOf = new Map<string, SeriesRow>();
  await Promise.all(
    series.flatMap((s) =>
      ranges.map(async ([from, to]) => {
        const keys = await refs.getAllKeys(refsRange(seriesKeyOf(s), from - DAY, to + DAY + 1));
        counter.reads += keys.length;
        for (const key of keys) seriesOf.set(refUuid(key), s);
      }),
    ),
  );
  const names = [...new Set(series.map((s) => s.event))];
  const found: CaptureEvent[] = [];
  const properties = new Map<SeriesRow, CaptureEvent['properties']>();
  const keep = (keys: EventPersonKey[]) => {
    for (const key of keys) {
      const s = seriesOf.get(key[3]);
      if (!s) continue;
      let props = properties.get(s);
      if (!props) properties.set(s, (props = seriesProperties(catalog, s)));
      found.push(eventFromKey(key, props));
    }
  };
  await Promise.all(names.flatMap((name) => ranges.map(async (r) => keep(await keysOf(name, r)))));
  return found;
}
