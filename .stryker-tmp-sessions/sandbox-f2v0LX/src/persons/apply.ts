/**
 * One event applied to the persons state, as PostHog's person processing does it.
 *
 * Source (facts only): PostHog/posthog nodejs/src/worker/ingestion/persons/person-event-processor.ts
 * (merge first, then the plain update) and person-property-service.ts (`createOrGetPerson`: a new
 * person gets `$set_once` + `$set`, `is_identified` false, `created_at` = event time; an existing
 * one gets the updates in order). Event-level checks: ./order.ts.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { applyMerge, mergeRequest } from './merge';
import { dropReason, eventTime, personMode } from './order';
import { applyUpdates, creationProperties, personUpdates } from './properties';
import { type PersonsState, createPerson, personAt, personKeyOf, warn } from './state';

/**
 * Applies `event` to `state` in place. Call it in (timestamp, uuid) order (`sortEvents`) for
 * results equal to `personsFromEvents`; a late event needs the affected persons re-derived.
 * Events with `$process_person_profile: false` are personless: they create and change nothing.
 */
export function applyEvent(state: PersonsState, event: CaptureEvent): void {
  const dropped = dropReason(event);
  if (dropped) return warn(state, event.uuid, dropped);
  const mode = personMode(event);
  if (mode.drop) return warn(state, event.uuid, mode.drop);
  if (mode.warn) warn(state, event.uuid, mode.warn);
  if (!mode.process) return;

  const distinctId = String(event.distinct_id);
  const createdAt = new Date(eventTime(event)).toISOString();
  const updates = personUpdates(event);
  const request = mergeRequest(event);
  if (request && applyMerge(state, event, distinctId, request, updates, createdAt) === 'applied') return;

  const key = personKeyOf(state, distinctId);
  if (key === undefined) createPerson(state, [distinctId], creationProperties(updates, event.uuid), createdAt, false);
  else applyUpdates(personAt(state, key).properties, updates);
}
