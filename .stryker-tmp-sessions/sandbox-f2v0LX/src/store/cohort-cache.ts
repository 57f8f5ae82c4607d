// @ts-nocheck
import { cohortDependencies } from '../cohorts';
import type { CaptureEvent } from '../events/types';
import { compareKeys, eventTime } from '../persons/order';
import { onForgotten, onIngested } from './catalog';
import { computeMembers, type CohortMember, type ComputedMembers } from './cohort-members';
import { cohortContext } from './cohorts';
import { timeBucket } from './cohort-time';
import type { LassoDatabase } from './schema';

type Key = [number, string];
const keyOf = (event: CaptureEvent): Key => [eventTime(event), String(event.uuid)];
const later = (a: Key, b: Key): Key => (compareKeys(...a, ...b) >= 0 ? a : b);

/** Events that can join two persons: every cohort's members may change. */
const MERGES = new Set(['$identify', '$create_alias', '$merge_dangerously']);

interface Entry extends ComputedMembers {
  /** updated_at of the cohort and of every cohort and action it reaches when computed. */
  stamp: string;
  /** The time bucket it holds for (cohort-time.ts), or null when its members do not change with time alone. */
  bucket: number | null;
  /** Every distinct id of every member. */
  ids: Set<string>;
}

/** Members of one cohort, as the cache answers. */
export interface MembersAnswer {
  members: CohortMember[];
  /** The moment the members are for (ms). */
  now: number;
  /** Answered from the cache (no events read). */
  cached: boolean;
}

/** Whether a committed batch can change the members cached in `entry` (see README.md "Cohorts"). */
export function batchAffects(entry: Pick<ComputedMembers, 'deps' | 'staticIds'>, events: CaptureEvent[]): boolean {
  const { deps, staticIds } = entry;
  return events.some((e) =>
    MERGES.has(e.event) || deps.personProperties || deps.events === 'any' || deps.events.includes(e.event) || staticIds.has(String(e.distinct_id)));
}

/**
 * Cohort members computed on demand and kept in memory until data that could change them arrives:
 * an event older than the latest one persons applied (it may be late and re-derive persons), an
 * event of a name the cohort (or a cohort or action it reaches) counts, any event when it reads
 * person properties or an action matches any event, a merge, an event of an id a static cohort
 * lists; a changed definition (its own or one it reaches: compared by `updated_at` on every
 * read); and, for cohorts whose members change with time alone, a `now` in another time bucket
 * (cohort-time.ts: the UTC hour for trends windows, else the exact moment). `now` defaults to the
 * clock. Dropped whole when events are deleted. Dispose to stop listening to ingest and deletions.
 */
export function createCohortCache(db: LassoDatabase, { clock = Date.now }: { clock?: () => number } = {}) {
  const entries = new Map<string, Entry>();
  let epoch = 0; // bumped by every batch: a computation that saw a batch commit meanwhile is not kept
  let computations = 0;
  // The latest (time, uuid) any person has applied (then seen in a batch). An older event may be
  // late for its person: persons re-derive its merge component, which can change who is merged
  // with whom (a merge that found one person may now find two), so every cohort is dropped.
  let horizon: Key | null = null;
  let seen: Key = [-Infinity, ''];
  const stop = onIngested(db, (events) => {
    epoch++;
    const late = horizon !== null && events.some((e) => compareKeys(...keyOf(e), ...(horizon as Key)) < 0);
    for (const e of events) {
      seen = later(seen, keyOf(e));
      if (horizon) horizon = later(horizon, keyOf(e));
    }
    if (late) entries.clear();
    else for (const [id, entry] of entries) if (batchAffects(entry, events)) entries.delete(id);
  });
  // Deleted events: members, and the persons they were computed from, may have changed.
  const stopForgotten = onForgotten(db, () => {
    epoch++;
    horizon = null;
    entries.clear();
  });
  const knowHorizon = async () => {
    if (horizon) return;
    let latest = seen;
    for (const person of await db.getAll('persons')) latest = later(latest, person.last);
    horizon = later(latest, seen); // a batch may have committed meanwhile
  };

  async function lookup(id: string, now?: number): Promise<{ entry: Entry; now: number; cached: boolean }> {
    const at = now ?? clock();
    await knowHorizon();
    const ctx = await cohortContext(db);
    const row = ctx.rows.find((r) => r.id === id);
    if (!row) throw new Error(`no cohort ${JSON.stringify(id)}`);
    const deps = cohortDependencies(row.definition, ctx);
    const updated = new Map(ctx.rows.map((r) => [r.id, r.updated_at]));
    const stamp = JSON.stringify([row.updated_at, deps.cohorts.map((c) => updated.get(c)), deps.actions.map((a) => ctx.actions[a]?.updated_at)]);
    const bucket = timeBucket([row.definition, ...deps.cohorts.map((c) => ctx.cohorts[c]), ...deps.actions.map((a) => ctx.actions[a])], at);
    const known = entries.get(id);
    if (known && known.stamp === stamp && (known.bucket === null || known.bucket === bucket)) return { entry: known, now: at, cached: true };
    const started = epoch;
    computations++;
    const computed = await computeMembers(db, row.definition, { cohorts: ctx.cohorts, actions: ctx.actions, now: at });
    const entry: Entry = { ...computed, stamp, bucket: computed.deps.timeRelative ? bucket : null, ids: new Set(computed.members.flatMap((m) => m.distinct_ids)) };
    if (epoch === started) entries.set(id, entry);
    return { entry, now: at, cached: false };
  }

  return {
    /** The members of cohort `id` at `now` (ms). Throws for an unknown cohort or an invalid definition. */
    async members(id: string, now?: number): Promise<MembersAnswer> {
      const { entry, now: at, cached } = await lookup(id, now);
      return { members: entry.members, now: at, cached };
    },
    /** Whether the person of `distinctId` is a member of cohort `id` at `now`. */
    async isMember(id: string, distinctId: string, now?: number): Promise<{ member: boolean; now: number; cached: boolean }> {
      const { entry, now: at, cached } = await lookup(id, now);
      return { member: entry.ids.has(distinctId), now: at, cached };
    },
    /** Forget cached members: of one cohort, or all (after deleting events, say). */
    invalidate(id?: string): void {
      if (id === undefined) entries.clear();
      else entries.delete(id);
    },
    /** How many times members were computed (not answered from the cache). */
    get computations(): number {
      return computations;
    },
    dispose: () => {
      stop();
      stopForgotten();
    },
  };
}

export type CohortCache = ReturnType<typeof createCohortCache>;
