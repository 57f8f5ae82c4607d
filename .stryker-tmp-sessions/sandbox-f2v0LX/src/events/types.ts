/**
 * An event in PostHog's capture shape. Lasso stores and sends events in exactly this
 * shape so they can be delivered to PostHog unchanged.
 */
// @ts-nocheck

export interface CaptureEvent {
  /** UUIDv7, made once at capture time and never regenerated (dedupe key). */
  uuid: string;
  event: string;
  distinct_id: string;
  /** Absolute ISO-8601 time set at capture. */
  timestamp: string;
  properties: EventProperties;
}

export type EventProperties = Record<string, unknown> & {
  $current_url?: string;
  $host?: string;
  $pathname?: string;
  $session_id?: string;
  $window_id?: string;
  $device_id?: string;
  $elements_chain?: string;
  $el_text?: string;
  $event_type?: 'click' | 'change' | 'submit';
};

/**
 * One element of an `$elements_chain`, as PostHog's parser yields it.
 * Values are unescaped. `attributes` holds everything that is not one of the named fields
 * (for example `attr__class`, `attr__href`, `attr__data-attr`).
 */
export interface ChainElement {
  tag_name: string;
  /**
   * Class names, sorted in code-unit order. The chain writes them with `"` removed; where a name
   * contains `.`, `"` or `;`, the parser returns the original from `attr__class` instead.
   */
  attr_class: string[];
  text?: string;
  href?: string;
  attr_id?: string;
  nth_child?: number;
  nth_of_type?: number;
  attributes: Record<string, string>;
}
