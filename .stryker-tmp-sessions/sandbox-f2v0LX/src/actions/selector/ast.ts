/**
 * The parsed form of a supported CSS selector (see shared/spec/action-semantics.md, Selectors).
 * Parsed once per action, then evaluated against many chains.
 */
// @ts-nocheck


/** `''` = presence test `[a]`. */
export type AttrOperator = '' | '=' | '~=' | '|=' | '^=' | '$=' | '*=';

export interface AttrTest {
  /** Lower-cased attribute name (HTML attribute names are case-insensitive). */
  name: string;
  /** Where a chain element keeps it: `attr__<name>` (id, class and href have their own lookups). */
  key: string;
  op: AttrOperator;
  /** Unescaped value as written ('' for a presence test). */
  value: string;
  /** The value compared against: `value`, ASCII lower-cased when `ci`. */
  folded: string;
  /** Compare ASCII case-insensitively: the ` i` flag, or an HTML attribute whose values the browser always compares so (`type`, `lang`, …). */
  ci: boolean;
  /** The ` i` flag was written. */
  flag: boolean;
}

/** `:nth-child(An+B)` / `:nth-of-type(An+B)`; `:first-child` is A=0, B=1. */
export interface NthTest {
  ofType: boolean;
  a: number;
  b: number;
}

/** One compound selector (`button.primary[type=submit]:first-child`): all parts must hold. */
export interface Compound {
  /** Lower-cased type selector; null for `*` or none. */
  tag: string | null;
  /** Intern id of `tag` (see match-chain.ts); -1 when none or not interned. */
  tagId: number;
  /** OR of the signature bits of `classes` (see match-chain.ts). */
  classBits: number;
  /** Interned ids of `classes`, or null when one could not be interned (compare strings then). */
  classIds: number[] | null;
  ids: string[];
  classes: string[];
  attrs: AttrTest[];
  nth: NthTest[];
}

export type Combinator = ' ' | '>';

/**
 * A complex selector stored right to left: `compounds[0]` is the subject (rightmost) and
 * `combinators[i]` joins `compounds[i]` to the compound on its left, `compounds[i + 1]`.
 */
export interface ComplexSelector {
  compounds: Compound[];
  combinators: Combinator[];
}

/** A selector list; an element matches when any of its selectors does. */
export interface SelectorAst {
  source: string;
  selectors: ComplexSelector[];
}
