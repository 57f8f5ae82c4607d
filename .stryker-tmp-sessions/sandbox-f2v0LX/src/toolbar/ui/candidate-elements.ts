// @ts-nocheck
import type { SelectorCandidate } from '../../selectors';
import { candidateStep } from '../../selectors/verify';
import { pageMatches, type ClickEventCache } from '../draft';

/** What "N on this page" says for a candidate: the elements counted, and how many are visible now. */
export interface CandidateMatches {
  elements: Element[];
  visible: number;
}

/** Shown to the user: laid out with a size, and not hidden by CSS (hover menus, collapsed rows are not). */
export function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true, opacityProperty: true })) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/**
 * The elements a selector candidate matches on the page, counted exactly as the editor's page
 * preview counts an action made from it (pageMatches: the action matcher, across open shadow
 * roots and same-origin iframes), so the element panel and the editor never disagree.
 * `events` shares built click events between candidates.
 */
export function candidateMatches(roots: readonly ParentNode[], c: SelectorCandidate, events: ClickEventCache): CandidateMatches {
  const found = pageMatches([candidateStep(c.selector, c.text)], roots, { events });
  const elements = 'elements' in found ? found.elements : [];
  return { elements, visible: elements.filter(isVisible).length };
}

/** "3 matching, 0 visible — they appear on hover" and the like. */
export function describeMatches(m: CandidateMatches): string {
  const n = m.elements.length;
  if (n === 0) return 'matches nothing on this page';
  if (m.visible === n) return `${n} on this page`;
  if (m.visible === 0) return `${n} matching, 0 visible — hidden now (they may appear on hover)`;
  return `${n} matching, ${m.visible} visible`;
}
