// @ts-nocheck
import { compileAction } from '../actions';
import { tagOf } from '../autocapture/elements';
import type { SimilarGroup } from './similar';
import { candidateStep } from './verify';

/**
 * Does a selector (with an optional text condition) match exactly the similar elements — every
 * one of them and nothing else? In one document or shadow root the browser answers
 * (querySelectorAll); when the similar elements live in several shadow roots (a list of web
 * components), selectors cross host boundaries the way `$elements_chain` does, which no
 * querySelectorAll can, so every element of their tag in every open root is judged by the
 * action matcher, as the toolbar's page preview judges them.
 */
export type SimilarCheck = (selector: string, text: string | undefined, found: readonly Element[]) => boolean;

/** Elements with `tag` under `root`, descending into open shadow roots. */
function deepByTag(root: ParentNode, tag: string, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (tagOf(el) === tag) out.push(el);
    if (el.shadowRoot) deepByTag(el.shadowRoot, tag, out);
  }
  return out;
}

/**
 * A checker for `group`; `root` is the target's document or shadow root. `found` is what the
 * caller already queried under `root` for the selector (and text): in the one-root case that is
 * the answer, so no query is repeated.
 */
export function similarChecker(group: SimilarGroup, root: ParentNode): SimilarCheck {
  const wanted = new Set(group.elements);
  const same = (found: Iterable<Element>): boolean => {
    let n = 0;
    for (const el of found) {
      if (!wanted.has(el)) return false;
      n++;
    }
    return n === wanted.size;
  };
  const rootNode = root as unknown as Node;
  if (group.elements.every((el) => el.getRootNode() === rootNode)) {
    return (_selector, _text, found) => same(found);
  }
  const first = group.elements[0];
  let pool: Element[] | null = null;
  return (selector, text) => {
    let matches: (el: Element) => boolean;
    try {
      matches = compileAction({ steps: [candidateStep(selector, text)] }).matchesElement;
    } catch {
      return false;
    }
    pool ??= deepByTag(first.ownerDocument, tagOf(first));
    return same(pool.filter((el) => matches(el)));
  };
}
