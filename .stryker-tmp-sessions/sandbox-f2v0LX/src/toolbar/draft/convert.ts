// @ts-nocheck
import { defaultMatching } from '../../actions/strings';
import { normalizeFilter, normalizeStep } from '../../actions/io/normalize';
import type { ActionStep, PropertyFilter, StoredAction } from '../../actions/types';
import type { ActionInput } from '../../store/actions';
import { field, kindOfEvent, matched } from './steps';
import type { Draft, DraftField, DraftStep, MatchedDraftField, MatchedFieldName } from './types';

/** Drafts to and from the stored PostHog shape (pure). */

/** A new, empty action for `site` (no steps yet: the editor adds the first one). */
export function emptyDraft(site: string): Draft {
  return { site, name: '', description: '', tags: [], steps: [] };
}

const str = (v: string | null | undefined): string => (typeof v === 'string' ? v : '');
const hasElementConditions = (s: ActionStep): boolean =>
  !!(s.selector || s.text || s.href || s.tag_name || (s.properties ?? []).some((p) => p.type === 'element'));

function matchedFrom(step: ActionStep, f: MatchedFieldName): MatchedDraftField {
  const value = str(step[f]);
  return matched(value, step[`${f}_matching`] ?? defaultMatching(f), value !== '');
}

/** PostHog's condition restricting `$autocapture` to clicks (its toolbar and app write this filter). */
export const CLICKS_ONLY_FILTER: Readonly<PropertyFilter> = Object.freeze({ key: '$event_type', value: 'click', operator: 'exact', type: 'event' });

/** Whether a stored filter is the clicks-only condition (a one-value list, or operator / type left to their defaults, count too). */
export function isClicksOnlyFilter(f: PropertyFilter): boolean {
  const value = Array.isArray(f.value) && f.value.length === 1 ? f.value[0] : f.value;
  return f.key === '$event_type' && value === 'click' && (f.operator ?? 'exact') === 'exact' && (f.type ?? 'event') === 'event';
}

/**
 * A stored step as a draft step: set fields ticked, unset ones empty and off, modes defaulted per
 * the spec. An element step's clicks-only filter becomes the "clicks only" tick, not a filter row.
 */
export function draftStepFromAction(step: ActionStep): DraftStep {
  const event = str(step.event);
  const kind = kindOfEvent(event, hasElementConditions(step));
  const properties = step.properties ?? [];
  const clicksOnly = kind === 'element' && properties.some(isClicksOnlyFilter);
  return {
    kind,
    event,
    selector: field(str(step.selector), !!step.selector),
    text: matchedFrom(step, 'text'),
    href: matchedFrom(step, 'href'),
    url: matchedFrom(step, 'url'),
    tagName: field(str(step.tag_name), !!step.tag_name),
    clicksOnly,
    properties: (clicksOnly ? properties.filter((f) => !isClicksOnlyFilter(f)) : properties).map(normalizeFilter),
  };
}

/** A saved action opened for editing (keeps its id and site). */
export function draftFromAction(stored: StoredAction): Draft {
  return {
    id: stored.id,
    site: stored.site,
    name: stored.name,
    description: stored.description ?? '',
    tags: [...(stored.tags ?? [])],
    steps: stored.steps.map(draftStepFromAction),
  };
}

/** A saved action or draft as a new one: no id, name "… (copy)". */
export function duplicateDraft(draft: Draft): Draft {
  const copy = structuredClone({ ...draft, name: `${draft.name.trim()} (copy)` });
  delete copy.id;
  return copy;
}

const on = (f: DraftField): string | undefined => (f.enabled && f.value !== '' ? f.value : undefined);

/** A filter as stored: is_set / is_not_set take no value, so a leftover one is not written. */
function filterToAction(f: PropertyFilter): PropertyFilter {
  const out = normalizeFilter(f);
  if (out.operator === 'is_set' || out.operator === 'is_not_set') delete out.value;
  return out;
}

/**
 * One draft step in the stored (canonical) shape: only ticked, non-empty fields; each ticked
 * text / href / url carries its matching mode explicitly (PostHog's matchers have disagreed
 * about defaults, so an explicit mode means the same everywhere). Filters are all kept, in
 * order, so validation paths index the draft's filters one to one; an element step's "clicks
 * only" adds PostHog's `$event_type` filter after them (ignored by other kinds, kept for a switch back).
 */
export function draftStepToAction(step: DraftStep): ActionStep {
  const out: ActionStep = {};
  if (step.event !== '') out.event = step.event;
  const selector = on(step.selector);
  if (selector !== undefined) out.selector = selector;
  const tag = on(step.tagName);
  if (tag !== undefined) out.tag_name = tag;
  for (const f of ['text', 'href', 'url'] as const) {
    const value = on(step[f]);
    if (value === undefined) continue;
    out[f] = value;
    out[`${f}_matching`] = step[f].matching;
  }
  const properties = step.properties.map(filterToAction);
  if (step.kind === 'element' && step.clicksOnly) properties.push({ ...CLICKS_ONLY_FILTER });
  if (properties.length) out.properties = properties;
  return normalizeStep(out);
}

/**
 * What saving sends: the PostHog shape plus site and id. Steps and filters are never dropped
 * (an unfinished one is reported by draftProblems instead), so `steps[i]` of the result is the
 * draft's step i and `properties[j]` its filter j.
 */
export function draftToAction(draft: Draft): ActionInput {
  return {
    ...(draft.id !== undefined && { id: draft.id }),
    site: draft.site,
    name: draft.name.trim(),
    description: draft.description,
    tags: [...draft.tags],
    steps: draft.steps.map(draftStepToAction),
  };
}
