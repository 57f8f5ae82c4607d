// @ts-nocheck
import { parseElementsChain } from '../events/elements-chain';
import type { CaptureEvent, ChainElement } from '../events/types';
import { toMatchChain, type MatchChain } from './selector/match-chain';

/**
 * Parsed `$elements_chain` per event, so that matching many actions against one event, or one
 * action against many events, parses each chain once. Two levels: a WeakMap on the event object
 * (the common case, no hashing of a long string) and a bounded LRU keyed by the chain string (the
 * same click stored twice, events re-read from storage as new objects). Each entry also holds the
 * chain's fast matching layout, built on first use.
 */

interface Entry {
  elements: ChainElement[];
  fast: MatchChain | null;
}

const EMPTY: ChainElement[] = Object.freeze([]) as unknown as ChainElement[];
const EMPTY_FAST = toMatchChain(EMPTY);
/** Most recently used last; Map keeps insertion order. */
const byString = new Map<string, Entry>();
/**
 * Per event: its own chain string (so the freshness check is a pointer comparison), the shared
 * entry, and a direct reference to the fast layout, one memory hop less on the hot path.
 */
interface EventRecord {
  chain: string;
  entry: Entry;
  fast: MatchChain | null;
}
const byEvent = new WeakMap<object, EventRecord>();
let limit = 2000;

/** Sets how many distinct chain strings the LRU keeps (default 2000). Meant for tests and tuning. */
export function setChainCacheLimit(n: number): void {
  limit = Math.max(0, n);
  while (byString.size > limit) byString.delete(byString.keys().next().value as string);
}

function entryFor(chain: string): Entry {
  let entry = byString.get(chain);
  if (entry) {
    byString.delete(chain);
    byString.set(chain, entry);
    return entry;
  }
  entry = { elements: parseElementsChain(chain), fast: null };
  if (limit > 0) {
    if (byString.size >= limit) byString.delete(byString.keys().next().value as string);
    byString.set(chain, entry);
  }
  return entry;
}

function recordOf(event: CaptureEvent): EventRecord | null {
  const chain = event.properties?.$elements_chain;
  if (typeof chain !== 'string' || chain === '') return null;
  const hit = byEvent.get(event);
  // The string check keeps the cache right if someone edits the event's chain afterwards.
  if (hit !== undefined && hit.chain === chain) return hit;
  const record: EventRecord = { chain, entry: entryFor(chain), fast: null };
  byEvent.set(event, record);
  return record;
}

/** Parses a chain string through the LRU. The result is shared: treat it as read-only. */
export const parseChainCached = (chain: string): ChainElement[] => entryFor(chain).elements;

/**
 * The parsed chain of an event (index 0 = clicked element), or an empty array when it has none.
 * The result is shared between callers: treat it as read-only.
 */
export function chainOf(event: CaptureEvent): ChainElement[] {
  return recordOf(event)?.entry.elements ?? EMPTY;
}

/** The event's chain in the fast matching layout (see selector/match-chain.ts). */
export function matchChainOf(event: CaptureEvent): MatchChain {
  const record = recordOf(event);
  if (!record) return EMPTY_FAST;
  if (record.fast) return record.fast;
  const entry = record.entry;
  return (record.fast = entry.fast ??= toMatchChain(entry.elements));
}
