/**
 * `$identify`, `$create_alias` and `$merge_dangerously`: which two distinct ids they join, when
 * PostHog refuses, and what the joined person looks like.
 *
 * Source (facts only): PostHog/posthog nodejs/src/worker/ingestion/persons/person-merge-service.ts
 * (`handleIdentifyOrAlias`, `merge`, `mergeDistinctIds`, `mergePeople`, `isMergeAllowed`),
 * person-event-processor.ts (what runs after a merge) and person-property-service.ts
 * (`updatePersonProperties`: `is_identified` becomes true once a merge was attempted).
 * Older trees: plugin-server/src/worker/ingestion/person-state.ts.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { dictCopy, dictSet } from './dict';
import { isDistinctIdIllegal } from './illegal-ids';
import { type PersonUpdates, applyUpdates, creationProperties } from './properties';
import { type PersonsState, addDistinctId, createPerson, moveDistinctIds, personAt, personKeyOf, warn } from './state';

/** The id an event asks to join with its distinct_id, and the property that named it. */
export interface MergeRequest {
  other: string;
  /** `$anon_distinct_id` or `alias`, for warnings. */
  label: string;
}

/**
 * The merge an event asks for, or undefined. `$create_alias` / `$merge_dangerously` need a truthy
 * `alias`; `$identify` needs the `$anon_distinct_id` key (even null: `'null'` is then refused as
 * illegal). The other id is stringified as PostHog does (`String(value)`).
 */
export function mergeRequest(event: CaptureEvent): MergeRequest | undefined {
  const props = event.properties ?? {};
  if ((event.event === '$create_alias' || event.event === '$merge_dangerously') && props.alias) {
    return { other: String(props.alias), label: 'alias' };
  }
  if (event.event === '$identify' && Object.prototype.hasOwnProperty.call(props, '$anon_distinct_id')) {
    return { other: String(props.$anon_distinct_id), label: '$anon_distinct_id' };
  }
  return undefined;
}

/** What to do after a merge attempt: the event is fully applied, or falls back to a plain update. */
export type MergeOutcome = 'applied' | 'plain-update';

/** Applies the event's updates to an existing person and marks it identified (PostHog's shortcut after a merge). */
function updateIdentified(state: PersonsState, key: string, updates: PersonUpdates): void {
  const person = personAt(state, key);
  applyUpdates(person.properties, updates);
  person.is_identified = true;
}

/**
 * Runs PostHog's merge for `request` with the event's `distinctId` as the person merged into.
 * Refusals are recorded as warnings and fall back to a plain update of `distinctId`'s person
 * (which then is not marked identified).
 */
export function applyMerge(
  state: PersonsState,
  event: CaptureEvent,
  distinctId: string,
  request: MergeRequest,
  updates: PersonUpdates,
  createdAt: string,
): MergeOutcome {
  const { other, label } = request;
  if (other === distinctId) return 'plain-update';
  if (isDistinctIdIllegal(distinctId)) {
    warn(state, event.uuid, `merge refused: illegal distinct_id '${distinctId}' (${label} '${other}') (cannot_merge_with_illegal_distinct_id)`);
    return 'plain-update';
  }
  if (isDistinctIdIllegal(other)) {
    warn(state, event.uuid, `merge refused: illegal ${label} '${other}' (distinct_id '${distinctId}') (cannot_merge_with_illegal_distinct_id)`);
    return 'plain-update';
  }
  const otherKey = personKeyOf(state, other);
  const intoKey = personKeyOf(state, distinctId);
  if (otherKey === undefined && intoKey === undefined) {
    // Neither exists: one new identified person; $unset does not apply to a new person.
    createPerson(state, [distinctId, other], creationProperties(updates, event.uuid), createdAt, true);
    return 'applied';
  }
  if (otherKey === undefined || intoKey === undefined) {
    // Only one exists: the other id joins it, whoever is identified (no refusal here).
    const key = (otherKey ?? intoKey) as string;
    addDistinctId(state, key, otherKey === undefined ? other : distinctId);
    updateIdentified(state, key, updates);
    return 'applied';
  }
  if (otherKey !== intoKey) {
    const source = personAt(state, otherKey);
    if (source.is_identified && event.event !== '$merge_dangerously') {
      warn(state, event.uuid, `merge refused: ${label} '${other}' is already identified; only $merge_dangerously merges it into '${distinctId}' (cannot_merge_already_identified)`);
    } else {
      mergePeople(state, otherKey, intoKey, updates);
    }
  }
  // After a merge of two persons PostHog applies the event's updates a second time (once inside
  // the merge, once as the usual post-merge update), so a `$unset` of a key the event itself just
  // `$set` does take effect here, unlike on the other paths.
  updateIdentified(state, intoKey, updates);
  return 'applied';
}

/**
 * Merges person `otherKey` into `intoKey`: properties of both with the target's winning, then the
 * event's updates; the earlier `created_at`; identified; the other's distinct ids after the
 * target's.
 */
function mergePeople(state: PersonsState, otherKey: string, intoKey: string, updates: PersonUpdates): void {
  const source = personAt(state, otherKey);
  const target = personAt(state, intoKey);
  const properties = dictCopy(source.properties);
  for (const key of Object.keys(target.properties)) dictSet(properties, key, target.properties[key]);
  applyUpdates(properties, updates);
  target.properties = properties;
  if (Date.parse(source.created_at) < Date.parse(target.created_at)) target.created_at = source.created_at;
  target.is_identified = true;
  moveDistinctIds(state, otherKey, intoKey);
}
