/** What a candidate identifies the element by. `text` is a text condition, not a selector. */
// @ts-nocheck

export type CandidateKind = 'data-attribute' | 'id' | 'aria' | 'href' | 'class' | 'structure' | 'text';

/** One proposed way to identify an element in an action step, with its robustness. */
export interface SelectorCandidate {
  /**
   * CSS in the selector grammar actions support (shared/spec/action-semantics.md), names escaped
   * with CSS.escape. For kind `text` it is the tag name of the element carrying the text, which
   * the step uses together with `text`.
   */
  selector: string;
  kind: CandidateKind;
  /** For kind `text`: the exact text condition value. */
  text?: string;
  /** How many elements under the root match it now (for `text`: elements of that tag with that text). */
  matchCount: number;
  /** Robustness, 0–100 (see src/selectors/README.md). */
  score: number;
  /** Why this candidate and score, in plain words. */
  reasons: string[];
  /**
   * Whether the action `{steps: [{event: '$autocapture', selector, text}]}` matches the
   * `$elements_chain` recorded for a click on the element the caller passed.
   */
  matchesClick: boolean;
  /** It matches exactly the elements similar to this one (all of them, nothing else; see similar.ts). */
  coversSimilar?: true;
}

/** Which elements a new action from a picked element should match. */
export type SelectorScope = 'similar' | 'one';

/** Options of selectorCandidates. */
export interface SelectorOptions {
  /**
   * Attributes the site sets for analytics or tests, most trusted first. A name ending in `*` is
   * a prefix. Default: data-attr, data-testid, data-test, data-cy, data-qa,
   * data-ph-capture-attribute-*.
   */
  dataAttributes?: string[];
  /** Where matchCount counts and structural selectors are anchored. Default: the element's document. */
  root?: ParentNode;
  /**
   * What the first candidate identifies: `similar` — every element similar to this one (rows of
   * a list, cards of a grid) and nothing else, never by position; `one` — this element only.
   * Default: `similar` when the element is one of several similar elements and nothing tells it
   * apart from them (a link's href, a control's label), else `one`.
   */
  scope?: SelectorScope;
}

/** Facts about a candidate that its score is computed from (pure input of scoreCandidate). */
export interface CandidateFacts {
  kind: CandidateKind;
  selector: string;
  matchCount: number;
  matchesClick: boolean;
  /** Number of class names used. */
  classCount?: number;
  /** Number of `:nth-child` / `:nth-of-type` / `:first-*` parts. */
  positionalParts?: number;
  /** Number of compound selectors (1 for `button.x`, 2 for `#list button.x`). */
  compoundParts?: number;
  /** Generated-looking values the candidate still uses (e.g. a data attribute value). */
  generatedTokens?: string[];
  /** Narrowed to one element by an ancestor: the ancestor's selector. */
  narrowedBy?: string;
  /** Shared candidate this one narrows (set on narrowed candidates). */
  narrows?: string;
  /** What the candidate identifies by, for the reasons (e.g. `data-attr`, `aria-label`). */
  via?: string;
  /** It matches exactly this many similar elements, on purpose: sharing is not penalized. */
  similarCount?: number;
}
