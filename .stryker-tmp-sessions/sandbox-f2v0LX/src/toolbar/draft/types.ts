// @ts-nocheck
import type { PropertyFilter, StringMatching } from '../../actions/types';

/**
 * The toolbar editor's working copy of an action. Unlike the stored PostHog shape, every field
 * keeps its value while it is ticked off, so the user can toggle a condition without retyping it;
 * `draftToAction` turns a draft into the stored shape (ticked-off fields left out).
 */

/** A field the user can tick on/off without losing its value. */
export interface DraftField<T = string> {
  enabled: boolean;
  value: T;
}

/** A string field with a matching mode (text, href, url). */
export interface MatchedDraftField extends DraftField<string> {
  matching: StringMatching;
}

/** What a step is about, for the editor's layout. The stored event name is `event`. */
export type StepKind = 'element' | 'pageview' | 'event';

/** The step fields a user ticks on and off. */
export type StepFieldName = 'selector' | 'text' | 'href' | 'url' | 'tagName';
/** The step fields that have a matching mode. */
export type MatchedFieldName = 'text' | 'href' | 'url';

/** One step of a draft. */
export interface DraftStep {
  /** element = `$autocapture` with element conditions; pageview = `$pageview`; event = a custom (or any) event. */
  kind: StepKind;
  /** '$autocapture' | '$pageview' | a custom name | '' (any event). */
  event: string;
  selector: DraftField;
  text: MatchedDraftField;
  href: MatchedDraftField;
  url: MatchedDraftField;
  /** Legacy `tag_name`: kept so imported actions that set it survive an edit; new steps leave it off. */
  tagName: DraftField;
  /**
   * Element steps: count clicks only. An `$autocapture` step otherwise also matches a field's
   * `change` and a form's `submit` (PostHog's semantics); stored as PostHog's own condition, the
   * event filter `$event_type` exact `click`, after the step's other filters.
   */
  clicksOnly: boolean;
  properties: PropertyFilter[];
}

/** An action being edited. `id` is set when editing a saved action. */
export interface Draft {
  id?: string;
  /** The site (hostname) the action belongs to. */
  site: string;
  name: string;
  description: string;
  tags: string[];
  steps: DraftStep[];
}

/**
 * Problems keyed by draft field path: 'name', 'description', 'tags', 'steps', 'steps.0',
 * 'steps.0.event', 'steps.0.selector', 'steps.0.text', 'steps.0.href', 'steps.0.url',
 * 'steps.0.tagName', 'steps.0.properties', 'steps.0.properties.2'; paths the editor has no field
 * for ('site', 'id', '') are kept as they come.
 */
export type DraftProblems = Map<string, string[]>;
