// @ts-nocheck
import { compileAction, type CompiledAction } from '../actions';
import type { ActionStep, PropertyFilter } from '../actions/types';

/**
 * How a preview judges an action against the store's index. A step's conditions are AND-ed and
 * each depends on one part of an event only: its name, its chain (selector, text, href,
 * tag_name, element filters), its URL (url), its `$event_type` (event filters on that key: the
 * index files events by type), or the raw event/person (other event and person property
 * filters). So a step is judged per distinct chain, URL and type, each once, and only the raw
 * filters need stored events.
 */
export const needsRawEvent = (f: PropertyFilter): boolean => (f.type ?? 'event') !== 'element' && !isTypeFilter(f);

/** An event filter on `$event_type`, which the index can judge (e.g. "clicks only"). */
export const isTypeFilter = (f: PropertyFilter): boolean => (f.type ?? 'event') === 'event' && f.key === '$event_type';

const isSet = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** The chain-only, URL-only and type-only parts of a step (null when it sets no such condition), and whether it has raw filters. */
export function stepParts(step: ActionStep): { chainStep: ActionStep | null; urlStep: ActionStep | null; typeStep: ActionStep | null; raw: boolean } {
  const elementFilters = (step.properties ?? []).filter((f) => (f.type ?? 'event') === 'element');
  const typeFilters = (step.properties ?? []).filter(isTypeFilter);
  const chainStep: ActionStep = {
    ...(isSet(step.selector) && { selector: step.selector }),
    ...(isSet(step.text) && { text: step.text, text_matching: step.text_matching }),
    ...(isSet(step.href) && { href: step.href, href_matching: step.href_matching }),
    ...(isSet(step.tag_name) && { tag_name: step.tag_name }),
    ...(elementFilters.length && { properties: elementFilters }),
  };
  return {
    chainStep: Object.keys(chainStep).length ? chainStep : null,
    urlStep: isSet(step.url) ? { url: step.url, url_matching: step.url_matching } : null,
    typeStep: typeFilters.length ? { properties: typeFilters } : null,
    raw: (step.properties ?? []).some(needsRawEvent),
  };
}

export interface StepPlan {
  /** Required event name, or null for any. */
  event: string | null;
  chain: CompiledAction | null;
  url: CompiledAction | null;
  /** `$event_type` filters, judged on a stand-in holding only the series' type. */
  type: CompiledAction | null;
  /** The step also has event/person filters: a series passing the parts above is only a candidate. */
  raw: boolean;
}

export interface PreviewPlan {
  steps: StepPlan[];
  /** The whole action, for events read by the scan and events arriving later. */
  full: CompiledAction;
  /** Some step filters on person properties: matching needs each event's person. */
  usesPerson: boolean;
}

/** Does any step filter on person properties? */
export const usesPersonProperties = (action: { steps: ActionStep[] }): boolean =>
  action.steps.some((step) => (step.properties ?? []).some((f) => f.type === 'person'));

/** Compile an action for preview. Throws ActionValidationError (with its field path) when invalid. */
export function planPreview(action: { steps: ActionStep[] }): PreviewPlan {
  const full = compileAction(action); // validates everything first: errors carry the real paths
  return {
    full,
    usesPerson: usesPersonProperties(action),
    steps: action.steps.map((step) => {
      const { chainStep, urlStep, typeStep, raw } = stepParts(step);
      return {
        event: isSet(step.event) ? (step.event as string) : null,
        chain: chainStep && compileAction({ steps: [chainStep] }),
        url: urlStep && compileAction({ steps: [urlStep] }),
        type: typeStep && compileAction({ steps: [typeStep] }),
        raw,
      };
    }),
  };
}
