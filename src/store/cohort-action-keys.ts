import type { IDBPTransaction } from 'idb';
import type { TimeRange } from '../cohorts/reads';
import type { CaptureEvent } from '../events/types';
import type { Catalog } from './catalog';
import { eventPeopleKeys, type EventPersonKey } from './event-people';
import { NONE, refsRange, refUuid, seriesKeyOf, type SeriesRow } from './rows';
import type { LassoDB } from './schema';

type Tx = IDBPTransaction<LassoDB, ('persons' | 'events' | 'refs' | 'event_people')[], 'readonly'>;

const DAY = 86_400_000;

/**
 * Reading a key costs about this many event reads (Chromium, `event_people` keys against the
 * same events' records by range: 1.5 s against 11.2 s; src/store/README.md "Schema v7").
 */
export const KEY_COST = 0.15;

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
 * `event_people` keys of the series' event names, joined by uuid. Each comes with its series'
 * filed properties, so the action matcher judges it as it would the stored event. `counter.reads`
 * counts the keys read.
 */
export async function exactSeriesEvents(tx: Tx, catalog: Catalog, series: SeriesRow[], ranges: TimeRange[], counter: { reads: number }): Promise<CaptureEvent[]> {
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
    counter.reads += keys.length;
    for (const [event, ms, distinct_id, uuid] of keys) {
      const s = seriesOf.get(uuid);
      if (!s) continue;
      let props = properties.get(s);
      if (!props) properties.set(s, (props = seriesProperties(catalog, s)));
      found.push({ uuid, event, distinct_id, timestamp: new Date(ms).toISOString(), properties: props });
    }
  };
  await Promise.all(names.flatMap((name) => ranges.map(async (r) => keep(await eventPeopleKeys(tx.objectStore('event_people'), name, r)))));
  return found;
}
