import type { SelectorCandidate } from '../../selectors';
import { textMatches } from '../../selectors/target';

/** The elements a selector candidate matches under `root` (what its "N on this page" counts). */
export function candidateElements(root: ParentNode, c: SelectorCandidate): Element[] {
  try {
    return c.text !== undefined ? textMatches(root, c.selector, c.text) : [...root.querySelectorAll(c.selector)];
  } catch {
    return [];
  }
}
