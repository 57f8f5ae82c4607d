/**
 * Person property updates from one event: which `$set`, `$set_once` and `$unset` apply, and in
 * which order.
 *
 * Sources (facts only), PostHog/posthog:
 * - nodejs/src/utils/event.ts `sanitizeEvent`: a top-level `$set` / `$set_once` is merged into
 *   `properties.$set` / `properties.$set_once`, the top-level keys winning. `$unset` is read only
 *   from `properties` ("As of this writing we only *read* $unset out of `properties`").
 * - nodejs/src/utils/db/utils.ts `personInitialAndUTMProperties`: every event (except `$snapshot`
 *   and `$performance_event`) carrying a browser/device/URL/campaign property also `$set`s it
 *   (explicit `$set` keys win) and `$set_once`s it as `$initial_<name without $>` (explicit keys
 *   win, and never a null value); server libs' (`$is_server: true`) `$os`/`$os_version` are not
 *   lifted; `$os_name` is only a fallback for `$initial_os`.
 * - nodejs/src/worker/ingestion/persons/person-property-utils.ts: EVENT_TO_PERSON_PROPERTIES and
 *   CAMPAIGN_PROPERTIES (the lifted keys).
 * - nodejs/src/worker/ingestion/persons/person-update.ts `computeEventPropertyUpdates`: the
 *   order is `$set_once` (keys the person does not have yet), then `$set` (overwrites, also a
 *   `$set_once` of the same event), then `$unset` (array of keys or object whose keys count);
 *   `$exception` and `$$heatmap` never update an existing person; `survey shown` sets
 *   `$survey_last_seen_date` to the event timestamp.
 * - nodejs/src/utils/event.ts `normalizeProcessPerson`: `$groupidentify` loses all three.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { type Dict, dictCopy, dictDelete, dictGet, dictHas, dictSet, isPlainObject } from './dict';

const EVENT_TO_PERSON_PROPERTIES = [
  '$app_build', '$app_name', '$app_namespace', '$app_version',
  '$browser', '$browser_version', '$device_type', '$current_url', '$pathname', '$os', '$os_name', '$os_version',
  '$referring_domain', '$referrer', '$screen_height', '$screen_width', '$viewport_height', '$viewport_width', '$raw_user_agent',
];
const CAMPAIGN_PROPERTIES = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_name', 'utm_term',
  'gclid', 'gad_source', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'twclid', 'li_fat_id',
  'mc_cid', 'igshid', 'ttclid', 'rdt_cid', 'irclid', '_kx', 'epik', 'qclid', 'sccid',
];
/** The event properties PostHog lifts onto the person (in PostHog's set order). */
export const LIFTED_PROPERTIES: readonly string[] = [...EVENT_TO_PERSON_PROPERTIES, ...CAMPAIGN_PROPERTIES];

/** `$initial_` + the name without its first `$` (`$browser` → `$initial_browser`, `gclid` → `$initial_gclid`). */
export function initialKey(key: string): string {
  return `$initial_${key.replace('$', '')}`;
}

/** [key, `$initial_` key] pairs, computed once: this runs for every event. */
const LIFTED_WITH_INITIAL: ReadonlyArray<readonly [string, string]> = LIFTED_PROPERTIES.map((key) => [key, initialKey(key)] as const);

const NO_INITIAL_LIFT_EVENTS = new Set(['$snapshot', '$performance_event']);
const NO_PERSON_UPDATE_EVENTS = new Set(['$exception', '$$heatmap']);

/** The person updates one event asks for, after PostHog's normalisation. */
export interface PersonUpdates {
  set: Dict<unknown>;
  setOnce: Dict<unknown>;
  unset: string[];
  /** False for events that may create a person but never update one (`$exception`, `$$heatmap`). */
  updatesExisting: boolean;
}


/** The object at `value` when it is one, else an empty object (PostHog ignores malformed `$set`). */
function objectOrEmpty(value: unknown): Dict<unknown> {
  return isPlainObject(value) ? dictCopy(value) : {};
}

/** Merges `extra` over `base` (own keys only). */
function assignOver(base: Dict<unknown>, extra: Dict<unknown>): void {
  for (const key of Object.keys(extra)) dictSet(base, key, extra[key]);
}

/** Adds PostHog's lifted `$set` / `$initial_*` `$set_once` values for one event's properties. */
function liftEventProperties(props: Dict<unknown>, set: Dict<unknown>, setOnce: Dict<unknown>): void {
  const serverHost = props.$is_server === true;
  let lifted = false;
  for (const [key, initial] of LIFTED_WITH_INITIAL) {
    if (!dictHas(props, key)) continue;
    if (serverHost && (key === '$os' || key === '$os_version')) continue;
    lifted = true;
    const value = props[key];
    if (!dictHas(set, key)) dictSet(set, key, value);
    if (value != null && !dictHas(setOnce, initial)) dictSet(setOnce, initial, value);
  }
  if (!lifted || !dictHas(props, '$os_name') || serverHost) return;
  const osName = props.$os_name;
  if (osName !== null && osName !== undefined && !dictHas(setOnce, '$initial_os')) dictSet(setOnce, '$initial_os', osName);
  dictDelete(set, '$os_name');
  dictDelete(setOnce, '$initial_os_name');
}

/** The keys of `$unset`: an array's string items or an object's keys. */
function unsetKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((key): key is string => typeof key === 'string');
  return isPlainObject(value) ? Object.keys(value) : [];
}

/** The person updates `event` carries, normalised as PostHog does before person processing. */
export function personUpdates(event: CaptureEvent): PersonUpdates {
  const props: Dict<unknown> = isPlainObject(event.properties) ? event.properties : {};
  const top = event as unknown as Dict<unknown>;
  if (event.event === '$groupidentify') return { set: {}, setOnce: {}, unset: [], updatesExisting: true };
  const set = objectOrEmpty(props.$set);
  const setOnce = objectOrEmpty(props.$set_once);
  if (isPlainObject(top.$set)) assignOver(set, top.$set);
  if (isPlainObject(top.$set_once)) assignOver(setOnce, top.$set_once);
  if (!NO_INITIAL_LIFT_EVENTS.has(event.event)) liftEventProperties(props, set, setOnce);
  if (event.event === 'survey shown' && !dictHas(set, '$survey_last_seen_date')) dictSet(set, '$survey_last_seen_date', event.timestamp);
  return { set, setOnce, unset: unsetKeys(props.$unset), updatesExisting: !NO_PERSON_UPDATE_EVENTS.has(event.event) };
}

/**
 * The properties of a person created by `event` (PostHog's createPerson): `$set_once`, then
 * `$set` over it, then `$creator_event_uuid`. `$unset` does not apply to a new person.
 */
export function creationProperties(updates: PersonUpdates, eventUuid: string): Dict<unknown> {
  const props = dictCopy(updates.setOnce);
  assignOver(props, updates.set);
  dictSet(props, '$creator_event_uuid', eventUuid);
  return props;
}

/**
 * Applies `updates` to `properties` in place in PostHog's order: `$set_once` for keys that are
 * undefined on the person (a stored null counts as set), then `$set`, then `$unset`. Like
 * PostHog, what to set and what to unset are both decided against the properties *before* the
 * event: `$unset` of a key the person does not have yet does nothing, even if the same event's
 * `$set` adds it.
 * @returns whether anything changed.
 */
export function applyUpdates(properties: Dict<unknown>, updates: PersonUpdates): boolean {
  if (!updates.updatesExisting) return false;
  const toSet: Dict<unknown> = {};
  for (const key of Object.keys(updates.setOnce)) {
    if (dictGet(properties, key) === undefined) dictSet(toSet, key, updates.setOnce[key]);
  }
  for (const key of Object.keys(updates.set)) {
    if (dictGet(properties, key) !== updates.set[key]) dictSet(toSet, key, updates.set[key]);
  }
  const toUnset = updates.unset.filter((key) => dictHas(properties, key));
  let changed = toUnset.length > 0;
  for (const key of Object.keys(toSet)) {
    if (dictGet(properties, key) !== toSet[key]) changed = true;
    dictSet(properties, key, toSet[key]);
  }
  for (const key of toUnset) dictDelete(properties, key);
  return changed;
}
