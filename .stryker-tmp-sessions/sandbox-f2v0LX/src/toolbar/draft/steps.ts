// @ts-nocheck
import type { StringMatching } from '../../actions/types';
import type { DraftField, DraftStep, MatchedDraftField, StepKind } from './types';

/** New steps (pure). `stepFromElement` (element-step.ts) builds the DOM-based one. */

/** A field with a value, ticked or not. */
export const field = (value = '', enabled = false): DraftField => ({ enabled, value });
/** A field with a matching mode, ticked or not. */
export const matched = (value = '', matching: StringMatching = 'exact', enabled = false): MatchedDraftField => ({ enabled, value, matching });

/**
 * The editor kind for a stored event name: `$autocapture` → element, `$pageview` → pageview,
 * anything else → event. Any event ('') with element conditions is shown as an element step.
 */
export function kindOfEvent(event: string, hasElementConditions = false): StepKind {
  if (event === '$autocapture') return 'element';
  if (event === '$pageview') return 'pageview';
  return event === '' && hasElementConditions ? 'element' : 'event';
}

/** A step with every field empty and off (url defaults to the spec's `contains`). */
export function blankStep(kind: StepKind, event: string): DraftStep {
  return {
    kind,
    event,
    selector: field(),
    text: matched(),
    href: matched(),
    url: matched('', 'contains'),
    tagName: field(),
    clicksOnly: false,
    properties: [],
  };
}

/** A `$pageview` step whose URL condition is on (PostHog's pageview steps default to contains). */
export function pageviewStep(url: string, matching: StringMatching = 'contains'): DraftStep {
  return { ...blankStep('pageview', '$pageview'), url: matched(url, matching, url !== '') };
}

/** A custom event step (`name` '' = any event). */
export function eventStep(name: string): DraftStep {
  return blankStep('event', name);
}

const EVENT_FOR: Record<StepKind, string | null> = { element: '$autocapture', pageview: '$pageview', event: null };

/**
 * The step switched to another kind: the event name follows the kind (a custom event keeps the
 * name it had unless it was a built-in one), and element conditions a pageview or custom event
 * cannot carry are ticked off, values kept, so switching back restores them. A hidden but ticked
 * field would otherwise still be saved.
 */
export function setStepKind(step: DraftStep, kind: StepKind): DraftStep {
  if (step.kind === kind) return step;
  const builtIn = step.event === '$autocapture' || step.event === '$pageview';
  const event = EVENT_FOR[kind] ?? (builtIn ? '' : step.event);
  if (kind === 'element') return { ...step, kind, event };
  const off = <F extends DraftField>(f: F): F => ({ ...f, enabled: false });
  return { ...step, kind, event, selector: off(step.selector), text: off(step.text), href: off(step.href), tagName: off(step.tagName) };
}
