// @ts-nocheck
import { compileAction } from '../actions';
import type { ActionStep } from '../actions/types';
import type { CaptureEvent } from '../events/types';

/**
 * Checks a candidate the way the action it becomes will be checked: compiled by the real action
 * compiler (so anything outside the supported grammar is rejected) and matched against the
 * `$elements_chain` of the click.
 */

/** The `$autocapture` step a candidate turns into. */
export function candidateStep(selector: string, text?: string): ActionStep {
  return text === undefined
    ? { event: '$autocapture', selector }
    : { event: '$autocapture', selector, text, text_matching: 'exact' };
}

/**
 * A checker for one click: given a candidate's selector (and text), true / false for whether its
 * action matches the click, or null when compileAction rejects it (the candidate is dropped).
 */
export function clickChecker(clickChain: string): (selector: string, text?: string) => boolean | null {
  const event: CaptureEvent = {
    uuid: '00000000-0000-7000-8000-000000000000',
    event: '$autocapture',
    distinct_id: 'lasso-selector-check',
    timestamp: new Date(0).toISOString(),
    properties: { $event_type: 'click', $elements_chain: clickChain },
  };
  return (selector, text) => {
    let action: ReturnType<typeof compileAction>;
    try {
      action = compileAction({ steps: [candidateStep(selector, text)] });
    } catch {
      return null;
    }
    return action.matches(event);
  };
}
