// @ts-nocheck
import type { PropertyFilter } from '../../actions/types';
import type { Draft, DraftStep, MatchedDraftField, StepFieldName } from './types';

/**
 * Immutable edits of a draft: each returns a new draft (or step) and leaves its input untouched,
 * so Preact state can hold drafts directly. Out-of-range indexes leave the input unchanged.
 */

const inRange = (list: readonly unknown[], i: number): boolean => Number.isInteger(i) && i >= 0 && i < list.length;

/** Draft with one step replaced by `patch` applied to it (a partial step, or a function of the step). */
export function updateStep(draft: Draft, i: number, patch: Partial<DraftStep> | ((step: DraftStep) => DraftStep)): Draft {
  if (!inRange(draft.steps, i)) return draft;
  const steps = draft.steps.slice();
  steps[i] = typeof patch === 'function' ? patch(steps[i]) : { ...steps[i], ...patch };
  return { ...draft, steps };
}

/** Step with one field changed: tick on/off, new value, or (text/href/url) new matching mode. */
export function updateField(step: DraftStep, name: StepFieldName, patch: Partial<MatchedDraftField>): DraftStep {
  const current = step[name];
  const next = 'matching' in current ? { ...current, ...patch } : { enabled: patch.enabled ?? current.enabled, value: patch.value ?? current.value };
  return { ...step, [name]: next };
}

/** Draft with `step` appended. */
export function addStep(draft: Draft, step: DraftStep): Draft {
  return { ...draft, steps: [...draft.steps, step] };
}

/** Draft without step i. */
export function removeStep(draft: Draft, i: number): Draft {
  if (!inRange(draft.steps, i)) return draft;
  return { ...draft, steps: draft.steps.filter((_, j) => j !== i) };
}

/** Draft with step `from` moved to position `to` (the others keep their order). */
export function moveStep(draft: Draft, from: number, to: number): Draft {
  if (!inRange(draft.steps, from) || !inRange(draft.steps, to) || from === to) return draft;
  const steps = draft.steps.slice();
  const [moved] = steps.splice(from, 1);
  steps.splice(to, 0, moved);
  return { ...draft, steps };
}

/** Step with a new, empty filter of `type` (operator exact); its key is reported until filled in. */
export function addFilter(step: DraftStep, type: 'event' | 'person' | 'element' = 'event'): DraftStep {
  const filter: PropertyFilter = { key: type === 'element' ? 'selector' : '', value: '', operator: 'exact', type };
  return { ...step, properties: [...step.properties, filter] };
}

/** Step with filter j changed. Changing the type to `element` resets a key elements do not have. */
export function updateFilter(step: DraftStep, j: number, patch: Partial<PropertyFilter>): DraftStep {
  if (!inRange(step.properties, j)) return step;
  const properties = step.properties.slice();
  const next = { ...properties[j], ...patch };
  if (patch.type === 'element' && !['selector', 'text', 'href', 'tag_name'].includes(next.key)) next.key = 'selector';
  properties[j] = next;
  return { ...step, properties };
}

/** Step without filter j. */
export function removeFilter(step: DraftStep, j: number): DraftStep {
  if (!inRange(step.properties, j)) return step;
  return { ...step, properties: step.properties.filter((_, k) => k !== j) };
}

/** Tags typed as comma-separated text: trimmed, empty ones dropped, duplicates dropped (first kept). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
}

/**
 * Draft with tags from comma-separated text. An editor should keep the raw text while the user
 * types (parsing drops a trailing ", ") and call this on change; `tagsText` shows tags back.
 */
export function setTags(draft: Draft, text: string): Draft {
  return { ...draft, tags: parseTags(text) };
}

/** Tags as the text a tag input shows. */
export const tagsText = (tags: readonly string[]): string => tags.join(', ');

/**
 * Draft with a replacement selector (from the broken badge) put into step `i`: its selector, and
 * for a text candidate its tag plus an exact text condition, both ticked.
 */
export function withSelectorInStep(draft: Draft, i: number, candidate: { selector: string; text?: string }): Draft {
  return updateStep(draft, i, (step) => {
    let next = updateField(step, 'selector', { enabled: true, value: candidate.selector });
    if (candidate.text !== undefined) next = updateField(next, 'text', { enabled: true, value: candidate.text, matching: 'exact' });
    return next;
  });
}
