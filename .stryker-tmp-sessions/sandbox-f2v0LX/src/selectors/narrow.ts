// @ts-nocheck
import { elementAndAncestors, tagOf } from '../autocapture/elements';
import { type Draft, attributeSelector, classSelector, isQuotable, tagSelector } from './css';
import { dataAttributeDrafts, idDrafts, matchingDataAttributes, splitStableClasses } from './drafts';
import { isGeneratedValue } from './generated-names';

/**
 * Narrowing a shared candidate (`[data-attr="add-to-cart"]` on every product) to the one element,
 * with an identity attribute of its own or of an ancestor: `[data-product-id="2"] [data-attr="add-to-cart"]`.
 */

/** Ancestors looked at, nearest first; beyond that the selector says more about layout than intent. */
const MAX_ANCESTORS = 6;
/** Attributes that are not anchors: handled elsewhere, or say nothing stable. */
const NOT_ANCHORS = /^(?:id|class|style|href|src|aria-hidden|hidden|tabindex|data-ph-capture-attribute-.*)$/;

/** Identity attributes (`data-product-id="2"`) of an element: other data-* and aria-label values. */
export function identityAttributes(el: Element): string[] {
  const out: string[] = [];
  for (const name of el.getAttributeNames()) {
    const value = el.getAttribute(name) ?? '';
    if ((name.startsWith('data-') || name === 'aria-label') && !NOT_ANCHORS.test(name) && value && isQuotable(value) && !isGeneratedValue(value)) {
      out.push(attributeSelector(name, value));
    }
  }
  return out;
}

/** Ways to name one ancestor, most robust first; the last one is positional. */
export function ancestorAnchors(el: Element, dataAttributes: readonly string[]): string[] {
  const anchors = [...dataAttributeDrafts(el, dataAttributes), ...idDrafts(el)].map((d) => d.selector);
  for (const selector of identityAttributes(el)) if (!anchors.includes(selector)) anchors.push(selector);
  const tag = tagSelector(el);
  for (const c of splitStableClasses(el).stable.slice(0, 3)) anchors.push(tag + classSelector([c]));
  let position = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) position++;
  anchors.push(`${tag}:nth-of-type(${position})`);
  return anchors;
}

/** First of `selectors` that `count` finds exactly once (selectors the browser rejects are skipped). */
function firstUnique(selectors: Iterable<string>, count: (selector: string) => number): string | null {
  for (const selector of selectors) {
    try {
      if (count(selector) === 1) return selector;
    } catch {
      // not a selector the browser accepts: try the next
    }
  }
  return null;
}

/**
 * A unique narrowing of a shared candidate for `target`, or null: first the target's own identity
 * attributes (`article.card[data-product-id="2"]`), then ancestors, nearest first
 * (`[data-product-id="2"] [data-attr="add-to-cart"]`). `count` counts matches under the root.
 */
export function narrowShared(
  target: Element,
  shared: Draft,
  dataAttributes: readonly string[],
  count: (selector: string) => number,
): Draft | null {
  // Configured attributes are candidates of their own already; qualifying with one adds nothing.
  const configured = new Set(matchingDataAttributes(target, dataAttributes).map((name) => attributeSelector(name, target.getAttribute(name) ?? '')));
  for (const attribute of identityAttributes(target)) {
    if (shared.selector.includes(attribute) || configured.has(attribute)) continue;
    const selector = shared.selector + attribute;
    if (firstUnique([selector], count)) return { ...shared, selector, narrowedBy: attribute, narrows: shared.selector };
  }
  const ancestors = elementAndAncestors(target).slice(1, 1 + MAX_ANCESTORS);
  for (const ancestor of ancestors) {
    if (tagOf(ancestor) === 'body' || tagOf(ancestor) === 'html') break;
    const anchors = ancestorAnchors(ancestor, dataAttributes);
    const selector = firstUnique(anchors.map((anchor) => `${anchor} ${shared.selector}`), count);
    if (selector) return { ...shared, selector, narrowedBy: selector.slice(0, -shared.selector.length - 1), narrows: shared.selector };
  }
  return null;
}
