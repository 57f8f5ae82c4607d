// @ts-nocheck
import { inSite } from '../../preview/select';
import { loadCatalog } from '../catalog';
import { HOUR_MS } from '../rows';
import type { LassoDatabase } from '../schema';

const DAY_MS = 86_400_000;

/** A site's events and sessions per local day, oldest first; the last day is today. */
export interface SiteDays {
  /** Local dates, `YYYY-MM-DD`. */
  days: string[];
  events: number[];
  /** Sessions that started that day (entry event on the site). */
  sessions: number[];
  /**
   * Every event stored for the site, from the catalog's series totals (no read): the same number as
   * a count on the `host` index, since every stored event has a readable time and is filed.
   */
  total: number;
}

/** The local day number (days since the epoch in the zone `tzOffsetMinutes` east of UTC) of `ms`. */
export const localDay = (ms: number, tzOffsetMinutes: number): number => Math.floor((ms + tzOffsetMinutes * 60_000) / DAY_MS);

/**
 * Events and sessions of `site` (host with port) per local day over the `days` days ending
 * today: events from the `event_hours` rollup (one key range per event name and spelling of the
 * host the catalog knows on the site: ≤ 24 rows a name a day), sessions by a `count()` per day on
 * `host_start`. No event is read. Whole-hour zones are exact; a half-hour zone's day edges are
 * off by 30 min for events (the rollup is hourly), as the trends'.
 */
export async function siteDays(db: LassoDatabase, site: string, { days, now, tzOffsetMinutes }: { days: number; now: number; tzOffsetMinutes: number }): Promise<SiteDays> {
  const today = localDay(now, tzOffsetMinutes);
  const firstDay = today - days + 1;
  const fromMs = firstDay * DAY_MS - tzOffsetMinutes * 60_000;
  const catalog = await loadCatalog(db);
  const pairs = new Map<string, [string, string]>();
  let total = 0;
  for (const row of catalog.series.values()) {
    if (!inSite(row.host, site)) continue;
    pairs.set(`${row.event}\u0000${row.host}`, [row.event, row.host]);
    total += row.n;
  }
  const hosts = new Set([...pairs.values()].map(([, host]) => host)).add(site);
  const events = new Array<number>(days).fill(0);
  const sessions = new Array<number>(days).fill(0);
  const tx = db.transaction(['event_hours', 'sessions'], 'readonly');
  const fromHour = Math.floor(fromMs / HOUR_MS);
  const hourRows = Promise.all(
    [...pairs.values()].map(async ([event, host]) => {
      for (const row of await tx.objectStore('event_hours').getAll(IDBKeyRange.bound([event, host, fromHour], [event, host, Infinity]))) {
        const i = localDay(row.hour * HOUR_MS, tzOffsetMinutes) - firstDay;
        if (i >= 0 && i < days) events[i] += row.n;
      }
    }),
  );
  const index = tx.objectStore('sessions').index('host_start');
  const sessionCounts = Promise.all(
    [...hosts].flatMap((host) =>
      sessions.map(async (_, i) => {
        const start = fromMs + i * DAY_MS;
        sessions[i] += await index.count(IDBKeyRange.bound([host, start], [host, start + DAY_MS], false, true));
      }),
    ),
  );
  await Promise.all([hourRows, sessionCounts, tx.done]);
  const label = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return { days: Array.from({ length: days }, (_, i) => label(firstDay + i)), events, sessions, total };
}
