// @ts-nocheck
import { AUTOCAPTURE_TAGS, ElementPrivacy, captureElements, elementAndAncestors, tagOf } from '../autocapture/elements';
import { serializeElementsChain } from '../events/elements-chain';

/** The element selectors are proposed for, and what a click on the pointed-at element records. */
export interface ResolvedTarget {
  /** The element to build selectors for. */
  target: Element;
  /** `$elements_chain` of a click on the element the caller pointed at. */
  clickChain: string;
  /** The element whose recorded text a text condition can use, with that text (if any). */
  textCarrier: { element: Element; text: string } | null;
  /** Clicks here carry `ph-no-capture` somewhere up the chain: nothing is ever recorded. */
  noCapture: boolean;
  /** Why the target differs from the pointed-at element. */
  notes: string[];
}

/** Controls a click inside which counts as a click on the control, for the user. */
const CONTROLS = ['a', 'button'];

/**
 * Picks the element to propose selectors for. A click on an SVG part is recorded on the
 * enclosing <button> / <a> (the chain starts there), exactly as autocapture does. A click on a
 * non-interactive element inside a link or button (`a > span > strong`) is recorded on that
 * element, but a selector for the link matches such clicks as well as clicks anywhere else in
 * the link, so the link is proposed (the PostHog toolbar does the same).
 */
export function resolveTarget(element: Element): ResolvedTarget {
  const capture = captureElements(element, true);
  const recorded = capture.target;
  const notes: string[] = [];
  if (recorded !== element) {
    notes.push(`a click on <${tagOf(element)}> is recorded on the enclosing <${tagOf(recorded)}>, so it is proposed`);
  }
  const ancestors = elementAndAncestors(recorded);
  let index = 0;
  if (!AUTOCAPTURE_TAGS.includes(tagOf(recorded))) {
    const control = ancestors.findIndex((el, i) => i > 0 && CONTROLS.includes(tagOf(el)));
    if (control > 0) {
      index = control;
      notes.push(`proposed the enclosing <${tagOf(ancestors[control])}>: clicks anywhere inside it match`);
    }
  }
  // Chain element i describes ancestors[i]; a text condition may use any of them up to the target.
  let textCarrier: ResolvedTarget['textCarrier'] = null;
  for (let i = 0; i <= index && i < capture.elements.length; i++) {
    const text = capture.elements[i].text;
    if (text) {
      textCarrier = { element: ancestors[i], text };
      break;
    }
  }
  return {
    target: ancestors[index],
    clickChain: serializeElementsChain(capture.elements),
    textCarrier,
    noCapture: capture.noCapture,
    notes,
  };
}

/**
 * Elements under `root` matching `selector` (a tag, or a narrowed `[data-row="2"] a`) whose
 * recorded text equals `text`: what a text candidate matches.
 */
export function textMatches(root: ParentNode, selector: string, text: string): Element[] {
  // Recorded text only drops and collapses whitespace, so each of its words is in textContent:
  // a cheap native check first, the exact (slower) recorded-text rule only for the survivors.
  const words = text.split(/\s+/);
  const privacy = new ElementPrivacy();
  const out: Element[] = [];
  for (const el of root.querySelectorAll(selector)) {
    const content = el.textContent ?? '';
    if (words.every((w) => content.includes(w)) && privacy.elementText(el) === text) out.push(el);
  }
  return out;
}

/** How many elements a text candidate matches (see textMatches). */
export const countTextMatches = (root: ParentNode, selector: string, text: string): number => textMatches(root, selector, text).length;
