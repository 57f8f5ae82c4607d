/**
 * Action definitions in PostHog's JSON shape (what PostHog's actions API accepts), plus Lasso's
 * local fields. Normative semantics: shared/spec/action-semantics.md.
 */
// @ts-nocheck

export type StringMatching = 'exact' | 'contains' | 'regex';

export type PropertyOperator =
  | 'exact' | 'is_not' | 'icontains' | 'not_icontains' | 'regex' | 'not_regex'
  | 'gt' | 'gte' | 'lt' | 'lte' | 'is_set' | 'is_not_set'
  | 'is_date_before' | 'is_date_after' | 'is_date_exact';

export interface PropertyFilter {
  key: string;
  value?: unknown;
  operator?: PropertyOperator;
  /** `event` (default), `person`, or `element` (key selector | text | href | tag_name). */
  type?: 'event' | 'person' | 'element';
}

export interface ActionStep {
  /** null / absent / '' = any event. */
  event?: string | null;
  selector?: string | null;
  text?: string | null;
  text_matching?: StringMatching | null;
  href?: string | null;
  href_matching?: StringMatching | null;
  url?: string | null;
  url_matching?: StringMatching | null;
  /** Legacy, still honoured. */
  tag_name?: string | null;
  properties?: PropertyFilter[] | null;
}

export interface ActionDefinition {
  name: string;
  description?: string;
  tags?: string[];
  steps: ActionStep[];
}

/** An action as Lasso stores it: the PostHog shape plus local fields. */
export interface StoredAction extends ActionDefinition {
  id: string;
  /** The site the action belongs to: host with port, as siteKeyOf gives (settings/site.ts). */
  site: string;
  created_at: string;
  updated_at: string;
}

/** One condition of one step, judged against one event, in words. */
export interface ConditionExplanation {
  /** The step field or filter path, e.g. "selector", "url", "properties[0]". */
  condition: string;
  passed: boolean;
  /** Why, in plain words: "no element of the chain matches `main button.signup`". */
  reason: string;
}

export interface StepExplanation {
  step: number;
  matched: boolean;
  conditions: ConditionExplanation[];
}
