// @ts-nocheck
import { captureElements, tagOf } from '../../autocapture/elements';
import { defaultScope, selectorCandidates, similarElements, type SelectorCandidate, type SelectorScope } from '../../selectors';
import { resolveTarget } from '../../selectors/target';
import { blankStep, field, matched } from './steps';
import type { DraftStep } from './types';

/** "New action from this element": the first step, pre-filled as PostHog's toolbar does (DOM). */

/** The chain keeps at most this much of an element's text, so an exact condition must too. */
const CHAIN_TEXT_LIMIT = 400;
/** Input types whose element acts as a button (they carry no recorded text, so rarely apply). */
const BUTTON_INPUT_TYPES = ['submit', 'button', 'reset'];

/** Context of stepFromElement. */
export interface ElementStepContext {
  /** The current page's URL, offered (unticked) as the step's url condition. */
  url: string;
  /** Ranked candidates for the element, when the caller already has them (else computed). */
  candidates?: SelectorCandidate[];
  /** Passed to selectorCandidates when `candidates` is absent. */
  dataAttributes?: string[];
  /** All elements similar to this one, or this one only (default: selectorCandidates' default). */
  scope?: SelectorScope;
}

/** Whether clicking the element reads as pressing a button (its text is the button's label). */
function isButtonLike(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'button' || el.getAttribute('role') === 'button') return true;
  return tag === 'input' && BUTTON_INPUT_TYPES.includes((el.getAttribute('type') ?? '').toLowerCase());
}

/**
 * One `$autocapture` step for a click on `element`:
 * - selector: the best candidate (candidates are for the element autocapture records, e.g. the
 *   button around a clicked SVG); a `text` candidate gives its tag as selector and ticks text.
 * - scope: for an element that is one of several similar ones (rows, cards), the selector covers
 *   all of them by default (see selectorCandidates); a condition is then ticked only when every
 *   similar element has the same value, so the step still matches all of them.
 * - text: the recorded text of that element (autocapture's `$el_text` rule: own text plus nested
 *   span text for links and buttons, privacy rules applied), else the text the chain records
 *   nearer the click; ticked, exact, for buttons and button-like elements.
 * - href: the href autocapture records for the link; ticked, exact, for links (not when the
 *   selector is already an href selector).
 * - url: the page URL, unticked, exact.
 * Fields with a value are present even when unticked; fields without one stay empty and off.
 */
export function stepFromElement(element: Element, ctx: ElementStepContext): DraftStep {
  const resolved = resolveTarget(element);
  const target = resolved.target;
  const capture = captureElements(target, true);
  const group = similarElements(element);
  const scope = ctx.scope ?? defaultScope(group);
  const candidates = ctx.candidates ?? selectorCandidates(element, { scope, ...(ctx.dataAttributes && { dataAttributes: ctx.dataAttributes }) });
  const best = candidates[0];
  // For all similar elements, a condition is only ticked when every one of them has the same value.
  const uniform = (read: (el: Element) => string | null | undefined) => scope === 'one' || !group || group.elements.every((el) => read(el) === read(target));
  const recordedOf = (el: Element) => captureElements(el, true).text;
  const hrefOf = (el: Element) => captureElements(el, true).href;

  const recordedText = (capture.text || resolved.textCarrier?.text || '').slice(0, CHAIN_TEXT_LIMIT);
  const byText = best?.kind === 'text' && best.text !== undefined;
  const text = byText ? (best.text as string) : recordedText;
  const href = capture.href ?? '';
  const isLink = tagOf(target) === 'a';

  return {
    ...blankStep('element', '$autocapture'),
    selector: best ? field(best.selector, true) : field(),
    text: matched(text, 'exact', text !== '' && (byText || (isButtonLike(target) && uniform(recordedOf)))),
    // An href selector already says it; for similar links, only a shared href.
    href: matched(href, 'exact', href !== '' && isLink && best?.kind !== 'href' && uniform(hrefOf)),
    url: matched(ctx.url, 'exact', false),
  };
}
