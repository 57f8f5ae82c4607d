// @ts-nocheck
import { indexedParts, hourOf, refUuid } from '../../src/store/rows';
import type { LassoDatabase } from '../../src/store/schema';
import type { CaptureEvent } from '../../src/events/types';

/**
 * The index stores of `db` in string form (ids replaced by the strings they stand for), and
 * the same index computed naively from `events`: the two must be equal.
 */
export async function indexOf(db: LassoDatabase) {
  const chains = new Map((await db.getAll('chains')).map((c) => [c.id, c.chain]));
  const urls = new Map((await db.getAll('urls')).map((u) => [u.id, u.url]));
  const name = (k: { event: string; chain: number; url: number; host: string; type: string }) =>
    `${k.event}|${chains.get(k.chain) ?? '-'}|${k.chain === 0 ? '-' : ''}${urls.get(k.url) ?? '-'}|${k.host}|${k.type}`;
  const counts = Object.fromEntries((await db.getAll('counts')).map((c) => [`${name(c)}@${c.hour}`, c.n]));
  const series = Object.fromEntries((await db.getAll('series')).map((s) => [name(s), [s.n, s.first, s.last]]));
  const refs = (await db.getAllKeys('refs')).map(refUuid).sort();
  return { chains: [...chains.values()].sort(), urls: [...urls.values()].sort(), counts, series, refs };
}

export function expectedIndexOf(events: CaptureEvent[]) {
  const name = (e: CaptureEvent) => {
    const p = indexedParts(e);
    return `${e.event}|${p.chain ?? '-'}|${p.chain === null ? '-' : ''}${p.url ?? '-'}|${p.host}|${p.type}`;
  };
  const counts: Record<string, number> = {};
  const series: Record<string, [number, number, number]> = {};
  for (const e of events) {
    const ms = Date.parse(e.timestamp);
    const key = `${name(e)}@${hourOf(ms)}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const s = series[name(e)];
    series[name(e)] = s ? [s[0] + 1, Math.min(s[1], ms), Math.max(s[2], ms)] : [1, ms, ms];
  }
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))].sort();
  return {
    chains: distinct(events.map((e) => indexedParts(e).chain)),
    urls: distinct(events.map((e) => indexedParts(e).url)),
    counts,
    series,
    refs: events.map((e) => e.uuid).sort(),
  };
}
