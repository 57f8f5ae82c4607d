/**
 * Why a CSS construct outside the supported set is refused, in words for the editor. The chain
 * records only the clicked element and its ancestors, with their tags, classes, attributes and
 * positions, so anything that needs siblings after an element, state or pseudo-elements could
 * never be judged honestly against stored events.
 */
// @ts-nocheck


const NO_SIBLINGS = 'the chain records no following siblings';

const PSEUDO_REASONS: Record<string, string> = {
  'last-child': NO_SIBLINGS,
  'last-of-type': NO_SIBLINGS,
  'only-child': NO_SIBLINGS,
  'only-of-type': NO_SIBLINGS,
  'nth-last-child': NO_SIBLINGS,
  'nth-last-of-type': NO_SIBLINGS,
  empty: 'the chain records no child nodes',
  not: 'negation is not in the supported selector set',
  is: 'only plain compound selectors are supported',
  where: 'only plain compound selectors are supported',
  matches: 'only plain compound selectors are supported',
  has: 'the chain records no descendants of the clicked element',
  root: 'the chain stops at <body>',
  scope: 'there is no scoping element for stored events',
};

const STATE = [
  'hover', 'active', 'focus', 'focus-within', 'focus-visible', 'visited', 'link', 'any-link', 'checked',
  'disabled', 'enabled', 'target', 'indeterminate', 'valid', 'invalid', 'required', 'optional',
  'placeholder-shown', 'read-only', 'read-write', 'default', 'in-range', 'out-of-range', 'fullscreen',
  'open', 'closed', 'playing', 'paused', 'autofill', 'defined', 'modal', 'popover-open', 'user-invalid', 'user-valid',
];

const LEGACY_PSEUDO_ELEMENTS = ['before', 'after', 'first-line', 'first-letter'];

/** The problem with pseudo-class `:name` (already lower-cased). */
export function pseudoClassProblem(written: string, name: string): string {
  if (LEGACY_PSEUDO_ELEMENTS.includes(name)) return pseudoElementProblem(written);
  const reason = PSEUDO_REASONS[name] ?? (STATE.includes(name) ? `stored events carry no ${name} state` : 'it is not in the supported selector set');
  return `'${written}' is not supported — ${reason}`;
}

/** The problem with a pseudo-element such as `::before`. */
export const pseudoElementProblem = (written: string): string =>
  `'${written}' is not supported — pseudo-elements are not elements and are never in the chain`;

/** The problem with a `+`, `~` or `||` combinator. */
export const combinatorProblem = (c: string): string =>
  `the '${c}' combinator is not supported — the chain holds no sibling information, only ancestors`;
