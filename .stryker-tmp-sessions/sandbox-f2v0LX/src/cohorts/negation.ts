/**
 * Where PostHog refuses negation. HogQLCohortQuery builds each group as a set query and carries
 * a "negated" flag upward (PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py,
 * `_get_conditions.build_conditions`):
 * - a leaf is negated when `negation: true`;
 * - an AND group is negated when all its children are (it becomes NOT (A ∪ B));
 * - an OR group is negated unless all its children are positive (all negated: NOT (A ∩ B);
 *   mixed: De Morgan, NOT (positive-part EXCEPT …));
 * - a negated top level is refused: "Top level condition cannot be negated".
 * Set algebra and plain boolean logic give the same members whenever the top is positive, so
 * evaluation (evaluate.ts) can use boolean logic; this check only decides what is refused.
 */
// @ts-nocheck

import type { Node } from './compiled';

/** Is this node's set query negated, by PostHog's rules? */
export function isNegated(node: Node): boolean {
  if (node.kind === 'leaf') return node.negation;
  const flags = node.children.map(isNegated);
  if (node.kind === 'AND') return flags.every(Boolean);
  return flags.some(Boolean);
}

/** Why PostHog would refuse this tree (null when it accepts it). */
export function negatedAtTop(root: Node): string | null {
  if (!isNegated(root)) return null;
  const allNegated = (n: Node): boolean => (n.kind === 'leaf' ? n.negation : n.children.every(allNegated));
  return allNegated(root)
    ? 'every condition is negated — PostHog refuses a cohort with no positive condition ("Top level condition cannot be negated"); add a condition people must meet'
    : 'an OR mixes negated and positive conditions at the top, which PostHog refuses ("Top level condition cannot be negated"); put the negated condition in an AND with a positive one';
}
